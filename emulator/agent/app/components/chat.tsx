import type { AgentSession } from '../agent-session.js';
import { Composer } from './composer.js';
import { Tools } from './tools.js';
import { Transcript } from './transcript.js';

const STATUS_TEXT = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  left: 'You left this chat',
  ended: 'Chat ended',
} as const;

export function Chat({ session }: { session: AgentSession }) {
  const customer = session.contact.Participants.find((p) => p.ParticipantRole === 'CUSTOMER')?.DisplayName ?? 'Customer';
  const status = session.status.value;
  return (
    <section class="chat" aria-labelledby="chat-heading" data-contact-id={session.contact.ContactId}>
      <div class="chat-head">
        <h2 id="chat-heading">Chat with {customer}</h2>
        <span id="chat-status" class={`status status-${status}`} role="status">
          {STATUS_TEXT[status]}
        </span>
      </div>
      <Transcript session={session} />
      <p id="typing" class="typing" aria-live="polite">
        {session.typing.value ? `${session.typing.value} is typing…` : ''}
      </p>
      {session.error.value && (
        <p id="chat-error" class="error" role="alert">
          {session.error.value}
        </p>
      )}
      <Composer session={session} />
      <Tools session={session} />
    </section>
  );
}

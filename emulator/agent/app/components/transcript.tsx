import { useEffect, useRef } from 'preact/hooks';
import type { AgentSession } from '../agent-session.js';
import { describeItem } from '../items.js';
import type { Entry } from '../items.js';

const PROCESSING_TEXT = { PROCESSING: 'processing…', REJECTED: 'rejected: not delivered', FAILED: 'processing failed: not delivered' } as const;

export function Transcript({ session }: { session: AgentSession }) {
  const entries = session.entries.value;
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [entries.length, entries.at(-1)?.item.Content]);
  return (
    <ol id="transcript" class="transcript" ref={list} aria-label="Transcript" aria-live="polite">
      {entries.map((entry) => (
        <Item key={entry.item.Id} entry={entry} session={session} />
      ))}
    </ol>
  );
}

function Item({ entry, session }: { entry: Entry; session: AgentSession }) {
  const { item } = entry;
  const view = describeItem(item);
  const own = item.ParticipantId === session.participantId;
  const time = item.AbsoluteTime ? new Date(item.AbsoluteTime).toLocaleTimeString() : '';
  const attachment = item.Attachments?.[0];
  return (
    <li
      class={`item item-${view.kind}${own ? ' own' : ''}`}
      data-item-id={item.Id}
      data-type={item.Type}
      data-role={item.ParticipantRole}
      data-content-type={item.ContentType}
    >
      {view.kind !== 'event' && <span class="who">{own ? 'You' : (item.DisplayName ?? item.ParticipantRole ?? '')}</span>}
      <time class="time" dateTime={item.AbsoluteTime}>
        {time}
      </time>
      {view.label && <span class="label">{view.label}</span>}
      {view.processing && <span class="status">{PROCESSING_TEXT[view.processing]}</span>}
      <span class="text">{view.text}</span>
      {view.kind === 'attachment' && attachment?.AttachmentId && attachment.Status === 'APPROVED' && (
        <button
          type="button"
          class="download"
          onClick={() => {
            session
              .attachmentUrl(attachment.AttachmentId ?? '')
              .then((url) => window.open(url, '_blank', 'noopener'))
              .catch((error: unknown) => session.fail(error));
          }}
        >
          Open
        </button>
      )}
      {own && (item.Type === 'MESSAGE' || item.Type === 'ATTACHMENT') && (
        <span class="receipt">{entry.read ? 'Read' : entry.delivered ? 'Delivered' : 'Sent'}</span>
      )}
      {view.json && (
        <details class="json">
          <summary>JSON</summary>
          <pre>{view.json}</pre>
        </details>
      )}
    </li>
  );
}

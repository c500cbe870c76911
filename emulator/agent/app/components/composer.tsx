import { useState } from 'preact/hooks';
import type { AgentSession } from '../agent-session.js';
import { commands } from '../state.js';

export function Composer({ session }: { session: AgentSession }) {
  const [text, setText] = useState('');
  const [markdown, setMarkdown] = useState(false);
  const [busy, setBusy] = useState(false);
  const disabled = !session.active;

  const send = async () => {
    const value = text.trim();
    if (!value || busy) return;
    setBusy(true);
    // The text stays in the box until the service accepted it: nothing typed is lost on failure.
    if (await commands.sendText(value, markdown)) setText('');
    setBusy(false);
  };

  return (
    <form
      id="composer"
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label for="message" class="visually-hidden">
        Message
      </label>
      <textarea
        id="message"
        rows={3}
        placeholder={markdown ? 'Message (markdown)…' : 'Message…'}
        value={text}
        disabled={disabled}
        onInput={(event) => {
          setText(event.currentTarget.value);
          session.typingNow();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            void send();
          }
        }}
      />
      <div class="composer-actions">
        <label>
          <input id="markdown" type="checkbox" checked={markdown} onChange={(event) => setMarkdown(event.currentTarget.checked)} /> Markdown
        </label>
        <button id="send" type="submit" disabled={disabled || busy || !text.trim()}>
          Send
        </button>
      </div>
    </form>
  );
}

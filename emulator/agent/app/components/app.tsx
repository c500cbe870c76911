import { consoleError, agentName, openSession } from '../state.js';
import { ContactList } from './contact-list.js';
import { Chat } from './chat.js';

export function App() {
  const session = openSession.value;
  return (
    <>
      <header class="bar">
        <h1>Agent console</h1>
        <label>
          Agent name{' '}
          <input id="agent-name" value={agentName.value} onInput={(event) => (agentName.value = event.currentTarget.value)} />
        </label>
      </header>
      {consoleError.value && (
        <p id="console-error" class="error" role="alert">
          {consoleError.value}
        </p>
      )}
      <main class="layout">
        <ContactList />
        {session ? (
          <Chat key={session.contact.InitialContactId} session={session} />
        ) : (
          <section class="chat empty" aria-label="Chat">
            <p>Join a contact to chat as the agent.</p>
          </section>
        )}
      </main>
    </>
  );
}

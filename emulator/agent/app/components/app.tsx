import { consoleError, agentName, openContact, openSession } from '../state.js';
import { ContactList } from './contact-list.js';
import { Chat } from './chat.js';
import { Details } from './details.js';
import { Tasks } from './tasks.js';

export function App() {
  const session = openSession.value;
  const contact = openContact.value;
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
        <div class="side">
          <ContactList />
          <Tasks />
        </div>
        <div class={`main${session && contact ? ' with-details' : ''}`}>
          {session ? (
            <Chat key={session.contact.InitialContactId} session={session} />
          ) : (
            !contact && (
              <section class="chat empty" aria-label="Chat">
                <p>Join a contact to chat as the agent.</p>
              </section>
            )
          )}
          {contact && <Details contact={contact} />}
        </div>
      </main>
    </>
  );
}

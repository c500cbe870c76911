import type { ContactInfo } from '../api.js';
import { contacts, join, open, openId, sessions } from '../state.js';

function customerName(contact: ContactInfo): string {
  return contact.Participants.find((participant) => participant.ParticipantRole === 'CUSTOMER')?.DisplayName ?? 'Customer';
}

export function ContactList() {
  const live = contacts.value.filter((contact) => contact.State === 'active');
  return (
    <section class="contacts" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Live contacts</h2>
      {live.length === 0 && <p id="no-contacts">No live contacts. Start a chat on the customer page.</p>}
      <ul id="contacts">
        {live.map((contact) => {
          const session = sessions.value.get(contact.InitialContactId);
          const joined = session?.active === true;
          const isOpen = openId.value === contact.InitialContactId;
          const agents = contact.Participants.filter((p) => p.ParticipantRole === 'AGENT' && p.State === 'joined').length;
          return (
            <li class={`contact${isOpen ? ' open' : ''}`} key={contact.ContactId} data-contact-id={contact.ContactId}>
              <span class="name">{customerName(contact)}</span>
              <span class="meta">
                <code>{contact.ContactId}</code> · since {new Date(contact.StartedAt).toLocaleTimeString()}
                {agents > 0 ? ` · ${agents} agent${agents > 1 ? 's' : ''}` : ''}
              </span>
              {joined ? (
                <button type="button" class="open-chat" onClick={() => open(contact.InitialContactId)} disabled={isOpen}>
                  {isOpen ? 'Open' : 'Show'}
                </button>
              ) : (
                <button type="button" class="join" onClick={() => void join(contact)}>
                  Join
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

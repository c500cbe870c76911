import type { ContactInfo } from '../api.js';
import { arrangeContacts, customerName, surveySummary, wantsAgent } from '../contacts.js';
import { contacts, join, open, openId, sessions } from '../state.js';

export function ContactList() {
  const { live, ended } = arrangeContacts(contacts.value);
  return (
    <section class="contacts" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Live contacts</h2>
      {live.length === 0 && <p id="no-contacts">No live contacts. Start a chat on the customer page.</p>}
      <ul id="contacts">
        {live.map((contact) => (
          <Row key={contact.InitialContactId} contact={contact} />
        ))}
      </ul>
      {ended.length > 0 && (
        <>
          <h2 id="ended-heading">Ended</h2>
          <ul id="ended-contacts" aria-labelledby="ended-heading">
            {ended.map((contact) => (
              <Row key={contact.InitialContactId} contact={contact} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Row({ contact }: { contact: ContactInfo }) {
  const key = contact.InitialContactId;
  const joined = sessions.value.get(key)?.active === true;
  const isOpen = openId.value === key;
  const agents = contact.Participants.filter((p) => p.ParticipantRole === 'AGENT' && p.State === 'joined').length;
  const waiting = wantsAgent(contact);
  const survey = surveySummary(contact);
  const live = contact.State === 'active';
  return (
    <li class={`contact${isOpen ? ' open' : ''}${waiting ? ' waiting' : ''}${live ? '' : ' ended'}`} data-contact-id={contact.ContactId}>
      <span class="name">
        {customerName(contact)}
        {waiting && <span class="flag">Wants an agent</span>}
      </span>
      <span class="meta">
        <code>{contact.ContactId}</code> · {live ? 'since' : 'started'} {new Date(contact.StartedAt).toLocaleTimeString()}
        {agents > 0 ? ` · ${agents} agent${agents > 1 ? 's' : ''}` : ''}
        {survey ? ` · survey: ${survey}` : ''}
      </span>
      {live && !joined ? (
        <button type="button" class="join" onClick={() => void join(contact)}>
          Join
        </button>
      ) : (
        <button type="button" class="open-chat" onClick={() => open(key)} disabled={isOpen} aria-label={`Show ${customerName(contact)}`}>
          {isOpen ? 'Open' : 'Show'}
        </button>
      )}
    </li>
  );
}

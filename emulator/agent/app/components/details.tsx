import type { ContactInfo } from '../api.js';
import { customerName, surveySummary, wantsAgent } from '../contacts.js';
import { Facts } from './facts.js';

const time = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : '');

/** What the customer gave (pre-chat answers and other contact attributes), the survey and the flow. */
export function Details({ contact }: { contact: ContactInfo }) {
  const attributes = Object.entries(contact.Attributes);
  const survey = contact.Survey;
  return (
    <section class="details" aria-labelledby="details-heading" data-contact-id={contact.ContactId}>
      <h2 id="details-heading">{customerName(contact)}</h2>
      <dl class="facts">
        <dt>Contact</dt>
        <dd>
          <code>{contact.ContactId}</code>
        </dd>
        <dt>Started</dt>
        <dd>{time(contact.StartedAt)}</dd>
        {contact.EndedAt && (
          <>
            <dt>Ended</dt>
            <dd>{time(contact.EndedAt)}</dd>
          </>
        )}
        {contact.Queue && (
          <>
            <dt>Queue</dt>
            <dd>
              {contact.Queue.Name} since {time(contact.Queue.EnqueuedAt)}
              {wantsAgent(contact) ? ' (waiting for an agent)' : ''}
            </dd>
          </>
        )}
        {contact.DisconnectFlow && (
          <>
            <dt>Disconnect flow</dt>
            <dd id="disconnect-flow">
              {contact.DisconnectFlow.Name} ({contact.DisconnectFlow.State})
            </dd>
          </>
        )}
      </dl>
      <h3>What the customer gave</h3>
      {attributes.length === 0 ? (
        <p class="muted">No contact attributes.</p>
      ) : (
        <Facts id="attributes" entries={attributes} />
      )}
      <h3>Post-chat survey</h3>
      {survey ? (
        <div id="survey" data-state={survey.State}>
          <p>{surveySummary(contact)}</p>
          {Object.keys(survey.Answers).length > 0 && <Facts entries={Object.entries(survey.Answers)} />}
        </div>
      ) : (
        <p class="muted">{contact.DisconnectFlow ? 'Runs when the chat ends.' : 'No survey for this contact.'}</p>
      )}
    </section>
  );
}

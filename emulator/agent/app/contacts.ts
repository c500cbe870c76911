// The console's contact list as pure functions: order, what each contact shows, and which ones
// need an agent.
import type { ContactInfo, TaskContact } from './api.js';

/** How many ended contacts the list keeps (newest first), so a long session stays readable. */
export const ENDED_SHOWN = 20;

export function customerName(contact: ContactInfo): string {
  return contact.Participants.find((participant) => participant.ParticipantRole === 'CUSTOMER')?.DisplayName ?? 'Customer';
}

function newestFirst<T extends { StartedAt?: string; CreatedAt?: string }>(list: readonly T[]): T[] {
  const time = (item: T) => item.StartedAt ?? item.CreatedAt ?? '';
  // ISO-8601 with milliseconds and Z: string order is time order.
  return [...list].sort((a, b) => time(b).localeCompare(time(a)));
}

/** Live contacts newest first, then the most recent ended ones. */
export function arrangeContacts(contacts: readonly ContactInfo[]): { live: ContactInfo[]; ended: ContactInfo[] } {
  return {
    live: newestFirst(contacts.filter((contact) => contact.State === 'active')),
    ended: newestFirst(contacts.filter((contact) => contact.State === 'ended')).slice(0, ENDED_SHOWN),
  };
}

export function arrangeTasks(tasks: readonly TaskContact[]): TaskContact[] {
  return newestFirst(tasks);
}

/** The flow queued the contact for an agent (the bot's handover) and no agent is in it yet. */
export function wantsAgent(contact: ContactInfo): boolean {
  return contact.State === 'active' && contact.Queue !== undefined && !contact.Participants.some((p) => p.ParticipantRole === 'AGENT' && p.State === 'joined');
}

/** One line about a survey: "4 / 5 · “Great help”", "skipped", "waiting for the customer", … */
export function surveySummary(contact: ContactInfo): string | undefined {
  const survey = contact.Survey;
  if (!survey) return undefined;
  switch (survey.State) {
    case 'pending':
      return 'waiting for the customer';
    case 'skipped':
      return 'skipped';
    case 'unanswered':
      return 'not answered';
    case 'answered': {
      const { rating, comment, ...rest } = survey.Answers;
      const parts = [rating ? `${rating} / 5` : '', comment ? `“${comment}”` : '', ...Object.entries(rest).map(([k, v]) => `${k}: ${v}`)];
      return parts.filter(Boolean).join(' · ') || 'answered';
    }
  }
}

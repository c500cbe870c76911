// The end of a chat with a post-chat survey (postChatSurvey), as a pure value: once the visitor ended
// the chat, or the last agent left it, the contact's disconnect flow runs; whatever the visitor sends
// from then on answers it. chatEnded reports whether that happened (`surveyAnswered`).
import { CONTENT_TYPE } from './content-types.js';
import type { ChatItem } from './transcript.js';
import type { TranscriptEntry } from './types.js';

export interface EndFlow {
  /** The disconnect flow may be talking to the visitor. */
  readonly running: boolean;
  /** The visitor sent something while it was. */
  readonly answered: boolean;
}

export const noEndFlow: EndFlow = { running: false, answered: false };

/** The visitor ended the chat (DisconnectParticipant succeeded). */
export function visitorEnded(flow: EndFlow): EndFlow {
  return flow.running ? flow : { ...flow, running: true };
}

/** New entries: an agent leaving starts the flow for the visitor; an agent joining (again) means the chat goes on. */
export function afterEntries(flow: EndFlow, entries: readonly TranscriptEntry[]): EndFlow {
  let next = flow;
  for (const entry of entries) {
    if (entry.kind !== 'notice' || entry.role !== 'AGENT') continue;
    if (entry.event === 'left' && !next.running) next = { ...next, running: true };
    if (entry.event === 'joined' && next.running) next = { ...next, running: false };
  }
  return next;
}

/** One of the visitor's messages reached the service. */
export function visitorSent(flow: EndFlow): EndFlow {
  return flow.running && !flow.answered ? { ...flow, answered: true } : flow;
}

/** The chat ended without a chat.ended event seen (ended while away, or none before the timeout): one is made here. */
export function endedNotice(contactId: string | undefined, time: string): ChatItem {
  return {
    Id: `local:ended:${contactId ?? ''}`,
    AbsoluteTime: time,
    Type: 'EVENT',
    ContentType: CONTENT_TYPE.chatEnded,
    ParticipantRole: 'SYSTEM',
    ...(contactId ? { ContactId: contactId } : {}),
  };
}

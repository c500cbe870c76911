// Pure helpers the transcript uses around interactive messages. They take the transcript
// entries (ChatSession.transcript) and never mutate them. Which entries show is visible.ts's (the
// transcript's chunk needs it for every chat); the rest comes with the templates' chunk, as an
// interactive message shows (the transcript then works out the states; until then there are none).
//
//   visibleEntries(entries)   drops paging requests (SHOW_MORE / PREVIOUS_OPTIONS, never shown)
//                             and interactive messages replaced by a later one with the same
//                             referenceId (the "show more" page replaces the old list).
//   interactiveStates(entries) which interactive message is actionable (only the latest item,
//                             when it is an incoming interactive message), the customer's answer
//                             to each older one (for the collapsed form) and how each own reply reads.
//                             Only a reply that answers the card counts (an option's title, a slot, a
//                             carousel choice, a view action): free text typed under a card is no answer.
//   latestIsView(entries)     true when free text typed now must go as viewFreeTextReply.
import { carouselChoice, describeReply, slotValue, viewAction } from './replies';
import { cardOf, isInteractive, visibleEntries, type Card, type EntryLike } from './visible';

export { isHiddenReply, referenceIdOf, visibleEntries, type EntryLike } from './visible';

interface Peek {
  templateType?: string;
  /** text/plain replies that answer the card: an option's title ('') or a slot's value (→ the slot's date). */
  choices?: Map<string, string>;
}

const TEXT = 'text/plain';

/** What a text/plain reply to this template can be (see Peek.choices). */
function choicesOf(templateType: unknown, body: Record<string, unknown>): Map<string, string> | undefined {
  const choices = new Map<string, string>();
  if (templateType === 'TimePicker' && Array.isArray(body.timeslots)) {
    const offset = typeof body.timeZoneOffset === 'number' ? body.timeZoneOffset : undefined;
    for (const slot of body.timeslots as { date?: unknown }[]) if (typeof slot?.date === 'string') choices.set(slotValue(slot.date, offset), slot.date);
  } else if ((templateType === 'ListPicker' || templateType === 'Panel' || templateType === 'QuickReply') && Array.isArray(body.elements)) {
    for (const element of body.elements as { title?: unknown }[]) if (typeof element?.title === 'string') choices.set(element.title, '');
  } else return undefined;
  return choices;
}

const peeks = new WeakMap<Card, Peek>();

function peek(content: string): Peek {
  const card = cardOf(content);
  let result = peeks.get(card);
  if (!result) {
    const choices = card.body && choicesOf(card.templateType, card.body);
    result = { ...(card.templateType ? { templateType: card.templateType } : {}), ...(choices ? { choices } : {}) };
    peeks.set(card, result);
  }
  return result;
}

export interface InteractiveStates {
  /** Id of the one interactive message that may be operated, or null. */
  actionableId: string | null;
  /** For interactive messages the customer answered: the answer as shown in the transcript. */
  answers: Map<string, string>;
  /** Own replies to interactive messages → how their bubble reads (see replyText). */
  replies: Map<string, string>;
}

export interface AnswerFormat {
  locale?: string;
  /** IANA zone; default the browser's. */
  timeZone?: string;
}

/** Whether `reply` (the next own message after the card) answers it, rather than being typed past it. */
function answers(card: Peek, reply: EntryLike): boolean {
  if (reply.kind !== 'message' || typeof reply.content !== 'string') return false;
  const type = reply.contentType ?? TEXT;
  if (card.templateType === 'ViewResource') return (viewAction(type, reply.content) ?? ' ').trim() !== '';
  if (type !== TEXT) return false;
  if (card.templateType === 'Carousel') return !!carouselChoice(reply.content);
  return !!card.choices?.has(reply.content);
}

/**
 * How an own reply reads: what was sent with it to show (the button pressed), else the chosen slot in
 * the visitor's locale and time zone (a TimePicker reply is a raw date on the wire), else its text.
 */
export function replyText(reply: EntryLike, card: Peek | undefined, format: AnswerFormat = {}): string {
  if (reply.display) return reply.display;
  const content = reply.content ?? '';
  const slot = card?.templateType === 'TimePicker' ? card.choices?.get(content) : undefined;
  if (slot) {
    const options: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
    try {
      return new Intl.DateTimeFormat(format.locale, { ...options, timeZone: format.timeZone }).format(Date.parse(slot));
    } catch {
      return new Intl.DateTimeFormat(undefined, options).format(Date.parse(slot)); // a bad locale or zone
    }
  }
  return describeReply(reply.contentType ?? TEXT, content).text;
}

/** See the top of this file. Notices (joined, idle, …) do not make an interactive message stale. */
export function interactiveStates(entries: readonly EntryLike[], format: AnswerFormat = {}): InteractiveStates {
  const shown = visibleEntries(entries).filter((e) => e.kind !== 'notice');
  const answered = new Map<string, string>();
  const replies = new Map<string, string>();
  let pending: (EntryLike & { content: string }) | null = null;
  for (const entry of shown) {
    if (isInteractive(entry) && !entry.own) {
      pending = entry;
      continue;
    }
    if (pending && entry.own) {
      const card = peek(pending.content);
      if (answers(card, entry)) {
        const text = replyText(entry, card, format);
        replies.set(entry.id, text);
        if (text !== '') answered.set(pending.id, text);
      }
      pending = null;
    }
  }
  const last = shown[shown.length - 1];
  const actionableId = last && isInteractive(last) && !last.own ? last.id : null;
  return { actionableId, answers: answered, replies };
}

/** True when the latest shown item (ignoring notices) is an incoming ViewResource message. */
export function latestIsView(entries: readonly EntryLike[]): boolean {
  const shown = visibleEntries(entries).filter((e) => e.kind !== 'notice');
  const last = shown[shown.length - 1];
  return !!last && isInteractive(last) && !last.own && peek(last.content).templateType === 'ViewResource';
}

// Pure helpers the transcript uses around interactive messages. They take the transcript
// entries (ChatSession.transcript) and never mutate them.
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
import { INTERACTIVE_CONTENT_TYPE, INTERACTIVE_RESPONSE_CONTENT_TYPE } from './types';

/** The fields these helpers read; TranscriptEntry satisfies it. */
export interface EntryLike {
  id: string;
  kind: string;
  own: boolean;
  contentType?: string;
  content?: string;
  /** Own sends: what the bubble shows instead of the content (MessageEntry.display). */
  display?: string;
}

interface Peek {
  templateType?: string;
  referenceId?: string;
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

// Parsing is cheap but transcripts can be long and re-derived often; remember recent results.
const peekCache = new Map<string, Peek>();
const PEEK_CACHE_MAX = 500;

function peek(content: string): Peek {
  const cached = peekCache.get(content);
  if (cached) return cached;
  let result: Peek = {};
  try {
    const raw: unknown = JSON.parse(content);
    if (raw && typeof raw === 'object') {
      const obj = raw as Record<string, unknown>;
      const data = obj.data && typeof obj.data === 'object' ? (obj.data as Record<string, unknown>) : undefined;
      const body = data && data.content && typeof data.content === 'object' ? (data.content as Record<string, unknown>) : undefined;
      const choices = body && choicesOf(obj.templateType, body);
      result = {
        ...(typeof obj.templateType === 'string' ? { templateType: obj.templateType } : {}),
        ...(body && typeof body.referenceId === 'string' && body.referenceId !== '' ? { referenceId: body.referenceId } : {}),
        ...(choices ? { choices } : {}),
      };
    }
  } catch {
    result = {};
  }
  if (peekCache.size >= PEEK_CACHE_MAX) peekCache.delete(peekCache.keys().next().value as string);
  peekCache.set(content, result);
  return result;
}

function isInteractive(entry: EntryLike): entry is EntryLike & { content: string } {
  return entry.kind === 'message' && entry.contentType === INTERACTIVE_CONTENT_TYPE && typeof entry.content === 'string';
}

/** True for own messages the transcript must not show (paging requests). */
export function isHiddenReply(entry: EntryLike): boolean {
  return (
    entry.kind === 'message' &&
    entry.contentType === INTERACTIVE_RESPONSE_CONTENT_TYPE &&
    typeof entry.content === 'string' &&
    describeReply(entry.contentType, entry.content).hidden
  );
}

/** The referenceId of an interactive message, if it has one. */
export function referenceIdOf(entry: EntryLike): string | undefined {
  return isInteractive(entry) ? peek(entry.content).referenceId : undefined;
}

/** Entries to show: without paging requests and without interactive messages a later one replaced. */
export function visibleEntries<T extends EntryLike>(entries: readonly T[]): T[] {
  const lastIndexByRef = new Map<string, number>();
  entries.forEach((entry, index) => {
    const ref = referenceIdOf(entry);
    if (ref) lastIndexByRef.set(ref, index);
  });
  return entries.filter((entry, index) => {
    if (isHiddenReply(entry)) return false;
    const ref = referenceIdOf(entry);
    return !ref || lastIndexByRef.get(ref) === index;
  });
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

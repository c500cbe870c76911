// Which transcript entries show (the transcript's chunk needs this for every chat; the rest of the
// interactive helpers, transcript.ts, come with the templates, when an interactive message shows):
//
//   visibleEntries(entries)   drops paging requests (SHOW_MORE / PREVIOUS_OPTIONS, never shown)
//                             and interactive messages replaced by a later one with the same
//                             referenceId (the "show more" page replaces the old list).
import { describeReply } from './reply-view';
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

/** An interactive message's envelope, read leniently. */
export interface Card {
  templateType?: string;
  referenceId?: string;
  /** data.content, the template's body. */
  body?: Record<string, unknown>;
}

// Parsing is cheap but transcripts can be long and re-derived often; remember recent results.
const cardCache = new Map<string, Card>();
const CARD_CACHE_MAX = 500;

export function cardOf(content: string): Card {
  const cached = cardCache.get(content);
  if (cached) return cached;
  let result: Card = {};
  try {
    const raw: unknown = JSON.parse(content);
    if (raw && typeof raw === 'object') {
      const obj = raw as Record<string, unknown>;
      const data = obj.data && typeof obj.data === 'object' ? (obj.data as Record<string, unknown>) : undefined;
      const body = data && data.content && typeof data.content === 'object' ? (data.content as Record<string, unknown>) : undefined;
      result = {
        ...(typeof obj.templateType === 'string' ? { templateType: obj.templateType } : {}),
        ...(body && typeof body.referenceId === 'string' && body.referenceId !== '' ? { referenceId: body.referenceId } : {}),
        ...(body ? { body } : {}),
      };
    }
  } catch {
    result = {};
  }
  if (cardCache.size >= CARD_CACHE_MAX) cardCache.delete(cardCache.keys().next().value as string);
  cardCache.set(content, result);
  return result;
}

export function isInteractive(entry: EntryLike): entry is EntryLike & { content: string } {
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
  return isInteractive(entry) ? cardOf(entry.content).referenceId : undefined;
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

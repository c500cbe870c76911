// Pure helpers the transcript uses around interactive messages. They take the transcript
// entries (ChatSession.transcript) and never mutate them.
//
//   visibleEntries(entries)   drops paging requests (SHOW_MORE / PREVIOUS_OPTIONS, never shown)
//                             and interactive messages replaced by a later one with the same
//                             referenceId (the "show more" page replaces the old list).
//   interactiveStates(entries) which interactive message is actionable (only the latest item,
//                             when it is an incoming interactive message) and the customer's
//                             answer to each older one (for the collapsed form).
//   latestIsView(entries)     true when free text typed now must go as viewFreeTextReply.
import { describeReply } from './replies';
import { INTERACTIVE_CONTENT_TYPE, INTERACTIVE_RESPONSE_CONTENT_TYPE } from './types';

/** The fields these helpers read; TranscriptEntry satisfies it. */
export interface EntryLike {
  id: string;
  kind: string;
  own: boolean;
  contentType?: string;
  content?: string;
}

interface Peek {
  templateType?: string;
  referenceId?: string;
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
      result = {
        ...(typeof obj.templateType === 'string' ? { templateType: obj.templateType } : {}),
        ...(body && typeof body.referenceId === 'string' && body.referenceId !== '' ? { referenceId: body.referenceId } : {}),
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
}

/** See the top of this file. Notices (joined, idle, …) do not make an interactive message stale. */
export function interactiveStates(entries: readonly EntryLike[]): InteractiveStates {
  const shown = visibleEntries(entries).filter((e) => e.kind !== 'notice');
  const answers = new Map<string, string>();
  let pending: string | null = null;
  for (const entry of shown) {
    if (isInteractive(entry) && !entry.own) {
      pending = entry.id;
      continue;
    }
    if (pending && entry.own) {
      const text =
        entry.kind === 'message' && typeof entry.content === 'string'
          ? describeReply(entry.contentType ?? 'text/plain', entry.content).text
          : '';
      if (text !== '') answers.set(pending, text);
      pending = null;
    }
  }
  const last = shown[shown.length - 1];
  const actionableId = last && isInteractive(last) && !last.own ? last.id : null;
  return { actionableId, answers };
}

/** True when the latest shown item (ignoring notices) is an incoming ViewResource message. */
export function latestIsView(entries: readonly EntryLike[]): boolean {
  const shown = visibleEntries(entries).filter((e) => e.kind !== 'notice');
  const last = shown[shown.length - 1];
  return !!last && isInteractive(last) && !last.own && peek(last.content).templateType === 'ViewResource';
}

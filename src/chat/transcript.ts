// The transcript as a pure value: items from the socket, from GetTranscript pages and from our own
// SendMessage responses are merged into one list that is deduplicated by Id, ordered by AbsoluteTime
// (stable: ties keep the order in which the items were first seen), with Lex streaming chunks
// stitched (chat-protocol.md §2) and receipts folded into the messages they are about (§4).
// Nothing here does I/O or reads a clock, so every rule is unit-testable.
// The parts: what an item means (item-entries.ts), the sorted rows and their index (rows.ts),
// streaming chunks (streaming.ts).
import { withFields } from './entry.js';
import {
  combine,
  endsChat,
  entriesOf,
  isAnchor,
  isTyping,
  laterProcessing,
  maxReceipt,
  processingOf,
  receiptsOf,
  sameEntry,
  withReceipt,
  type ChatItem,
  type ReceiptLevel,
  type TranscriptContext,
} from './item-entries.js';
import { compareRows, indexes, indexOf, noteAttachment, parseTime, rowById, RowsDraft, type Row, type TranscriptState } from './rows.js';
import { isStreamingChunk, stitchChunk } from './streaming.js';
import type { MessageProcessing, TranscriptEntry } from './types.js';

export type { ChatItem, ReceiptLevel, StreamingMetadata, TranscriptContext } from './item-entries.js';
export { compareRows, entriesOfState, hasId, rowById, type Row, type TranscriptState } from './rows.js';

export interface MergeResult {
  readonly state: TranscriptState;
  /** Entries that were not in the transcript before, in transcript order. */
  readonly added: readonly TranscriptEntry[];
  /** Entries whose content, status or receipt changed. */
  readonly updated: readonly TranscriptEntry[];
  /** Typing events from other participants (never stored). */
  readonly typing: readonly ChatItem[];
  /** A chat.ended event of the current contact was among the items. */
  readonly ended: boolean;
  /** Receipts this participant sent earlier (echoed by the service): never send them again. */
  readonly ownReceipts: readonly { messageId: string; level: ReceiptLevel }[];
}

export const emptyTranscript: TranscriptState = { rows: [], nextSeq: 0, streams: {}, earlyReceipts: {} };

/** Restores a state from persisted rows (e.g. after a reload). */
export function transcriptFromRows(rows: readonly Row[]): TranscriptState {
  const sorted = [...rows].sort(compareRows);
  const nextSeq = sorted.reduce((max, r) => Math.max(max, r.seq + 1), 0);
  return { rows: sorted, nextSeq, streams: {}, earlyReceipts: {} };
}

/**
 * Merges items into the transcript. Items may come in any order and any number of times; the
 * result is the same as if each distinct item had been merged once, in AbsoluteTime order.
 * The cost per item does not grow with the transcript (lookups by index, binary search, append
 * fast path) except for one copy of the row array when something changes; a merge that changes
 * nothing (duplicates, typing, known receipts) returns the same state.
 */
export function mergeItems(
  state: TranscriptState,
  items: readonly ChatItem[],
  ctx: TranscriptContext,
  /**
   * False for items that did not come from the service's stream or transcript (our own
   * SendMessage answers): they must not move the gap-fill start past items not yet received.
   */
  trusted = true,
): MergeResult {
  // Taken away first: were a merge to throw half-way, the old state must not keep a changed index.
  const index = indexOf(state);
  indexes.delete(state);
  const { byId, byAttachment } = index;
  /** The rows to change: copied from the state's on the first change (the state's stay as they are). */
  let draft: RowsDraft | null = null;
  const writable = (): RowsDraft => (draft ??= new RowsDraft(state.rows, index));
  const replace = (old: Row, next: Row): void => {
    writable().replace(old, next);
    byId.set(next.entry.id, next);
  };

  let nextSeq = state.nextSeq;
  let streams = state.streams;
  let earlyReceipts = state.earlyReceipts;
  const addedIds = new Set<string>();
  const updatedIds = new Set<string>();
  const typing: ChatItem[] = [];
  const ownReceipts: { messageId: string; level: ReceiptLevel }[] = [];
  let ended = false;

  const byAttachmentId = (attachmentId: string): Row | undefined => {
    const id = byAttachment.get(attachmentId);
    const row = id === undefined ? undefined : byId.get(id);
    return row && row.entry.kind === 'attachment' && row.entry.attachmentId === attachmentId ? row : undefined;
  };

  const put = (entry: TranscriptEntry, anchorable: boolean): void => {
    const anchor = trusted && anchorable;
    // Attachments may be reported again under another Id with a new scan status: match by AttachmentId too.
    const old = byId.get(entry.id) ?? (entry.kind === 'attachment' && entry.attachmentId ? byAttachmentId(entry.attachmentId) : undefined);
    if (old) {
      const next = combine(old.entry, withFields(entry, { id: old.entry.id }), trusted);
      if (sameEntry(old.entry, next)) {
        // The service confirmed an item we only had from an untrusted source: it may anchor now.
        if (anchor && !old.anchor) replace(old, { ...old, anchor: true });
        return;
      }
      replace(old, { entry: next, seq: old.seq, t: parseTime(next.time), anchor: old.anchor || anchor });
      noteAttachment(index, next);
      if (!addedIds.has(next.id)) updatedIds.add(next.id);
      return;
    }
    const early = earlyReceipts[entry.id];
    let fresh = entry;
    if (early) {
      fresh = withReceipt(entry, early);
      const { [entry.id]: _used, ...rest } = earlyReceipts;
      earlyReceipts = rest;
    }
    const row: Row = { entry: fresh, seq: nextSeq++, t: parseTime(fresh.time), anchor };
    writable().insert(row);
    byId.set(fresh.id, row);
    noteAttachment(index, fresh);
    addedIds.add(fresh.id);
  };

  const foldReceipt = (messageId: string, level: ReceiptLevel): void => {
    const old = byId.get(messageId);
    if (!old) {
      earlyReceipts = { ...earlyReceipts, [messageId]: maxReceipt(earlyReceipts[messageId], level) ?? level };
      return;
    }
    const next = withReceipt(old.entry, level);
    if (next === old.entry) return;
    replace(old, { ...old, entry: next });
    if (!addedIds.has(messageId)) updatedIds.add(messageId);
  };

  /** A MESSAGEMETADATA item's processing status for a message we have (or it is dropped: the message's own copy carries it). */
  const foldProcessing = (messageId: string, processing: MessageProcessing): void => {
    const old = byId.get(messageId);
    if (!old || old.entry.kind !== 'message') return;
    const next = laterProcessing(old.entry.processing, processing, trusted);
    if (next === old.entry.processing) return;
    replace(old, { ...old, entry: withFields(old.entry, { processing: next }) });
    if (!addedIds.has(messageId)) updatedIds.add(messageId);
  };

  for (const item of items) {
    if (isTyping(item)) {
      if (item.ParticipantId !== ctx.participantId) typing.push(item);
      continue;
    }
    if (item.Type === 'MESSAGEMETADATA') {
      const target = item.MessageMetadata?.MessageId;
      if (!target) continue;
      const { other, own } = receiptsOf(item.MessageMetadata, ctx, undefined);
      if (own) ownReceipts.push({ messageId: target, level: own });
      if (other) foldReceipt(target, other);
      const processing = processingOf(item.MessageMetadata?.MessageProcessingStatus);
      if (processing) foldProcessing(target, processing);
      continue;
    }
    if (!item.Id) continue;
    if (endsChat(item)) ended = true;

    if (isStreamingChunk(item)) {
      const stitched = stitchChunk(item, streams[item.Id], byId.get(item.Id)?.entry, ctx);
      if (stitched) {
        streams = { ...streams, [item.Id]: stitched.stream };
        put(stitched.entry, isAnchor(item));
      }
      continue;
    }

    const entries = entriesOf(item, ctx);
    for (const entry of entries) put(entry, isAnchor(item));
    if ((item.Type === 'MESSAGE' || item.Type === 'ATTACHMENT') && item.MessageMetadata?.Receipts) {
      const { other, own } = receiptsOf(item.MessageMetadata, ctx, item.ParticipantId);
      if (own) ownReceipts.push({ messageId: item.Id, level: own });
      if (other) foldReceipt(item.Id, other);
    }
  }

  const result = (ids: ReadonlySet<string>): TranscriptEntry[] => {
    const rows: Row[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (row) rows.push(row);
    }
    return rows.sort(compareRows).map((r) => r.entry);
  };
  const edited = draft as RowsDraft | null; // assigned in closures, which narrowing does not see
  const unchanged = !edited && nextSeq === state.nextSeq && streams === state.streams && earlyReceipts === state.earlyReceipts;
  const next: TranscriptState = unchanged ? state : { rows: edited ? edited.done() : state.rows, nextSeq, streams, earlyReceipts };
  indexes.set(next, index);
  return {
    state: next,
    added: result(addedIds),
    updated: result(updatedIds),
    typing,
    ended,
    ownReceipts,
  };
}

/** Id of the newest item GetTranscript knows: where a FORWARD gap fill starts. */
export function lastAnchorId(state: TranscriptState): string | undefined {
  for (let i = state.rows.length - 1; i >= 0; i--) {
    const r = state.rows[i];
    if (r.anchor && !r.entry.id.includes('#')) return r.entry.id;
  }
  return undefined;
}

/** Id of the oldest known item of a contact (undefined = the current chain): where BACKWARD paging continues. */
export function oldestAnchorId(state: TranscriptState, contactId?: string): string | undefined {
  for (const r of state.rows) {
    if (r.entry.id.includes('#') || r.entry.id.startsWith('local:')) continue;
    if (contactId === undefined ? r.anchor : r.entry.contactId === contactId) return r.entry.id;
  }
  return undefined;
}

/** Drops the oldest rows beyond `limit` (for bounded storage). Keeps order and seq. */
export function boundRows(rows: readonly Row[], limit: number): readonly Row[] {
  return rows.length <= limit ? rows : rows.slice(rows.length - limit);
}

/** The ClientTokens of the own sends these rows show (the service confirmed them). */
export function ownTokens(rows: readonly Row[]): Set<string> {
  const tokens = new Set<string>();
  for (const r of rows) if (r.entry.kind === 'message' && r.entry.clientToken) tokens.add(r.entry.clientToken);
  return tokens;
}

/** Attaches a ClientToken to the entry with this Id (own send confirmed), if present. */
export function claimOwnSend(state: TranscriptState, id: string, clientToken: string, display?: string): TranscriptState {
  const row = rowById(state, id);
  if (!row || row.entry.kind !== 'message' || (row.entry.clientToken === clientToken && row.entry.display === display)) return state;
  const index = indexOf(state);
  indexes.delete(state);
  const draft = new RowsDraft(state.rows, index);
  const claimed: Row = { ...row, entry: withFields(row.entry, { clientToken, status: 'sent', display }) };
  draft.replace(row, claimed);
  index.byId.set(id, claimed);
  const next = { ...state, rows: draft.done() };
  indexes.set(next, index);
  return next;
}

// The transcript as a pure value: items from the socket, from GetTranscript pages and from our own
// SendMessage responses are merged into one list that is deduplicated by Id, ordered by AbsoluteTime
// (stable: ties keep the order in which the items were first seen), with Lex streaming chunks
// stitched (chat-protocol.md §2) and receipts folded into the messages they are about (§4).
// Nothing here does I/O or reads a clock, so every rule is unit-testable.
import type { Item, MessageMetadata } from '../client/types.js';
import { CONTENT_TYPE, NOTICE_EVENTS } from './content-types.js';
import { attachmentEntry, messageEntry, noticeEntry, withFields } from './entry.js';
import type {
  AttachmentStatus,
  MessageProcessing,
  NoticeEvent,
  ParticipantRole,
  TranscriptEntry,
} from './types.js';

/** Streaming fields that Lex bot chunks carry in MessageMetadata (not in the service model). */
export interface StreamingMetadata {
  MessageCompleted?: boolean | null;
  ChunkNumber?: number;
}

/** An item as it arrives: the model's Item plus fields seen on the wire but not in the model. */
export type ChatItem = Omit<Item, 'Type' | 'MessageMetadata'> & {
  /** The model's ChatItemType plus 'MESSAGEMETADATA', which the socket uses for receipts. */
  Type?: string;
  MessageMetadata?: MessageMetadata & StreamingMetadata;
  InitialContactId?: string;
};

export type ReceiptLevel = 'delivered' | 'read';

/** Who "we" are, so items can be told apart as own or other. */
export interface TranscriptContext {
  /** Own ParticipantId. */
  participantId: string;
  /** Used when an item has no AbsoluteTime (should not happen with the real service). */
  fallbackTime?: string;
}

export interface Row {
  readonly entry: TranscriptEntry;
  /** Order of first sight; breaks ties between equal AbsoluteTimes and is persisted with the row. */
  readonly seq: number;
  /** AbsoluteTime in ms (NaN sorts first). */
  readonly t: number;
  /**
   * True when GetTranscript can return this item (a stored message, attachment or event of the
   * current contact chain), so its Id may serve as a FORWARD StartPosition for gap fill.
   */
  readonly anchor: boolean;
}

interface StreamState {
  /** Last ChunkNumber stitched in order. */
  readonly chunk: number;
  readonly completed: boolean;
}

export interface TranscriptState {
  /** Sorted by (t, seq). */
  readonly rows: readonly Row[];
  /** Next seq to hand out. */
  readonly nextSeq: number;
  /** Streaming bot messages by Id. */
  readonly streams: Readonly<Record<string, StreamState>>;
  /** Receipts that arrived before their message, by MessageId. */
  readonly earlyReceipts: Readonly<Record<string, ReceiptLevel>>;
}

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

export function compareRows(a: Row, b: Row): number {
  const ta = Number.isNaN(a.t) ? -Infinity : a.t;
  const tb = Number.isNaN(b.t) ? -Infinity : b.t;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.seq - b.seq;
}

export function parseTime(iso: string): number {
  return Date.parse(iso);
}

function maxReceipt(a: ReceiptLevel | undefined, b: ReceiptLevel | undefined): ReceiptLevel | undefined {
  if (a === 'read' || b === 'read') return 'read';
  return a ?? b;
}

function isTyping(item: ChatItem): boolean {
  return item.ContentType === CONTENT_TYPE.typing || item.Type === 'TYPING';
}

/** Lex streaming chunk: a SYSTEM MESSAGE whose metadata carries MessageCompleted (chat-protocol.md §2). */
export function isStreamingChunk(item: ChatItem): boolean {
  const completed = item.MessageMetadata?.MessageCompleted;
  return item.Type === 'MESSAGE' && item.ParticipantRole === 'SYSTEM' && completed !== undefined && completed !== null;
}

const LEGACY_EVENT_TYPES: Readonly<Record<string, NoticeEvent>> = {
  PARTICIPANT_JOINED: 'joined',
  PARTICIPANT_LEFT: 'left',
  CHAT_ENDED: 'ended',
  TRANSFER_SUCCEEDED: 'transfer-succeeded',
  TRANSFER_FAILED: 'transfer-failed',
};

/** Which notice an event item becomes, or undefined when it is not shown. */
export function noticeEventOf(item: ChatItem): NoticeEvent | undefined {
  if (item.ContentType && NOTICE_EVENTS[item.ContentType]) return NOTICE_EVENTS[item.ContentType];
  return item.Type ? LEGACY_EVENT_TYPES[item.Type] : undefined;
}

/** An item of an earlier contact, rehydrated into a persistent chat. */
function isRelated(item: ChatItem): boolean {
  return item.RelatedContactId !== undefined && item.RelatedContactId !== '' && !item.ContactId;
}

/** True for an item that ends the current chat. */
export function endsChat(item: ChatItem): boolean {
  return noticeEventOf(item) === 'ended' && !isRelated(item);
}

function isOwn(item: ChatItem, ctx: TranscriptContext): boolean {
  // A customer chat has one customer: CUSTOMER items of earlier (rehydrated) contacts are ours too,
  // although they carry the ParticipantId of that earlier contact.
  return item.ParticipantId === ctx.participantId || item.ParticipantRole === 'CUSTOMER';
}

/** Maps one item to its entries (an ATTACHMENT item may carry several files). Typing/metadata → []. */
export function entriesOf(item: ChatItem, ctx: TranscriptContext): TranscriptEntry[] {
  if (!item.Id || isTyping(item) || item.Type === 'MESSAGEMETADATA') return [];
  const base = {
    id: item.Id,
    time: item.AbsoluteTime || ctx.fallbackTime || '',
    participantId: item.ParticipantId ?? '',
    displayName: item.DisplayName ?? '',
    role: (item.ParticipantRole ?? 'SYSTEM') as ParticipantRole,
    own: isOwn(item, ctx),
    contactId: item.ContactId || item.RelatedContactId || undefined,
  };
  if (item.Type === 'ATTACHMENT' || (item.Attachments && item.Attachments.length > 0 && item.Type !== 'MESSAGE')) {
    return (item.Attachments ?? []).map((a, i) =>
      attachmentEntry({
        ...base,
        id: i === 0 ? base.id : `${base.id}#${i}`,
        attachmentId: a.AttachmentId ?? '',
        name: a.AttachmentName ?? '',
        contentType: a.ContentType ?? 'application/octet-stream',
        status: (a.Status ?? 'APPROVED') as AttachmentStatus,
      }),
    );
  }
  if (item.Type === 'MESSAGE') {
    return [
      messageEntry({
        ...base,
        contentType: item.ContentType || CONTENT_TYPE.plain,
        content: item.Content ?? '',
        status: base.own ? 'sent' : undefined,
        processing: processingOf(item.MessageMetadata?.MessageProcessingStatus),
      }),
    ];
  }
  const event = noticeEventOf(item);
  if (!event) return [];
  return [noticeEntry({ ...base, event, contentType: item.ContentType ?? '', content: item.Content })];
}

/** MessageMetadata.MessageProcessingStatus as an entry shows it (absent = delivered). */
function processingOf(status: string | undefined): MessageProcessing | undefined {
  if (status === 'PROCESSING') return 'processing';
  if (status === 'REJECTED') return 'rejected';
  if (status === 'FAILED') return 'failed';
  return undefined;
}

/**
 * The processing state after a newer copy of a message: rejected and failed are final; a copy from
 * our own SendMessage answer (untrusted) never overrides what the service's stream already said.
 */
function laterProcessing(old: MessageProcessing | undefined, fresh: MessageProcessing | undefined, trusted: boolean): MessageProcessing | undefined {
  if (old === 'rejected' || old === 'failed') return old;
  return trusted ? fresh : old;
}

/** Receipts in an item (MESSAGEMETADATA or a transcript MESSAGE's metadata), split by recipient. */
function receiptsOf(
  metadata: MessageMetadata | undefined,
  ctx: TranscriptContext,
  senderId: string | undefined,
): { other?: ReceiptLevel; own?: ReceiptLevel } {
  let other: ReceiptLevel | undefined;
  let own: ReceiptLevel | undefined;
  for (const r of metadata?.Receipts ?? []) {
    const level: ReceiptLevel | undefined = r.ReadTimestamp ? 'read' : r.DeliveredTimestamp ? 'delivered' : undefined;
    if (!level) continue;
    if (r.RecipientParticipantId === ctx.participantId) own = maxReceipt(own, level);
    else if (r.RecipientParticipantId !== senderId) other = maxReceipt(other, level);
  }
  return { other, own };
}

function withReceipt(entry: TranscriptEntry, level: ReceiptLevel | undefined): TranscriptEntry {
  if (!level || !entry.own || entry.kind === 'notice') return entry;
  const next = maxReceipt(entry.receipt, level);
  return next === entry.receipt ? entry : withFields(entry, { receipt: next });
}

function sameEntry(a: TranscriptEntry, b: TranscriptEntry): boolean {
  if (a.kind !== b.kind || a.time !== b.time || a.displayName !== b.displayName) return false;
  if (a.kind === 'message' && b.kind === 'message') {
    return a.content === b.content && a.status === b.status && a.receipt === b.receipt && a.streaming === b.streaming && a.processing === b.processing;
  }
  if (a.kind === 'attachment' && b.kind === 'attachment') return a.status === b.status && a.receipt === b.receipt;
  return true;
}

/** Combines a newer version of an entry with what we knew: client token, send status and receipts stay. */
function combine(old: TranscriptEntry, fresh: TranscriptEntry, trusted: boolean): TranscriptEntry {
  let next: TranscriptEntry = fresh;
  if (old.kind === 'message' && fresh.kind === 'message') {
    next = withFields(fresh, {
      clientToken: old.clientToken || fresh.clientToken,
      status: old.own ? 'sent' : fresh.status,
      display: old.display ?? fresh.display,
      processing: laterProcessing(old.processing, fresh.processing, trusted),
    });
  }
  if (old.kind !== 'notice' && next.kind !== 'notice') next = withReceipt(next, old.receipt);
  return next;
}

function isAnchor(item: ChatItem): boolean {
  if (!item.Id || isTyping(item) || item.Type === 'MESSAGEMETADATA' || isRelated(item)) return false;
  const type = item.Type ?? '';
  return type === 'MESSAGE' || type === 'ATTACHMENT' || type === 'EVENT' || type in LEGACY_EVENT_TYPES;
}

/**
 * Lookups kept beside a state so that a merge costs O(log n) per item instead of O(n).
 * byId: entry id → the row in state.rows; byAttachment: AttachmentId → the id of its row.
 * An index belongs to exactly one state (the key in `indexes`). A merge takes it away from the state
 * it starts from before changing it and hands it to the state it returns, so an older state is
 * never corrupted: merging an older state again (or a state made elsewhere, e.g. from stored or
 * mirrored rows) finds no index and builds a fresh one from its rows.
 */
interface TranscriptIndex {
  readonly byId: Map<string, Row>;
  readonly byAttachment: Map<string, string>;
  /** Whether the rows are sorted: checked once when the index is built (rows made elsewhere may not be). */
  sorted: boolean;
}

const indexes = new WeakMap<TranscriptState, TranscriptIndex>();

function noteAttachment(index: TranscriptIndex, entry: TranscriptEntry): void {
  if (entry.kind === 'attachment' && entry.attachmentId) index.byAttachment.set(entry.attachmentId, entry.id);
}

function buildIndex(rows: readonly Row[]): TranscriptIndex {
  const index: TranscriptIndex = { byId: new Map(), byAttachment: new Map(), sorted: isSorted(rows) };
  // Later rows win, as in a scan from oldest to newest.
  for (const r of rows) {
    index.byId.set(r.entry.id, r);
    noteAttachment(index, r.entry);
  }
  return index;
}

function isSorted(rows: readonly Row[]): boolean {
  for (let i = 1; i < rows.length; i++) if (compareRows(rows[i - 1], rows[i]) > 0) return false;
  return true;
}

/** The index of this state (built and kept the first time it is asked for). */
function indexOf(state: TranscriptState): TranscriptIndex {
  let index = indexes.get(state);
  if (!index) {
    index = buildIndex(state.rows);
    indexes.set(state, index);
  }
  return index;
}

/** First position whose row does not sort before `row`. */
function lowerBound(rows: readonly Row[], row: Row): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRows(rows[mid], row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where this exact row object sits in sorted rows. */
function positionOf(rows: readonly Row[], row: Row): number {
  for (let i = lowerBound(rows, row); i < rows.length && compareRows(rows[i], row) === 0; i++) {
    if (rows[i] === row) return i;
  }
  return rows.indexOf(row); // not reached while rows are sorted and seqs unique
}

/** Where a new row goes: after every row that does not sort after it. Appending is the common case. */
function insertionPoint(rows: readonly Row[], row: Row): number {
  const last = rows[rows.length - 1];
  if (!last || compareRows(last, row) <= 0) return rows.length;
  let at = lowerBound(rows, row);
  while (at < rows.length && compareRows(rows[at], row) === 0) at++;
  return at;
}

/**
 * The entries of a row array (what the transcript signal shows), by array. A merge derives the
 * entries of its new rows from these with the same edits instead of mapping every row again.
 */
const entryLists = new WeakMap<readonly Row[], readonly TranscriptEntry[]>();

/** The entries of the state's rows, in order. Shared: never change the returned array. */
export function entriesOfState(state: TranscriptState): readonly TranscriptEntry[] {
  let entries = entryLists.get(state.rows);
  if (!entries) {
    entries = state.rows.map((r) => r.entry);
    entryLists.set(state.rows, entries);
  }
  return entries;
}

/** A copy of a state's rows (and of their entry list, when there is one) that edits keep in step. */
class RowsDraft {
  readonly rows: Row[];
  private entries: TranscriptEntry[] | null;

  constructor(from: readonly Row[], index: TranscriptIndex) {
    this.rows = from.slice();
    const entries = entryLists.get(from);
    this.entries = entries ? entries.slice() : null;
    if (!index.sorted) {
      // Rows made elsewhere (stored, mirrored) may come unsorted; from here on they are sorted.
      this.rows.sort(compareRows);
      this.entries = null;
      index.sorted = true;
    }
  }

  insert(row: Row): void {
    const at = insertionPoint(this.rows, row);
    if (at === this.rows.length) {
      this.rows.push(row);
      this.entries?.push(row.entry);
    } else {
      this.rows.splice(at, 0, row);
      this.entries?.splice(at, 0, row.entry);
    }
  }

  replace(old: Row, next: Row): void {
    const at = positionOf(this.rows, old);
    if (next.t === old.t || (Number.isNaN(next.t) && Number.isNaN(old.t))) {
      this.rows[at] = next;
      if (this.entries) this.entries[at] = next.entry;
      return;
    }
    this.rows.splice(at, 1);
    this.entries?.splice(at, 1);
    this.insert(next);
  }

  /** The finished rows; their entry list is remembered for the next merge and the view. */
  done(): Row[] {
    if (this.entries) entryLists.set(this.rows, this.entries);
    return this.rows;
  }
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
      const id = item.Id;
      const stream = streams[id];
      const completed = item.MessageMetadata?.MessageCompleted === true;
      const chunk = item.MessageMetadata?.ChunkNumber ?? 0;
      if (stream?.completed) continue; // the completed message already replaced every partial
      const oldEntry = byId.get(id)?.entry;
      if (completed) {
        // The completed chunk carries the whole message and replaces the partials; the message keeps
        // the place (time) of its first chunk so it does not jump while it grows.
        const [entry] = entriesOf(item, ctx);
        if (!entry || entry.kind !== 'message') continue;
        streams = { ...streams, [id]: { chunk, completed: true } };
        put(withFields(entry, { time: oldEntry?.time ?? entry.time, streaming: false }), isAnchor(item));
        continue;
      }
      if (!stream && !oldEntry) {
        if (chunk !== 1) continue; // a stream must start at chunk 1; later chunks wait for completion
        const [entry] = entriesOf(item, ctx);
        if (!entry || entry.kind !== 'message') continue;
        streams = { ...streams, [id]: { chunk: 1, completed: false } };
        put(withFields(entry, { streaming: true }), isAnchor(item));
        continue;
      }
      if (!stream || chunk !== stream.chunk + 1 || !oldEntry || oldEntry.kind !== 'message') continue;
      streams = { ...streams, [id]: { chunk, completed: false } };
      put(withFields(oldEntry, { content: oldEntry.content + (item.Content ?? ''), streaming: true }), isAnchor(item));
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

export function hasId(state: TranscriptState, id: string): boolean {
  return indexOf(state).byId.has(id);
}

/** The row of the entry with this Id, if present. */
export function rowById(state: TranscriptState, id: string): Row | undefined {
  return indexOf(state).byId.get(id);
}

/** Drops the oldest rows beyond `limit` (for bounded storage). Keeps order and seq. */
export function boundRows(rows: readonly Row[], limit: number): readonly Row[] {
  return rows.length <= limit ? rows : rows.slice(rows.length - limit);
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

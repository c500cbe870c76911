// The transcript as a pure value: items from the socket, from GetTranscript pages and from our own
// SendMessage responses are merged into one list that is deduplicated by Id, ordered by AbsoluteTime
// (stable: ties keep the order in which the items were first seen), with Lex streaming chunks
// stitched (chat-protocol.md §2) and receipts folded into the messages they are about (§4).
// Nothing here does I/O or reads a clock, so every rule is unit-testable.
import type { Item, MessageMetadata } from '../client/types.js';
import { CONTENT_TYPE, NOTICE_EVENTS } from './content-types.js';
import type {
  AttachmentEntry,
  AttachmentStatus,
  MessageEntry,
  NoticeEntry,
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
    ...(item.ContactId || item.RelatedContactId ? { contactId: item.ContactId || item.RelatedContactId } : {}),
  };
  if (item.Type === 'ATTACHMENT' || (item.Attachments && item.Attachments.length > 0 && item.Type !== 'MESSAGE')) {
    return (item.Attachments ?? []).map((a, i): AttachmentEntry => ({
      ...base,
      id: i === 0 ? base.id : `${base.id}#${i}`,
      kind: 'attachment',
      attachmentId: a.AttachmentId ?? '',
      name: a.AttachmentName ?? '',
      contentType: a.ContentType ?? 'application/octet-stream',
      status: (a.Status ?? 'APPROVED') as AttachmentStatus,
    }));
  }
  if (item.Type === 'MESSAGE') {
    const entry: MessageEntry = {
      ...base,
      kind: 'message',
      contentType: item.ContentType || CONTENT_TYPE.plain,
      content: item.Content ?? '',
      ...(base.own ? { status: 'sent' as const } : {}),
    };
    return [entry];
  }
  const event = noticeEventOf(item);
  if (!event) return [];
  const notice: NoticeEntry = {
    ...base,
    kind: 'notice',
    event,
    contentType: item.ContentType ?? '',
    ...(item.Content !== undefined ? { content: item.Content } : {}),
  };
  return [notice];
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
  return next === entry.receipt ? entry : { ...entry, receipt: next };
}

function sameEntry(a: TranscriptEntry, b: TranscriptEntry): boolean {
  if (a.kind !== b.kind || a.time !== b.time || a.displayName !== b.displayName) return false;
  if (a.kind === 'message' && b.kind === 'message') {
    return a.content === b.content && a.status === b.status && a.receipt === b.receipt && a.streaming === b.streaming;
  }
  if (a.kind === 'attachment' && b.kind === 'attachment') return a.status === b.status && a.receipt === b.receipt;
  return true;
}

/** Combines a newer version of an entry with what we knew: client token, send status and receipts stay. */
function combine(old: TranscriptEntry, fresh: TranscriptEntry): TranscriptEntry {
  let next: TranscriptEntry = fresh;
  if (old.kind === 'message' && fresh.kind === 'message') {
    next = {
      ...fresh,
      ...(old.clientToken ? { clientToken: old.clientToken } : {}),
      ...(old.own ? { status: 'sent' as const } : {}),
    };
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
 * Merges items into the transcript. Items may come in any order and any number of times; the
 * result is the same as if each distinct item had been merged once, in AbsoluteTime order.
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
  const rows = [...state.rows];
  const index = new Map<string, number>();
  rows.forEach((r, i) => index.set(r.entry.id, i));
  // Attachments may be reported again under another Id with a new scan status: match by AttachmentId too.
  const byAttachment = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.entry.kind === 'attachment' && r.entry.attachmentId) byAttachment.set(r.entry.attachmentId, i);
  });
  let nextSeq = state.nextSeq;
  let streams = state.streams;
  let earlyReceipts = state.earlyReceipts;
  const addedIds = new Set<string>();
  const updatedIds = new Set<string>();
  const typing: ChatItem[] = [];
  const ownReceipts: { messageId: string; level: ReceiptLevel }[] = [];
  let ended = false;
  let needsSort = false;

  const put = (entry: TranscriptEntry, anchorable: boolean): void => {
    const anchor = trusted && anchorable;
    const at = index.get(entry.id) ?? (entry.kind === 'attachment' && entry.attachmentId ? byAttachment.get(entry.attachmentId) : undefined);
    if (at !== undefined) {
      const old = rows[at];
      const next = combine(old.entry, { ...entry, id: old.entry.id });
      if (sameEntry(old.entry, next)) {
        // The service confirmed an item we only had from an untrusted source: it may anchor now.
        if (anchor && !old.anchor) rows[at] = { ...old, anchor: true };
        return;
      }
      const t = parseTime(next.time);
      if (t !== old.t) needsSort = true;
      rows[at] = { entry: next, seq: old.seq, t, anchor: old.anchor || anchor };
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
    const last = rows[rows.length - 1];
    if (last && compareRows(last, row) > 0) needsSort = true;
    rows.push(row);
    index.set(fresh.id, rows.length - 1);
    if (fresh.kind === 'attachment' && fresh.attachmentId) byAttachment.set(fresh.attachmentId, rows.length - 1);
    addedIds.add(fresh.id);
  };

  const foldReceipt = (messageId: string, level: ReceiptLevel): void => {
    const at = index.get(messageId);
    if (at === undefined) {
      earlyReceipts = { ...earlyReceipts, [messageId]: maxReceipt(earlyReceipts[messageId], level) ?? level };
      return;
    }
    const old = rows[at];
    const next = withReceipt(old.entry, level);
    if (next === old.entry) return;
    rows[at] = { ...old, entry: next };
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
      const existing = index.get(id);
      const oldEntry = existing !== undefined ? rows[existing].entry : undefined;
      if (completed) {
        // The completed chunk carries the whole message and replaces the partials; the message keeps
        // the place (time) of its first chunk so it does not jump while it grows.
        const [entry] = entriesOf(item, ctx);
        if (!entry || entry.kind !== 'message') continue;
        streams = { ...streams, [id]: { chunk, completed: true } };
        put({ ...entry, time: oldEntry?.time ?? entry.time, streaming: false }, isAnchor(item));
        continue;
      }
      if (!stream && existing === undefined) {
        if (chunk !== 1) continue; // a stream must start at chunk 1; later chunks wait for completion
        const [entry] = entriesOf(item, ctx);
        if (!entry || entry.kind !== 'message') continue;
        streams = { ...streams, [id]: { chunk: 1, completed: false } };
        put({ ...entry, streaming: true }, isAnchor(item));
        continue;
      }
      if (!stream || chunk !== stream.chunk + 1 || !oldEntry || oldEntry.kind !== 'message') continue;
      streams = { ...streams, [id]: { chunk, completed: false } };
      put({ ...oldEntry, content: oldEntry.content + (item.Content ?? ''), streaming: true }, isAnchor(item));
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

  if (needsSort) rows.sort(compareRows);
  const added: TranscriptEntry[] = [];
  const updated: TranscriptEntry[] = [];
  for (const r of rows) {
    if (addedIds.has(r.entry.id)) added.push(r.entry);
    else if (updatedIds.has(r.entry.id)) updated.push(r.entry);
  }
  return {
    state: { rows, nextSeq, streams, earlyReceipts },
    added,
    updated,
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
  return state.rows.some((r) => r.entry.id === id);
}

/** Drops the oldest rows beyond `limit` (for bounded storage). Keeps order and seq. */
export function boundRows(rows: readonly Row[], limit: number): readonly Row[] {
  return rows.length <= limit ? rows : rows.slice(rows.length - limit);
}

/** Attaches a ClientToken to the entry with this Id (own send confirmed), if present. */
export function claimOwnSend(state: TranscriptState, id: string, clientToken: string): TranscriptState {
  const at = state.rows.findIndex((r) => r.entry.id === id);
  if (at < 0) return state;
  const row = state.rows[at];
  if (row.entry.kind !== 'message' || row.entry.clientToken === clientToken) return state;
  const rows = [...state.rows];
  rows[at] = { ...row, entry: { ...row.entry, clientToken, status: 'sent' } };
  return { ...state, rows };
}

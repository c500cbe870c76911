// What one service item means: which entries it becomes (an ATTACHMENT item may carry several
// files), whether it is typing, a receipt, a notice, an anchor for gap fill, and how a newer copy
// of an entry combines with what was known. Pure functions; the merge (transcript.ts) uses them.
import type { Item, MessageMetadata } from '../client/types.js';
import { CONTENT_TYPE, NOTICE_EVENTS } from './content-types.js';
import { attachmentEntry, messageEntry, noticeEntry, withFields } from './entry.js';
import type { AttachmentStatus, MessageProcessing, NoticeEvent, ParticipantRole, TranscriptEntry } from './types.js';

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

export function maxReceipt(a: ReceiptLevel | undefined, b: ReceiptLevel | undefined): ReceiptLevel | undefined {
  if (a === 'read' || b === 'read') return 'read';
  return a ?? b;
}

export function isTyping(item: ChatItem): boolean {
  return item.ContentType === CONTENT_TYPE.typing || item.Type === 'TYPING';
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
export function processingOf(status: string | undefined): MessageProcessing | undefined {
  if (status === 'PROCESSING') return 'processing';
  if (status === 'REJECTED') return 'rejected';
  if (status === 'FAILED') return 'failed';
  return undefined;
}

/**
 * The processing state after a newer copy of a message: rejected and failed are final; a copy from
 * our own SendMessage answer (untrusted) never overrides what the service's stream already said.
 */
export function laterProcessing(old: MessageProcessing | undefined, fresh: MessageProcessing | undefined, trusted: boolean): MessageProcessing | undefined {
  if (old === 'rejected' || old === 'failed') return old;
  return trusted ? fresh : old;
}

/** Receipts in an item (MESSAGEMETADATA or a transcript MESSAGE's metadata), split by recipient. */
export function receiptsOf(
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

export function withReceipt(entry: TranscriptEntry, level: ReceiptLevel | undefined): TranscriptEntry {
  if (!level || !entry.own || entry.kind === 'notice') return entry;
  const next = maxReceipt(entry.receipt, level);
  return next === entry.receipt ? entry : withFields(entry, { receipt: next });
}

export function sameEntry(a: TranscriptEntry, b: TranscriptEntry): boolean {
  if (a.kind !== b.kind || a.time !== b.time || a.displayName !== b.displayName) return false;
  if (a.kind === 'message' && b.kind === 'message') {
    return a.content === b.content && a.status === b.status && a.receipt === b.receipt && a.streaming === b.streaming && a.processing === b.processing;
  }
  if (a.kind === 'attachment' && b.kind === 'attachment') return a.status === b.status && a.receipt === b.receipt;
  return true;
}

/** Combines a newer version of an entry with what we knew: client token, send status and receipts stay. */
export function combine(old: TranscriptEntry, fresh: TranscriptEntry, trusted: boolean): TranscriptEntry {
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

export function isAnchor(item: ChatItem): boolean {
  if (!item.Id || isTyping(item) || item.Type === 'MESSAGEMETADATA' || isRelated(item)) return false;
  const type = item.Type ?? '';
  return type === 'MESSAGE' || type === 'ATTACHMENT' || type === 'EVENT' || type in LEGACY_EVENT_TYPES;
}

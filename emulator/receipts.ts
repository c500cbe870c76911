// Message receipts (chat-protocol.md §4) as pure functions: what a delivered/read SendEvent does to
// the message's MessageMetadata and what MESSAGEMETADATA item it fans out.
import type { ChatItem, Receipt } from './types.js';
import { CONTENT_TYPES } from './types.js';

export type ReceiptKind = 'delivered' | 'read';

export function receiptKind(contentType: string): ReceiptKind | undefined {
  if (contentType === CONTENT_TYPES.delivered) return 'delivered';
  if (contentType === CONTENT_TYPES.read) return 'read';
  return undefined;
}

/**
 * The messageId a receipt event's Content names: `{"messageId":"…"}` (extra keys such as
 * `disableThrottle` are allowed). Returns an error sentence when the content is unusable.
 */
export function receiptMessageId(content: string | undefined): { messageId: string } | { error: string } {
  if (content === undefined) return { error: 'Content is required for receipts: {"messageId":"<Id of the message>"}' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { error: 'Content of a receipt must be JSON like {"messageId":"<Id of the message>"}' };
  }
  const messageId = (parsed as { messageId?: unknown } | null)?.messageId;
  if (typeof messageId !== 'string' || messageId === '') {
    return { error: 'Content of a receipt must name the message: {"messageId":"<Id of the message>"}' };
  }
  return { messageId };
}

/**
 * Applies a receipt by `recipientId` to `message` (in place) and returns the receipt as it now stands.
 * Read implies delivered (a read without an earlier delivered gets both timestamps); timestamps
 * once set do not move.
 */
export function applyReceipt(message: ChatItem, recipientId: string, kind: ReceiptKind, time: string): Receipt {
  const metadata = (message.MessageMetadata ??= { MessageId: message.Id });
  const receipts = (metadata.Receipts ??= []);
  let receipt = receipts.find((r) => r.RecipientParticipantId === recipientId);
  if (!receipt) {
    receipt = { RecipientParticipantId: recipientId };
    receipts.push(receipt);
  }
  receipt.DeliveredTimestamp ??= time;
  if (kind === 'read') receipt.ReadTimestamp ??= time;
  return { ...receipt };
}

/** The MESSAGEMETADATA item fanned out for one receipt (chat-protocol.md §1.4 shape). */
export function metadataItem(id: string, time: string, messageId: string, receipt: Receipt): ChatItem {
  return {
    AbsoluteTime: time,
    ContentType: CONTENT_TYPES.metadata,
    Id: id,
    Type: 'MESSAGEMETADATA',
    MessageMetadata: { MessageId: messageId, Receipts: [receipt] },
  };
}

/** Receipts are refused (409) when more than two participants are active, e.g. a supervisor barged in. */
export function receiptsAllowed(activeParticipants: number): boolean {
  return activeParticipants <= 2;
}

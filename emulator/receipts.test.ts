import { describe, expect, it } from 'vitest';
import { applyReceipt, metadataItem, receiptKind, receiptMessageId, receiptsAllowed } from './receipts.js';
import type { ChatItem } from './types.js';

describe('receipts (pure)', () => {
  it('read implies delivered; timestamps once set do not move; one receipt per recipient', () => {
    const message: ChatItem = { Id: 'm1', Type: 'MESSAGE' };
    expect(applyReceipt(message, 'p1', 'delivered', 'T1')).toEqual({ RecipientParticipantId: 'p1', DeliveredTimestamp: 'T1' });
    expect(applyReceipt(message, 'p1', 'read', 'T2')).toEqual({ RecipientParticipantId: 'p1', DeliveredTimestamp: 'T1', ReadTimestamp: 'T2' });
    expect(applyReceipt(message, 'p1', 'delivered', 'T3')).toEqual({ RecipientParticipantId: 'p1', DeliveredTimestamp: 'T1', ReadTimestamp: 'T2' });
    expect(applyReceipt(message, 'p2', 'read', 'T4')).toEqual({ RecipientParticipantId: 'p2', DeliveredTimestamp: 'T4', ReadTimestamp: 'T4' });
    expect(message.MessageMetadata).toEqual({
      MessageId: 'm1',
      Receipts: [
        { RecipientParticipantId: 'p1', DeliveredTimestamp: 'T1', ReadTimestamp: 'T2' },
        { RecipientParticipantId: 'p2', DeliveredTimestamp: 'T4', ReadTimestamp: 'T4' },
      ],
    });
  });

  it('parses the receipt content and says what is wrong', () => {
    expect(receiptMessageId('{"messageId":"m1","disableThrottle":true}')).toEqual({ messageId: 'm1' });
    expect(receiptMessageId(undefined)).toHaveProperty('error', expect.stringMatching(/Content is required/));
    expect(receiptMessageId('m1')).toHaveProperty('error', expect.stringMatching(/must be JSON/));
    expect(receiptMessageId('{"id":"m1"}')).toHaveProperty('error', expect.stringMatching(/must name the message/));
  });

  it('kinds, the metadata item shape and the two-participant rule', () => {
    expect(receiptKind('application/vnd.amazonaws.connect.event.message.read')).toBe('read');
    expect(receiptKind('application/vnd.amazonaws.connect.event.message.delivered')).toBe('delivered');
    expect(receiptKind('application/vnd.amazonaws.connect.event.typing')).toBeUndefined();
    expect(metadataItem('e1', 'T', 'm1', { RecipientParticipantId: 'p' })).toEqual({
      AbsoluteTime: 'T',
      ContentType: 'application/vnd.amazonaws.connect.event.message.metadata',
      Id: 'e1',
      Type: 'MESSAGEMETADATA',
      MessageMetadata: { MessageId: 'm1', Receipts: [{ RecipientParticipantId: 'p' }] },
    });
    expect(receiptsAllowed(2)).toBe(true);
    expect(receiptsAllowed(3)).toBe(false);
  });
});

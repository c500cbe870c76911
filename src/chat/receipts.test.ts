import { describe, expect, it } from 'vitest';
import { cancelReceipts, emptyReceipts, flushReceipts, noteReceiptsSent, receiptsDueAt, requestReceipt, type ReceiptState } from './receipts.js';

const policy = { throttleMs: 5000, deliveredDelayMs: 300 };

describe('receipt policy', () => {
  it('keeps the same state for echoes of receipts it already knows, and learns a new level', () => {
    const s = noteReceiptsSent(emptyReceipts, [{ kind: 'delivered', messageId: 'm1' }, { kind: 'read', messageId: 'm2' }]);
    expect(noteReceiptsSent(s, [{ kind: 'delivered', messageId: 'm1' }, { kind: 'delivered', messageId: 'm2' }])).toBe(s);
    const upgraded = noteReceiptsSent(s, [{ kind: 'read', messageId: 'm1' }]);
    expect(upgraded).not.toBe(s);
    expect(upgraded.read.has('m1')).toBe(true);
    expect(s.read.has('m1')).toBe(false);
  });

  it('delays Delivered by 300 ms and sends it once', () => {
    let s = requestReceipt(emptyReceipts, 'delivered', 'm1', 1000);
    expect(receiptsDueAt(s, policy)).toBe(1300);
    expect(flushReceipts(s, 1299, policy).send).toEqual([]);
    const round = flushReceipts(s, 1300, policy);
    expect(round.send).toEqual([{ kind: 'delivered', messageId: 'm1' }]);
    s = requestReceipt(round.state, 'delivered', 'm1', 2000);
    expect(receiptsDueAt(s, policy)).toBeNull();
  });

  it('lets a Read supersede a pending Delivered of the same message', () => {
    let s = requestReceipt(emptyReceipts, 'delivered', 'm1', 1000);
    s = requestReceipt(s, 'read', 'm1', 1100);
    expect(receiptsDueAt(s, policy)).toBe(1100);
    expect(flushReceipts(s, 1100, policy).send).toEqual([{ kind: 'read', messageId: 'm1' }]);
  });

  it('throttles to one round per 5 s, sending only the newest of each kind', () => {
    let s = requestReceipt(emptyReceipts, 'read', 'm1', 0);
    let round = flushReceipts(s, 0, policy);
    expect(round.send).toEqual([{ kind: 'read', messageId: 'm1' }]);
    s = round.state;
    s = requestReceipt(s, 'delivered', 'm2', 100);
    s = requestReceipt(s, 'delivered', 'm3', 200);
    s = requestReceipt(s, 'read', 'm2', 300);
    expect(receiptsDueAt(s, policy)).toBe(5000);
    expect(flushReceipts(s, 4999, policy).send).toEqual([]);
    round = flushReceipts(s, 5000, policy);
    expect(round.send).toEqual([{ kind: 'read', messageId: 'm2' }, { kind: 'delivered', messageId: 'm3' }]);
    expect(receiptsDueAt(round.state, policy)).toBeNull();
  });

  it('never sends Read twice nor Delivered after Read', () => {
    let s: ReceiptState = flushReceipts(requestReceipt(emptyReceipts, 'read', 'm1', 0), 0, policy).state;
    s = requestReceipt(s, 'read', 'm1', 10_000);
    s = requestReceipt(s, 'delivered', 'm1', 10_000);
    expect(receiptsDueAt(s, policy)).toBeNull();
  });

  it('learns receipts sent earlier (echoes, transcript) and drops them from the queue', () => {
    let s = requestReceipt(emptyReceipts, 'delivered', 'm1', 0);
    s = requestReceipt(s, 'read', 'm2', 0);
    s = noteReceiptsSent(s, [{ kind: 'delivered', messageId: 'm1' }, { kind: 'read', messageId: 'm2' }]);
    expect(receiptsDueAt(s, policy)).toBeNull();
    expect(requestReceipt(s, 'read', 'm1', 1)).not.toBe(s); // delivered only: a read may still go
  });

  it('cancels everything pending when the chat ends', () => {
    const s = cancelReceipts(requestReceipt(requestReceipt(emptyReceipts, 'read', 'a', 0), 'delivered', 'b', 0));
    expect(receiptsDueAt(s, policy)).toBeNull();
    expect(flushReceipts(s, 100_000, policy).send).toEqual([]);
  });
});

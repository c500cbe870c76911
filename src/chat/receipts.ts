// When to send message receipts (chat-protocol.md §4), as a pure policy.
// - Dedupe: never Read twice for one message; never Delivered for a message already delivered or read.
// - Read first: a Delivered request waits `deliveredDelayMs` so a Read that follows quickly can
//   supersede it; a Read goes out at the next opportunity.
// - Throttle: at most one round per `throttleMs`; a round sends only the newest pending Read and the
//   newest pending Delivered (a receipt for a newer message stands for the older ones).
// The session feeds requests in, asks when the next round is due, and flushes it at that time.

export type ReceiptKind = 'delivered' | 'read';

export interface ReceiptPolicy {
  /** Minimum time between two rounds of receipts (chatjs default 5000). */
  throttleMs: number;
  /** How long a Delivered waits for a Read that would make it unnecessary (chatjs: 300). */
  deliveredDelayMs: number;
}

export const defaultReceiptPolicy: ReceiptPolicy = { throttleMs: 5000, deliveredDelayMs: 300 };

interface Pending {
  readonly messageId: string;
  readonly since: number;
}

export interface ReceiptState {
  /** Messages we have sent Read for (or know to be read). */
  readonly read: ReadonlySet<string>;
  /** Messages we have sent Delivered for (or know to be delivered). */
  readonly delivered: ReadonlySet<string>;
  readonly pendingRead?: Pending;
  readonly pendingDelivered?: Pending;
  /** When the last round went out. */
  readonly lastRound?: number;
}

export const emptyReceipts: ReceiptState = { read: new Set(), delivered: new Set() };

export interface ReceiptToSend {
  kind: ReceiptKind;
  messageId: string;
}

export function requestReceipt(state: ReceiptState, kind: ReceiptKind, messageId: string, now: number): ReceiptState {
  if (state.read.has(messageId)) return state;
  if (kind === 'delivered') {
    if (state.delivered.has(messageId) || state.pendingRead?.messageId === messageId) return state;
    if (state.pendingDelivered?.messageId === messageId) return state;
    return { ...state, pendingDelivered: { messageId, since: state.pendingDelivered?.since ?? now } };
  }
  if (state.pendingRead?.messageId === messageId) return state;
  const pendingDelivered = state.pendingDelivered?.messageId === messageId ? undefined : state.pendingDelivered;
  return { ...state, pendingRead: { messageId, since: state.pendingRead?.since ?? now }, pendingDelivered };
}

/** Receipts the service says we already sent (echoes, transcript metadata): never send them again. */
export function noteReceiptsSent(state: ReceiptState, receipts: readonly ReceiptToSend[]): ReceiptState {
  // Echoes mostly repeat what is known: then the sets (which grow with the chat) are not copied.
  const known = receipts.every((r) => state.delivered.has(r.messageId) && (r.kind !== 'read' || state.read.has(r.messageId)));
  if (receipts.length === 0 || known) return state;
  const read = new Set(state.read);
  const delivered = new Set(state.delivered);
  for (const r of receipts) {
    delivered.add(r.messageId);
    if (r.kind === 'read') read.add(r.messageId);
  }
  let { pendingRead, pendingDelivered } = state;
  if (pendingRead && read.has(pendingRead.messageId)) pendingRead = undefined;
  if (pendingDelivered && delivered.has(pendingDelivered.messageId)) pendingDelivered = undefined;
  return { ...state, read, delivered, pendingRead, pendingDelivered };
}

/** When the next round should go out (ms timestamp), or null when nothing is pending. */
export function receiptsDueAt(state: ReceiptState, policy: ReceiptPolicy = defaultReceiptPolicy): number | null {
  let base: number | null = null;
  if (state.pendingRead) base = state.pendingRead.since;
  else if (state.pendingDelivered) base = state.pendingDelivered.since + policy.deliveredDelayMs;
  if (base === null) return null;
  return state.lastRound === undefined ? base : Math.max(base, state.lastRound + policy.throttleMs);
}

/** Takes the round that is due at `now` (nothing if it is not due yet). */
export function flushReceipts(
  state: ReceiptState,
  now: number,
  policy: ReceiptPolicy = defaultReceiptPolicy,
): { state: ReceiptState; send: ReceiptToSend[] } {
  const due = receiptsDueAt(state, policy);
  if (due === null || now < due) return { state, send: [] };
  const send: ReceiptToSend[] = [];
  const read = new Set(state.read);
  const delivered = new Set(state.delivered);
  if (state.pendingRead) {
    send.push({ kind: 'read', messageId: state.pendingRead.messageId });
    read.add(state.pendingRead.messageId);
    delivered.add(state.pendingRead.messageId);
  }
  const d = state.pendingDelivered;
  if (d && !read.has(d.messageId)) {
    send.push({ kind: 'delivered', messageId: d.messageId });
    delivered.add(d.messageId);
  }
  return { state: { read, delivered, lastRound: now }, send };
}

/** Drops everything pending (the chat ended: receipts are never sent after the end). */
export function cancelReceipts(state: ReceiptState): ReceiptState {
  return { read: state.read, delivered: state.delivered, lastRound: state.lastRound };
}

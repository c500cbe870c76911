// The visitor's receipts going out: Delivered for each agent message that arrives, Read for each the
// visitor saw, throttled and combined by the pure policy of receipts.ts, sent while connected (or
// after the next connect).
import { CONTENT_TYPE } from './content-types.js';
import { describeCause } from './errors.js';
import type { Life, Log, Op, SetTimer } from './ports.js';
import { cancelReceipts, emptyReceipts, flushReceipts, noteReceiptsSent, receiptsDueAt, requestReceipt, type ReceiptKind, type ReceiptPolicy, type ReceiptState } from './receipts.js';
import type { SessionState } from './state.js';
import type { ReceiptLevel } from './transcript.js';
import type { TranscriptEntry } from './types.js';

export interface ReceiptSenderPorts {
  s: SessionState;
  life: Life;
  policy: ReceiptPolicy & { enabled: boolean };
  op: Op;
  /** Whether a contact is an earlier one of this persistent chat (its messages get no receipts). */
  isRelated: (contactId: string | undefined) => boolean;
  log: Log;
  setTimer: SetTimer;
}

export class ReceiptSender {
  private state: ReceiptState = emptyReceipts;

  constructor(private readonly p: ReceiptSenderPorts) {}

  /** Only the agents' own messages of this contact get receipts. */
  eligible(entry: TranscriptEntry): boolean {
    if (entry.own || entry.kind === 'notice' || entry.role !== 'AGENT') return false;
    if (entry.id.startsWith('local:') || entry.id.includes('#')) return false;
    return !this.p.isRelated(entry.contactId);
  }

  request(kind: ReceiptKind, messageId: string): void {
    if (!this.p.policy.enabled || this.p.life.hasEnded) return;
    this.state = requestReceipt(this.state, kind, messageId, Date.now());
    this.schedule();
  }

  /** Receipts this participant sent before (the service echoes them): never sent again. */
  noteSent(receipts: readonly { messageId: string; level: ReceiptLevel }[]): void {
    if (receipts.length) this.state = noteReceiptsSent(this.state, receipts.map((r) => ({ kind: r.level, messageId: r.messageId })));
  }

  schedule(): void {
    const due = receiptsDueAt(this.state, this.p.policy);
    if (due === null || this.p.life.hasEnded) return;
    this.p.setTimer('receipts', Math.max(0, due - Date.now()), () => this.flush());
  }

  /** The chat ended: nothing more goes out. */
  cancel(): void {
    this.state = cancelReceipts(this.state);
  }

  private flush(): void {
    if (this.p.life.hasEnded || this.p.life.isStopped) return;
    if (this.p.s.connection.peek() !== 'connected') return; // sent after the next connect
    const round = flushReceipts(this.state, Date.now(), this.p.policy);
    this.state = round.state;
    for (const r of round.send) {
      this.p
        .op('SendEvent', { ContentType: r.kind === 'read' ? CONTENT_TYPE.read : CONTENT_TYPE.delivered, Content: JSON.stringify({ messageId: r.messageId }) })
        .catch((error: unknown) => this.p.log('receipt-failed', { error: describeCause(error) }));
    }
    this.schedule();
  }
}

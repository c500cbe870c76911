// The sender: the visitor's messages from send() to the service's acknowledgement. A message is
// queued and stored before its first attempt, then the outbox is pumped in order, one at a time;
// refusals a retry cannot change fail it (Retry / Discard), everything else is retried with
// backoff and after every reconnect. The states are the pure ones of outbox.ts.
import { batch } from '@preact/signals-core';
import { randomUuid } from '../client/uuid.js';
import { backoffDelay, isChatOver } from '../connection/index.js';
import { CONTENT_TYPE } from './content-types.js';
import { ChatError, describeCause } from './errors.js';
import {
  acknowledgedItem,
  attemptStarted,
  createRecord,
  discardSend,
  enqueue,
  findRecord,
  nextToSend,
  retrySend,
  sendFailed,
  sendSucceeded,
  validateMessage,
} from './outbox.js';
import type { SessionDetails } from './persistence.js';
import { errorName, nowIso, type ItemSource, type Life, type Log, type Op, type Report, type SetTimer } from './ports.js';
import type { Saver } from './saver.js';
import type { SessionState } from './state.js';
import { claimOwnSend, type ChatItem } from './transcript.js';

export interface SenderPorts {
  s: SessionState;
  life: Life;
  session: () => SessionDetails | null;
  /** The stored conversation being loaded, if it is. */
  resuming: () => Promise<boolean> | null;
  /** The content types the start request offered (before the chat has its own). */
  requestedContentTypes: readonly string[];
  retryBackoff: { firstRetryMs: number; baseMs: number; factor: number; maxMs: number };
  op: Op;
  endedError: () => ChatError;
  saver: Saver;
  handleItems: (items: readonly ChatItem[], source?: ItemSource) => void;
  /** A message was queued (typing notices start afresh). */
  queued: () => void;
  /** The service acknowledged a message. */
  confirmed: () => void;
  report: Report;
  log: Log;
  setTimer: SetTimer;
}

function isRetryable(error: unknown): boolean {
  const e = error as { retryable?: unknown };
  if (typeof e?.retryable === 'boolean') return e.retryable;
  return !(error instanceof ChatError);
}

export class Sender {
  private pumping = false;
  private failures = 0;

  constructor(private readonly p: SenderPorts) {}

  /** Validates, then queues and persists the message before the first attempt. */
  async send(content: string, contentType: string, clientToken: string = randomUuid(), display?: string): Promise<void> {
    const s = this.p.s;
    if (this.p.life.hasEnded || s.phase.peek() === 'ended') throw this.p.endedError();
    // A send while the stored conversation loads waits for it (a reload, a tab taking over).
    const resuming = this.p.resuming();
    if (!this.p.session() && resuming) await resuming;
    // While the chat is starting, sends queue: they go out once it is connected.
    if (!this.p.session() && s.phase.peek() !== 'starting') {
      throw new ChatError('send-failed', 'There is no chat to send to yet. Start the chat first (start()).');
    }
    const types = this.p.session()?.supportedContentTypes ?? this.p.requestedContentTypes;
    const supported = types.length ? types : [CONTENT_TYPE.plain];
    const invalid = validateMessage(content, contentType, supported);
    if (invalid) throw invalid;
    const record = createRecord(content, contentType, clientToken, nowIso(), typeof display === 'string' && display.trim() ? display : undefined);
    const next = enqueue(s.outbox.peek(), record);
    if (next === s.outbox.peek()) return; // the same send again (e.g. relayed twice by a follower tab)
    s.outbox.value = next;
    this.p.queued();
    await this.p.saver.saveOutbox();
    void this.pump();
  }

  async retry(id: string): Promise<void> {
    if (this.p.life.hasEnded) {
      // Retrying cannot work here: say so (the send stays failed) rather than show "Sending…" forever.
      const e = new ChatError(
        'chat-ended',
        'This chat has ended, so the message cannot be sent in it. Start a new chat: unsent messages are carried over to it, ready to send.',
      );
      this.p.report(e.code, e.message);
      throw e;
    }
    const s = this.p.s;
    const next = retrySend(s.outbox.peek(), id);
    if (next === s.outbox.peek()) return;
    s.outbox.value = next;
    await this.p.saver.saveOutbox();
    void this.pump();
  }

  discard(id: string): void {
    const s = this.p.s;
    const next = discardSend(s.outbox.peek(), id);
    if (next === s.outbox.peek()) return;
    s.outbox.value = next;
    void this.p.saver.saveOutbox();
  }

  /** The socket (re)connected: a fresh start for the backoff. */
  connected(): void {
    this.failures = 0;
  }

  /** Sends the outbox in order, one message at a time, until it is empty or a try fails. */
  async pump(): Promise<void> {
    // Without a chat yet (a new one starting, with sends carried over) there is nothing to send to:
    // the first connect pumps.
    if (this.pumping || !this.p.session()) return;
    const { s, life, saver } = this.p;
    this.pumping = true;
    try {
      while (!life.hasEnded && !life.isStopped) {
        const record = nextToSend(s.outbox.peek());
        if (!record) break;
        s.outbox.value = attemptStarted(s.outbox.peek(), record.clientToken, s.transcriptState.peek().nextSeq);
        await saver.saveOutbox();
        let response;
        try {
          response = await this.p.op('SendMessage', { ContentType: record.contentType, Content: record.content, ClientToken: record.clientToken });
        } catch (error) {
          if (life.hasEnded || life.isStopped) break;
          const name = errorName(error);
          // Refusals that a retry cannot change fail the send; everything else (throttling, 5xx,
          // network, an expired token) is retried with backoff and after every reconnect.
          const permanent =
            name === 'ValidationException' || name === 'ParticipantValidationError' || (!isRetryable(error) && !isChatOver(error));
          if (permanent) {
            const message = `This message was not sent: ${describeCause(error)}. Edit it and send it again, or discard it.`;
            s.outbox.value = sendFailed(s.outbox.peek(), record.clientToken, 'send-failed', message);
            await saver.saveOutbox();
            this.p.report('send-failed', message, error);
            continue;
          }
          const delay = backoffDelay(this.failures++, { ...this.p.retryBackoff });
          this.p.log('send-retry', { inMs: delay, error: describeCause(error) });
          this.p.setTimer('resend', delay, () => void this.pump());
          break;
        }
        this.failures = 0;
        this.confirm(record.clientToken, response);
        await saver.saveOutbox();
      }
    } finally {
      this.pumping = false;
    }
  }

  private confirm(clientToken: string, response: { Id?: string; AbsoluteTime?: string; MessageMetadata?: { MessageProcessingStatus?: string } }): void {
    const s = this.p.s;
    const record = findRecord(s.outbox.peek(), clientToken);
    if (!record) return;
    batch(() => {
      if (response.Id) {
        this.p.handleItems(
          [
            acknowledgedItem(
              record,
              { Id: response.Id, ...(response.AbsoluteTime ? { AbsoluteTime: response.AbsoluteTime } : {}), ...(response.MessageMetadata ? { MessageMetadata: response.MessageMetadata } : {}) },
              s.me.peek(),
              nowIso(),
            ),
          ],
          'untrusted',
        );
        s.transcriptState.value = claimOwnSend(s.transcriptState.peek(), response.Id, clientToken, record.display);
        this.p.saver.noteRow(response.Id);
      }
      s.outbox.value = sendSucceeded(s.outbox.peek(), clientToken);
    });
    this.p.confirmed();
    this.p.saver.scheduleTranscript();
  }
}

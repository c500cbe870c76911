// Ending a chat: the visitor's end() (DisconnectParticipant, then the wait for chat.ended or the
// post-chat survey), and what happens once the chat is over, however it ended: unsent messages
// fail, the transcript shows the end, storage is cleared, the UI is told. The survey's progress is
// the pure value of end-flow.ts; the engine tells this part what it sees.
import { batch } from '@preact/signals-core';
import { afterEntries, endedNotice, noEndFlow, visitorEnded, visitorSent, type EndFlow } from './end-flow.js';
import { ChatError, describeCause, isChatError } from './errors.js';
import { failSending, sendSucceeded, type Outbox } from './outbox.js';
import type { SessionDetails } from './persistence.js';
import { nowIso, type Emit, type Life, type Op, type Report } from './ports.js';
import type { EngineConfig } from './resolved-options.js';
import type { SessionState } from './state.js';
import { claimOwnSend, mergeItems, type TranscriptState } from './transcript.js';
import { echoedSends } from './transcript-view.js';
import type { TranscriptEntry } from './types.js';

/**
 * The chat ended while sends were waiting for their answer: those whose echo is in the transcript
 * reached the service (only the answer is missing), so they leave the outbox and their echo is
 * claimed as sent. Failing them instead would show each twice (sent, and "not sent") and carry a
 * copy into the next chat.
 */
export function settleEchoedSends(state: TranscriptState, outbox: Outbox): { state: TranscriptState; outbox: Outbox } {
  let next = { state, outbox };
  for (const [token, index] of echoedSends(state, outbox)) {
    const record = outbox.find((r) => r.clientToken === token);
    next = { state: claimOwnSend(next.state, state.rows[index].entry.id, token, record?.display), outbox: sendSucceeded(next.outbox, token) };
  }
  return next;
}

export type EndReason = 'event' | 'away' | 'disconnected' | 'closed';

export interface EndingPorts {
  s: SessionState;
  life: Pick<Life, 'isStopped'>;
  config: Pick<EngineConfig, 'postChatSurvey' | 'postChatTimeoutMs' | 'endTimeoutMs' | 'remembered' | 'persistence' | 'log'>;
  op: Op;
  session: () => SessionDetails | null;
  /** Whether a contact is an earlier one of this persistent chat (its end is not this chat's). */
  isRelated: (contactId: string | undefined) => boolean;
  /** Stops every call, timer and upload (before the signals change). */
  stop: () => void;
  /** Closes the socket for good (after the signals changed). */
  closeSocket: () => void;
  /** Resolves once pending writes to storage are done. */
  written: () => Promise<void>;
  emit: Emit;
  report: Report;
}

export class Ending {
  private ended = false;
  private waiters: (() => void)[] = [];
  private flow: EndFlow = noEndFlow;

  constructor(private readonly p: EndingPorts) {}

  get hasEnded(): boolean {
    return this.ended;
  }

  /** New entries: an agent leaving or joining moves the post-chat survey on. */
  added(entries: readonly TranscriptEntry[]): void {
    if (this.p.config.postChatSurvey) this.flow = afterEntries(this.flow, entries);
  }

  /** The visitor's message was delivered (it may answer the survey). */
  sent(): void {
    this.flow = visitorSent(this.flow);
  }

  /** This page stops: nobody waits for the end any more. */
  wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  /**
   * DisconnectParticipant, then wait for chat.ended (at most endTimeoutMs). With postChatSurvey the
   * wait is the disconnect flow's (phase wrapping-up, at most postChatTimeoutMs), and end() during it
   * closes at once: the visitor has had enough of the survey.
   */
  async end(): Promise<void> {
    const { s, config } = this.p;
    const phase = s.phase.peek();
    if (phase === 'wrapping-up') return this.finish('closed');
    if (this.ended || phase === 'ended' || phase === 'idle') return;
    s.phase.value = 'ending';
    const endedSoon = new Promise<void>((resolve) => this.waiters.push(resolve));
    try {
      await this.p.op('DisconnectParticipant', {});
    } catch (error) {
      if (this.ended || (isChatError(error) && error.code === 'chat-ended')) return;
      if (this.p.life.isStopped) return;
      s.phase.value = 'active';
      const e = new ChatError('connection-failed', `The chat could not be ended (${describeCause(error)}). Check the connection and try again.`, { cause: error });
      this.p.report(e.code, e.message, error);
      throw e;
    }
    if (config.postChatSurvey && !this.ended) {
      s.phase.value = 'wrapping-up';
      this.flow = visitorEnded(this.flow);
    }
    const waitMs = config.postChatSurvey ? config.postChatTimeoutMs : config.endTimeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([endedSoon, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
    await this.finish('disconnected');
  }

  /** The chat is over: stop every call and timer, fail unsent messages, clear storage, tell the UI. */
  async finish(reason: EndReason): Promise<void> {
    const { s, config } = this.p;
    if (this.ended || this.p.life.isStopped) return;
    this.ended = true;
    config.log('ended', { reason });
    this.p.stop();
    const session = this.p.session();
    batch(() => {
      const settled = settleEchoedSends(s.transcriptState.peek(), s.outbox.peek());
      s.transcriptState.value = settled.state;
      s.outbox.value = failSending(settled.outbox, 'chat-ended', 'The chat ended before this message could be sent.');
      s.typingState.value = {};
      // The end not seen as an event (ended while away, or no chat.ended before the timeout) gets a notice here.
      const seen = s.transcriptState.peek().rows.some((r) => r.entry.kind === 'notice' && r.entry.event === 'ended' && !this.p.isRelated(r.entry.contactId));
      if (!seen) {
        const me = { participantId: s.me.peek().participantId };
        s.transcriptState.value = mergeItems(s.transcriptState.peek(), [endedNotice(session?.contactId, nowIso())], me).state;
      }
      s.hasOlder.value = false;
      s.phase.value = 'ended';
      if (s.connection.peek() !== 'ended') s.connection.value = 'ended';
    });
    this.p.closeSocket();
    const signed = session?.signedContactId;
    if (signed) config.remembered?.set(signed);
    this.p.emit('chatEnded', {
      ...(session ? { contactId: session.contactId } : {}),
      ...(signed ? { signedContactId: signed } : {}),
      ...(config.postChatSurvey ? { surveyAnswered: this.flow.answered } : {}),
    });
    try {
      await this.p.written();
      await config.persistence.clear();
    } catch (cause) {
      this.p.report('storage-failed', `The ended chat could not be removed from storage (${describeCause(cause)}).`, cause);
    }
    this.wake();
  }
}

// Start and resume, as the session choreographs them: which engine this tab runs, when a command may
// reach it (`ready`), what start() does in each phase (wait for a chat under way, resume a stored
// one, start afresh after an end with what the visitor had not sent), and how a tab takes over the
// chat of a tab that closed. The engine is made by the session and reached through the few members
// this needs (SessionEngine), so this file imports neither the engine nor the session.
import { batch } from '@preact/signals-core';
import { ChatError } from './errors.js';
import { carryOver } from './outbox.js';
import type { StoredConversation } from './persistence.js';
import { underWay } from './phase.js';
import type { SessionState } from './state.js';
import type { TabMirror } from './tab-mirror.js';
import type { SessionCommands } from './tab-relay.js';
import type { StartChatRequest } from './types.js';

/** What start, resume and a takeover need of the engine (ChatEngine has it). */
export interface SessionEngine {
  readonly hasEnded: boolean;
  readonly isStopped: boolean;
  start(request: Partial<StartChatRequest>): Promise<void>;
  resume(mirrored?: StoredConversation): Promise<boolean>;
  whenSettled(): Promise<void>;
  endUnresumable(): Promise<void>;
  close(): Promise<void>;
}

export interface StartResumePorts<E extends SessionEngine> {
  s: SessionState;
  newEngine: () => E;
  /** A follower's start, carried out by the tab that holds the chat. */
  relay: Pick<SessionCommands, 'start'>;
  mirror: Pick<TabMirror, 'whenSeen' | 'start' | 'session'>;
  /** Throws or rejects (after showing it) when the options cannot work; a promise while their check loads. */
  check: () => void | Promise<void>;
  /** Forgets the conversation: the signals and what the session keeps beside them. */
  reset: () => void;
}

export class StartResume<E extends SessionEngine> {
  /** This tab's engine: null in a follower tab (the leader's engine does the work). */
  engine: E | null = null;
  /** Settles when this tab knows its role and, as leader, has loaded the conversation. Commands wait for it. */
  ready: Promise<void> = Promise.resolve();
  private starting: Promise<void> | undefined;

  constructor(private readonly p: StartResumePorts<E>) {}

  /** This tab holds the chat from now on. */
  hold(): E {
    this.engine = this.p.newEngine();
    return this.engine;
  }

  require(): E {
    if (!this.engine) throw new ChatError('connection-failed', 'This tab does not hold the chat.');
    return this.engine;
  }

  start(request: Partial<StartChatRequest>): Promise<void> {
    // Two starts at once (a click and an API call, say) are one start: both wait for the same one.
    this.starting ??= this.startOnce(request).finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async startOnce(request: Partial<StartChatRequest>): Promise<void> {
    const checking = this.p.check();
    if (checking) await checking;
    await this.ready;
    const engine = this.engine;
    if (!engine) {
      await this.p.relay.start(request);
      return;
    }
    const phase = this.p.s.phase.peek();
    if (underWay(phase)) {
      await engine.whenSettled();
      return;
    }
    if (phase === 'ended' || engine.isStopped || engine.hasEnded) {
      this.replace({ carryOver: true });
    } else if (await this.require().resume()) {
      await this.require().whenSettled();
      return;
    }
    await this.require().start(request);
  }

  async resume(): Promise<boolean> {
    await this.ready;
    if (!this.engine) {
      await this.p.mirror.whenSeen();
      return underWay(this.p.s.phase.peek());
    }
    if (this.engine.hasEnded || this.engine.isStopped) return false;
    return this.engine.resume();
  }

  /**
   * A new conversation after the previous one ended: fresh engine, fresh signals — except, with
   * carryOver, what the customer wrote and could not send (the draft, unsent messages), which the
   * new chat takes over.
   */
  replace(options: { carryOver?: boolean } = {}): void {
    const s = this.p.s;
    const outbox = options.carryOver ? carryOver(s.outbox.peek()) : [];
    const draft = options.carryOver ? s.draft.peek() : '';
    void this.engine?.close();
    batch(() => {
      this.p.reset();
      s.outbox.value = outbox;
      s.draft.value = draft;
    });
    this.hold();
  }

  /** This tab became leader (the previous leader's tab closed): take over the conversation. */
  async takeOver(): Promise<void> {
    const s = this.p.s;
    const engine = this.hold();
    // The mirrored connection state was the old leader's; this tab connects itself now.
    s.connection.value = 'idle';
    const takingOver = (async () => {
      const wasUnderWay = underWay(s.phase.peek());
      // Storage first; when it kept nothing (broken, or memory only), what this tab mirrored.
      const session = wasUnderWay ? this.p.mirror.session : null;
      const mirrored = session ? { session, rows: [...s.transcriptState.peek().rows], outbox: [...s.outbox.peek()], draft: s.draft.peek() } : undefined;
      // Nothing to resume while the mirror showed a chat: it is over here.
      if (!(await engine.resume(mirrored)) && wasUnderWay) await engine.endUnresumable();
      this.p.mirror.start();
    })();
    this.ready = takingOver.catch(() => {});
    await this.ready;
  }
}

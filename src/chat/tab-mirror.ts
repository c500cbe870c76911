// Tab mirroring: the leader tab broadcasts the conversation's signals (coalesced) whenever one
// changes while another tab mirrors it (none: nothing is posted), and answers a new tab's hello —
// sent when it opens and to each new leader — with them; a follower writes what it receives into its
// own signals. Which signals: state.ts's one list. The conversation's session details travel with
// them (this origin's tabs only, as in its storage), so that a tab taking over can go on with the
// chat when storage kept nothing.
import { batch, effect } from '@preact/signals-core';
import type { SessionDetails } from './persistence.js';
import { applyMirror, snapshotState, type MirrorState, type SessionState } from './state.js';
import type { TabCoordinator } from './tabs.js';

/** A leader's state message: the mirrored signals and the conversation's session details. */
export type MirroredState = MirrorState & { session?: SessionDetails | null };

/** How long a follower tab waits for the leader's first state before resume() decides. */
const FOLLOWER_HELLO_TIMEOUT_MS = 1500;
/** Coalesces state broadcasts to other tabs. */
const MIRROR_DELAY_MS = 16;

export class TabMirror {
  private dispose: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seen = false;
  private waiters: (() => void)[] = [];

  /** Follower: the session details the leader last mirrored (null before a chat, or after its end). */
  session: SessionDetails | null = null;

  constructor(
    private readonly tabs: TabCoordinator | null,
    private readonly s: SessionState,
    /** Leader: the conversation's session details, from its engine. */
    private readonly details: () => SessionDetails | null,
  ) {}

  private snapshot(): MirroredState {
    return { ...snapshotState(this.s), session: this.details() };
  }

  /** Leader: broadcast the state whenever it changes. */
  start(): void {
    const tabs = this.tabs;
    if (!tabs || this.dispose) return;
    this.dispose = effect(() => {
      snapshotState(this.s); // subscribes to every mirrored signal
      // Alone, nothing is posted: a tab that comes says hello and gets the whole state then (greet).
      if (this.timer || !tabs.hasFollowers) return;
      this.timer = setTimeout(() => {
        this.timer = null;
        tabs.post({ t: 'state', from: tabs.id, state: this.snapshot() });
      }, MIRROR_DELAY_MS);
    });
  }

  stop(): void {
    this.dispose?.();
    this.dispose = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Leader: a new tab said hello; it gets the state at once. */
  greet(to: string): void {
    this.tabs?.post({ t: 'state', from: this.tabs.id, to, state: this.snapshot() });
  }

  /**
   * Follower: the leader's state. keepDraft: this tab's own draft is on its way to the leader, so
   * the mirrored one is older (taking it would eat the keystrokes typed meanwhile).
   */
  apply(state: MirroredState, options: { keepDraft?: boolean } = {}): void {
    this.session = state.session ?? null;
    const own = this.s.draft.peek();
    batch(() => {
      applyMirror(this.s, state);
      if (options.keepDraft) this.s.draft.value = own;
    });
    this.seen = true;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Follower: whether the leader's state shows this send (queued in its outbox, or sent). */
  shows(clientToken: string): boolean {
    if (this.s.outbox.peek().some((r) => r.clientToken === clientToken)) return true;
    return this.s.transcriptState.peek().rows.some((r) => r.entry.kind === 'message' && r.entry.clientToken === clientToken);
  }

  /** Follower: resolves once the leader's state has come (or after a short wait without it). */
  whenSeen(): Promise<void> {
    if (this.seen) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, FOLLOWER_HELLO_TIMEOUT_MS);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

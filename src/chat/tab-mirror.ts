// Tab mirroring: the leader tab broadcasts the conversation's signals (coalesced) whenever one
// changes, and answers a new tab's hello with them; a follower writes what it receives into its
// own signals. Which signals: state.ts's one list.
import { effect } from '@preact/signals-core';
import { applyMirror, snapshotState, type MirrorState, type SessionState } from './state.js';
import type { TabCoordinator } from './tabs.js';

/** How long a follower tab waits for the leader's first state before resume() decides. */
const FOLLOWER_HELLO_TIMEOUT_MS = 1500;
/** Coalesces state broadcasts to other tabs. */
const MIRROR_DELAY_MS = 16;

export class TabMirror {
  private dispose: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seen = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly tabs: TabCoordinator | null,
    private readonly s: SessionState,
  ) {}

  /** Leader: broadcast the state whenever it changes. */
  start(): void {
    const tabs = this.tabs;
    if (!tabs || this.dispose) return;
    this.dispose = effect(() => {
      snapshotState(this.s); // subscribes to every mirrored signal
      if (this.timer) return;
      this.timer = setTimeout(() => {
        this.timer = null;
        tabs.post({ t: 'state', from: tabs.id, state: snapshotState(this.s) });
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
    this.tabs?.post({ t: 'state', from: this.tabs.id, to, state: snapshotState(this.s) });
  }

  /** Follower: the leader's state. */
  apply(state: MirrorState): void {
    applyMirror(this.s, state);
    this.seen = true;
    for (const resolve of this.waiters.splice(0)) resolve();
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

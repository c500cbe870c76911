// Several tabs, one conversation. One tab — the leader, chosen with a Web Lock — holds the socket
// and talks to the service; the others mirror its state over a BroadcastChannel and send their
// commands through it. When the leader's tab closes, its lock is released and the next tab in the
// lock's queue becomes the leader (and resumes the conversation from storage).
//
// This module is the transport only: the election, the channel, and calls with replies. What is
// mirrored and which commands exist is the session's business.

export type TabRole = 'leader' | 'follower' | 'solo';

/** The part of the Web Locks API used here (navigator.locks). */
export interface LockManagerLike {
  request(
    name: string,
    options: { mode?: 'exclusive' | 'shared'; signal?: AbortSignal; ifAvailable?: boolean },
    callback: (lock: unknown) => Promise<unknown>,
  ): Promise<unknown>;
  /** Which locks are held and asked for, by every tab of the origin (missing in old browsers). */
  query?(): Promise<{ pending?: { name?: string }[] }>;
}

export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export interface TabsOptions {
  /** Name of the lock and the channel; one per conversation store. */
  name: string;
  /** Web Locks; default `navigator.locks`. Without it every tab works alone ('solo'). */
  locks?: LockManagerLike | null;
  /** Opens the channel; default `new BroadcastChannel(name)`. */
  openChannel?: ((name: string) => ChannelLike) | null;
  /** How long a follower waits for the leader to answer a call before giving up on it (a new leader gets as long again). */
  callTimeoutMs?: number;
  /** While other tabs wait to take over, how often the leader checks they are still there (default 3 s). */
  othersCheckMs?: number;
}

/** What travels on the channel. `to` addresses one tab; messages without it are for every tab. */
export type TabMessage =
  | { t: 'hello'; from: string }
  | { t: 'state'; from: string; to?: string; state: unknown }
  | { t: 'event'; from: string; name: string; detail: unknown }
  | { t: 'call'; from: string; id: number; method: string; args: unknown[] }
  | { t: 'reply'; from: string; to: string; id: number; ok: boolean; value?: unknown; error?: { code?: string; message: string } }
  | { t: 'leader'; from: string }
  | { t: 'bye'; from: string };


export class TabCallError extends Error {
  override readonly name = 'TabCallError';
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}

function defaultLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : null;
}

function defaultChannel(): ((name: string) => ChannelLike) | null {
  const BC = (globalThis as { BroadcastChannel?: new (name: string) => ChannelLike }).BroadcastChannel;
  return typeof BC === 'function' ? (name) => new BC(name) : null;
}

interface PendingCall {
  method: string;
  args: unknown[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
  timer?: ReturnType<typeof setTimeout>;
}

export class TabCoordinator {
  readonly id = `tab-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  private roleValue: TabRole = 'follower';
  private readonly locks: LockManagerLike | null;
  private channel: ChannelLike | null = null;
  private readonly lockAbort = new AbortController();
  private releaseLock: (() => void) | null = null;
  private nextCallId = 1;
  private readonly pending = new Map<number, PendingCall>();
  private readonly listeners = new Set<(message: TabMessage) => void>();
  private readonly roleListeners = new Set<(role: TabRole) => void>();
  private handler: ((method: string, args: unknown[]) => Promise<unknown>) | null = null;
  private closed = false;
  private readonly callTimeoutMs: number;
  private others = false;
  /** Tabs that said hello (and not bye) and have not become leader since: the followers this tab knows of. */
  private readonly peers = new Set<string>();
  private othersTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: TabsOptions) {
    this.locks = options.locks === undefined ? defaultLocks() : options.locks;
    const open = options.openChannel === undefined ? defaultChannel() : options.openChannel;
    this.callTimeoutMs = options.callTimeoutMs ?? 15_000;
    // Without both a lock and a channel there is no safe way to share: each tab works alone.
    if (!this.locks || !open) {
      this.roleValue = 'solo';
      return;
    }
    this.channel = open(`connect-chat:${options.name}`);
    this.channel.addEventListener('message', (event) => this.receive(event.data as TabMessage));
  }

  get role(): TabRole {
    return this.roleValue;
  }

  /**
   * Leader: another tab of this chat waits in the lock's queue and takes over when this one goes.
   * Kept current from what tabs say (hello, bye), when this tab becomes leader and, while there are
   * others, every few seconds (a tab may crash without a word). False where locks cannot be queried.
   */
  get othersWaiting(): boolean {
    return this.roleValue === 'leader' && this.others;
  }

  /**
   * Leader: some other tab may mirror this one — one said hello (or called) and not bye, or one waits
   * in the lock's queue. False when this tab is alone: then nothing needs to be posted to mirror it
   * (a post costs a structured clone even when no tab listens). A follower that goes away without a
   * word keeps it true: posting to nobody is only what every change cost before.
   */
  get hasFollowers(): boolean {
    return this.roleValue === 'leader' && (this.peers.size > 0 || this.others);
  }

  /** This page is going away: a follower says so, so the leader stops counting on it at once. */
  leaving(): void {
    if (this.roleValue === 'follower') this.post({ t: 'bye', from: this.id });
  }

  /**
   * Starts the election and resolves with this tab's first role: 'leader' when the lock was free,
   * 'follower' when another tab holds it (this tab then queues for it and becomes leader later),
   * 'solo' when tabs cannot be coordinated here.
   */
  start(): Promise<TabRole> {
    if (this.roleValue === 'solo' || !this.locks || this.closed) return Promise.resolve(this.roleValue);
    const locks = this.locks;
    const name = `connect-chat:${this.options.name}`;
    const hold = (): Promise<void> => {
      if (this.closed) return Promise.resolve();
      return new Promise<void>((release) => {
        this.releaseLock = release;
        this.setRole('leader');
        this.post({ t: 'leader', from: this.id });
        this.checkOthers();
      });
    };
    return new Promise<TabRole>((resolve) => {
      locks
        .request(name, { mode: 'exclusive', ifAvailable: true }, (lock) => {
          if (lock) {
            resolve('leader');
            return hold();
          }
          this.setRole('follower');
          resolve('follower');
          // Wait in the lock's queue: the next leader when the current one's tab goes away.
          locks.request(name, { mode: 'exclusive', signal: this.lockAbort.signal }, hold).catch(() => {});
          // Ask the leader for its state right away.
          this.post({ t: 'hello', from: this.id });
          return Promise.resolve();
        })
        .catch(() => {
          // The lock manager is unavailable (e.g. an opaque origin): work alone.
          this.roleValue = 'solo';
          resolve('solo');
        });
    });
  }

  onRole(listener: (role: TabRole) => void): () => void {
    this.roleListeners.add(listener);
    return () => this.roleListeners.delete(listener);
  }

  onMessage(listener: (message: TabMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The leader answers calls of followers with this handler. */
  serve(handler: (method: string, args: unknown[]) => Promise<unknown>): void {
    this.handler = handler;
  }

  post(message: TabMessage): void {
    if (!this.channel || this.closed) return;
    try {
      this.channel.postMessage(message);
    } catch {
      // A value that cannot be cloned must not break the session; the follower catches up on the next state.
    }
  }

  /** A follower's call to the leader. Rejects with TabCallError when the leader refuses or does not answer. */
  call(method: string, args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.nextCallId++;
      const call: PendingCall = { method, args, resolve, reject };
      this.pending.set(id, call);
      this.arm(id, call);
      this.post({ t: 'call', from: this.id, id, method, args });
    });
  }

  /** The leader has callTimeoutMs to answer. */
  private arm(id: number, call: PendingCall): void {
    clearTimeout(call.timer);
    call.timer = setTimeout(() => {
      this.pending.delete(id);
      call.reject(new TabCallError(`The tab that holds the chat did not answer (${call.method}). Try again.`, 'connection-failed'));
    }, this.callTimeoutMs);
  }

  /** Calls still waiting for an answer; taken over (and answered by the caller) when this tab becomes leader. */
  takePendingCalls(): { method: string; args: unknown[]; resolve(value: unknown): void; reject(error: unknown): void }[] {
    const calls = [...this.pending.values()];
    for (const c of calls) clearTimeout(c.timer);
    this.pending.clear();
    return calls;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.othersTimer);
    this.lockAbort.abort();
    this.releaseLock?.();
    this.releaseLock = null;
    for (const c of this.pending.values()) {
      clearTimeout(c.timer);
      c.reject(new TabCallError('The chat was closed in this tab.', 'connection-failed'));
    }
    this.pending.clear();
    this.channel?.close();
    this.channel = null;
    this.listeners.clear();
    this.roleListeners.clear();
  }

  private setRole(role: TabRole): void {
    if (this.roleValue === role) return;
    this.roleValue = role;
    for (const l of [...this.roleListeners]) l(role);
  }

  /** Asks the lock manager whether another tab queues for this chat's lock (see othersWaiting). */
  private checkOthers(): void {
    const locks = this.locks;
    if (this.roleValue !== 'leader' || this.closed || typeof locks?.query !== 'function') return;
    const name = `connect-chat:${this.options.name}`;
    locks.query().then(
      (snapshot) => {
        if (this.closed) return;
        this.others = (snapshot.pending ?? []).some((lock) => lock.name === name);
        clearTimeout(this.othersTimer);
        if (this.others) {
          this.othersTimer = setTimeout(() => this.checkOthers(), this.options.othersCheckMs ?? 3_000);
          (this.othersTimer as { unref?: () => void }).unref?.();
        }
      },
      () => {},
    );
  }

  private receive(message: TabMessage): void {
    if (this.closed || !message || typeof message !== 'object' || message.from === this.id) return;
    // A tab came or goes: count again (a departing tab's place in the queue may outlive its bye a
    // little; the periodic check settles it).
    if (message.t === 'hello' || message.t === 'bye') this.checkOthers();
    if (message.t === 'hello') this.peers.add(message.from);
    if (message.t === 'bye' || message.t === 'leader') this.peers.delete(message.from);
    if (message.t === 'reply') {
      if (message.to !== this.id) return;
      const call = this.pending.get(message.id);
      if (!call) return;
      this.pending.delete(message.id);
      clearTimeout(call.timer);
      if (message.ok) call.resolve(message.value);
      else call.reject(new TabCallError(message.error?.message ?? 'The call failed.', message.error?.code));
      return;
    }
    if (message.t === 'call') {
      if (this.roleValue !== 'leader' || !this.handler) return;
      if (!this.peers.has(message.from)) {
        // A tab this one does not know of (it said bye, then came back): it gets the state, as after a hello.
        this.peers.add(message.from);
        for (const l of [...this.listeners]) l({ t: 'hello', from: message.from });
      }
      const handler = this.handler;
      handler(message.method, message.args).then(
        (value) => this.post({ t: 'reply', from: this.id, to: message.from, id: message.id, ok: true, value }),
        (error: unknown) => {
          const e = error as { code?: unknown; message?: unknown };
          this.post({
            t: 'reply',
            from: this.id,
            to: message.from,
            id: message.id,
            ok: false,
            error: { ...(typeof e?.code === 'string' ? { code: e.code } : {}), message: typeof e?.message === 'string' ? e.message : String(error) },
          });
        },
      );
      return;
    }
    if (message.t === 'state' && message.to && message.to !== this.id) return;
    if (message.t === 'leader' && this.roleValue === 'follower') {
      // A new leader: calls sent to the old one may be lost; send them again (commands are idempotent),
      // and give it the whole time to answer: a send given up on here may still go out there.
      for (const [id, c] of this.pending) {
        this.arm(id, c);
        this.post({ t: 'call', from: this.id, id, method: c.method, args: c.args });
      }
      // And say hello to it: it learns that this tab mirrors it, and answers with its whole state.
      this.post({ t: 'hello', from: this.id });
    }
    for (const l of [...this.listeners]) l(message);
  }
}

/** An in-memory Web Locks stand-in for runtimes without navigator.locks (Node tests): one queue per name. */
export function createMemoryLocks(): LockManagerLike {
  const queues = new Map<string, { run: () => void; signal?: AbortSignal }[]>();
  const held = new Set<string>();
  const pump = (name: string): void => {
    if (held.has(name)) return;
    const queue = queues.get(name) ?? [];
    const next = queue.shift();
    if (next) next.run();
  };
  return {
    request(name, options, callback) {
      return new Promise((resolve, reject) => {
        const entry = {
          signal: options.signal,
          run: () => {
            held.add(name);
            Promise.resolve()
              .then(() => callback({ name }))
              .then(resolve, reject)
              .finally(() => {
                held.delete(name);
                pump(name);
              });
          },
        };
        if (options.signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
        if (options.ifAvailable && (held.has(name) || (queues.get(name) ?? []).length > 0)) {
          Promise.resolve()
            .then(() => callback(null))
            .then(resolve, reject);
          return;
        }
        options.signal?.addEventListener('abort', () => {
          const queue = queues.get(name) ?? [];
          const at = queue.indexOf(entry);
          if (at >= 0) {
            queue.splice(at, 1);
            reject(new DOMException('aborted', 'AbortError'));
          }
        });
        const queue = queues.get(name) ?? [];
        queue.push(entry);
        queues.set(name, queue);
        pump(name);
      });
    },
    query() {
      const pending = [...queues].flatMap(([name, queue]) => queue.map(() => ({ name })));
      return Promise.resolve({ pending });
    },
  };
}

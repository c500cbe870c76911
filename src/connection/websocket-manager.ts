// WebSocketManager: keeps one subscribed aws/chat socket alive for as long as the chat lasts.
//
// Usage (the chat layer):
//
//   const manager = new WebSocketManager({
//     // Called for the first connect and whenever a fresh URL is needed (stale URL, dead socket,
//     // rotation). Reject with an error for which isFatal() is true (default: AccessDeniedException,
//     // status 403, or `ended: true`) when the chat is over: the manager then ends instead of retrying.
//     getConnection: async () => {
//       const r = await client.createParticipantConnection({ ParticipantToken, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] });
//       connectionToken = r.ConnectionCredentials.ConnectionToken;      // the chat layer keeps the token
//       return { url: r.Websocket.Url, connectionExpiry: r.Websocket.ConnectionExpiry };
//     },
//   });
//   manager.on('item', (item) => transcript.merge(item));          // parsed aws/chat Items, deduplicated
//   manager.on('connected', () => gapFill());                      // after the first connect and every reconnect
//   manager.on('ended', () => endChat());                          // the chat ended while we were away
//   effect(() => ui.connection.value = manager.state.value);       // state is a signal
//   await manager.connect();                                       // resolves once subscribed
//   …
//   manager.close();                                               // or close({ ended: true }) after chat.ended
//
// It knows frames and timers, not what items mean. Protocol: chat-protocol.md §1.
import { signal, type ReadonlySignal } from '@preact/signals-core';
import { backoffDelay, type BackoffOptions } from './backoff';
import { itemKey, RecentKeys } from './dedupe';
import { Emitter } from './emitter';
import {
  browserNetwork,
  browserVisibility,
  globalWebSocket,
  systemClock,
  type Clock,
  type Condition,
  type WebSocketConstructor,
} from './environment';
import { ConnectionError, describeError, redactUrl, type ConnectionErrorCode } from './errors';
import { isUrlReusable, rotationDelay, type FetchedUrl } from './expiry';
import { SocketLink, CLOSE_NORMAL, type LinkHandlers, type LinkOptions } from './socket-link';
import type { SubscribeLimits } from './subscribe';

/** The socket's state. `offline` = waiting for the browser to be online; `ended` = no more connections. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'ended';

/** What getConnection() returns: Websocket.Url and Websocket.ConnectionExpiry of CreateParticipantConnection. */
export interface ConnectionDetails {
  url: string;
  connectionExpiry?: string;
}

export interface WebSocketManagerOptions {
  /** Fetches a fresh socket URL (CreateParticipantConnection). Required. */
  getConnection: () => Promise<ConnectionDetails>;
  /** WebSocket constructor. Default: the global `WebSocket` (browsers, Node ≥ 22); pass `ws` in Node 20. */
  WebSocket?: WebSocketConstructor;
  /** Is a getConnection() error final (the chat is over)? Default: `isChatOver`. */
  isFatal?: (error: unknown) => boolean;
  /** aws/ping + aws/heartbeat period; a heartbeat reply missing for one period means the socket is dead. Default 10 000. */
  heartbeatIntervalMs?: number;
  /** A socket that has not opened after this long is abandoned. Default 10 000. */
  openTimeoutMs?: number;
  /** A getConnection() that has not settled after this long counts as a failed attempt. Default 30 000. */
  getConnectionTimeoutMs?: number;
  /** Subscribe retry rules (chat-protocol §1.6). Default { timeoutMs: 1000, maxUnanswered: 3, retryMs: 500, maxFailures: 5 }. */
  subscribe?: Partial<SubscribeLimits>;
  /** A URL older than this is not reused after a failed open; the service refuses it after 100 s. Default 85 000. */
  urlValidityMs?: number;
  /** Sockets tried on one URL that never opened before a fresh one is fetched. Default 2. */
  urlTries?: number;
  /** Replace the socket at least this often (chatjs: 59 min). Default 55 min. */
  lifetimeMs?: number;
  /** Replace the socket this long before its ConnectionExpiry, when that is a real socket lifetime. Default 60 000. */
  rotateBeforeExpiryMs?: number;
  /** ConnectionExpiry closer than this after connecting is the URL's connect-by deadline, not a lifetime. Default 5 min. */
  minLifetimeMs?: number;
  /** Reconnect delays: full jitter below min(maxMs, baseMs·factor^(n−1)); the first retry within firstRetryMs.
   *  Default { firstRetryMs: 250, baseMs: 1000, factor: 2, maxMs: 30 000 }. */
  backoff?: Partial<BackoffOptions>;
  /** A connection that lasted this long resets the backoff; shorter ones keep climbing it (flapping). Default 5000. */
  stableAfterMs?: number;
  /** After the page becomes visible, an overdue heartbeat is judged after this grace. Default 2000. */
  probeGraceMs?: number;
  /** How many recent item keys are remembered to drop duplicates (rotation overlap). Default 1000. */
  dedupeCapacity?: number;
  /** Random source for jitter, [0, 1). Default Math.random. */
  random?: () => number;
  /** Time source and timers. Default: Date.now and the global setTimeout. */
  clock?: Clock;
  /** Network reachability. Default: navigator.onLine + window online/offline (always online without them). */
  network?: Condition;
  /** Page visibility. Default: document.visibilityState + visibilitychange (always visible without them). */
  visibility?: Condition;
  /** Debug log of what the manager does (never includes credentials). Default: silent. */
  log?: (event: string, detail?: Record<string, unknown>) => void;
}

/**
 * A 403 means the chat is over: the service said this participant may no longer connect or call
 * (AccessDeniedException, status 403, or an error marked `ended: true`). The manager's default
 * isFatal, and the chat layer's test after a refused token refresh.
 */
export function isChatOver(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { ended?: unknown; name?: unknown; code?: unknown; statusCode?: unknown; status?: unknown };
  return (
    e.ended === true ||
    e.name === 'AccessDeniedException' ||
    e.code === 'AccessDeniedException' ||
    e.statusCode === 403 ||
    e.status === 403
  );
}

/** Every default in one place. `WebSocket`, `network` and `visibility` default to the browser's (see above). */
export const DEFAULTS = {
  heartbeatIntervalMs: 10_000,
  openTimeoutMs: 10_000,
  getConnectionTimeoutMs: 30_000,
  subscribe: { timeoutMs: 1000, maxUnanswered: 3, retryMs: 500, maxFailures: 5 } satisfies SubscribeLimits,
  urlValidityMs: 85_000,
  urlTries: 2,
  lifetimeMs: 55 * 60_000,
  rotateBeforeExpiryMs: 60_000,
  minLifetimeMs: 5 * 60_000,
  backoff: { firstRetryMs: 250, baseMs: 1000, factor: 2, maxMs: 30_000 } satisfies BackoffOptions,
  stableAfterMs: 5000,
  probeGraceMs: 2000,
  dedupeCapacity: 1000,
  isFatal: isChatOver,
  random: Math.random,
  clock: systemClock,
  log: (): void => {},
};

export interface WebSocketManagerEvents {
  /** Subscribed on a new socket. `reconnect` is false only the first time: gap-fill on true. Not fired on rotation. */
  connected: { reconnect: boolean };
  /** The working socket was lost; reconnecting (or waiting for the network) follows. */
  disconnected: { error: ConnectionError };
  /** An aws/chat Item (frame.content parsed), each delivered once even while two sockets overlap. */
  item: unknown;
  /** The socket was replaced without a gap (before expiry or on the periodic lifetime). */
  rotated: { url: string };
  stateChange: { state: ConnectionState; previous: ConnectionState };
  /** A failure that is being handled (retry scheduled, frame dropped); `retryInMs` says when the next try is. */
  error: ConnectionError;
  /** No more connections: getConnection() failed fatally (error) or close({ ended: true }) was called. */
  ended: { error?: unknown };
}

type Resolved = Required<Omit<WebSocketManagerOptions, 'subscribe' | 'backoff' | 'WebSocket'>> & {
  subscribe: SubscribeLimits;
  backoff: BackoffOptions;
  WebSocket: WebSocketConstructor | undefined;
};

interface Target extends ConnectionDetails, FetchedUrl {}

const WS_URL = /^wss?:\/\/[^\s]+$/i;

export class WebSocketManager {
  /** The connection state, as a signal. */
  readonly state: ReadonlySignal<ConnectionState>;
  private readonly stateSignal = signal<ConnectionState>('idle');
  private readonly options: Resolved;
  private readonly linkOptions: LinkOptions | null;
  private readonly events = new Emitter<WebSocketManagerEvents>();
  private readonly seen: RecentKeys;

  /** The subscribed socket items come from. */
  private primary: SocketLink | null = null;
  /** A socket being set up to become primary after a loss (or the first one). */
  private pending: SocketLink | null = null;
  /** A socket being set up to replace a working primary (rotation). */
  private candidate: SocketLink | null = null;
  private fetching = false;
  private rotating = false;
  private lastTarget: Target | null = null;
  private failures = 0;
  private rotationFailures = 0;
  private everConnected = false;
  private readyAt = 0;
  /** Bumped whenever in-flight getConnection() results must be ignored (close, reconnect, end). */
  private epoch = 0;
  private retryTimer: unknown = null;
  private rotationTimer: unknown = null;
  private detachEnvironment: (() => void) | null = null;
  /** Timeouts of in-flight getConnection() calls, cleared on close so nothing keeps running. */
  private readonly fetchTimers = new Set<unknown>();
  private waiters: Array<{ resolve: () => void; reject: (error: ConnectionError) => void }> = [];

  constructor(options: WebSocketManagerOptions) {
    if (typeof options?.getConnection !== 'function') {
      throw new TypeError('WebSocketManager needs options.getConnection: an async function returning { url, connectionExpiry? }.');
    }
    this.options = {
      ...DEFAULTS,
      network: browserNetwork(),
      visibility: browserVisibility(),
      ...stripUndefined(options),
      subscribe: { ...DEFAULTS.subscribe, ...stripUndefined(options.subscribe ?? {}) },
      backoff: { ...DEFAULTS.backoff, ...stripUndefined(options.backoff ?? {}) },
      getConnection: options.getConnection,
      WebSocket: options.WebSocket ?? globalWebSocket(),
    };
    const o = this.options;
    this.linkOptions = o.WebSocket
      ? {
          WebSocket: o.WebSocket,
          clock: o.clock,
          openTimeoutMs: o.openTimeoutMs,
          heartbeatIntervalMs: o.heartbeatIntervalMs,
          probeGraceMs: o.probeGraceMs,
          subscribe: o.subscribe,
          log: o.log,
        }
      : null;
    this.seen = new RecentKeys(o.dedupeCapacity);
    this.state = this.stateSignal;
  }

  on<K extends keyof WebSocketManagerEvents>(event: K, listener: (detail: WebSocketManagerEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  /**
   * Starts connecting (from `idle`); resolves when subscribed. It keeps retrying through transient
   * failures, so it settles only on success, on `ended` (rejects with code 'ended') or on close()
   * (rejects with code 'closed').
   */
  connect(): Promise<void> {
    const state = this.stateSignal.peek();
    if (state === 'ended') return Promise.reject(this.endedError());
    if (!this.linkOptions) {
      return Promise.reject(
        new ConnectionError('no-websocket', 'There is no WebSocket implementation here. In Node 20, pass options.WebSocket (e.g. `WebSocket` from the "ws" package).'),
      );
    }
    const promise = state === 'connected' ? Promise.resolve() : new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (state === 'idle') {
      this.attachEnvironment();
      this.setState('connecting');
      this.attempt();
    }
    return promise;
  }

  /** Drops the current socket and connects again now with a fresh URL and a reset backoff. No-op once ended. */
  reconnect(): void {
    const state = this.stateSignal.peek();
    if (state === 'ended') return;
    if (state === 'idle') {
      this.connect().catch(() => {});
      return;
    }
    const lost = this.primary;
    this.dropEverything('reconnect requested');
    this.failures = 0;
    if (lost) this.events.emit('disconnected', { error: new ConnectionError('closed', 'reconnect() dropped the working socket.', { url: lost.safeUrl }) });
    if (this.options.network.get()) this.setState(this.everConnected ? 'reconnecting' : 'connecting');
    this.attempt();
  }

  /**
   * Closes every socket and stops all timers. Back to `idle` (connect() may be called again), or to
   * `ended` with { ended: true } (after chat.ended: nothing will ever connect again).
   */
  close(options: { ended?: boolean } = {}): void {
    if (this.stateSignal.peek() === 'ended') return;
    this.dropEverything('client closed');
    this.detachEnvironment?.();
    this.detachEnvironment = null;
    this.seen.clear();
    if (options.ended) {
      this.setState('ended');
      this.rejectWaiters(this.endedError());
      this.events.emit('ended', {});
    } else {
      this.everConnected = false;
      this.failures = 0;
      this.setState('idle');
      this.rejectWaiters(new ConnectionError('closed', 'close() was called before the connection was established.'));
    }
  }

  // ---- attempts -------------------------------------------------------------------------------

  private attempt(): void {
    if (this.isStopped()) return;
    this.clearTimer('retry');
    if (!this.options.network.get()) {
      this.setState('offline');
      return;
    }
    if (this.fetching || this.pending) return;
    const { clock, urlValidityMs, urlTries } = this.options;
    const reusable = this.lastTarget;
    if (reusable && isUrlReusable(reusable, clock.now(), urlValidityMs, urlTries)) {
      this.options.log('url-reused', { url: redactUrl(reusable.url) });
      this.openPending(reusable);
      return;
    }
    this.lastTarget = null;
    this.fetching = true;
    const epoch = this.epoch;
    this.fetchConnection().then(
      (target) => {
        this.fetching = false;
        if (epoch !== this.epoch) return;
        if (typeof target === 'string') {
          this.retryLater('invalid-url', target);
          return;
        }
        this.lastTarget = target;
        this.openPending(target);
      },
      (error: unknown) => {
        this.fetching = false;
        if (epoch !== this.epoch) return;
        if (this.isFatal(error)) {
          this.end(error);
          return;
        }
        const message = error instanceof ConnectionError ? error.message : `getConnection() failed: ${describeError(error)}.`;
        this.retryLater('get-connection-failed', message, error);
      },
    );
  }

  /**
   * Calls getConnection(); resolves with a usable target, or with a message saying why it is unusable.
   * Rejects with the caller's error, or with a 'get-connection-failed' ConnectionError on timeout.
   */
  private fetchConnection(): Promise<Target | string> {
    const { clock, getConnectionTimeoutMs } = this.options;
    return new Promise<Target | string>((resolve, reject) => {
      const timer = clock.setTimeout(() => {
        this.fetchTimers.delete(timer);
        reject(new ConnectionError('get-connection-failed', `getConnection() did not settle within ${getConnectionTimeoutMs} ms.`));
      }, getConnectionTimeoutMs);
      this.fetchTimers.add(timer);
      const settle = () => {
        clock.clearTimeout(timer);
        this.fetchTimers.delete(timer);
      };
      this.callGetConnection().then(
        (result) => {
          settle();
          resolve(result);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
  }

  private async callGetConnection(): Promise<Target | string> {
    const details: unknown = await this.options.getConnection();
    const url = (details as Partial<ConnectionDetails> | null)?.url;
    if (typeof url !== 'string' || !WS_URL.test(url)) {
      const shown = typeof url === 'string' ? `"${redactUrl(url).slice(0, 100)}"` : String(url);
      return `getConnection() returned ${shown} as the URL; it must be a ws:// or wss:// URL (Websocket.Url of CreateParticipantConnection).`;
    }
    const expiry = (details as ConnectionDetails).connectionExpiry;
    return {
      url,
      connectionExpiry: typeof expiry === 'string' ? expiry : undefined,
      fetchedAt: this.options.clock.now(),
      used: false,
      tries: 0,
    };
  }

  private openPending(target: Target): void {
    target.tries += 1;
    const link = this.createLink(target);
    this.pending = link;
    link.start();
  }

  private createLink(target: Target): SocketLink {
    const handlers: LinkHandlers = {
      open: () => {
        target.used = true;
      },
      ready: (link) => this.onReady(link),
      item: (link, item, raw) => this.onItem(link, item, raw),
      problem: (_link, error) => this.events.emit('error', error),
      fail: (link, error) => this.onFail(link, error),
    };
    // linkOptions is present: connect() refuses to start without a WebSocket implementation.
    return new SocketLink(target.url, target.connectionExpiry, this.linkOptions as LinkOptions, handlers);
  }

  private retryLater(code: ConnectionErrorCode, message: string, cause?: unknown): void {
    if (this.isStopped()) return;
    const delay = backoffDelay(this.failures, this.options.backoff, this.options.random);
    this.failures += 1;
    const online = this.options.network.get();
    const next = online ? ` Retrying in ${delay} ms.` : ' Waiting for the network to come back.';
    const url = this.lastTarget ? redactUrl(this.lastTarget.url) : undefined;
    this.events.emit(
      'error',
      new ConnectionError(code, message + next, { url, attempt: this.failures, retryInMs: online ? delay : undefined, cause }),
    );
    if (!online) {
      this.setState('offline');
      return;
    }
    this.setState(this.everConnected ? 'reconnecting' : 'connecting');
    this.scheduleAttempt(delay);
  }

  /** The next attempt after `delay` ms (one pending at a time). */
  private scheduleAttempt(delay: number): void {
    this.clearTimer('retry');
    this.retryTimer = this.options.clock.setTimeout(() => {
      this.retryTimer = null;
      this.attempt();
    }, delay);
    this.options.log('retry-scheduled', { delay, attempt: this.failures });
  }

  // ---- link events ----------------------------------------------------------------------------

  private onReady(link: SocketLink): void {
    if (link === this.pending) {
      this.pending = null;
      this.primary = link;
      this.readyAt = this.options.clock.now();
      const reconnect = this.everConnected;
      this.everConnected = true;
      this.setState('connected');
      this.events.emit('connected', { reconnect });
      this.resolveWaiters();
      this.scheduleRotation();
    } else if (link === this.candidate) {
      // Rotation: the new socket is subscribed, so the old one can go without a gap. Items that
      // arrive on both meanwhile are dropped by the dedupe in onItem.
      this.candidate = null;
      const old = this.primary;
      this.primary = link;
      this.readyAt = this.options.clock.now();
      this.rotationFailures = 0;
      old?.close(CLOSE_NORMAL, 'replaced by a new connection');
      this.events.emit('rotated', { url: link.safeUrl });
      this.scheduleRotation();
    }
  }

  private onItem(link: SocketLink, item: unknown, raw: string): void {
    if (link !== this.primary && link !== this.candidate && link !== this.pending) return;
    const key = itemKey(item, raw);
    if (key !== null && !this.seen.add(key)) {
      this.options.log('duplicate-dropped', { url: link.safeUrl });
      return;
    }
    this.events.emit('item', item);
  }

  private onFail(link: SocketLink, error: ConnectionError): void {
    if (link === this.pending) {
      this.pending = null;
      this.retryLater(error.code, error.message, error);
    } else if (link === this.primary) {
      this.primary = null;
      this.onPrimaryLost(error);
    } else if (link === this.candidate) {
      this.candidate = null;
      this.rotationFailed(error);
    }
  }

  private onPrimaryLost(error: ConnectionError): void {
    this.clearTimer('rotation');
    this.rotating = false;
    if (this.options.clock.now() - this.readyAt >= this.options.stableAfterMs) this.failures = 0;
    this.events.emit('disconnected', { error });
    this.options.log('disconnected', { code: error.code, url: error.url });
    // A rotation socket already on its way becomes the reconnect attempt.
    if (this.candidate) {
      this.pending = this.candidate;
      this.candidate = null;
    }
    if (!this.options.network.get()) {
      this.setState('offline');
      return;
    }
    this.setState('reconnecting');
    if (this.pending || this.fetching) return;
    const delay = backoffDelay(this.failures, this.options.backoff, this.options.random);
    this.failures += 1;
    this.scheduleAttempt(delay);
  }

  // ---- rotation -------------------------------------------------------------------------------

  private scheduleRotation(): void {
    this.clearTimer('rotation');
    const link = this.primary;
    if (!link || this.isStopped()) return;
    const o = this.options;
    const delay =
      this.rotationFailures === 0
        ? rotationDelay({
            now: o.clock.now(),
            lifetimeMs: o.lifetimeMs,
            connectionExpiry: link.connectionExpiry,
            leadMs: o.rotateBeforeExpiryMs,
            minLifetimeMs: o.minLifetimeMs,
          })
        : backoffDelay(this.rotationFailures, o.backoff, o.random);
    this.rotationTimer = o.clock.setTimeout(() => {
      this.rotationTimer = null;
      this.rotate();
    }, delay);
    o.log('rotation-scheduled', { delay });
  }

  private rotate(): void {
    if (this.isStopped() || !this.primary || this.candidate || this.rotating) return;
    if (!this.options.network.get()) {
      this.rotationFailures += 1;
      this.scheduleRotation();
      return;
    }
    this.rotating = true;
    const epoch = this.epoch;
    const primary = this.primary;
    this.fetchConnection().then(
      (target) => {
        if (!this.rotating || epoch !== this.epoch || this.primary !== primary) return;
        this.rotating = false;
        if (typeof target === 'string') {
          this.rotationFailed(new ConnectionError('invalid-url', target));
          return;
        }
        const link = this.createLink(target);
        this.candidate = link;
        link.start();
      },
      (error: unknown) => {
        if (!this.rotating || epoch !== this.epoch || this.primary !== primary) return;
        this.rotating = false;
        if (this.isFatal(error)) {
          this.end(error);
          return;
        }
        const message = error instanceof ConnectionError ? error.message : `getConnection() failed: ${describeError(error)}.`;
        this.rotationFailed(new ConnectionError('get-connection-failed', message, { cause: error }));
      },
    );
  }

  private rotationFailed(error: ConnectionError): void {
    this.rotationFailures += 1;
    this.scheduleRotation();
    this.events.emit(
      'error',
      new ConnectionError('rotation-failed', `Replacing the WebSocket failed (${error.message}) The current socket stays in use; trying again later.`, {
        url: error.url,
        attempt: this.rotationFailures,
        cause: error,
      }),
    );
  }

  // ---- environment ----------------------------------------------------------------------------

  private attachEnvironment(): void {
    this.detachEnvironment?.();
    const offNetwork = this.options.network.subscribe((online) => (online ? this.onOnline() : this.onOffline()));
    const offVisibility = this.options.visibility.subscribe((visible) => {
      if (visible) this.onVisible();
    });
    this.detachEnvironment = () => {
      offNetwork();
      offVisibility();
    };
  }

  private onOnline(): void {
    if (this.isStopped()) return;
    this.failures = 0;
    if (this.primary) {
      this.setState('connected');
      return;
    }
    this.setState(this.everConnected ? 'reconnecting' : 'connecting');
    this.attempt();
  }

  private onOffline(): void {
    if (this.isStopped()) return;
    this.clearTimer('retry');
    this.setState('offline');
  }

  private onVisible(): void {
    if (this.isStopped()) return;
    if (this.primary) {
      // Timers may have been frozen while hidden: make sure the socket is still alive.
      this.primary.probe();
      this.candidate?.probe();
      return;
    }
    if (this.stateSignal.peek() === 'offline' && this.options.network.get()) {
      // The 'online' event was missed (e.g. it fired while the page was frozen).
      this.onOnline();
      return;
    }
    if (this.retryTimer !== null) this.attempt();
  }

  // ---- state ----------------------------------------------------------------------------------

  private end(error: unknown): void {
    this.dropEverything('chat ended');
    this.detachEnvironment?.();
    this.detachEnvironment = null;
    this.setState('ended');
    this.rejectWaiters(this.endedError(error));
    this.events.emit('ended', { error });
  }

  private endedError(cause?: unknown): ConnectionError {
    const why = cause === undefined ? 'the connection was closed as ended' : `getConnection() reported a final error (${describeError(cause)})`;
    return new ConnectionError('ended', `The chat connection has ended: ${why}. The chat is probably over; start a new one.`, { cause });
  }

  /** Stops every socket, timer and in-flight request; keeps listeners and the state. */
  private dropEverything(reason: string): void {
    this.epoch += 1;
    this.clearTimer('retry');
    this.clearTimer('rotation');
    for (const timer of this.fetchTimers) this.options.clock.clearTimeout(timer);
    this.fetchTimers.clear();
    for (const link of [this.primary, this.pending, this.candidate]) link?.close(CLOSE_NORMAL, reason);
    this.primary = this.pending = this.candidate = null;
    this.fetching = false;
    this.rotating = false;
    this.lastTarget = null;
    this.rotationFailures = 0;
  }

  /** Our own timeout is never fatal, whatever the caller's isFatal says about errors in general. */
  private isFatal(error: unknown): boolean {
    if (error instanceof ConnectionError) return false;
    return this.options.isFatal(error);
  }

  private isStopped(): boolean {
    const state = this.stateSignal.peek();
    return state === 'idle' || state === 'ended';
  }

  private setState(state: ConnectionState): void {
    const previous = this.stateSignal.peek();
    if (previous === state) return;
    this.stateSignal.value = state;
    this.options.log('state', { state, previous });
    this.events.emit('stateChange', { state, previous });
  }

  private resolveWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.resolve();
  }

  private rejectWaiters(error: ConnectionError): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }

  private clearTimer(which: 'retry' | 'rotation'): void {
    const field = `${which}Timer` as const;
    if (this[field] === null) return;
    this.options.clock.clearTimeout(this[field]);
    this[field] = null;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

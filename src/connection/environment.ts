// The outside world the manager reacts to: time, network reachability, page visibility, the WebSocket
// constructor. Defaults read browser globals and degrade to "always online, always visible" in Node
// or workers, where those globals do not exist. Tests inject their own.

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Something that is true or false and says when it changes. */
export interface Condition {
  get(): boolean;
  /** Calls the listener with the new value on every change; returns an unsubscribe function. */
  subscribe(listener: (value: boolean) => void): () => void;
}

interface EventSourceLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

function hasEvents(value: unknown): value is EventSourceLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as EventSourceLike).addEventListener === 'function' &&
    typeof (value as EventSourceLike).removeEventListener === 'function'
  );
}

/** navigator.onLine with window online/offline events; always online where there is no navigator. */
export function browserNetwork(): Condition {
  const nav = (globalThis as { navigator?: { onLine?: unknown } }).navigator;
  const target = (globalThis as { window?: unknown }).window;
  const get = () => (typeof nav?.onLine === 'boolean' ? nav.onLine : true);
  return {
    get,
    subscribe(listener) {
      if (!hasEvents(target)) return () => {};
      const online = () => listener(true);
      const offline = () => listener(false);
      target.addEventListener('online', online);
      target.addEventListener('offline', offline);
      return () => {
        target.removeEventListener('online', online);
        target.removeEventListener('offline', offline);
      };
    },
  };
}

/** document.visibilityState with visibilitychange; always visible where there is no document. */
export function browserVisibility(): Condition {
  const doc = (globalThis as { document?: { visibilityState?: unknown } }).document;
  const get = () => (typeof doc?.visibilityState === 'string' ? doc.visibilityState !== 'hidden' : true);
  return {
    get,
    subscribe(listener) {
      if (!hasEvents(doc)) return () => {};
      const changed = () => listener(get());
      doc.addEventListener('visibilitychange', changed);
      return () => doc.removeEventListener('visibilitychange', changed);
    },
  };
}

/** The parts of a WebSocket we use; the browser's WebSocket and the `ws` package both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error' | 'message', listener: (event: SocketEvent) => void): void;
  removeEventListener(type: 'open' | 'close' | 'error' | 'message', listener: (event: SocketEvent) => void): void;
}

/** What we read from socket events (a subset of MessageEvent / CloseEvent). */
export interface SocketEvent {
  readonly type: string;
  readonly data?: unknown;
  readonly code?: number;
  readonly reason?: string;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** WebSocket.OPEN, as a constant: the constructor might be a test double without statics. */
export const SOCKET_OPEN = 1;

export function globalWebSocket(): WebSocketConstructor | undefined {
  const ctor = (globalThis as { WebSocket?: unknown }).WebSocket;
  return typeof ctor === 'function' ? (ctor as WebSocketConstructor) : undefined;
}

// One WebSocket from open to close: the subscribe handshake with its retries, the heartbeat, and
// frame parsing. It reports what happened and decides nothing beyond this one socket; the manager
// decides what to do about it (reconnect, rotate, end).
import type { Clock, SocketEvent, WebSocketConstructor, WebSocketLike } from './environment';
import { SOCKET_OPEN } from './environment';
import { ConnectionError, describeError, redactUrl } from './errors';
import { HEARTBEAT_FRAME, PING_FRAME, SUBSCRIBE_FRAME, parseFrame } from './frames';
import { IDLE_HEARTBEAT, heartbeatOverdue, heartbeatReply, heartbeatTick, type HeartbeatState } from './heartbeat';
import { FRESH_SUBSCRIBE, subscribeStep, type SubscribeLimits, type SubscribeOutcome, type SubscribeState } from './subscribe';

export interface LinkOptions {
  WebSocket: WebSocketConstructor;
  clock: Clock;
  openTimeoutMs: number;
  heartbeatIntervalMs: number;
  probeGraceMs: number;
  subscribe: SubscribeLimits;
  log: (event: string, detail?: Record<string, unknown>) => void;
}

export interface LinkHandlers {
  /** The socket opened (the URL is now spent). */
  open(link: SocketLink): void;
  /** Subscribed to aws/chat: items flow from now on. */
  ready(link: SocketLink): void;
  /** An aws/chat item, parsed; `raw` is its content string. */
  item(link: SocketLink, item: unknown, raw: string): void;
  /** Something worth reporting that does not end the socket (an unreadable frame, a server error frame). */
  problem(link: SocketLink, error: ConnectionError): void;
  /** The socket is finished (closed, dead, never opened, subscription failed). Called once. */
  fail(link: SocketLink, error: ConnectionError): void;
}

/** Close codes: 1000 for our normal closes; 4000 when we abandon a socket we no longer trust. */
export const CLOSE_NORMAL = 1000;
export const CLOSE_ABANDON = 4000;

export class SocketLink {
  private socket: WebSocketLike | null = null;
  private finished = false;
  private subscribed = false;
  private subscribeState: SubscribeState = FRESH_SUBSCRIBE;
  private heartbeat: HeartbeatState = IDLE_HEARTBEAT;
  private openTimer: unknown = null;
  private subscribeTimer: unknown = null;
  private heartbeatTimer: unknown = null;
  readonly safeUrl: string;

  constructor(
    readonly url: string,
    readonly connectionExpiry: string | undefined,
    private readonly options: LinkOptions,
    private readonly handlers: LinkHandlers,
  ) {
    this.safeUrl = redactUrl(url);
  }

  get isReady(): boolean {
    return this.subscribed && !this.finished;
  }

  start(): void {
    let socket: WebSocketLike;
    try {
      socket = new this.options.WebSocket(this.url);
    } catch (error) {
      this.finish(new ConnectionError('socket-closed', `Could not create a WebSocket for ${this.safeUrl}: ${describeError(error)}`, { url: this.safeUrl, cause: error }));
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', this.onOpen);
    socket.addEventListener('message', this.onMessage);
    socket.addEventListener('close', this.onClose);
    // Kept for the socket's whole life, even after we let go of it: the `ws` package throws on an
    // 'error' event nobody listens to, which closing a socket that is still connecting produces.
    socket.addEventListener('error', this.onError);
    this.openTimer = this.options.clock.setTimeout(() => {
      this.finish(new ConnectionError('open-timeout', `The WebSocket to ${this.safeUrl} did not open within ${this.options.openTimeoutMs} ms.`, { url: this.safeUrl }));
    }, this.options.openTimeoutMs);
  }

  /** Closes on purpose; no `fail` is reported. */
  close(code = CLOSE_NORMAL, reason = 'client closed'): void {
    if (this.finished) return;
    this.finished = true;
    this.release({ code, reason });
  }

  /**
   * Called when the page becomes visible again: if a heartbeat reply is overdue because timers were
   * frozen, judge the socket after a short grace instead of a whole interval.
   */
  probe(): void {
    if (this.finished || !this.socket) return;
    const { clock, heartbeatIntervalMs, probeGraceMs } = this.options;
    if (!heartbeatOverdue(this.heartbeat, clock.now(), heartbeatIntervalMs)) return;
    this.options.log('heartbeat-probe', { url: this.safeUrl });
    this.scheduleHeartbeat(Math.min(probeGraceMs, heartbeatIntervalMs));
  }

  private readonly onOpen = (): void => {
    if (this.finished) return;
    this.clear('open');
    this.handlers.open(this);
    this.sendSubscribe();
    this.beat();
  };

  private readonly onMessage = (event: SocketEvent): void => {
    if (this.finished) return;
    if (typeof event.data !== 'string') {
      this.handlers.problem(this, new ConnectionError('bad-frame', `Ignored a binary frame from ${this.safeUrl}; the service sends text frames only.`, { url: this.safeUrl }));
      return;
    }
    const frame = parseFrame(event.data);
    switch (frame.kind) {
      case 'empty':
        return;
      case 'invalid':
        this.handlers.problem(this, new ConnectionError('bad-frame', `Dropped an unreadable frame from ${this.safeUrl}: ${frame.reason}`, { url: this.safeUrl }));
        return;
      case 'server-error':
        this.handlers.problem(this, new ConnectionError('server-error', `The server at ${this.safeUrl} sent an error: ${frame.message}`, { url: this.safeUrl }));
        return;
      case 'subscribe':
        this.onSubscribeOutcome(frame.success ? 'success' : 'failure');
        return;
      case 'heartbeat':
        this.heartbeat = heartbeatReply(this.heartbeat, 'aws/heartbeat');
        return;
      case 'ping':
        this.heartbeat = heartbeatReply(this.heartbeat, 'aws/ping', frame.ok);
        return;
      case 'chat':
        this.handlers.item(this, frame.item, frame.raw);
        return;
      case 'other':
        this.options.log('frame-ignored', { topic: frame.topic });
        return;
    }
  };

  private readonly onClose = (event: SocketEvent): void => {
    const detail = `code ${event.code ?? 'unknown'}${event.reason ? `, "${event.reason}"` : ''}`;
    this.finish(new ConnectionError('socket-closed', `The WebSocket to ${this.safeUrl} closed (${detail}).`, { url: this.safeUrl }), false);
  };

  private readonly onError = (): void => {
    // Browsers give no detail on WebSocket errors, and a close event always follows; finishing here
    // too covers implementations that only report the error.
    this.finish(new ConnectionError('socket-closed', `The WebSocket to ${this.safeUrl} failed.`, { url: this.safeUrl }));
  };

  private send(frame: string): boolean {
    try {
      this.socket?.send(frame);
      return true;
    } catch (error) {
      this.finish(new ConnectionError('socket-closed', `Could not send on the WebSocket to ${this.safeUrl}: ${describeError(error)}`, { url: this.safeUrl, cause: error }));
      return false;
    }
  }

  private sendSubscribe(): void {
    if (this.finished || this.subscribed) return;
    if (!this.send(SUBSCRIBE_FRAME)) return;
    this.clear('subscribe');
    this.subscribeTimer = this.options.clock.setTimeout(() => this.onSubscribeOutcome('timeout'), this.options.subscribe.timeoutMs);
  }

  private onSubscribeOutcome(outcome: SubscribeOutcome): void {
    if (this.finished || this.subscribed) return;
    this.clear('subscribe');
    const step = subscribeStep(this.subscribeState, outcome, this.options.subscribe);
    this.subscribeState = step.state;
    const decision = step.decision;
    if (decision.kind === 'done') {
      this.subscribed = true;
      this.handlers.ready(this);
    } else if (decision.kind === 'give-up') {
      this.finish(new ConnectionError('subscribe-failed', `Subscribing to aws/chat on ${this.safeUrl} failed: ${decision.reason}.`, { url: this.safeUrl }));
    } else if (decision.afterMs <= 0) {
      this.sendSubscribe();
    } else {
      this.subscribeTimer = this.options.clock.setTimeout(() => this.sendSubscribe(), decision.afterMs);
    }
  }

  private beat(): void {
    if (this.finished) return;
    const tick = heartbeatTick(this.heartbeat, this.socket?.readyState === SOCKET_OPEN, this.options.clock.now());
    if (tick.verdict === 'dead') {
      this.finish(new ConnectionError('heartbeat-missed', `The WebSocket to ${this.safeUrl} is dead: ${tick.reason}.`, { url: this.safeUrl }));
      return;
    }
    if (tick.pingMissed) this.options.log('ping-missed', { url: this.safeUrl });
    this.heartbeat = tick.next;
    if (!this.send(PING_FRAME) || !this.send(HEARTBEAT_FRAME)) return;
    this.scheduleHeartbeat(this.options.heartbeatIntervalMs);
  }

  private scheduleHeartbeat(ms: number): void {
    this.clear('heartbeat');
    this.heartbeatTimer = this.options.clock.setTimeout(() => this.beat(), ms);
  }

  private clear(which: 'open' | 'subscribe' | 'heartbeat'): void {
    const field = `${which}Timer` as const;
    if (this[field] === null) return;
    this.options.clock.clearTimeout(this[field]);
    this[field] = null;
  }

  /** Ends the link and reports it; `closeSocket` is false when the socket already closed by itself. */
  private finish(error: ConnectionError, closeSocket = true): void {
    if (this.finished) return;
    this.finished = true;
    this.release(closeSocket ? { code: CLOSE_ABANDON, reason: error.code } : null);
    this.handlers.fail(this, error);
  }

  private release(close: { code: number; reason: string } | null): void {
    this.clear('open');
    this.clear('subscribe');
    this.clear('heartbeat');
    const socket = this.socket;
    if (!socket) return;
    socket.removeEventListener('open', this.onOpen);
    socket.removeEventListener('message', this.onMessage);
    socket.removeEventListener('close', this.onClose);
    if (!close) return;
    try {
      socket.close(close.code, close.reason);
    } catch {
      // Already closing or closed: nothing left to release.
    }
  }
}

// Test fixture: a tiny real WebSocket server on 127.0.0.1:0 speaking the chat-protocol §1 control
// frames, with switches for the faults the manager must survive. Not the emulator: it knows no
// chat, only sockets, so connection tests stay fast and exact.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import type { Clock, Condition } from '../environment';

export interface FixtureBehaviour {
  /** How to answer aws/subscribe: success, failure, or not at all. `failTimes` refuses that many first, then succeeds. */
  subscribe: 'success' | 'failure' | 'ignore' | { failTimes: number };
  answerHeartbeat: boolean;
  answerPing: boolean;
  /** Refuse the HTTP upgrade with this status: the socket never opens. */
  refuseUpgrade: number | null;
  /** Accept the TCP connection but never answer the upgrade (the socket stays CONNECTING). */
  hangUpgrade: boolean;
  /** Refuse (403) URLs older than this, as the service does after 100 s. */
  urlTtlMs: number | null;
  /** Close every socket right after it subscribes (flapping). */
  dropAfterSubscribe: boolean;
}

export interface FixtureConnection {
  id: number;
  /** The `token` query parameter of the URL it connected with. */
  token: string;
  socket: WebSocket;
  /** Every text frame received, in order. */
  received: string[];
  subscribeRequests: number;
  subscribed: boolean;
  /** performance.now() when it subscribed / closed, for ordering checks. */
  subscribedAt?: number;
  closedAt?: number;
  closeCode?: number;
}

const DEFAULT_BEHAVIOUR: FixtureBehaviour = {
  subscribe: 'success',
  answerHeartbeat: true,
  answerPing: true,
  refuseUpgrade: null,
  hangUpgrade: false,
  urlTtlMs: null,
  dropAfterSubscribe: false,
};

export class TestWsServer {
  behaviour: FixtureBehaviour = { ...DEFAULT_BEHAVIOUR };
  readonly connections: FixtureConnection[] = [];
  /** Every upgrade request seen (token), including refused ones. */
  readonly upgrades: string[] = [];
  private readonly issued = new Map<string, number>();
  private readonly hanging = new Set<Socket>();
  private nextToken = 1;
  private nextId = 1;

  private constructor(
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
  ) {}

  static async start(): Promise<TestWsServer> {
    const http = createServer((_req, res) => res.writeHead(404).end());
    const wss = new WebSocketServer({ noServer: true });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const server = new TestWsServer(http, wss, (http.address() as AddressInfo).port);
    http.on('upgrade', (req, socket, head) => server.onUpgrade(req, socket as Socket, head));
    return server;
  }

  /** A fresh URL, like Websocket.Url of CreateParticipantConnection. */
  issueUrl(): string {
    const token = `t${this.nextToken++}`;
    this.issued.set(token, performance.now());
    return `ws://127.0.0.1:${this.port}/connect?token=${token}`;
  }

  get open(): FixtureConnection[] {
    return this.connections.filter((c) => c.closedAt === undefined);
  }

  get subscribedOpen(): FixtureConnection[] {
    return this.open.filter((c) => c.subscribed);
  }

  /** Sends an item as an aws/chat frame to every subscribed open socket; returns the frame. */
  broadcast(item: Record<string, unknown>): string {
    const frame = JSON.stringify({ topic: 'aws/chat', contentType: 'application/json', content: JSON.stringify(item) });
    for (const connection of this.subscribedOpen) connection.socket.send(frame);
    return frame;
  }

  /** Drops every open socket without a close handshake (what a network failure looks like). */
  dropAll(): void {
    for (const connection of this.open) connection.socket.terminate();
  }

  async close(): Promise<void> {
    for (const socket of this.hanging) socket.destroy();
    for (const connection of this.connections) connection.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const token = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? '';
    this.upgrades.push(token);
    const issuedAt = this.issued.get(token);
    const { refuseUpgrade, hangUpgrade, urlTtlMs } = this.behaviour;
    const stale = urlTtlMs !== null && (issuedAt === undefined || performance.now() - issuedAt > urlTtlMs);
    if (hangUpgrade) {
      this.hanging.add(socket);
      socket.on('close', () => this.hanging.delete(socket));
      return;
    }
    if (refuseUpgrade !== null || stale) {
      const status = refuseUpgrade ?? 403;
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, token));
  }

  private onConnection(socket: WebSocket, token: string): void {
    const connection: FixtureConnection = { id: this.nextId++, token, socket, received: [], subscribeRequests: 0, subscribed: false };
    this.connections.push(connection);
    socket.on('close', (code) => {
      connection.closedAt = performance.now();
      connection.closeCode = code;
    });
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return;
      const text = data.toString();
      connection.received.push(text);
      const topic = (JSON.parse(text) as { topic?: string }).topic;
      if (topic === 'aws/subscribe') this.onSubscribe(connection);
      else if (topic === 'aws/heartbeat' && this.behaviour.answerHeartbeat) socket.send(JSON.stringify({ topic: 'aws/heartbeat' }));
      else if (topic === 'aws/ping' && this.behaviour.answerPing) {
        socket.send(JSON.stringify({ topic: 'aws/ping', statusCode: 200, statusContent: 'OK' }));
      }
    });
  }

  private onSubscribe(connection: FixtureConnection): void {
    connection.subscribeRequests += 1;
    const rule = this.behaviour.subscribe;
    if (rule === 'ignore') return;
    const success = rule === 'success' || (typeof rule === 'object' && connection.subscribeRequests > rule.failTimes);
    const status = success ? 'success' : 'failure';
    connection.socket.send(JSON.stringify({ topic: 'aws/subscribe', content: { status, topics: ['aws/chat'] } }));
    if (!success) return;
    connection.subscribed = true;
    connection.subscribedAt = performance.now();
    if (this.behaviour.dropAfterSubscribe) setTimeout(() => connection.socket.terminate(), 5);
  }
}

/** A Condition the test flips by hand (network online, page visible). */
export function manualCondition(initial: boolean): Condition & { set(value: boolean): void } {
  let value = initial;
  const listeners = new Set<(value: boolean) => void>();
  return {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (next === value) return;
      value = next;
      for (const listener of [...listeners]) listener(next);
    },
  };
}

/** Polls until `check` is true; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Real timers, but `now()` can jump ahead without any timer firing: what a page sees after its
 * timers were frozen in the background (the wall clock moved, the scheduled callbacks did not run).
 */
export function jumpableClock(): Clock & { jump(ms: number): void } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    jump(ms) {
      offset += ms;
    },
  };
}

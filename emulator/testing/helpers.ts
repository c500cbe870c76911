// Helpers for the emulator's tests: a running emulator, official SDK clients pointed at it, a chat with
// a customer and an agent, and a WebSocket that records frames.
import { ConnectClient } from '@aws-sdk/client-connect';
import { ConnectParticipantClient, CreateParticipantConnectionCommand } from '@aws-sdk/client-connectparticipant';
import { request } from 'node:http';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '../index.js';
import type { EmulatorOptions } from '../options.js';
import type { ChatItem } from '../types.js';

export const CREDENTIALS = { accessKeyId: 'x', secretAccessKey: 'x' };

export function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ port: 0, host: '127.0.0.1', ...options });
}

export function participantClient(url: string, maxAttempts = 1): ConnectParticipantClient {
  return new ConnectParticipantClient({ region: 'us-east-1', endpoint: url, credentials: CREDENTIALS, maxAttempts });
}

export function connectClient(url: string): ConnectClient {
  return new ConnectClient({ region: 'us-east-1', endpoint: url, credentials: CREDENTIALS, maxAttempts: 1 });
}

export async function json<T = Record<string, unknown>>(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with headers exactly as given (fetch normalises names and will not send Host or Origin as asked). */
export function rawRequest(method: string, url: string, headers: Record<string, string>, body?: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * POSTs `total` bytes (declared with Content-Length, or chunked) and stops writing when the answer
 * arrives: `written` shows whether the server read the body or cut it off.
 */
export function streamBody(
  url: string,
  total: number,
  options: { chunked?: boolean; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string; written: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (!options.chunked) headers['content-length'] = String(total);
    const req = request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, written, headers: res.headers }));
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = (): void => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

export interface StartedChat {
  contactId: string;
  participantId: string;
  participantToken: string;
}

/** StartChatContact through the raw route (the SDK variant is tested in its own file). */
export async function startChat(url: string, extra: Record<string, unknown> = {}): Promise<StartedChat> {
  const { status, body } = await json<{ ContactId: string; ParticipantId: string; ParticipantToken: string }>(`${url}/contact/chat`, {
    method: 'PUT',
    body: { InstanceId: 'instance-1', ContactFlowId: 'flow-1', ParticipantDetails: { DisplayName: 'Customer' }, ...extra },
  });
  if (status !== 200) throw new Error(`StartChatContact failed: ${status} ${JSON.stringify(body)}`);
  return { contactId: body.ContactId, participantId: body.ParticipantId, participantToken: body.ParticipantToken };
}

export async function addParticipant(url: string, contactId: string, role = 'AGENT', displayName = 'Agent Smith'): Promise<{ participantId: string; participantToken: string }> {
  const { status, body } = await json<{ ParticipantId: string; ParticipantCredentials: { ParticipantToken: string } }>(
    `${url}/contact/create-participant`,
    { body: { InstanceId: 'instance-1', ContactId: contactId, ParticipantDetails: { ParticipantRole: role, DisplayName: displayName } } },
  );
  if (status !== 200) throw new Error(`CreateParticipant failed: ${status} ${JSON.stringify(body)}`);
  return { participantId: body.ParticipantId, participantToken: body.ParticipantCredentials.ParticipantToken };
}

export interface Connection {
  connectionToken: string;
  websocketUrl: string;
}

export async function connect(url: string, participantToken: string): Promise<Connection> {
  const client = participantClient(url);
  const out = await client.send(
    new CreateParticipantConnectionCommand({ ParticipantToken: participantToken, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }),
  );
  client.destroy();
  return { connectionToken: out.ConnectionCredentials?.ConnectionToken as string, websocketUrl: out.Websocket?.Url as string };
}

/** A WebSocket that records every frame and can wait for one. */
export class FrameSocket {
  readonly frames: Array<Record<string, unknown>> = [];
  private waiters: Array<() => void> = [];
  closed?: { code: number; reason: string };

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as Record<string, unknown>);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  static open(url: string): Promise<FrameSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const socket = new FrameSocket(ws);
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  /** Opens and subscribes to aws/chat, resolving after the success reply. */
  static async subscribed(url: string): Promise<FrameSocket> {
    const socket = await FrameSocket.open(url);
    socket.send({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } });
    await socket.waitFor((f) => f.topic === 'aws/subscribe');
    return socket;
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Items received on aws/chat so far. */
  items(): ChatItem[] {
    return this.frames.filter((f) => f.topic === 'aws/chat').map((f) => JSON.parse(f.content as string) as ChatItem);
  }

  async waitFor(predicate: (frame: Record<string, unknown>) => boolean, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames).slice(0, 2000)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async waitForItem(predicate: (item: ChatItem) => boolean, timeoutMs = 5000): Promise<ChatItem> {
    const frame = await this.waitFor((f) => f.topic === 'aws/chat' && predicate(JSON.parse(f.content as string) as ChatItem), timeoutMs);
    return JSON.parse(frame.content as string) as ChatItem;
  }

  async waitClosed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket did not close');
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.closed;
  }

  close(): void {
    this.ws.terminate();
  }
}

/** A clock tests move by hand. */
export function manualClock(start = Date.parse('2026-01-01T00:00:00.000Z')): { now: () => number; advance: (ms: number) => void } {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}

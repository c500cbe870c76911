// Test support for the chat layer: the real emulator in-process, an agent that plays the other side
// through the real participant API, a switchable "network" for offline spells, and waiting helpers.
// Used by the integration tests and the chaos run; not part of the package.
import { effect, type ReadonlySignal } from '@preact/signals-core';
import { WebSocket as NodeWebSocket } from 'ws';
import { startEmulator, type Emulator, type EmulatorOptions, type FaultRequest } from '../../../emulator/index.js';
import { ParticipantClient } from '../../client/index.js';
import { randomUuid } from '../../client/uuid.js';
import { WebSocketManager, type Condition, type WebSocketConstructor } from '../../connection/index.js';
import { ChatSession } from '../chat-session.js';
import type { ChatSessionOptions } from '../options.js';
import { emptyTranscript, mergeItems, type ChatItem, type TranscriptState } from '../transcript.js';

export const NodeWS = NodeWebSocket as unknown as WebSocketConstructor;

/** Timings short enough for tests (heartbeat 1 s: a dead socket is noticed within ~2 s). */
export const FAST_CONNECTION: NonNullable<ChatSessionOptions['connection']> = {
  heartbeatIntervalMs: 1000,
  openTimeoutMs: 3000,
  backoff: { firstRetryMs: 50, baseMs: 200, factor: 2, maxMs: 2000 },
  stableAfterMs: 1000,
  probeGraceMs: 300,
};

export interface TestEmulator {
  emulator: Emulator;
  url: string;
  faults(body: FaultRequest): Promise<Record<string, unknown>>;
  items(contactId: string): Promise<ChatItem[]>;
  stopContact(contactId: string): Promise<void>;
  close(): Promise<void>;
}

async function json(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, ...options });
  const url = emulator.url;
  const post = (path: string, body: unknown): Promise<Record<string, unknown>> =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(json);
  return {
    emulator,
    url,
    faults: (body) => post('/emulator/faults', body),
    items: async (contactId) => (await fetch(`${url}/emulator/contacts/${encodeURIComponent(contactId)}/items`).then(json)).Items as ChatItem[],
    stopContact: async (contactId) => {
      await post(`/emulator/contacts/${encodeURIComponent(contactId)}/end`, {});
    },
    close: () => emulator.close(),
  };
}

/** A network switch: the socket manager's `network` condition plus a fetch that fails while off. */
export class TestNetwork implements Condition {
  private online = true;
  private readonly listeners = new Set<(value: boolean) => void>();

  get(): boolean {
    return this.online;
  }

  subscribe(listener: (value: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    for (const l of [...this.listeners]) l(online);
  }

  readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (!this.online) return Promise.reject(new TypeError('fetch failed: the test network is offline'));
    return fetch(input, init);
  };
}

export interface SessionSetup {
  emu: TestEmulator;
  network?: TestNetwork;
  options?: ChatSessionOptions;
}

export function customerSession({ emu, network, options = {} }: SessionSetup): ChatSession {
  return new ChatSession({
    endpoint: emu.url,
    startChat: `${emu.url}/start-chat`,
    WebSocket: NodeWS,
    persistence: 'none',
    tabs: false,
    displayName: 'Customer',
    connection: { ...FAST_CONNECTION, ...(network ? { network } : {}), ...options.connection },
    clientOptions: { requestTimeout: 5000, ...(network ? { fetch: network.fetch } : {}), ...options.clientOptions },
    resendBackoff: { firstRetryMs: 50, baseMs: 200, factor: 2, maxMs: 1000 },
    endTimeoutMs: 3000,
    ...options,
  });
}

/** Resolves when `test` holds for the signal's value (checked on every change), or rejects after `timeoutMs`. */
export function until<T>(sig: ReadonlySignal<T>, test: (value: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  return new Promise((resolve, reject) => {
    let dispose: (() => void) | undefined;
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      dispose?.();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(sig.peek())?.slice(0, 500)}`));
    }, timeoutMs);
    dispose = effect(() => {
      const value = sig.value;
      if (!done && test(value)) {
        done = true;
        clearTimeout(timer);
        queueMicrotask(() => dispose?.());
        resolve(value);
      }
    });
    if (done) dispose();
  });
}

/** Polls an async check until it holds. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The agent: a participant created with CreateParticipant (AGENT role, an emulator extension) that
 * talks through the real participant API, keeps its own transcript with the same merge policy, and
 * retries its sends with one ClientToken until they succeed.
 */
export class AgentPeer {
  transcript: TranscriptState = emptyTranscript;
  readonly client: ParticipantClient;
  private connectionToken = '';
  private manager: WebSocketManager | null = null;

  private constructor(
    readonly emu: TestEmulator,
    readonly contactId: string,
    readonly participantId: string,
    private readonly participantToken: string,
  ) {
    this.client = new ParticipantClient({ endpoint: emu.url, requestTimeout: 5000, maxAttempts: 1 });
  }

  static async join(emu: TestEmulator, contactId: string, displayName = 'Agent'): Promise<AgentPeer> {
    const response = await fetch(`${emu.url}/contact/create-participant`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ InstanceId: 'emulator-instance', ContactId: contactId, ParticipantDetails: { ParticipantRole: 'AGENT', DisplayName: displayName } }),
    }).then(json);
    const agent = new AgentPeer(emu, contactId, response.ParticipantId as string, (response.ParticipantCredentials as { ParticipantToken: string }).ParticipantToken);
    agent.manager = new WebSocketManager({
      WebSocket: NodeWS,
      ...FAST_CONNECTION,
      getConnection: async () => {
        const c = await agent.client.createParticipantConnection({
          ParticipantToken: agent.participantToken,
          Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
          ConnectParticipant: true,
        });
        agent.connectionToken = c.ConnectionCredentials?.ConnectionToken ?? '';
        return { url: c.Websocket?.Url ?? '', ...(c.Websocket?.ConnectionExpiry ? { connectionExpiry: c.Websocket.ConnectionExpiry } : {}) };
      },
    });
    agent.manager.on('item', (item) => agent.merge([item as ChatItem]));
    agent.manager.on('connected', () => void agent.catchUp().catch(() => {}));
    await agent.manager.connect();
    return agent;
  }

  private merge(items: ChatItem[]): void {
    this.transcript = mergeItems(this.transcript, items, { participantId: this.participantId }).state;
  }

  /** Sends one message; retries (same ClientToken) through injected failures until it is stored. */
  async send(content: string, contentType = 'text/plain'): Promise<string> {
    const clientToken = randomUuid();
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await this.client.sendMessage({ ContentType: contentType, Content: content, ClientToken: clientToken, ConnectionToken: this.connectionToken });
        return r.Id as string;
      } catch (error) {
        if (attempt > 200) throw error;
        if ((error as { name?: string }).name === 'AccessDeniedException') await this.renewToken().catch(() => {});
        await sleep(50);
      }
    }
  }

  async sendEvent(contentType: string, content?: string): Promise<void> {
    await this.client.sendEvent({ ContentType: contentType, ...(content ? { Content: content } : {}), ConnectionToken: this.connectionToken });
  }

  private async renewToken(): Promise<void> {
    const c = await this.client.createParticipantConnection({ ParticipantToken: this.participantToken, Type: ['CONNECTION_CREDENTIALS'], ConnectParticipant: true });
    this.connectionToken = c.ConnectionCredentials?.ConnectionToken ?? this.connectionToken;
  }

  /** Reads the whole transcript (all pages) and merges it, as a gap fill would. */
  async catchUp(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        for await (const page of this.client.paginateTranscript({ ConnectionToken: this.connectionToken, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', MaxResults: 100 })) {
          this.merge((page.Transcript ?? []) as ChatItem[]);
        }
        return;
      } catch (error) {
        if (attempt > 50) throw error;
        if ((error as { name?: string }).name === 'AccessDeniedException') await this.renewToken().catch(() => {});
        await sleep(100);
      }
    }
  }

  /** DisconnectParticipant: the agent leaves (the contact's disconnect flow runs, when it has one). */
  async leave(): Promise<void> {
    await this.client.disconnectParticipant({ ConnectionToken: this.connectionToken });
  }

  close(): void {
    this.manager?.close();
  }
}

// Test harness: a WebSocketManager wired to a TestWsServer with short timings, recording every event.
import { WebSocket as NodeWebSocket } from 'ws';
import { ConnectionError } from '../errors';
import { TestWsServer, manualCondition } from './ws-server';
import { WebSocketManager, type ConnectionDetails, type ConnectionState, type WebSocketManagerOptions } from '../websocket-manager';

export interface Harness {
  server: TestWsServer;
  manager: WebSocketManager;
  network: ReturnType<typeof manualCondition>;
  visibility: ReturnType<typeof manualCondition>;
  /** Every event in order, as [name, detail]. */
  events: Array<[string, unknown]>;
  states: ConnectionState[];
  items: unknown[];
  errors: ConnectionError[];
  /** Every delay the manager scheduled a reconnect with. */
  retryDelays: number[];
  getConnectionCalls: number;
  /** Next results of getConnection(), consumed in order; when empty it issues a fresh URL. */
  nextConnections: Array<ConnectionDetails | Error | { reject: unknown }>;
  count(event: string): number;
  stop(): Promise<void>;
}

const live = new Set<Harness>();

/** Stops every harness created so far (call from afterEach). */
export async function stopAll(): Promise<void> {
  const all = [...live];
  live.clear();
  await Promise.all(all.map((h) => h.stop()));
}

export async function harness(overrides: Partial<WebSocketManagerOptions> = {}): Promise<Harness> {
  const server = await TestWsServer.start();
  const network = manualCondition(true);
  const visibility = manualCondition(true);
  const h: Harness = {
    server,
    network,
    visibility,
    events: [],
    states: [],
    items: [],
    errors: [],
    retryDelays: [],
    getConnectionCalls: 0,
    nextConnections: [],
    count: (event) => h.events.filter(([name]) => name === event).length,
    manager: undefined as unknown as WebSocketManager,
    async stop() {
      h.manager.close();
      await server.close();
    },
  };
  h.manager = new WebSocketManager({
    WebSocket: NodeWebSocket,
    getConnection: async () => {
      h.getConnectionCalls += 1;
      const next = h.nextConnections.shift();
      if (next === undefined) return { url: server.issueUrl() };
      if (next instanceof Error) throw next;
      if ('reject' in next) throw next.reject;
      return next;
    },
    // Long enough that a busy machine never misses a reply by accident; the heartbeat specs set their own.
    heartbeatIntervalMs: 60_000,
    openTimeoutMs: 1000,
    subscribe: { timeoutMs: 60, retryMs: 20 },
    backoff: { firstRetryMs: 10, baseMs: 20, factor: 2, maxMs: 80 },
    stableAfterMs: 0,
    probeGraceMs: 30,
    network,
    visibility,
    log: (event, detail) => {
      if (event === 'retry-scheduled') h.retryDelays.push(detail?.delay as number);
    },
    ...overrides,
  });
  for (const name of ['connected', 'disconnected', 'item', 'rotated', 'stateChange', 'error', 'ended'] as const) {
    h.manager.on(name, (detail: unknown) => {
      h.events.push([name, detail]);
      if (name === 'item') h.items.push(detail);
      if (name === 'error') h.errors.push(detail as ConnectionError);
      if (name === 'stateChange') h.states.push((detail as { state: ConnectionState }).state);
    });
  }
  live.add(h);
  return h;
}

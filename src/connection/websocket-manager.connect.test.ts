import { afterEach, describe, expect, it } from 'vitest';
import { harness, stopAll, type Harness } from './testing/manager';
import { sleep, waitFor } from './testing/ws-server';
import { WebSocketManager } from './websocket-manager';

let h: Harness;
afterEach(stopAll);

describe('WebSocketManager: connect, items, close', () => {
  it('connects, subscribes with the exact frame, and resolves connect() once subscribed', async () => {
    h = await harness();
    expect(h.manager.state.value).toBe('idle');
    await h.manager.connect();
    expect(h.manager.state.value).toBe('connected');
    expect(h.states).toEqual(['connecting', 'connected']);
    expect(h.events.filter(([n]) => n === 'connected')).toEqual([['connected', { reconnect: false }]]);
    const [connection] = h.server.connections;
    expect(connection.received[0]).toBe('{"topic":"aws/subscribe","content":{"topics":["aws/chat"]}}');
    expect(h.getConnectionCalls).toBe(1);
  });

  it('sends aws/ping and aws/heartbeat every interval', async () => {
    h = await harness({ heartbeatIntervalMs: 100 });
    await h.manager.connect();
    // Counted over every socket: on a busy machine a reply can miss its interval and the manager then
    // (rightly) reconnects; what this test is about is that the rounds keep being sent.
    const sent = (frame: string) => h.server.connections.flatMap((c) => c.received).filter((f) => f === frame).length;
    await waitFor('three heartbeat rounds', () => sent('{"topic":"aws/heartbeat"}') >= 3);
    expect(sent('{"topic":"aws/ping"}')).toBeGreaterThanOrEqual(3);
    await waitFor('connected', () => h.manager.state.value === 'connected');
  });

  it('delivers each aws/chat Item parsed, and reports unreadable frames without dropping the socket', async () => {
    h = await harness();
    await h.manager.connect();
    h.server.broadcast({ Id: 'm1', Type: 'MESSAGE', Content: 'hello' });
    h.server.connections[0].socket.send('{"topic":"aws/chat","content":"{oops"}');
    h.server.connections[0].socket.send('{"message":"Forbidden","connectionId":"c1"}');
    h.server.broadcast({ Id: 'm2', Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.typing' });
    await waitFor('two items', () => h.items.length === 2);
    expect(h.items).toEqual([
      { Id: 'm1', Type: 'MESSAGE', Content: 'hello' },
      { Id: 'm2', Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.typing' },
    ]);
    expect(h.errors.map((e) => e.code)).toEqual(['bad-frame', 'server-error']);
    expect(h.errors[1].message).toContain('Forbidden');
    expect(h.manager.state.value).toBe('connected');
  });

  it('close() closes the socket with 1000, goes idle, and makes no further calls', async () => {
    h = await harness();
    await h.manager.connect();
    h.manager.close();
    expect(h.manager.state.value).toBe('idle');
    await waitFor('server saw the close', () => h.server.connections[0].closeCode !== undefined);
    expect(h.server.connections[0].closeCode).toBe(1000);
    await sleep(200);
    expect(h.getConnectionCalls).toBe(1);
    expect(h.server.connections).toHaveLength(1);
  });

  it('connect() after close() starts over; close() while connecting rejects the pending connect()', async () => {
    h = await harness();
    h.server.behaviour.subscribe = 'ignore';
    const pending = h.manager.connect();
    await waitFor('socket open', () => h.server.connections.length === 1);
    h.manager.close();
    await expect(pending).rejects.toMatchObject({ code: 'closed' });
    h.server.behaviour.subscribe = 'success';
    await h.manager.connect();
    expect(h.manager.state.value).toBe('connected');
    expect(h.events.filter(([n]) => n === 'connected').at(-1)).toEqual(['connected', { reconnect: false }]);
  });

  it('close({ ended: true }) ends for good: connect() rejects and reconnect() does nothing', async () => {
    h = await harness();
    await h.manager.connect();
    h.manager.close({ ended: true });
    expect(h.manager.state.value).toBe('ended');
    expect(h.count('ended')).toBe(1);
    await expect(h.manager.connect()).rejects.toMatchObject({ code: 'ended' });
    h.manager.reconnect();
    await sleep(100);
    expect(h.getConnectionCalls).toBe(1);
  });

  it('reconnect() drops the socket and connects at once with a fresh URL', async () => {
    h = await harness();
    await h.manager.connect();
    h.manager.reconnect();
    await waitFor('second connection subscribed', () => h.server.subscribedOpen.length === 1 && h.server.connections.length === 2);
    await waitFor('connected again', () => h.manager.state.value === 'connected');
    await waitFor('server saw the first socket close', () => h.server.connections[0].closeCode !== undefined);
    expect(h.server.connections[0].closeCode).toBe(1000);
    expect(h.server.connections[1].token).not.toBe(h.server.connections[0].token);
    expect(h.events.filter(([n]) => n === 'connected').at(-1)).toEqual(['connected', { reconnect: true }]);
  });

  it('refuses a URL that is not ws:// or wss:// with a clear error, and retries', async () => {
    h = await harness();
    h.nextConnections.push({ url: 'https://example.com/socket?token=secret' });
    await h.manager.connect();
    const invalid = h.errors.find((e) => e.code === 'invalid-url');
    expect(invalid?.message).toContain('must be a ws:// or wss:// URL');
    expect(invalid?.message).not.toContain('secret');
    expect(h.getConnectionCalls).toBe(2);
  });

  it('explains what to do when there is no WebSocket implementation', async () => {
    const original = (globalThis as { WebSocket?: unknown }).WebSocket;
    (globalThis as { WebSocket?: unknown }).WebSocket = undefined;
    try {
      const manager = new WebSocketManager({ getConnection: async () => ({ url: 'ws://127.0.0.1:1/' }) });
      await expect(manager.connect()).rejects.toMatchObject({ code: 'no-websocket' });
    } finally {
      (globalThis as { WebSocket?: unknown }).WebSocket = original;
    }
  });

  it('requires getConnection', () => {
    expect(() => new WebSocketManager({} as never)).toThrow(/getConnection/);
  });
});

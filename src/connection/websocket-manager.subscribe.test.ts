import { afterEach, describe, expect, it } from 'vitest';
import { harness, stopAll } from './testing/manager';
import { waitFor } from './testing/ws-server';

afterEach(stopAll);

describe('WebSocketManager: subscribe handshake (chat-protocol §1.6)', () => {
  it('resends after refusals and connects on the same socket when the server finally accepts', async () => {
    const h = await harness();
    h.server.behaviour.subscribe = { failTimes: 2 };
    await h.manager.connect();
    expect(h.server.connections).toHaveLength(1);
    expect(h.server.connections[0].subscribeRequests).toBe(3);
    expect(h.errors).toEqual([]);
  });

  it('gives up after 4 unanswered subscribes, reports it, and reconnects with a fresh URL', async () => {
    const h = await harness();
    h.server.behaviour.subscribe = 'ignore';
    const connected = h.manager.connect();
    await waitFor('subscribe failure', () => h.errors.some((e) => e.code === 'subscribe-failed'));
    const first = h.server.connections[0];
    expect(first.subscribeRequests).toBe(4);
    const error = h.errors.find((e) => e.code === 'subscribe-failed');
    expect(error?.message).toMatch(/4 subscribe requests in a row got no reply.*Retrying in \d+ ms/);
    expect(error?.url).toBe(`ws://127.0.0.1:${h.server.port}/connect`);
    h.server.behaviour.subscribe = 'success';
    await connected;
    expect(h.getConnectionCalls).toBe(2);
    const last = h.server.connections.at(-1);
    expect(last?.token).not.toBe(first.token);
    await waitFor('abandoned socket closed', () => first.closeCode !== undefined);
  });

  it('gives up after 5 refusals', async () => {
    const h = await harness();
    h.server.behaviour.subscribe = 'failure';
    h.manager.connect().catch(() => {});
    await waitFor('subscribe failure', () => h.errors.some((e) => e.code === 'subscribe-failed'));
    expect(h.server.connections[0].subscribeRequests).toBe(5);
    expect(h.errors.find((e) => e.code === 'subscribe-failed')?.message).toContain('refused the subscription 5 times');
    expect(h.manager.state.value).toBe('connecting');
  });
});

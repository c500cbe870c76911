import { afterEach, describe, expect, it } from 'vitest';
import { harness, stopAll } from './testing/manager';
import { sleep, waitFor } from './testing/ws-server';

afterEach(stopAll);

describe('WebSocketManager: reconnect and backoff (chat-protocol §1.9)', () => {
  it('reconnects after the server drops the socket, with a fresh URL, and says it is a reconnect', async () => {
    const h = await harness();
    await h.manager.connect();
    h.server.dropAll();
    await waitFor('connected again', () => h.count('connected') === 2);
    expect(h.events.filter(([n]) => n === 'connected').map(([, d]) => d)).toEqual([{ reconnect: false }, { reconnect: true }]);
    expect(h.getConnectionCalls).toBe(2);
    expect(h.states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(h.retryDelays[0]).toBeLessThanOrEqual(10);
  });

  it('backs off exponentially with a fast first retry, up to the cap', async () => {
    const h = await harness({ random: () => 1 });
    h.server.behaviour.refuseUpgrade = 503;
    h.manager.connect().catch(() => {});
    await waitFor('six retries', () => h.retryDelays.length >= 6);
    expect(h.retryDelays.slice(0, 6)).toEqual([10, 20, 40, 80, 80, 80]);
    expect(h.manager.state.value).toBe('connecting');
    const errors = h.errors.filter((e) => e.code === 'socket-closed');
    expect(errors.length).toBeGreaterThanOrEqual(6);
    expect(errors[2]).toMatchObject({ attempt: 3, retryInMs: 40 });
    h.server.behaviour.refuseUpgrade = null;
    await waitFor('connected', () => h.manager.state.value === 'connected');
  });

  it('resets the backoff after a stable connection, so the next loss retries fast again', async () => {
    const h = await harness({ random: () => 1, stableAfterMs: 50 });
    h.server.behaviour.refuseUpgrade = 503;
    h.manager.connect().catch(() => {});
    await waitFor('three retries', () => h.retryDelays.length >= 3);
    h.server.behaviour.refuseUpgrade = null;
    await waitFor('connected', () => h.manager.state.value === 'connected');
    await sleep(80);
    const before = h.retryDelays.length;
    h.server.dropAll();
    await waitFor('connected again', () => h.count('connected') === 2);
    expect(h.retryDelays[before]).toBe(10);
  });

  it('keeps climbing the backoff while connections flap (drop right after subscribing)', async () => {
    const h = await harness({ random: () => 1, stableAfterMs: 10_000 });
    h.server.behaviour.dropAfterSubscribe = true;
    h.manager.connect().catch(() => {});
    await waitFor('five flaps', () => h.retryDelays.length >= 5);
    expect(h.retryDelays.slice(0, 5)).toEqual([10, 20, 40, 80, 80]);
    expect(h.count('connected')).toBeGreaterThanOrEqual(4);
  });

  it('tries a URL whose socket never opened twice while it is fresh, then fetches a new one', async () => {
    const h = await harness();
    h.server.behaviour.refuseUpgrade = 503;
    h.manager.connect().catch(() => {});
    await waitFor('five refused upgrades', () => h.server.upgrades.length >= 5);
    h.server.behaviour.refuseUpgrade = null;
    await waitFor('connected', () => h.manager.state.value === 'connected');
    expect(h.server.upgrades.slice(0, 5)).toEqual(['t1', 't1', 't2', 't2', 't3']);
    expect(h.getConnectionCalls).toBe(new Set(h.server.upgrades).size);
  });

  it('fetches a new URL when the last one is older than its validity', async () => {
    // Each retry comes 40 ms after the last; URLs are valid for 20 ms (the service: 100 s, safe limit 85 s).
    const h = await harness({ random: () => 1, urlValidityMs: 20, backoff: { firstRetryMs: 40, baseMs: 40, factor: 1, maxMs: 40 } });
    h.server.behaviour.urlTtlMs = 30;
    h.server.behaviour.refuseUpgrade = 503;
    h.manager.connect().catch(() => {});
    await waitFor('three refused upgrades', () => h.server.upgrades.length >= 3);
    h.server.behaviour.refuseUpgrade = null;
    await waitFor('connected', () => h.manager.state.value === 'connected');
    expect(new Set(h.server.upgrades).size).toBe(h.server.upgrades.length);
    expect(h.getConnectionCalls).toBe(h.server.upgrades.length);
  });

  it('abandons a socket that does not open in time and tries again', async () => {
    const h = await harness({ openTimeoutMs: 50 });
    h.server.behaviour.hangUpgrade = true;
    h.manager.connect().catch(() => {});
    await waitFor('open timeout', () => h.errors.some((e) => e.code === 'open-timeout'));
    expect(h.errors.find((e) => e.code === 'open-timeout')?.message).toContain('did not open within 50 ms');
    h.server.behaviour.hangUpgrade = false;
    await waitFor('connected', () => h.manager.state.value === 'connected');
  });

  it('retries a getConnection() that fails transiently, reporting each failure with its next retry', async () => {
    const h = await harness();
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', statusCode: 429 });
    h.nextConnections.push(throttled, throttled);
    await h.manager.connect();
    const failures = h.errors.filter((e) => e.code === 'get-connection-failed');
    expect(failures).toHaveLength(2);
    expect(failures[0].message).toMatch(/ThrottlingException: Rate exceeded\. Retrying in \d+ ms\./);
    expect(failures[0].cause).toBe(throttled);
    expect(h.getConnectionCalls).toBe(3);
  });

  it('counts a getConnection() that never settles as a failed attempt', async () => {
    let calls = 0;
    const h = await harness({
      getConnectionTimeoutMs: 50,
      getConnection: () => {
        calls += 1;
        return calls === 1 ? new Promise(() => {}) : Promise.resolve({ url: h.server.issueUrl() });
      },
    });
    await h.manager.connect();
    expect(calls).toBe(2);
    expect(h.errors[0]).toMatchObject({ code: 'get-connection-failed' });
    expect(h.errors[0].message).toContain('did not settle within 50 ms');
  });
});

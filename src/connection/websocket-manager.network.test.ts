import { afterEach, describe, expect, it } from 'vitest';
import { harness, stopAll } from './testing/manager';
import { sleep, waitFor } from './testing/ws-server';

afterEach(stopAll);

// Backoff this slow means any quick reconnect below came from the online/visible trigger.
const slow = { backoff: { firstRetryMs: 5000, baseMs: 5000, factor: 1, maxMs: 5000 }, random: () => 1 };

describe('WebSocketManager: offline, online and visibility', () => {
  it('pauses reconnecting while offline and reconnects at once when back online', async () => {
    const h = await harness(slow);
    await h.manager.connect();
    h.network.set(false);
    expect(h.manager.state.value).toBe('offline');
    h.server.dropAll();
    await waitFor('disconnected', () => h.count('disconnected') === 1);
    await sleep(200);
    expect(h.getConnectionCalls).toBe(1);
    expect(h.server.connections).toHaveLength(1);
    expect(h.manager.state.value).toBe('offline');
    h.network.set(true);
    await waitFor('connected again', () => h.count('connected') === 2, 1000);
    expect(h.states).toEqual(['connecting', 'connected', 'offline', 'reconnecting', 'connected']);
    expect(h.getConnectionCalls).toBe(2);
  });

  it('does not even start while offline; connects when the network comes', async () => {
    const h = await harness(slow);
    h.network.set(false);
    h.manager.connect().catch(() => {});
    expect(h.manager.state.value).toBe('offline');
    await sleep(100);
    expect(h.getConnectionCalls).toBe(0);
    h.network.set(true);
    await waitFor('connected', () => h.manager.state.value === 'connected', 1000);
    expect(h.events.find(([n]) => n === 'connected')?.[1]).toEqual({ reconnect: false });
  });

  it('keeps a socket that survived an offline spell and goes back to connected without a new one', async () => {
    const h = await harness(slow);
    await h.manager.connect();
    h.network.set(false);
    h.network.set(true);
    expect(h.manager.state.value).toBe('connected');
    await sleep(100);
    expect(h.server.connections).toHaveLength(1);
    expect(h.count('connected')).toBe(1);
  });

  it('a retry that fails while offline waits for the network instead of scheduling another', async () => {
    const h = await harness(slow);
    h.server.behaviour.refuseUpgrade = 503;
    h.manager.connect().catch(() => {});
    await waitFor('first failure', () => h.errors.length === 1);
    h.network.set(false);
    await sleep(100);
    expect(h.manager.state.value).toBe('offline');
    h.server.behaviour.refuseUpgrade = null;
    h.network.set(true);
    await waitFor('connected', () => h.manager.state.value === 'connected', 1000);
  });

  it('reconnects at once when a hidden page becomes visible instead of waiting out the backoff', async () => {
    const h = await harness(slow);
    await h.manager.connect();
    h.visibility.set(false);
    h.server.dropAll();
    await waitFor('retry scheduled', () => h.retryDelays.length === 1);
    expect(h.retryDelays[0]).toBe(5000);
    h.visibility.set(true);
    await waitFor('connected again', () => h.count('connected') === 2, 1000);
  });

  it('on becoming visible, notices the network came back even if the online event was missed', async () => {
    const h = await harness(slow);
    h.network.set(false);
    h.manager.connect().catch(() => {});
    expect(h.manager.state.value).toBe('offline');
    // Flip the value without an event, as when 'online' fired while the page was frozen.
    const get = h.network.get;
    h.network.get = () => true;
    h.visibility.set(false);
    h.visibility.set(true);
    await waitFor('connected', () => h.manager.state.value === 'connected', 1000);
    h.network.get = get;
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { harness, stopAll } from './testing/manager';
import { jumpableClock, sleep, waitFor } from './testing/ws-server';

afterEach(stopAll);

describe('WebSocketManager: heartbeat and dead sockets (chat-protocol §1.7)', () => {
  it('declares the socket dead when a heartbeat reply is missed, fetches a fresh URL, and reconnects', async () => {
    const h = await harness({ heartbeatIntervalMs: 50 });
    await h.manager.connect();
    const first = h.server.connections[0];
    h.server.behaviour.answerHeartbeat = false;
    await waitFor('disconnected', () => h.count('disconnected') === 1);
    const [, detail] = h.events.find(([n]) => n === 'disconnected') as [string, { error: { code: string } }];
    expect(detail.error.code).toBe('heartbeat-missed');
    h.server.behaviour.answerHeartbeat = true;
    await waitFor('connected again', () => h.manager.state.value === 'connected' && h.count('connected') === 2);
    expect(h.getConnectionCalls).toBe(2);
    expect(h.server.connections.at(-1)?.token).not.toBe(first.token);
    expect(h.events.filter(([n]) => n === 'connected').map(([, d]) => d)).toEqual([{ reconnect: false }, { reconnect: true }]);
    expect(h.states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    await waitFor('dead socket closed', () => first.closeCode !== undefined);
    expect(first.closeCode).toBe(4000);
  });

  it('keeps a socket whose heartbeats are answered even when pings are not', async () => {
    const h = await harness({ heartbeatIntervalMs: 40 });
    await h.manager.connect();
    h.server.behaviour.answerPing = false;
    await sleep(300);
    expect(h.count('disconnected')).toBe(0);
    expect(h.server.connections).toHaveLength(1);
    expect(h.manager.state.value).toBe('connected');
  });

  it('on becoming visible, judges an overdue heartbeat after a short grace instead of a whole interval', async () => {
    const clock = jumpableClock();
    const h = await harness({ heartbeatIntervalMs: 5000, probeGraceMs: 20, clock });
    h.server.behaviour.answerHeartbeat = false;
    await h.manager.connect();
    // The round sent on open is pending. Hidden, then "frozen" for a minute: no timer ran.
    h.visibility.set(false);
    clock.jump(60_000);
    h.visibility.set(true);
    await waitFor('dead after the probe, long before the 5 s tick', () => h.count('disconnected') === 1, 1000);
    const [, detail] = h.events.find(([n]) => n === 'disconnected') as [string, { error: { code: string } }];
    expect(detail.error.code).toBe('heartbeat-missed');
  });

  it('on becoming visible with replies on time, leaves the socket alone', async () => {
    const clock = jumpableClock();
    const h = await harness({ heartbeatIntervalMs: 5000, probeGraceMs: 20, clock });
    await h.manager.connect();
    await waitFor('first round answered', () => h.server.connections[0].received.includes('{"topic":"aws/heartbeat"}'));
    await sleep(20);
    h.visibility.set(false);
    clock.jump(60_000);
    h.visibility.set(true);
    await sleep(150);
    expect(h.count('disconnected')).toBe(0);
    expect(h.server.connections).toHaveLength(1);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import type { WebSocketConstructor } from './environment';
import { harness, stopAll } from './testing/manager';
import { jumpableClock, sleep, waitFor } from './testing/ws-server';

afterEach(stopAll);

const heartbeats = (frames: string[]) => frames.filter((f) => f === '{"topic":"aws/heartbeat"}').length;

/** A WebSocket class that notes every frame the client receives, before the manager's own listener runs. */
function recordingWebSocket(received: string[]): WebSocketConstructor {
  return class extends NodeWebSocket {
    constructor(url: string) {
      super(url);
      this.addEventListener('message', (event) => received.push(String(event.data)));
    }
  };
}

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
    // An interval a busy machine answers within; three rounds, counted as the server sees them.
    const h = await harness({ heartbeatIntervalMs: 250 });
    await h.manager.connect();
    h.server.behaviour.answerPing = false;
    await waitFor('three heartbeat rounds', () => heartbeats(h.server.connections[0].received) >= 3);
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
    await waitFor('dead after the probe, long before the 5 s tick', () => h.count('disconnected') === 1, 4000);
    const [, detail] = h.events.find(([n]) => n === 'disconnected') as [string, { error: { code: string } }];
    expect(detail.error.code).toBe('heartbeat-missed');
  });

  it('on becoming visible with replies on time, leaves the socket alone', async () => {
    const clock = jumpableClock();
    const received: string[] = [];
    const probes: unknown[] = [];
    const h = await harness({
      heartbeatIntervalMs: 5000,
      probeGraceMs: 20,
      clock,
      WebSocket: recordingWebSocket(received),
      log: (event, detail) => event === 'heartbeat-probe' && probes.push(detail),
    });
    await h.manager.connect();
    // The reply has reached the client (its listener ran after ours), so nothing is pending.
    await waitFor('first round answered, at the client', () => received.some((f) => f.includes('aws/heartbeat')));
    h.visibility.set(false);
    clock.jump(60_000);
    h.visibility.set(true);
    await sleep(150);
    expect(probes).toEqual([]);
    expect(h.count('disconnected')).toBe(0);
    expect(h.server.connections).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { IDLE_HEARTBEAT, heartbeatOverdue, heartbeatReply, heartbeatTick } from './heartbeat';

describe('heartbeat policy', () => {
  it('sends a round and marks ping and heartbeat pending', () => {
    const tick = heartbeatTick(IDLE_HEARTBEAT, true, 1000);
    expect(tick).toEqual({ verdict: 'send', pingMissed: false, next: { pingPending: true, heartbeatPending: true, sentAt: 1000 } });
  });

  it('declares the socket dead when the heartbeat reply is still missing at the next tick', () => {
    const sent = heartbeatTick(IDLE_HEARTBEAT, true, 0);
    if (sent.verdict !== 'send') throw new Error('expected send');
    const afterPing = heartbeatReply(sent.next, 'aws/ping');
    const tick = heartbeatTick(afterPing, true, 10_000);
    expect(tick.verdict).toBe('dead');
  });

  it('only reports a missed ping when the heartbeat was answered', () => {
    const sent = heartbeatTick(IDLE_HEARTBEAT, true, 0);
    if (sent.verdict !== 'send') throw new Error('expected send');
    const answered = heartbeatReply(sent.next, 'aws/heartbeat');
    const tick = heartbeatTick(answered, true, 10_000);
    expect(tick).toMatchObject({ verdict: 'send', pingMissed: true });
  });

  it('a ping reply without statusCode 200 does not count', () => {
    const sent = heartbeatTick(IDLE_HEARTBEAT, true, 0);
    if (sent.verdict !== 'send') throw new Error('expected send');
    expect(heartbeatReply(sent.next, 'aws/ping', false).pingPending).toBe(true);
    expect(heartbeatReply(heartbeatReply(sent.next, 'aws/ping'), 'aws/heartbeat')).toEqual(IDLE_HEARTBEAT);
  });

  it('a socket that is not open at tick time is dead', () => {
    expect(heartbeatTick(IDLE_HEARTBEAT, false, 0).verdict).toBe('dead');
  });

  it('is overdue only when a heartbeat is pending for longer than one interval', () => {
    const sent = heartbeatTick(IDLE_HEARTBEAT, true, 0);
    if (sent.verdict !== 'send') throw new Error('expected send');
    expect(heartbeatOverdue(sent.next, 9_000, 10_000)).toBe(false);
    expect(heartbeatOverdue(sent.next, 60_000, 10_000)).toBe(true);
    expect(heartbeatOverdue(heartbeatReply(sent.next, 'aws/heartbeat'), 60_000, 10_000)).toBe(false);
    expect(heartbeatOverdue(IDLE_HEARTBEAT, 60_000, 10_000)).toBe(false);
  });
});

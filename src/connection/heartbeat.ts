// Liveness policy for one socket (chat-protocol §1.7). Every tick sends aws/ping and aws/heartbeat
// and marks both pending; the next tick judges them. A missed aws/heartbeat reply means the socket is
// dead (no frame can be trusted to arrive on it); a missed aws/ping reply alone is only a degraded
// "deep heartbeat" and is reported, not acted on — the same split the official clients make.

export interface HeartbeatState {
  pingPending: boolean;
  heartbeatPending: boolean;
  /** When the pending round was sent (clock ms), null when nothing is pending. */
  sentAt: number | null;
}

export const IDLE_HEARTBEAT: HeartbeatState = { pingPending: false, heartbeatPending: false, sentAt: null };

export type HeartbeatTick =
  | { verdict: 'dead'; reason: string }
  | { verdict: 'send'; pingMissed: boolean; next: HeartbeatState };

/** Decides what a tick does: declare the socket dead, or send a new round. */
export function heartbeatTick(state: HeartbeatState, socketOpen: boolean, now: number): HeartbeatTick {
  if (!socketOpen) return { verdict: 'dead', reason: 'the socket was not open at heartbeat time' };
  if (state.heartbeatPending) {
    return { verdict: 'dead', reason: 'no reply to aws/heartbeat within one heartbeat interval' };
  }
  return {
    verdict: 'send',
    pingMissed: state.pingPending,
    next: { pingPending: true, heartbeatPending: true, sentAt: now },
  };
}

/** Folds a reply frame into the state. A ping reply counts only with statusCode 200, as chatjs checks. */
export function heartbeatReply(state: HeartbeatState, topic: 'aws/heartbeat' | 'aws/ping', ok = true): HeartbeatState {
  const next =
    topic === 'aws/heartbeat' ? { ...state, heartbeatPending: false } : { ...state, pingPending: !ok && state.pingPending };
  return next.pingPending || next.heartbeatPending ? next : IDLE_HEARTBEAT;
}

/**
 * True when a heartbeat reply is already later than one interval. That happens when the page's timers
 * were frozen (background tab, locked phone): the regular tick never ran, so the socket may be dead
 * without anyone having noticed. The caller then judges soon (after a short grace for replies that
 * are still queued) instead of waiting a whole interval.
 */
export function heartbeatOverdue(state: HeartbeatState, now: number, intervalMs: number): boolean {
  return state.heartbeatPending && state.sentAt !== null && now - state.sentAt > intervalMs;
}

// Subscribe handshake retry policy (chat-protocol §1.6). Unanswered subscribes are resent after a
// timeout, refused ones after a short pause; either kind of failure has its own consecutive limit.
// A refusal is an answer, so it resets the unanswered count.

export interface SubscribeLimits {
  /** Wait this long for a reply before resending. chatjs: 1000. */
  timeoutMs: number;
  /** Give up when more than this many consecutive subscribes go unanswered. chatjs: 3. */
  maxUnanswered: number;
  /** Pause before resending after a `failure` reply. chatjs: 500. */
  retryMs: number;
  /** Give up after this many consecutive `failure` replies. chatjs: 5. */
  maxFailures: number;
}

export interface SubscribeState {
  unanswered: number;
  failures: number;
}

export const FRESH_SUBSCRIBE: SubscribeState = { unanswered: 0, failures: 0 };

export type SubscribeOutcome = 'timeout' | 'failure' | 'success';

export type SubscribeDecision =
  | { kind: 'done' }
  | { kind: 'resend'; afterMs: number }
  | { kind: 'give-up'; reason: string };

export function subscribeStep(
  state: SubscribeState,
  outcome: SubscribeOutcome,
  limits: SubscribeLimits,
): { state: SubscribeState; decision: SubscribeDecision } {
  if (outcome === 'success') return { state: FRESH_SUBSCRIBE, decision: { kind: 'done' } };
  if (outcome === 'timeout') {
    const next = { ...state, unanswered: state.unanswered + 1 };
    if (next.unanswered > limits.maxUnanswered) {
      return {
        state: next,
        decision: { kind: 'give-up', reason: `${next.unanswered} subscribe requests in a row got no reply` },
      };
    }
    return { state: next, decision: { kind: 'resend', afterMs: 0 } };
  }
  const next = { unanswered: 0, failures: state.failures + 1 };
  if (next.failures >= limits.maxFailures) {
    return {
      state: next,
      decision: { kind: 'give-up', reason: `the server refused the subscription ${next.failures} times in a row` },
    };
  }
  return { state: next, decision: { kind: 'resend', afterMs: limits.retryMs } };
}

import { describe, expect, it } from 'vitest';
import { FRESH_SUBSCRIBE, subscribeStep, type SubscribeDecision, type SubscribeOutcome } from './subscribe';

const limits = { timeoutMs: 1000, maxUnanswered: 3, retryMs: 500, maxFailures: 5 };

function run(outcomes: SubscribeOutcome[]): SubscribeDecision[] {
  let state = FRESH_SUBSCRIBE;
  return outcomes.map((outcome) => {
    const step = subscribeStep(state, outcome, limits);
    state = step.state;
    return step.decision;
  });
}

describe('subscribe retry policy (chat-protocol §1.6)', () => {
  it('resends at once after each unanswered request and gives up after more than three', () => {
    const decisions = run(['timeout', 'timeout', 'timeout', 'timeout']);
    expect(decisions.slice(0, 3)).toEqual([
      { kind: 'resend', afterMs: 0 },
      { kind: 'resend', afterMs: 0 },
      { kind: 'resend', afterMs: 0 },
    ]);
    expect(decisions[3]).toMatchObject({ kind: 'give-up' });
    expect((decisions[3] as { reason: string }).reason).toContain('4 subscribe requests');
  });

  it('waits retryMs after a refusal and gives up at the fifth', () => {
    const decisions = run(['failure', 'failure', 'failure', 'failure', 'failure']);
    expect(decisions.slice(0, 4).every((d) => d.kind === 'resend' && d.afterMs === 500)).toBe(true);
    expect(decisions[4]).toMatchObject({ kind: 'give-up' });
  });

  it('a refusal is an answer: it resets the unanswered count', () => {
    const decisions = run(['timeout', 'timeout', 'timeout', 'failure', 'timeout', 'timeout', 'timeout']);
    expect(decisions.every((d) => d.kind === 'resend')).toBe(true);
  });

  it('success ends the handshake whatever came before', () => {
    expect(run(['timeout', 'failure', 'success']).at(-1)).toEqual({ kind: 'done' });
  });
});

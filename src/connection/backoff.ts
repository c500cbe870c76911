// Reconnect delay policy. Full jitter (a uniform draw below the exponential ceiling) spreads the
// reconnects of many widgets after an outage instead of letting them stampede in lock step; the
// first retry is drawn from a small window so a single blip heals almost at once.

export interface BackoffOptions {
  /** Upper bound of the first retry's delay (attempt 0), in ms. */
  firstRetryMs: number;
  /** Ceiling of the second retry (attempt 1); each later attempt multiplies it by `factor`. */
  baseMs: number;
  factor: number;
  /** No delay is ever longer than this. */
  maxMs: number;
}

/** Delay before retry number `attempt` (0-based). `random` returns [0, 1), injectable for tests. */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling =
    attempt <= 0
      ? Math.min(options.firstRetryMs, options.maxMs)
      : Math.min(options.maxMs, options.baseMs * options.factor ** Math.min(attempt - 1, 64));
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.round(draw * ceiling);
}

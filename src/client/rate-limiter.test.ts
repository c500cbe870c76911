// The adaptive mode's rate limiter with an injected clock: no timers, no sleeping.
import { describe, expect, it } from 'vitest';
import { ADAPTIVE, AdaptiveRateLimiter } from './rate-limiter.js';

function setup() {
  const clock = { t: 1_700_000_000_000 };
  const limiter = new AdaptiveRateLimiter(() => clock.t);
  /** Sends `n` requests at `perSecond`, each succeeding, honouring the limiter's waits. */
  const run = (n: number, perSecond: number, throttled = false): number[] => {
    const waits: number[] = [];
    for (let i = 0; i < n; i++) {
      const w = limiter.acquire();
      waits.push(w);
      clock.t += w + 1000 / perSecond;
      limiter.record(throttled);
    }
    return waits;
  };
  return { clock, limiter, run };
}

describe('AdaptiveRateLimiter', () => {
  it('does not limit before the first throttle, however fast the calls', () => {
    const { limiter } = setup();
    for (let i = 0; i < 1000; i++) {
      expect(limiter.acquire()).toBe(0);
      limiter.record(false);
    }
    expect(limiter.snapshot().enabled).toBe(false);
  });

  it('a throttle as the very first event: minimum fill rate, the next send waits 2 s', () => {
    const { limiter } = setup();
    limiter.record(true);
    expect(limiter.snapshot()).toMatchObject({ enabled: true, fillRate: ADAPTIVE.minFillRate });
    expect(limiter.acquire()).toBe(2000);
  });

  it('measures the sending rate and cuts it to 70 % on a throttle', () => {
    const { limiter, run } = setup();
    run(50, 10);
    expect(limiter.snapshot().measuredTxRate).toBeCloseTo(10, 1);
    limiter.record(true);
    expect(limiter.snapshot().fillRate).toBeCloseTo(7, 1);
  });

  it('after a throttle, back-to-back sends queue up at the new fill rate', () => {
    const { limiter, run } = setup();
    run(50, 10);
    limiter.record(true);
    const { capacity, fillRate } = limiter.snapshot();
    const waits = Array.from({ length: 12 }, () => limiter.acquire());
    // The burst capacity goes first, then every further send waits one more token's worth.
    const free = Math.floor(capacity);
    expect(waits.slice(0, free).every((w) => w === 0)).toBe(true);
    const queued = waits.slice(free + 1);
    for (let i = 1; i < queued.length; i++) {
      expect(queued[i] - queued[i - 1]).toBeGreaterThanOrEqual(Math.floor(1000 / fillRate) - 1);
      expect(queued[i] - queued[i - 1]).toBeLessThanOrEqual(Math.ceil(1000 / fillRate) + 1);
    }
    expect(queued.at(-1)).toBeGreaterThan(0);
  });

  it('repeated throttles keep cutting the rate, down to the minimum', () => {
    const { limiter, run } = setup();
    run(50, 10);
    const rates: number[] = [];
    for (let i = 0; i < 12; i++) {
      limiter.record(true);
      rates.push(limiter.snapshot().fillRate);
    }
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeLessThanOrEqual(rates[i - 1]);
    expect(rates[1]).toBeCloseTo(rates[0] * ADAPTIVE.beta, 5);
    expect(rates.at(-1)).toBe(ADAPTIVE.minFillRate);
  });

  it('recovers after the throttling stops (cubic growth), capped at twice the measured rate', () => {
    const { limiter, run } = setup();
    run(50, 10);
    limiter.record(true);
    const cut = limiter.snapshot().fillRate;
    run(100, 20);
    const { fillRate, measuredTxRate } = limiter.snapshot();
    expect(fillRate).toBeGreaterThan(cut);
    expect(fillRate).toBeLessThanOrEqual(2 * measuredTxRate + 1e-9);
  });

  it('a throttled caller sending as fast as allowed ends up slower than before', () => {
    const { clock, limiter, run } = setup();
    run(50, 10);
    for (let i = 0; i < 3; i++) limiter.record(true);
    const start = clock.t;
    run(20, 1000);
    const achieved = 20 / ((clock.t - start) / 1000);
    expect(achieved).toBeLessThan(10);
  });
});

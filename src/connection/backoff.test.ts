import { describe, expect, it } from 'vitest';
import { backoffDelay, type BackoffOptions } from './backoff';

const options: BackoffOptions = { firstRetryMs: 250, baseMs: 1000, factor: 2, maxMs: 30_000 };

describe('backoffDelay', () => {
  it('draws the first retry from the small fast window', () => {
    expect(backoffDelay(0, options, () => 0.999999)).toBe(250);
    expect(backoffDelay(0, options, () => 0.5)).toBe(125);
  });

  it('doubles the ceiling from baseMs on and caps it at maxMs', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 20].map((attempt) => backoffDelay(attempt, options, () => 1));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('uses full jitter: any value from 0 up to the ceiling', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(0);
    expect(backoffDelay(3, options, () => 0.25)).toBe(1000);
  });

  it('stays finite for huge attempt numbers and clamps a misbehaving random source', () => {
    expect(backoffDelay(10_000, options, () => 1)).toBe(30_000);
    expect(backoffDelay(2, options, () => 7)).toBe(2000);
    expect(backoffDelay(2, options, () => -1)).toBe(0);
  });

  it('spreads real random draws across the window', () => {
    const draws = Array.from({ length: 200 }, () => backoffDelay(5, options));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(16_000);
    expect(new Set(draws).size).toBeGreaterThan(50);
  });
});

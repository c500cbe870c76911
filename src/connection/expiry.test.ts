import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, isUrlReusable, rotationDelay, tokenRefreshDelay } from './expiry';

const iso = (ms: number) => new Date(ms).toISOString();
const NOW = Date.parse('2025-01-01T00:00:00.000Z');

describe('isUrlReusable', () => {
  it('reuses an unused URL younger than the validity window', () => {
    expect(isUrlReusable({ fetchedAt: NOW, used: false, tries: 1 }, NOW + 84_000, 85_000)).toBe(true);
  });
  it('never reuses a stale URL, a used URL, an URL tried too often, or no URL', () => {
    expect(isUrlReusable({ fetchedAt: NOW, used: false, tries: 1 }, NOW + 85_000, 85_000)).toBe(false);
    expect(isUrlReusable({ fetchedAt: NOW, used: true, tries: 1 }, NOW + 1, 85_000)).toBe(false);
    expect(isUrlReusable({ fetchedAt: NOW, used: false, tries: 2 }, NOW + 1, 85_000)).toBe(false);
    expect(isUrlReusable({ fetchedAt: NOW, used: false, tries: 2 }, NOW + 1, 85_000, 3)).toBe(true);
    expect(isUrlReusable(null, NOW, 85_000)).toBe(false);
  });
});

describe('rotationDelay', () => {
  const base = { now: NOW, lifetimeMs: 55 * 60_000, leadMs: 60_000, minLifetimeMs: 5 * 60_000 };

  it('rotates on the periodic lifetime without an expiry', () => {
    expect(rotationDelay(base)).toBe(55 * 60_000);
  });

  it('rotates leadMs before a ConnectionExpiry that is a real socket lifetime', () => {
    expect(rotationDelay({ ...base, connectionExpiry: iso(NOW + 30 * 60_000) })).toBe(29 * 60_000);
  });

  it('ignores an expiry that is only the URL connect-by deadline (100 s after issue)', () => {
    expect(rotationDelay({ ...base, connectionExpiry: iso(NOW + 100_000) })).toBe(55 * 60_000);
  });

  it('ignores an expiry in the past (clock skew) instead of rotating in a loop', () => {
    expect(rotationDelay({ ...base, connectionExpiry: iso(NOW - 3_600_000) })).toBe(55 * 60_000);
  });

  it('ignores an unreadable expiry and never exceeds the timer ceiling', () => {
    expect(rotationDelay({ ...base, connectionExpiry: 'tomorrow' })).toBe(55 * 60_000);
    expect(rotationDelay({ ...base, lifetimeMs: 10 * MAX_TIMER_MS })).toBe(MAX_TIMER_MS);
  });
});

describe('tokenRefreshDelay', () => {
  it('refreshes 60 s before the ConnectionToken Expiry', () => {
    expect(tokenRefreshDelay(iso(NOW + 24 * 3_600_000), NOW)).toBe(24 * 3_600_000 - 60_000);
  });
  it('honours a custom buffer', () => {
    expect(tokenRefreshDelay(iso(NOW + 600_000), NOW, 120_000)).toBe(480_000);
  });
  it('refreshes at once when the token is already (nearly) expired', () => {
    expect(tokenRefreshDelay(iso(NOW + 30_000), NOW)).toBe(0);
    expect(tokenRefreshDelay(iso(NOW - 1), NOW)).toBe(0);
  });
  it('has nothing to schedule without a readable expiry', () => {
    expect(tokenRefreshDelay(undefined, NOW)).toBeNull();
    expect(tokenRefreshDelay('not a date', NOW)).toBeNull();
  });
  it('caps very distant expiries at the timer ceiling', () => {
    expect(tokenRefreshDelay(iso(NOW + 90 * 24 * 3_600_000), NOW)).toBe(MAX_TIMER_MS);
  });
});

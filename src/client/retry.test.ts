// The retry policy's pure parts: classification, backoff (random injected), Retry-After, quota.
import { describe, expect, it } from 'vitest';
import {
  classifyFailure,
  legacyBackoff,
  RETRY_QUOTA,
  retryAfterHintMs,
  retryDelay,
  RetryQuota,
  standardBackoff,
  STANDARD_RETRY,
} from './retry.js';

const headers = (h: Record<string, string>) => new Headers(h);

describe('classifyFailure', () => {
  it.each([
    [{ statusCode: 429 }, 'throttling'],
    [{ statusCode: 400, name: 'ThrottlingException' }, 'throttling'],
    [{ statusCode: 400, name: 'TooManyRequestsException' }, 'throttling'],
    [{ statusCode: 503, name: 'SlowDown' }, 'throttling'],
    [{ statusCode: 500 }, 'transient'],
    [{ statusCode: 502 }, 'transient'],
    [{ statusCode: 503 }, 'transient'],
    [{ statusCode: 504 }, 'transient'],
    [{ statusCode: 500, name: 'InternalServerException' }, 'transient'],
    [{ statusCode: 400, name: 'RequestTimeoutException' }, 'transient'],
    [{ network: true }, 'transient'],
    [{ timeout: true }, 'transient'],
    [{ statusCode: 501 }, 'none'],
    [{ statusCode: 400, name: 'ValidationException' }, 'none'],
    [{ statusCode: 402 }, 'none'],
    [{ statusCode: 403 }, 'none'],
    [{ statusCode: 404 }, 'none'],
    [{ statusCode: 409 }, 'none'],
  ] as const)('%j -> %s', (facts, kind) => {
    expect(classifyFailure(facts)).toBe(kind);
  });
});

describe('standardBackoff (full jitter, capped at 20 s)', () => {
  const almostOne = () => 0.999999;
  it('doubles a 100 ms ceiling for transient failures', () => {
    expect([0, 1, 2, 3].map((i) => standardBackoff(i, 'transient', almostOne))).toEqual([99, 199, 399, 799]);
  });
  it('uses a 500 ms base for throttling', () => {
    expect([0, 1, 2].map((i) => standardBackoff(i, 'throttling', almostOne))).toEqual([499, 999, 1999]);
  });
  it('never exceeds 20 s however many retries', () => {
    expect(standardBackoff(30, 'throttling', almostOne)).toBe(STANDARD_RETRY.maxBackoffMs - 1);
    expect(standardBackoff(8, 'transient', almostOne)).toBe(19_999);
  });
  it('is uniform from 0: random 0 -> 0, random 0.5 -> half the ceiling', () => {
    expect(standardBackoff(2, 'transient', () => 0)).toBe(0);
    expect(standardBackoff(2, 'transient', () => 0.5)).toBe(200);
  });
});

describe('legacyBackoff', () => {
  const base = { baseDelayMs: 300, jitter: 'none' as const, maxDelayMs: 0 };
  it('none: base * 2^i, uncapped by default', () => {
    expect([0, 1, 2, 6].map((i) => legacyBackoff(i, base, Math.random))).toEqual([300, 600, 1200, 19_200]);
  });
  it('caps before jitter with retryMaxDelay', () => {
    expect([0, 1, 2].map((i) => legacyBackoff(i, { ...base, maxDelayMs: 500 }, Math.random))).toEqual([300, 500, 500]);
  });
  it('full jitter: uniform in [0, delay]', () => {
    expect(legacyBackoff(1, { ...base, jitter: 'full' }, () => 0.25)).toBe(150);
  });
  it('equal jitter: delay/2 + uniform in [0, delay/2]', () => {
    expect(legacyBackoff(1, { ...base, jitter: 'equal' }, () => 0)).toBe(300);
    expect(legacyBackoff(1, { ...base, jitter: 'equal' }, () => 0.5)).toBe(450);
  });
  it('a jitter function gets the capped delay; bad results become 0', () => {
    expect(legacyBackoff(2, { ...base, jitter: (d) => d + 7 }, Math.random)).toBe(1207);
    expect(legacyBackoff(2, { ...base, jitter: () => Number.NaN }, Math.random)).toBe(0);
    expect(legacyBackoff(2, { ...base, jitter: () => -5 }, Math.random)).toBe(0);
  });
});

describe('retryAfterHintMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('x-amz-retry-after is milliseconds and wins', () => {
    expect(retryAfterHintMs(headers({ 'x-amz-retry-after': '1500', 'retry-after': '9' }), now)).toBe(1500);
  });
  it('retry-after in seconds', () => {
    expect(retryAfterHintMs(headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterHintMs(headers({ 'retry-after': '0.5' }), now)).toBe(500);
  });
  it('retry-after as an HTTP date, relative to now; past dates give 0', () => {
    expect(retryAfterHintMs(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now)).toBe(3000);
    expect(retryAfterHintMs(headers({ 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }), now)).toBe(0);
  });
  it('absent or unreadable -> undefined', () => {
    expect(retryAfterHintMs(headers({}), now)).toBeUndefined();
    expect(retryAfterHintMs(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterHintMs(headers({ 'x-amz-retry-after': 'x' }), now)).toBeUndefined();
  });
});

describe('retryDelay', () => {
  it('takes the longer of backoff and hint, the hint capped at 20 s', () => {
    expect(retryDelay(300, undefined)).toBe(300);
    expect(retryDelay(300, 2000)).toBe(2000);
    expect(retryDelay(3000, 2000)).toBe(3000);
    expect(retryDelay(10, 3_600_000)).toBe(20_000);
  });
});

describe('RetryQuota', () => {
  it('charges 5 per throttling retry and 10 per transient retry, starting at 500', () => {
    const q = new RetryQuota();
    expect(q.available).toBe(RETRY_QUOTA.initial);
    expect(q.acquire('throttling')).toBe(5);
    expect(q.acquire('transient')).toBe(10);
    expect(q.available).toBe(485);
  });
  it('refuses a retry it cannot pay for', () => {
    const q = new RetryQuota();
    for (let i = 0; i < 50; i++) expect(q.acquire('transient')).toBe(10);
    expect(q.available).toBe(0);
    expect(q.acquire('transient')).toBeUndefined();
    expect(q.acquire('throttling')).toBeUndefined();
    q.release(undefined);
    expect(q.available).toBe(1);
    expect(q.acquire('throttling')).toBeUndefined();
  });
  it('a success refunds the last retry cost, or 1 without retries, never above 500', () => {
    const q = new RetryQuota();
    q.acquire('transient');
    q.release(10);
    expect(q.available).toBe(500);
    q.release(undefined);
    expect(q.available).toBe(500);
    q.acquire('throttling');
    q.release(undefined);
    expect(q.available).toBe(496);
  });
});

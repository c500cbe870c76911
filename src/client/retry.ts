// Retry policy as pure functions (wire-spec §8): which failures are retried, how long to wait, and
// the retry quota. No timers here: the caller injects `random` and sleeps itself.

export type RetryMode = 'standard' | 'adaptive' | 'legacy';

/** Full jitter: uniform in [0, delay]; equal: delay/2 + uniform in [0, delay/2]; none: delay. */
export type RetryJitter = 'none' | 'equal' | 'full' | ((delayMs: number) => number);

/** throttling: slow down and retry; transient: retry; none: do not retry. */
export type FailureKind = 'throttling' | 'transient' | 'none';

export interface FailureFacts {
  statusCode?: number;
  /** Error code (x-amzn-ErrorType etc.), if any. */
  name?: string;
  /** No response at all (connection refused/reset, DNS, CORS, offline). */
  network?: boolean;
  /** The attempt hit requestTimeout. */
  timeout?: boolean;
}

export const THROTTLING_ERROR_NAMES: ReadonlySet<string> = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);
export const TRANSIENT_ERROR_NAMES: ReadonlySet<string> = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
export const TRANSIENT_STATUS_CODES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/** Classifies a failed attempt like the AWS SDKs do (wire-spec §8.1). */
export function classifyFailure(f: FailureFacts): FailureKind {
  if (f.network || f.timeout) return 'transient';
  if (f.statusCode === 429 || (f.name !== undefined && THROTTLING_ERROR_NAMES.has(f.name))) return 'throttling';
  if (f.statusCode !== undefined && TRANSIENT_STATUS_CODES.has(f.statusCode)) return 'transient';
  if (f.name !== undefined && TRANSIENT_ERROR_NAMES.has(f.name)) return 'transient';
  return 'none';
}

export const STANDARD_RETRY = {
  /** Cap of the exponential backoff, applied before jitter. */
  maxBackoffMs: 20_000,
  /** Base delay for transient failures (5xx, network, timeout). */
  transientBaseMs: 100,
  /** Base delay for throttling (longer, to let the service recover). */
  throttlingBaseMs: 500,
} as const;

/**
 * Standard/adaptive backoff before retry number `retryIndex` (0 for the first retry):
 * full jitter over an exponential ceiling capped at 20 s.
 */
export function standardBackoff(retryIndex: number, kind: FailureKind, random: () => number): number {
  const base = kind === 'throttling' ? STANDARD_RETRY.throttlingBaseMs : STANDARD_RETRY.transientBaseMs;
  const ceiling = Math.min(STANDARD_RETRY.maxBackoffMs, base * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

export interface LegacyRetryOptions {
  /** Base delay in ms, doubled on every retry. */
  baseDelayMs: number;
  jitter: RetryJitter;
  /** Cap in ms applied before jitter; 0 = no cap. */
  maxDelayMs: number;
}

/** Legacy backoff (like the Ruby SDK's legacy mode): base * 2^retryIndex, capped, then jittered. */
export function legacyBackoff(retryIndex: number, o: LegacyRetryOptions, random: () => number): number {
  let delay = o.baseDelayMs * 2 ** retryIndex;
  if (o.maxDelayMs > 0) delay = Math.min(delay, o.maxDelayMs);
  const jittered =
    typeof o.jitter === 'function'
      ? o.jitter(delay)
      : o.jitter === 'full'
        ? random() * delay
        : o.jitter === 'equal'
          ? delay / 2 + random() * (delay / 2)
          : delay;
  return Math.max(0, Math.floor(Number.isFinite(jittered) ? jittered : 0));
}

/** Reads a header by name; a Headers object fits. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * The server's wait hint in ms: `x-amz-retry-after` (milliseconds) first, else `retry-after`
 * (delta seconds or an HTTP date, measured against `nowMs`). Undefined when absent or unreadable.
 */
export function retryAfterHintMs(headers: HeaderReader, nowMs: number): number | undefined {
  const amz = headers.get('x-amz-retry-after');
  if (amz !== null && /^\s*\d+(\.\d+)?\s*$/.test(amz)) return Math.ceil(Number(amz));
  const standard = headers.get('retry-after');
  if (standard === null) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(standard)) return Math.ceil(Number(standard) * 1000);
  const date = Date.parse(standard);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * The wait before a retry: the backoff, or the server's hint when longer. The hint is capped at
 * `maxHintMs` so a misbehaving server cannot park a chat for an hour.
 */
export function retryDelay(backoffMs: number, hintMs: number | undefined, maxHintMs = STANDARD_RETRY.maxBackoffMs): number {
  if (hintMs === undefined) return backoffMs;
  return Math.max(backoffMs, Math.min(hintMs, maxHintMs));
}

export const RETRY_QUOTA = {
  initial: 500,
  retryCost: 5,
  /** Timeouts and other transient failures cost more: they more likely mean an outage. */
  transientRetryCost: 10,
  noRetryIncrement: 1,
} as const;

/**
 * The standard mode's retry quota: a per-client token bucket that stops retries when most recent
 * attempts fail, so an outage does not multiply the load by maxAttempts.
 */
export class RetryQuota {
  available: number = RETRY_QUOTA.initial;

  /** Takes the cost of one retry; returns it, or undefined when the quota cannot pay (do not retry). */
  acquire(kind: FailureKind): number | undefined {
    const cost = kind === 'transient' ? RETRY_QUOTA.transientRetryCost : RETRY_QUOTA.retryCost;
    if (cost > this.available) return undefined;
    this.available -= cost;
    return cost;
  }

  /** After a success: refunds the last retry's cost, or a small increment when no retry was needed. */
  release(lastRetryCost: number | undefined): void {
    this.available = Math.min(RETRY_QUOTA.initial, this.available + (lastRetryCost ?? RETRY_QUOTA.noRetryIncrement));
  }
}

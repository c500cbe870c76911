// The adaptive retry mode's client-side rate limiter (wire-spec §8.4): a token bucket whose fill rate
// follows a CUBIC curve — cut to 70 % on every throttle, then growing back. Pure: the clock is
// injected and `acquire` returns how long to wait instead of sleeping.

export const ADAPTIVE = {
  beta: 0.7,
  scaleConstant: 0.4,
  smooth: 0.8,
  minFillRate: 0.5,
  minCapacity: 1,
} as const;

export class AdaptiveRateLimiter {
  private readonly now: () => number;
  private fillRate: number = ADAPTIVE.minFillRate;
  private maxCapacity: number = ADAPTIVE.minCapacity;
  private capacity = 0;
  private lastRefill: number | undefined;
  private enabled = false;
  private lastMaxRate = 0;
  private lastThrottleTime: number;
  private timeWindow = 0;
  private measuredTxRate = 0;
  private requestCount = 0;
  private lastTxRateBucket: number;

  /**
   * @param nowMs clock in milliseconds (Date.now by default)
   * @param startMs when the limiter's client was created (default now): the limiter is loaded lazily
   */
  constructor(nowMs: () => number = Date.now, startMs: number = nowMs()) {
    this.now = () => nowMs() / 1000;
    this.lastThrottleTime = startMs / 1000;
    this.lastTxRateBucket = Math.floor(startMs / 1000);
  }

  /**
   * Takes a token for one attempt. Returns the milliseconds the caller must wait before sending
   * (0 until the first throttle). The token is taken now, so concurrent callers queue up behind it.
   */
  acquire(): number {
    if (!this.enabled) return 0;
    this.refill();
    const waitMs = this.capacity >= 1 ? 0 : ((1 - this.capacity) / this.fillRate) * 1000;
    this.capacity -= 1;
    return Math.ceil(waitMs);
  }

  /** Feeds the outcome of an attempt (any response or failure) into the sending rate. */
  record(throttled: boolean): void {
    this.updateMeasuredRate();
    const t = this.now();
    let rate: number;
    if (throttled) {
      const rateToUse = this.enabled ? Math.min(this.measuredTxRate, this.fillRate) : this.measuredTxRate;
      this.lastMaxRate = rateToUse;
      this.updateTimeWindow();
      this.lastThrottleTime = t;
      rate = rateToUse * ADAPTIVE.beta;
      this.enabled = true;
    } else {
      this.updateTimeWindow();
      rate = ADAPTIVE.scaleConstant * (t - this.lastThrottleTime - this.timeWindow) ** 3 + this.lastMaxRate;
    }
    this.setRate(Math.min(rate, 2 * this.measuredTxRate));
  }

  /** Current state, for tests and logs. */
  snapshot(): { enabled: boolean; fillRate: number; maxCapacity: number; capacity: number; measuredTxRate: number } {
    return {
      enabled: this.enabled,
      fillRate: this.fillRate,
      maxCapacity: this.maxCapacity,
      capacity: this.capacity,
      measuredTxRate: this.measuredTxRate,
    };
  }

  private refill(): void {
    const t = this.now();
    if (this.lastRefill === undefined) {
      this.lastRefill = t;
      return;
    }
    this.capacity = Math.min(this.maxCapacity, this.capacity + (t - this.lastRefill) * this.fillRate);
    this.lastRefill = t;
  }

  private setRate(rate: number): void {
    this.refill();
    this.fillRate = Math.max(rate, ADAPTIVE.minFillRate);
    this.maxCapacity = Math.max(rate, ADAPTIVE.minCapacity);
    this.capacity = Math.min(this.capacity, this.maxCapacity);
  }

  private updateTimeWindow(): void {
    this.timeWindow = Math.cbrt((this.lastMaxRate * (1 - ADAPTIVE.beta)) / ADAPTIVE.scaleConstant);
  }

  // Requests are counted in half-second buckets; the rate is smoothed so one burst does not dominate.
  private updateMeasuredRate(): void {
    const t = this.now();
    const bucket = Math.floor(t * 2) / 2;
    this.requestCount += 1;
    if (bucket > this.lastTxRateBucket) {
      const current = this.requestCount / (bucket - this.lastTxRateBucket);
      this.measuredTxRate = current * ADAPTIVE.smooth + this.measuredTxRate * (1 - ADAPTIVE.smooth);
      this.requestCount = 0;
      this.lastTxRateBucket = bucket;
    }
  }
}

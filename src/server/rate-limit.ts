// Starts per client address per window (a fixed window per address), and which address a request
// comes from when proxies stand in front. Pure apart from the map of counters.

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private nextSweep = 0;

  constructor(
    private readonly limit: { max: number; windowMs: number },
    private readonly now: () => number,
  ) {}

  /** Counts one start for `key`. */
  take(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      window = { count: 0, resetAt: now + this.limit.windowMs };
      this.windows.set(key, window);
    }
    if (window.count >= this.limit.max) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
    window.count += 1;
    return { ok: true };
  }

  /** Forgets finished windows once per window length, so memory follows the addresses of the last window only. */
  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + this.limit.windowMs;
    for (const [key, window] of this.windows) if (now >= window.resetAt) this.windows.delete(key);
  }
}

/**
 * The client's address: the socket's, or with `trustedProxies` proxies in front, the X-Forwarded-For
 * entry that many places from the right (entries further left are whatever the client wrote).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | null, trustedProxies: number): string | undefined {
  if (trustedProxies === 0 || !forwardedFor) return socketAddress;
  const chain = [...forwardedFor.split(',').map((entry) => entry.trim()).filter(Boolean), ...(socketAddress ? [socketAddress] : [])];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)];
}

// Business hours: whether chat is open now, from the site's URL (GET → {open, message?, nextOpen?}) or
// function. Never throws and every wait ends: a check that fails or takes too long counts as open (the
// contact flow still decides) and says why in `error`. Checks of one source are shared (the loader's
// launcher and the widget ask once) and kept for `maxAgeMs`.

/** What the site's availability URL or function answers. */
export interface Availability {
  open: boolean;
  /** Shown while closed (plain text, at most 500 characters). */
  message?: string;
  /** When chat opens again: an ISO 8601 date-time or ms since the epoch. */
  nextOpen?: string | number;
}

export type AvailabilitySource = string | (() => Availability | Promise<Availability>);

export interface AvailabilityResult {
  open: boolean;
  message?: string;
  nextOpen?: Date;
  /** Set when the check failed (then `open` is true): what went wrong, for the console. */
  error?: string;
}

export interface AvailabilityOptions {
  /** Give up (and count as open) after this long. Default 5 s. */
  timeoutMs?: number;
  /** Reuse a result of the same source this young. Default 0 (ask now; a check under way is shared). */
  maxAgeMs?: number;
  fetch?: typeof fetch;
  /** The clock (tests). Default Date.now. */
  now?: () => number;
}

const MESSAGE_LIMIT = 500;
/** By source: the check under way, or the last result and when it came. */
const checks = new Map<AvailabilitySource, { settledAt?: number; result: Promise<AvailabilityResult> }>();

/** Reads an answer: `open` must be true or false; a bad message or nextOpen is dropped, not fatal. */
export function readAvailability(value: unknown): AvailabilityResult {
  const answer = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof answer.open !== 'boolean') {
    return { open: true, error: 'the availability answer has no "open": true or false (counted as open)' };
  }
  const result: AvailabilityResult = { open: answer.open };
  if (typeof answer.message === 'string' && answer.message.trim()) result.message = [...answer.message.trim()].slice(0, MESSAGE_LIMIT).join('');
  const next = typeof answer.nextOpen === 'string' || typeof answer.nextOpen === 'number' ? new Date(answer.nextOpen) : undefined;
  if (next && !Number.isNaN(next.getTime())) result.nextOpen = next;
  return result;
}

async function ask(source: AvailabilitySource, options: AvailabilityOptions, signal: AbortSignal): Promise<unknown> {
  if (typeof source === 'function') return source();
  const response = await (options.fetch ?? fetch)(source, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`${source} answered HTTP ${response.status}`);
  return response.json();
}

async function run(source: AvailabilitySource, options: AvailabilityOptions): Promise<AvailabilityResult> {
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? 5000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<AvailabilityResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ open: true, error: `the availability check did not answer within ${timeoutMs / 1000} s (counted as open)` });
    }, timeoutMs);
  });
  const answered = ask(source, options, controller.signal).then(readAvailability, (error: unknown) => ({
    open: true,
    error: `the availability check failed: ${error instanceof Error ? error.message : String(error)} (counted as open)`,
  }));
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function checkAvailability(source: AvailabilitySource, options: AvailabilityOptions = {}): Promise<AvailabilityResult> {
  const clock = options.now ?? Date.now;
  const kept = checks.get(source);
  // A check under way is shared by everyone who asks meanwhile, whatever their maxAgeMs.
  if (kept && (kept.settledAt === undefined || clock() - kept.settledAt <= (options.maxAgeMs ?? 0))) return kept.result;
  const entry: { settledAt?: number; result: Promise<AvailabilityResult> } = { result: run(source, options) };
  checks.set(source, entry);
  void entry.result.then(() => (entry.settledAt = clock()));
  return entry.result;
}

/** Forgets kept results (tests, and a page that changes its hours source). */
export function forgetAvailability(): void {
  checks.clear();
}

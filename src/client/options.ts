// The client's one options object and its documented defaults (DEFAULTS, the only place they live).
// The checks that turn bad options into a clear error at construction time are check-options.ts.
import type { RetryJitter, RetryMode } from './retry.js';
import type { StubResponses } from './stub.js';
import type { FetchLike } from './transport.js';
import type { OperationName } from './types.js';

/** Events passed to `logger`. They never contain tokens, message content or URLs with a view token. */
export type ClientLogEvent =
  | { type: 'request'; operation: OperationName; attempt: number }
  | { type: 'response'; operation: OperationName; attempt: number; status: number; durationMs: number; requestId?: string }
  | {
      type: 'error';
      operation: OperationName;
      attempt: number;
      /** HTTP status; undefined when no response arrived (network failure, timeout). */
      status?: number;
      error: string;
      durationMs: number;
      retryable: boolean;
      requestId?: string;
    }
  | { type: 'retry'; operation: OperationName; attempt: number; delayMs: number; reason: string }
  | { type: 'rate-limit'; operation: OperationName; attempt: number; delayMs: number };

export interface ParticipantClientOptions {
  /** AWS region of the Amazon Connect instance, e.g. 'us-east-1'. Required unless `endpoint` is set. */
  region?: string;
  /**
   * Custom endpoint URL (e.g. 'http://127.0.0.1:8787' for the local emulator). Overrides the
   * region's endpoint; may have a base path; trailing slashes are ignored. Default: from `region`.
   */
  endpoint?: string;
  /** Use the FIPS endpoint of the region. Not allowed with `endpoint`. Default false. */
  useFipsEndpoint?: boolean;
  /** Use the dual-stack (IPv6) endpoint of the region. Not allowed with `endpoint`. Default false. */
  useDualstackEndpoint?: boolean;
  /**
   * 'standard' (default): retries throttling (429), 5xx, network failures and timeouts with
   * full-jitter backoff (max 20 s) and a retry quota. 'adaptive': standard plus a client-side rate
   * limiter that slows down after throttling. 'legacy': exponential backoff from `retryBaseDelay`.
   */
  retryMode?: RetryMode;
  /** Attempts per call, including the first. 1 disables retries. Default 3. */
  maxAttempts?: number;
  /** Legacy mode: base delay in ms, doubled per retry. Default 300. */
  retryBaseDelay?: number;
  /** Legacy mode: 'none' (default), 'equal', 'full', or a function (delayMs) => delayMs. */
  retryJitter?: RetryJitter;
  /** Legacy mode: cap of the delay in ms before jitter; 0 = no cap. Default 0. */
  retryMaxDelay?: number;
  /** Milliseconds one attempt may take (request and response body); 0 = no limit. Default 15000. */
  requestTimeout?: number;
  /** Check inputs against the model before sending (throws ParticipantValidationError). Default true. */
  validateParams?: boolean;
  /**
   * Answer calls from stubs instead of the network: `true` for default data, or per-operation stub
   * data / errors / functions. Calls are recorded in `client.apiRequests`. Default false.
   */
  stubResponses?: boolean | StubResponses;
  /** Receives request/response/retry events. Default: none. */
  logger?: (event: ClientLogEvent) => void;
  /** Appended to the X-Amz-User-Agent header, e.g. 'MyApp/1.2'. Default none. */
  customUserAgent?: string;
  /** The fetch to use. Default: the global fetch, looked up at call time. */
  fetch?: FetchLike;
  /** Time and randomness, injectable for tests and simulations. Default: Date.now, setTimeout, Math.random. */
  clock?: Partial<Clock>;
}

export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

export const DEFAULTS = {
  useFipsEndpoint: false,
  useDualstackEndpoint: false,
  retryMode: 'standard',
  maxAttempts: 3,
  retryBaseDelay: 300,
  retryJitter: 'none',
  retryMaxDelay: 0,
  requestTimeout: 15_000,
  validateParams: true,
  stubResponses: false,
} as const satisfies Partial<ParticipantClientOptions>;

/** Region used in stub mode when neither region nor endpoint is given (as the Ruby SDK does). */
export const STUB_REGION = 'us-stubbed-1';

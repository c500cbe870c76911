// One logical call: validate, fill the idempotency token once, serialize, then attempt/retry until
// success, a non-retryable failure, the attempt limit, the retry quota, or the caller's abort.
import { ParticipantValidationError, type ParticipantServiceError, type ValidationIssue } from './errors.js';
import { abortError, deserializationError, networkError, serviceError, timeoutError, type FailureContext } from './failures.js';
import type { ClientLogEvent, Clock } from './options.js';
import { buildRequest, parseSuccessBody, readFailure, readRequestId } from './protocol.js';
import type { AdaptiveRateLimiter } from './rate-limiter.js';
import {
  classifyFailure,
  legacyBackoff,
  retryDelay,
  standardBackoff,
  type FailureKind,
  type LegacyRetryOptions,
  type RetryMode,
  type RetryQuota,
} from './retry.js';
import type { StubRegistry } from './stub.js';
import { runAttempt, type Transport } from './transport.js';
import type { OperationInput, OperationName, OperationOutput } from './types.js';
import { WIRE } from './wire.js';

/** Per-call options, the last argument of every operation method. */
export interface CallOptions {
  /** Aborts the call, including any retry wait; the call rejects with RequestAbortedError ('AbortError'). */
  signal?: AbortSignal;
  /** Overrides the client's requestTimeout for this call (ms per attempt; 0 = none). */
  requestTimeout?: number;
  /** Lets the request outlive the page (fetch keepalive), e.g. disconnectParticipant on pagehide. */
  keepalive?: boolean;
}

/** The resolved configuration and shared state of one client. */
export interface ClientRuntime {
  baseUrl: string;
  origin: string;
  retryMode: RetryMode;
  maxAttempts: number;
  legacy: LegacyRetryOptions;
  requestTimeout: number;
  /** The model validation to run before sending; undefined when validateParams is false. */
  validate: ((operation: OperationName, input: unknown) => ValidationIssue[] | Promise<ValidationIssue[]>) | undefined;
  userAgent: string;
  log: (event: ClientLogEvent) => void;
  transport: Transport;
  clock: Clock;
  uuid: () => string;
  quota: RetryQuota;
  /** Adaptive mode only; loaded on first use. */
  limiter: (() => Promise<AdaptiveRateLimiter | undefined>) | undefined;
  stubs: StubRegistry | undefined;
}

/** Copies the input, adding a fresh idempotency token where the model has one and the caller gave none. */
function withIdempotencyToken(operation: OperationName, input: Record<string, unknown>, uuid: () => string): Record<string, unknown> {
  const out = { ...input };
  const name = WIRE[operation].idempotencyToken;
  if (name && (out[name] === undefined || out[name] === null)) out[name] = uuid();
  return out;
}

type Failed = { kind: FailureKind; name: string; error: (ctx: FailureContext) => ParticipantServiceError | Promise<ParticipantServiceError>; retryAfterMs?: number };

export async function invoke<O extends OperationName>(
  rt: ClientRuntime,
  operation: O,
  rawInput: OperationInput<O>,
  options: CallOptions = {},
): Promise<OperationOutput<O>> {
  const spec = WIRE[operation];
  if (rt.validate) {
    let issues = rt.validate(operation, rawInput);
    // Awaited only when the validator is still loading, so a stub-mode call is recorded synchronously.
    if (issues instanceof Promise) issues = await issues;
    if (issues.length > 0) throw new ParticipantValidationError(operation, issues);
  }
  const base = typeof rawInput === 'object' && rawInput !== null ? (rawInput as unknown as Record<string, unknown>) : {};
  // Even unvalidated, a request without its path label would hit another resource (the SDK refuses too).
  for (const [, label] of spec.path.matchAll(/\{(\w+)\}/g)) {
    if (typeof base[label] !== 'string' || base[label] === '') {
      throw new ParticipantValidationError(operation, [{ member: label, problem: 'is required: it is part of the URL path' }]);
    }
  }
  const input = withIdempotencyToken(operation, base, rt.uuid);
  const request = buildRequest(spec, input, rt.baseUrl, rt.userAgent);
  rt.stubs?.apiRequests.push({ operation, input, request });

  const timeoutMs = options.requestTimeout ?? rt.requestTimeout;
  const signal = options.signal;
  const context = { operation, input, keepalive: options.keepalive };
  let lastRetryCost: number | undefined;

  for (let attempt = 1; ; attempt++) {
    const ctx = (retryable: boolean, stoppedBecause?: FailureContext['stoppedBecause']): FailureContext => ({
      operation,
      attempts: attempt,
      origin: rt.origin,
      retryable,
      stoppedBecause,
    });
    const limiter = rt.limiter && (await rt.limiter());
    const wait = limiter?.acquire() ?? 0;
    if (wait > 0) {
      rt.log({ type: 'rate-limit', operation, attempt, delayMs: wait });
      await pause(rt, wait, signal, operation, attempt - 1);
    }
    if (signal?.aborted) throw abortError(signal.reason, { operation, attempts: attempt - 1 });
    rt.log({ type: 'request', operation, attempt });
    const started = rt.clock.now();
    const outcome = await runAttempt(rt.transport, request, context, timeoutMs, signal);
    const durationMs = rt.clock.now() - started;
    if (outcome.kind === 'aborted') throw abortError(outcome.reason, { operation, attempts: attempt });

    let failed: Failed;
    let status: number | undefined;
    let requestId: string | undefined;
    if (outcome.kind === 'response' && outcome.response.status < 300) {
      const response = outcome.response;
      limiter?.record(false);
      if (rt.retryMode !== 'legacy') rt.quota.release(lastRetryCost);
      requestId = readRequestId(response.headers);
      rt.log({ type: 'response', operation, attempt, status: response.status, durationMs, requestId });
      const parsed = parseSuccessBody(response);
      if (!parsed.ok) throw deserializationError(parsed.reason, response.status, requestId, ctx(false));
      return parsed.value as OperationOutput<O>;
    } else if (outcome.kind === 'response') {
      const failure = readFailure(outcome.response, rt.clock.now());
      status = failure.statusCode;
      requestId = failure.requestId;
      failed = {
        kind: classifyFailure({ statusCode: failure.statusCode, name: failure.name }),
        name: failure.name ?? 'UnknownError',
        error: (c) => serviceError(failure, c),
        retryAfterMs: failure.retryAfterMs,
      };
    } else if (outcome.kind === 'timeout') {
      failed = { kind: 'transient', name: 'RequestTimeoutError', error: (c) => timeoutError(timeoutMs, c) };
    } else {
      const cause = outcome.cause;
      failed = { kind: 'transient', name: 'NetworkError', error: (c) => networkError(cause, c) };
    }

    const retryable = failed.kind !== 'none';
    limiter?.record(failed.kind === 'throttling');
    rt.log({ type: 'error', operation, attempt, status, error: failed.name, durationMs, retryable, requestId });
    if (!retryable) throw await failed.error(ctx(false));
    if (attempt >= rt.maxAttempts) throw await failed.error(ctx(true, 'max-attempts'));
    if (rt.retryMode !== 'legacy') {
      const cost = rt.quota.acquire(failed.kind);
      if (cost === undefined) throw await failed.error(ctx(true, 'retry-quota'));
      lastRetryCost = cost;
    }
    const retryIndex = attempt - 1;
    const backoff =
      rt.retryMode === 'legacy'
        ? legacyBackoff(retryIndex, rt.legacy, rt.clock.random)
        : standardBackoff(retryIndex, failed.kind, rt.clock.random);
    const delayMs = retryDelay(backoff, failed.retryAfterMs);
    rt.log({ type: 'retry', operation, attempt: attempt + 1, delayMs, reason: failed.name });
    await pause(rt, delayMs, signal, operation, attempt);
  }
}

async function pause(rt: ClientRuntime, ms: number, signal: AbortSignal | undefined, operation: OperationName, attempts: number): Promise<void> {
  try {
    await rt.clock.sleep(ms, signal);
  } catch (reason) {
    throw abortError(reason, { operation, attempts });
  }
}

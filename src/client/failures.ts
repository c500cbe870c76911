// Turns a failed call into the error to throw, with a message that says what happened, where, and
// what to do next. Messages name the endpoint's origin only: a path may hold a view token.
import {
  isModeledErrorName,
  MODELED_ERRORS,
  NetworkError,
  ParticipantServiceError,
  RequestAbortedError,
  RequestTimeoutError,
  ServiceResponseError,
} from './errors.js';
import type { ServiceFailure } from './protocol.js';
import type { OperationName } from './types.js';

export interface FailureContext {
  operation: OperationName;
  attempts: number;
  /** Origin of the endpoint, e.g. https://participant.connect.us-east-1.amazonaws.com */
  origin: string;
  retryable: boolean;
  /** Why the client stopped retrying a retryable failure. */
  stoppedBecause?: 'max-attempts' | 'retry-quota';
}

/**
 * What to do about an error response, loaded with the first one (advice.ts: the longer half of the
 * message, which a chat that meets none does not download). Where it cannot load, the message says
 * what failed without it.
 */
async function adviceFor(name: string | undefined, operation: OperationName, status: number): Promise<string> {
  try {
    return ` ${(await import('./advice.js')).advice(name, operation, status)}`;
  } catch {
    return '';
  }
}

function stopNote(ctx: FailureContext): string {
  if (ctx.stoppedBecause === 'retry-quota') {
    return ` The client did not retry: its retry quota is used up after many recent failures; it refills as calls succeed.`;
  }
  return ctx.attempts > 1 ? ` Gave up after ${ctx.attempts} attempts.` : '';
}

/** The error for an HTTP error response. Modeled names get their own class. */
export async function serviceError(f: ServiceFailure, ctx: FailureContext): Promise<ParticipantServiceError> {
  const name = f.name ?? 'UnknownError';
  const said = f.serviceMessage ?? (f.nonJsonBody ? 'the response body is not JSON' : `HTTP ${f.statusCode}`);
  const where = `${name}, HTTP ${f.statusCode}${f.requestId ? `, request id ${f.requestId}` : ''}`;
  const proxyHint = f.nonJsonBody ? ` If this keeps happening, check that the endpoint ${ctx.origin} is the Participant Service.` : '';
  const message = `${ctx.operation} failed: ${said} (${where}).${await adviceFor(f.name, ctx.operation, f.statusCode)}${stopNote(ctx)}${proxyHint}`;
  const context = {
    operation: ctx.operation,
    statusCode: f.statusCode,
    requestId: f.requestId,
    attempts: ctx.attempts,
    retryable: ctx.retryable,
    retryAfterMs: f.retryAfterMs,
  };
  const details = { serviceMessage: f.serviceMessage ?? '', body: f.body };
  if (f.name !== undefined && isModeledErrorName(f.name)) return new MODELED_ERRORS[f.name].ctor(message, details, context);
  return new ServiceResponseError(name, message, details, context);
}

function causeText(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as Error & { cause?: unknown }).cause;
  const code = inner instanceof Error ? ((inner as Error & { code?: unknown }).code ?? inner.message) : undefined;
  return code === undefined ? cause.message : `${cause.message}: ${String(code)}`;
}

export function networkError(cause: unknown, ctx: FailureContext): NetworkError {
  return new NetworkError(
    `${ctx.operation} failed: could not reach ${ctx.origin} (${causeText(cause)}).${stopNote(ctx)} ` +
      'Check the network connection and the region/endpoint; in a browser also check CORS and the page\'s Content-Security-Policy connect-src.',
    { operation: ctx.operation, attempts: ctx.attempts, retryable: true, cause },
  );
}

export function timeoutError(timeoutMs: number, ctx: FailureContext): RequestTimeoutError {
  return new RequestTimeoutError(
    `${ctx.operation} failed: no response from ${ctx.origin} within ${timeoutMs} ms.${stopNote(ctx)} ` +
      'Check the network connection, or raise requestTimeout.',
    timeoutMs,
    { operation: ctx.operation, attempts: ctx.attempts, retryable: true },
  );
}

export function abortError(reason: unknown, ctx: Pick<FailureContext, 'operation' | 'attempts'>): RequestAbortedError {
  return new RequestAbortedError(`${ctx.operation} was aborted by the caller's AbortSignal.`, {
    operation: ctx.operation,
    attempts: ctx.attempts,
    cause: reason,
  });
}

export function deserializationError(
  reason: string,
  status: number,
  requestId: string | undefined,
  ctx: FailureContext,
): ParticipantServiceError {
  return new ParticipantServiceError(
    'DeserializationError',
    `${ctx.operation}: HTTP ${status} but ${reason}. Check that the endpoint ${ctx.origin} is the Participant Service.`,
    { operation: ctx.operation, statusCode: status, requestId, attempts: ctx.attempts, retryable: false },
  );
}

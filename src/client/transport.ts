// One HTTP attempt over fetch, bounded by a timeout and the caller's AbortSignal, and an abortable
// sleep. The only code in the client that touches timers or the network.
import { ClientConfigurationError } from './errors.js';
import type { HttpRequest, HttpResponse } from './protocol.js';
import type { OperationName } from './types.js';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What a transport knows about the call; the fetch transport ignores it, stubs use it. */
export interface TransportContext {
  operation: OperationName;
  input: Readonly<Record<string, unknown>>;
  /** Let the request outlive the page (fetch keepalive), e.g. a disconnect on pagehide. */
  keepalive?: boolean;
}

/** Sends one request and reads the whole body. Rejects only when no response arrived. */
export type Transport = (request: HttpRequest, signal: AbortSignal, context: TransportContext) => Promise<HttpResponse>;

export function fetchTransport(fetchImpl: FetchLike): Transport {
  return async (request, signal, context) => {
    const init: RequestInit = { method: request.method, headers: request.headers, signal, credentials: 'omit' };
    if (request.body !== undefined) init.body = request.body;
    if (context.keepalive) init.keepalive = true;
    const res = await fetchImpl(request.url, init);
    const body = await res.text();
    return { status: res.status, headers: res.headers, body };
  };
}

export type AttemptOutcome =
  | { kind: 'response'; response: HttpResponse }
  | { kind: 'network'; cause: unknown }
  | { kind: 'timeout' }
  | { kind: 'aborted'; reason: unknown };

/** Runs one attempt; throws only for a stub configuration error. `timeoutMs` 0 means no timeout. */
export async function runAttempt(
  transport: Transport,
  request: HttpRequest,
  context: TransportContext,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): Promise<AttemptOutcome> {
  if (callerSignal?.aborted) return { kind: 'aborted', reason: callerSignal.reason };
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onAbort, { once: true });
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new Error(`timed out after ${timeoutMs} ms`));
        }, timeoutMs)
      : undefined;
  try {
    return { kind: 'response', response: await transport(request, controller.signal, context) };
  } catch (cause) {
    // A misconfigured stub is the caller's bug, not a network failure: let it surface as is.
    if (cause instanceof ClientConfigurationError) throw cause;
    if (callerSignal?.aborted) return { kind: 'aborted', reason: callerSignal.reason };
    if (timedOut) return { kind: 'timeout' };
    return { kind: 'network', cause };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onAbort);
  }
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

// The client without the parts only some callers need: model validation (validate.ts), stub mode
// (stub.ts) and the adaptive rate limiter are plugged in by the caller or loaded when first used, and
// operations are called by name (send). ParticipantClientCore (core.ts) checks the options first;
// ParticipantClient (client.ts) adds the typed methods and wires validation and stubs in statically.
// ChatSession uses this core directly, so the widget does not download them (it checks what the
// customer types itself, and its own options).
import { resolveEndpoint } from './endpoint.js';
import { ClientConfigurationError, isModeledErrorName, MODELED_ERRORS, type ValidationIssue } from './errors.js';
import { invoke, type CallOptions, type ClientRuntime } from './invoke.js';
import { DEFAULTS, STUB_REGION, type Clock, type ParticipantClientOptions } from './options.js';
import { RetryQuota } from './retry.js';
import type { AdaptiveRateLimiter } from './rate-limiter.js';
import type { StubEnv, StubRegistry, StubResponses } from './stub.js';
import { fetchTransport, sleep, type FetchLike, type Transport } from './transport.js';
import type * as T from './types.js';
import { randomUuid } from './uuid.js';
import { userAgent } from './version.js';
import { WIRE } from './wire.js';

/** Checks an input against the model; an empty list means valid. */
export type Validator = (operation: T.OperationName, input: unknown) => ValidationIssue[];

/** The optional parts a client is built with; what is left out is loaded the first time it is needed. */
export interface ClientParts {
  validate?: Validator;
  stubs?: (responses: StubResponses, env: StubEnv) => StubRegistry;
}

function defaultFetch(): FetchLike {
  // Looked up per call so test tools that replace globalThis.fetch still work; called on globalThis
  // because browsers throw "Illegal invocation" for a detached fetch.
  return (url, init) => {
    if (typeof globalThis.fetch !== 'function') {
      throw new ClientConfigurationError(
        'ParticipantClient: no global fetch in this runtime. Use Node >= 20 or a browser, or pass options.fetch.',
      );
    }
    return globalThis.fetch(url, init);
  };
}

/**
 * The client as its options say, without checking them first: for a caller whose options are its
 * own (the chat session, which checks what it is given itself). Everyone else: ParticipantClientCore.
 */
export class UncheckedClientCore {
  /** The service URL every request goes to (without trailing slash). */
  readonly endpoint: string;
  protected readonly rt: ClientRuntime;

  constructor(options: ParticipantClientOptions, parts: ClientParts = {}) {
    const stubbing = options.stubResponses !== undefined && options.stubResponses !== false;
    const region = options.region ?? (stubbing && options.endpoint === undefined ? STUB_REGION : undefined);
    this.endpoint = resolveEndpoint({
      region,
      endpoint: options.endpoint,
      useFipsEndpoint: options.useFipsEndpoint ?? DEFAULTS.useFipsEndpoint,
      useDualstackEndpoint: options.useDualstackEndpoint ?? DEFAULTS.useDualstackEndpoint,
    });
    const clock: Clock = { now: Date.now, sleep, random: Math.random, ...options.clock };
    const responses = options.stubResponses === true ? {} : options.stubResponses || {};
    const stubs = stubbing ? parts.stubs?.(responses, STUB_ENV) : undefined;
    const retryMode = options.retryMode ?? DEFAULTS.retryMode;
    const logger = options.logger;
    this.rt = {
      baseUrl: this.endpoint,
      origin: new URL(this.endpoint).origin,
      retryMode,
      maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
      legacy: {
        baseDelayMs: options.retryBaseDelay ?? DEFAULTS.retryBaseDelay,
        jitter: options.retryJitter ?? DEFAULTS.retryJitter,
        maxDelayMs: options.retryMaxDelay ?? DEFAULTS.retryMaxDelay,
      },
      requestTimeout: options.requestTimeout ?? DEFAULTS.requestTimeout,
      validate: (options.validateParams ?? DEFAULTS.validateParams) ? (parts.validate ?? lazyValidator()) : undefined,
      userAgent: userAgent(options.customUserAgent),
      log: (event) => {
        if (!logger) return;
        try {
          logger(event);
        } catch {
          // A failing logger must not fail the call it reports on.
        }
      },
      transport: stubs ? stubs.transport() : stubbing ? lazyStubTransport(responses) : fetchTransport(options.fetch ?? defaultFetch()),
      clock,
      uuid: randomUuid,
      quota: new RetryQuota(),
      limiter: retryMode === 'adaptive' ? adaptiveLimiter(clock) : undefined,
      stubs,
    };
  }

  /** Calls an operation by its model name; ParticipantClient's typed methods are shorthands for this. */
  send<O extends T.OperationName>(operation: O, input: T.OperationInput<O>, options?: CallOptions): Promise<T.OperationOutput<O>> {
    return invoke(this.rt, operation, input, options);
  }
}

const STUB_ENV: StubEnv = {
  operations: Object.keys(WIRE),
  statusOf: (error) => (isModeledErrorName(error) ? MODELED_ERRORS[error].status : undefined),
  configError: (message) => new ClientConfigurationError(message),
};

// Loaded on first use: most callers never need them, and a call is async anyway.
function lazyValidator(): (operation: T.OperationName, input: unknown) => Promise<ValidationIssue[]> {
  // When the validator cannot load (a browser offline fetching the chunk), the call goes ahead
  // unchecked and the service does the checking: a client-side check must not fail a valid call.
  return (operation, input) => import('./validate.js').then((m) => m.validateOperation(operation, input), () => []);
}

function lazyStubTransport(responses: StubResponses): Transport {
  let registry: Promise<StubRegistry> | undefined;
  return async (request, signal, context) => {
    registry ??= import('./stub.js').then((m) => new m.StubRegistry(responses, STUB_ENV));
    return (await registry).transport()(request, signal, context);
  };
}

function adaptiveLimiter(clock: Clock): ClientRuntime['limiter'] {
  const createdAt = clock.now();
  let loading: Promise<AdaptiveRateLimiter> | undefined;
  return () => {
    loading ??= import('./rate-limiter.js').then((m) => new m.AdaptiveRateLimiter(() => clock.now(), createdAt));
    // A limiter that cannot load now (a browser offline fetching the chunk) must not fail the call:
    // this attempt goes unlimited, and the next one tries to load it again.
    return loading.catch(() => {
      loading = undefined;
      return undefined;
    });
  };
}

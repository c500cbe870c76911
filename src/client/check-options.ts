// The checks that turn bad client options into a clear error at construction time. Apart from
// options.ts so that a caller whose options are its own (the chat session without clientOptions)
// does not download them: ParticipantClientCore runs them, the session loads them only for the
// clientOptions it is given.
import { ClientConfigurationError } from './errors.js';
import type { ParticipantClientOptions } from './options.js';

const KNOWN_OPTIONS: ReadonlySet<string> = new Set([
  'region',
  'endpoint',
  'useFipsEndpoint',
  'useDualstackEndpoint',
  'retryMode',
  'maxAttempts',
  'retryBaseDelay',
  'retryJitter',
  'retryMaxDelay',
  'requestTimeout',
  'validateParams',
  'stubResponses',
  'logger',
  'customUserAgent',
  'fetch',
  'clock',
]);

function fail(message: string): never {
  throw new ClientConfigurationError(`ParticipantClient: ${message}`);
}

const isNonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Throws ClientConfigurationError for unknown options and values of the wrong type or range. */
export function checkOptions(options: ParticipantClientOptions): void {
  if (typeof options !== 'object' || options === null) fail('options must be an object.');
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) {
      const why =
        key === 'credentials'
          ? ' The Participant Service authenticates with the participant/connection token (X-Amz-Bearer); no AWS credentials are needed.'
          : '';
      fail(`unknown option ${JSON.stringify(key)}.${why} Known options: ${[...KNOWN_OPTIONS].join(', ')}.`);
    }
  }
  const o = options as Record<string, unknown>;
  for (const key of ['region', 'endpoint', 'customUserAgent'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'string') fail(`${key} must be a string.`);
  }
  for (const key of ['useFipsEndpoint', 'useDualstackEndpoint', 'validateParams'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') fail(`${key} must be true or false.`);
  }
  if (o.retryMode !== undefined && !['standard', 'adaptive', 'legacy'].includes(o.retryMode as string)) {
    fail(`retryMode must be 'standard', 'adaptive' or 'legacy', not ${JSON.stringify(o.retryMode)}.`);
  }
  if (o.maxAttempts !== undefined && !(Number.isInteger(o.maxAttempts) && (o.maxAttempts as number) >= 1)) {
    fail('maxAttempts must be an integer >= 1 (1 disables retries).');
  }
  for (const key of ['retryBaseDelay', 'retryMaxDelay', 'requestTimeout'] as const) {
    if (o[key] !== undefined && !isNonNegative(o[key])) fail(`${key} must be a number of milliseconds >= 0.`);
  }
  const jitter = o.retryJitter;
  if (jitter !== undefined && typeof jitter !== 'function' && !['none', 'equal', 'full'].includes(jitter as string)) {
    fail(`retryJitter must be 'none', 'equal', 'full' or a function, not ${JSON.stringify(jitter)}.`);
  }
  if (typeof options.customUserAgent === 'string' && /[\r\n]/.test(options.customUserAgent)) {
    fail('customUserAgent must be a single line.');
  }
  for (const key of ['logger', 'fetch'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'function') fail(`${key} must be a function.`);
  }
  if (o.stubResponses !== undefined && typeof o.stubResponses !== 'boolean' && (typeof o.stubResponses !== 'object' || o.stubResponses === null)) {
    fail('stubResponses must be true, false or an object of per-operation stubs.');
  }
}

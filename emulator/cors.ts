// CORS as the real Participant Service (API Gateway) answers it (wire-spec §7), as pure functions.
import { originAllowed, type Guard } from './guard.js';

/** The Access-Control-Allow-Headers the real service sends on preflight, verbatim. */
export const REAL_ALLOWED_HEADERS =
  'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-Content-Sha256,X-Amz-User-Agent,X-Amz-Bearer';

export const EXPOSED_HEADERS = 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date';

export interface PreflightInput {
  /** Access-Control-Request-Headers of the preflight, if any. */
  requestHeaders: string | undefined;
  /** Methods the resource answers, e.g. ['POST'] for /participant/message. */
  methods: readonly string[];
  /** Strict: the real header list whatever was asked (the browser then refuses anything else). */
  strict: boolean;
}

/** Headers of a preflight (OPTIONS) answer. */
export function preflightHeaders(input: PreflightInput): Record<string, string> {
  const allowHeaders = input.strict ? REAL_ALLOWED_HEADERS : (input.requestHeaders ?? REAL_ALLOWED_HEADERS);
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': allowHeaders,
    'access-control-allow-methods': input.strict ? input.methods.join(',') : [...new Set([...input.methods, 'OPTIONS'])].join(','),
  };
}

/** Headers every actual (non-preflight) response carries. */
export function responseCorsHeaders(): Record<string, string> {
  return { 'access-control-allow-origin': '*', 'access-control-expose-headers': EXPOSED_HEADERS };
}

/**
 * In strict mode, which requested headers the real service would not allow (lowercased); the
 * emulator logs them so a developer sees why the browser refused.
 */
export function refusedHeaders(requestHeaders: string | undefined): string[] {
  if (!requestHeaders) return [];
  const allowed = new Set(REAL_ALLOWED_HEADERS.toLowerCase().split(','));
  return requestHeaders
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '' && !allowed.has(h));
}

/**
 * CORS headers of a control route's answer: the caller's origin when it is allowed (never `*`), so
 * only the emulator's own pages and allowed origins can read what the control API says.
 */
export function controlCorsHeaders(origin: string | undefined, guard: Guard): Record<string, string> {
  if (origin === undefined || !originAllowed(origin, guard)) return { vary: 'origin' };
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED_HEADERS, vary: 'origin' };
}

// restJson1 as this service uses it (wire-spec §2, §4): input -> HTTP request, HTTP response ->
// output or failure facts. Pure functions, no I/O.
import { MODELED_ERRORS } from './errors.js';
import { retryAfterHintMs, type HeaderReader } from './retry.js';
import type { WireSpec } from './wire.js';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** JSON text for POST; absent for GET. */
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: HeaderReader;
  body: string;
}

/** RFC 3986 strict percent-encoding of a path label: also `!'()*`, as the AWS SDK does. */
export function encodeLabel(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// Serialize in model member order, dropping unset members (the SDK sends no nulls and no defaults)
// and members the model does not have.
function pick(value: Record<string, unknown>, names: readonly string[], structures: WireSpec['structures'] = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    const members = structures[name];
    out[name] = members && typeof v === 'object' && !Array.isArray(v) ? pick(v as Record<string, unknown>, members) : v;
  }
  return out;
}

/** Builds the wire request. `input` must already carry any generated ClientToken. */
export function buildRequest(
  spec: WireSpec,
  input: Record<string, unknown>,
  baseUrl: string,
  userAgent: string,
): HttpRequest {
  const path = spec.path.replace(/\{(\w+)\}/g, (_, label: string) => encodeLabel(String(input[label] ?? '')));
  const headers: Record<string, string> = {};
  const token = input[spec.tokenMember];
  if (typeof token === 'string') headers['X-Amz-Bearer'] = token;
  headers['X-Amz-User-Agent'] = userAgent;
  if (spec.method === 'GET') return { method: 'GET', url: baseUrl + path, headers };
  headers['Content-Type'] = 'application/json';
  return { method: 'POST', url: baseUrl + path, headers, body: JSON.stringify(pick(input, spec.body, spec.structures)) };
}

export type ParsedBody = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

/** Parses a success body: empty means `{}`; anything but a JSON object is a deserialization failure. */
export function parseSuccessBody(response: HttpResponse): ParsedBody {
  if (response.body.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(response.body);
  } catch {
    const type = response.headers.get('content-type') ?? 'no content-type';
    return { ok: false, reason: `the response body is not JSON (${type})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'the response body is JSON but not an object' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** What an error response says, before the client decides to retry or throw. */
export interface ServiceFailure {
  statusCode: number;
  /** Sanitized error code; undefined when the response names none and the status maps to no modeled error. */
  name: string | undefined;
  /** Where the name came from, for diagnostics. */
  nameSource: 'header' | 'code' | '__type' | 'status' | 'none';
  serviceMessage: string | undefined;
  /** The error body's other members (ResourceId, ResourceType, ...). */
  body: Record<string, unknown>;
  requestId: string | undefined;
  retryAfterMs: number | undefined;
  /** The body was not empty and not JSON (e.g. an HTML page from a proxy). */
  nonJsonBody: boolean;
}

/** `ns#Name:suffix` -> `Name` (restJson1: keep text before the first ':', then after the first '#'). */
export function sanitizeErrorCode(raw: string): string {
  let code = raw.split(',')[0].trim();
  code = code.split(':')[0];
  const hash = code.indexOf('#');
  if (hash >= 0) code = code.slice(hash + 1);
  return code.trim();
}

function errorName(response: HttpResponse, body: Record<string, unknown>): Pick<ServiceFailure, 'name' | 'nameSource'> {
  const header = response.headers.get('x-amzn-errortype');
  if (header) return { name: sanitizeErrorCode(header), nameSource: 'header' };
  const codeKey = Object.keys(body).find((k) => k.toLowerCase() === 'code');
  const code = codeKey === undefined ? undefined : body[codeKey];
  if (typeof code === 'string' && code !== '') return { name: sanitizeErrorCode(code), nameSource: 'code' };
  const type = body.__type;
  if (typeof type === 'string' && type !== '') return { name: sanitizeErrorCode(type), nameSource: '__type' };
  // In a browser the x-amzn-ErrorType header is unreadable unless the service exposes it via CORS, and
  // API Gateway's own errors carry no code at all: fall back to the modeled error of this status.
  const byStatus = Object.entries(MODELED_ERRORS).find(([, e]) => e.status === response.status);
  if (byStatus) return { name: byStatus[0], nameSource: 'status' };
  return { name: undefined, nameSource: 'none' };
}

/** Reads an error response (status >= 300) into failure facts. */
export function readFailure(response: HttpResponse, nowMs: number): ServiceFailure {
  let body: Record<string, unknown> = {};
  let nonJsonBody = false;
  if (response.body.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(response.body);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
      else nonJsonBody = true;
    } catch {
      nonJsonBody = true;
    }
  }
  const { name, nameSource } = errorName(response, body);
  const message = body.message ?? body.Message ?? response.headers.get('x-amzn-errormessage') ?? undefined;
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k !== 'message' && k !== 'Message') rest[k] = v;
  }
  return {
    statusCode: response.status,
    name,
    nameSource,
    serviceMessage: typeof message === 'string' ? message : undefined,
    body: rest,
    requestId: readRequestId(response.headers),
    retryAfterMs: retryAfterHintMs(response.headers, nowMs),
    nonJsonBody,
  };
}

export function readRequestId(headers: HeaderReader): string | undefined {
  return headers.get('x-amzn-requestid') ?? headers.get('x-amzn-request-id') ?? headers.get('x-amz-request-id') ?? undefined;
}

// Responses the way the service sends them: JSON, a fresh x-amzn-RequestId, a real Date header
// (Node adds it; the SDK corrects its clock from it), and for errors x-amzn-ErrorType plus a body
// with a lowercase `message` (wire-spec §4.4).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error the emulator answers with: HTTP status, AWS error type and a message naming the problem. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    /** The shape name sent as x-amzn-ErrorType; undefined for gateway-style errors without one. */
    readonly type: string | undefined,
    message: string,
    /** Extra members of the error body (e.g. ResourceId, ResourceType, Reason). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = type ?? `HTTP ${status}`;
  }
}

export const accessDenied = (message = 'Access denied'): ServiceError =>
  new ServiceError(403, 'AccessDeniedException', message);
export const validationError = (message: string): ServiceError =>
  new ServiceError(400, 'ValidationException', message);
export const conflict = (message: string): ServiceError => new ServiceError(409, 'ConflictException', message);
export const quotaExceeded = (message: string): ServiceError =>
  new ServiceError(402, 'ServiceQuotaExceededException', message);
export const notFound = (message: string, extra: Record<string, unknown> = {}): ServiceError =>
  new ServiceError(404, 'ResourceNotFoundException', message, extra);

/** The modeled error type for a status, for faults that give only a status. */
export function defaultErrorType(status: number): string | undefined {
  const byStatus: Record<number, string> = {
    400: 'ValidationException',
    402: 'ServiceQuotaExceededException',
    403: 'AccessDeniedException',
    404: 'ResourceNotFoundException',
    409: 'ConflictException',
    429: 'ThrottlingException',
    500: 'InternalServerException',
  };
  return byStatus[status];
}

export function newRequestId(): string {
  return randomUUID();
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'x-amzn-RequestId': newRequestId(),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ServiceError, headers: Record<string, string> = {}): void {
  const errorHeaders: Record<string, string> = { ...headers };
  if (error.type) errorHeaders['x-amzn-ErrorType'] = error.type;
  sendJson(res, error.status, { message: error.message, ...error.extra }, errorHeaders);
}

/** Plain text/HTML/bytes with the request id header. */
export function sendBody(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': String(bytes.byteLength),
    'x-amzn-RequestId': newRequestId(),
    ...headers,
  });
  res.end(bytes);
}

/** Whether the request says it carries a body (a length over 0, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

const tooLarge = (limit: number): ServiceError =>
  new ServiceError(413, undefined, `request body larger than ${limit} bytes; the emulator's JSON routes take up to ${limit} bytes`);

/**
 * Reads the request body, refusing more than `limit` bytes with 413: at once when Content-Length says
 * so, else as soon as the count passes it; what arrives after that is not kept. The caller answers
 * with `connection: close`, so the rest of an over-long body is never read.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size <= limit) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Deeper than any request the service or the control API takes; deeper bodies are refused before anything walks them. */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses a JSON request body the way the service does: empty body = `{}`; anything but a JSON object
 * (or one nested deeper than MAX_JSON_DEPTH) is a 400 with the reason.
 */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ServiceError(400, 'SerializationException', `request body is not valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ServiceError(400, 'SerializationException', 'request body must be a JSON object');
  }
  if (nestedDeeperThan(value, MAX_JSON_DEPTH)) {
    throw new ServiceError(400, 'SerializationException', `request body nests objects or lists deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return value as Record<string, unknown>;
}

/** A header value, case-insensitively (Node lowercases names; repeated headers come joined). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** ISO-8601 with milliseconds and `Z`, as every date on the wire. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Decodes a percent-encoded path segment; undefined when the encoding is malformed. */
export function decodeSegment(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Whether a parsed JSON value nests arrays/objects deeper than `max` levels (checked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

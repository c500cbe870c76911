// Who may talk to the emulator, as pure functions. It listens on a developer's machine, so every web
// page the developer visits can send it requests:
// - every route refuses a Host header that is not a loopback name or the configured public host, so a
//   page that rebinds its own DNS name to 127.0.0.1 reaches nothing (DNS rebinding);
// - control routes (the emulator's own API and the Connect-side API the agent console uses) answer
//   only requests without an Origin (tools, tests), the emulator's own origin, or origins the
//   developer allowed, and only with an application/json body, so no page can write to them with a
//   "simple" cross-origin request that skips the preflight;
// - the Participant Service routes, the attachment URLs (S3's stand-in), the sign-in page and
//   /start-chat answer any origin, as the real service does (see README § Emulator, "Who may call it").
import { ATTACHMENT_PATH } from './attachments.js';
import { AUTH_PATH } from './auth.js';

export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

export interface Guard {
  /** Host names (lowercase, IPv6 in brackets, no port) the emulator answers to. */
  hosts: ReadonlySet<string>;
  /** Origins (scheme://host:port) allowed on control routes, besides requests without an Origin. */
  origins: ReadonlySet<string>;
  /** `--allow-origin '*'`: every origin may use the control routes. */
  anyOrigin: boolean;
}

export interface GuardInput {
  /** The interface the emulator listens on. */
  host: string;
  port: number;
  publicUrl?: string;
  /** Origins given with --allow-origin (already checked by `normalizeOrigin`), or '*'. */
  allowOrigins: readonly string[];
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]', '']);

/** `::1` → `[::1]`; names lowercased. */
function bracketed(host: string): string {
  const lower = host.toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

export function createGuard(input: GuardInput): Guard {
  const hosts = new Set(LOOPBACK_HOSTS);
  if (!WILDCARD_HOSTS.has(input.host)) hosts.add(bracketed(input.host));
  const origins = new Set<string>();
  for (const host of hosts) origins.add(`http://${host}:${input.port}`);
  if (input.publicUrl) {
    const url = new URL(input.publicUrl);
    hosts.add(url.hostname.toLowerCase());
    origins.add(url.origin);
  }
  const anyOrigin = input.allowOrigins.includes('*');
  for (const origin of input.allowOrigins) if (origin !== '*') origins.add(origin);
  return { hosts, origins, anyOrigin };
}

/** An --allow-origin value as an origin (`https://app.example:3000`), or '*'; throws naming what is wrong. */
export function normalizeOrigin(value: string): string {
  if (value === '*') return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`allowed origin "${value}" is not a URL; write it as a page's origin, e.g. http://127.0.0.1:3000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`allowed origin "${value}" must be http: or https:`);
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new TypeError(`allowed origin "${value}" must be an origin only (scheme://host:port), without a path; e.g. ${url.origin}`);
  }
  return url.origin;
}

/** The host name of a Host header (no port; IPv6 keeps its brackets), or undefined when it is not one. */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(header.trim());
  return match ? match[1].toLowerCase() : undefined;
}

export function hostAllowed(header: string | undefined, guard: Guard): boolean {
  const name = hostName(header);
  return name !== undefined && guard.hosts.has(name);
}

/** Control routes: the emulator's API under /emulator/ (not the attachment URLs or sign-in page) and the Connect side. */
export function isControlPath(path: string): boolean {
  if (path.startsWith(ATTACHMENT_PATH) || path.startsWith(AUTH_PATH)) return false;
  return path.startsWith('/emulator/') || path.startsWith('/contact/');
}

/** No Origin (a tool or test), the emulator's own page, or an allowed one. `null` (sandboxed, file:) is refused. */
export function originAllowed(origin: string | undefined, guard: Guard): boolean {
  if (origin === undefined) return true;
  return guard.anyOrigin || guard.origins.has(origin);
}

/** `application/json`, with or without parameters. */
export function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && value.split(';')[0].trim().toLowerCase() === 'application/json';
}

/** Methods that carry a body and so need `application/json` on control routes. */
export function needsJsonBody(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH';
}

export interface Refusal {
  status: number;
  type: string | undefined;
  message: string;
}

/** A page of another origin on a control route (its requests and its preflights). */
export function originRefusal(origin: string, path: string): Refusal {
  return {
    status: 403,
    type: 'AccessDeniedException',
    message: `the origin ${origin} may not use the emulator's control API (${path}); start the emulator with --allow-origin ${origin} to allow it`,
  };
}

/**
 * Whether a request may go on, before its body is read. `origin` and `contentType` are the headers
 * as sent; the caller has already resolved the path.
 */
export function refusal(request: { host: string | undefined; origin: string | undefined; contentType: string | undefined; method: string; path: string }, guard: Guard): Refusal | undefined {
  if (!hostAllowed(request.host, guard)) {
    return {
      status: 421,
      type: undefined,
      message:
        `the emulator does not answer to the host "${request.host ?? ''}": it answers ${[...guard.hosts].join(', ')}. ` +
        'A page that reaches it under another name may be a DNS-rebinding attack; to serve another name, start it with --public-url http://NAME:PORT',
    };
  }
  if (!isControlPath(request.path) || request.method === 'OPTIONS') return undefined;
  if (!originAllowed(request.origin, guard)) return originRefusal(request.origin ?? '', request.path);
  if (needsJsonBody(request.method) && !isJsonContentType(request.contentType)) {
    return {
      status: 415,
      type: undefined,
      message: `${request.method} ${request.path} needs Content-Type: application/json (got ${request.contentType ? `"${request.contentType}"` : 'none'}); send {} for an empty body`,
    };
  }
  return undefined;
}

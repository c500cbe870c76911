// Every option of the emulator with its default, in one place.
import { MAX_TIMER_MS } from './faults.js';
import { normalizeOrigin } from './guard.js';
import type { EmulatorPlugin } from './plugins.js';
import { DISCONNECT_FLOWS, type DisconnectFlowName } from './types.js';

export type ScanResult = 'APPROVED' | 'REJECTED';

export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 8787. */
  port?: number;
  /** Interface to listen on. Default `"127.0.0.1"` (amazon-connect-chatjs accepts `ws://127.0.0.1:` only). */
  host?: string;
  /**
   * Base URL put into WebSocket, upload, download and sign-in URLs, when clients reach the emulator
   * under another address than the one it listens on (another machine, a container, port forwarding).
   * Its host is also accepted in the Host header and its origin on the control routes. Default:
   * `http://<host>:<port>` (`127.0.0.1` when listening on every interface). Never the request's Host
   * header, which a page can choose (DNS rebinding).
   */
  publicUrl?: string;
  /**
   * Origins of pages that may use the control routes (`/emulator/*`, `/contact/*`) besides the
   * emulator's own, e.g. `['http://127.0.0.1:3000']`; `['*']` allows every origin. Requests without
   * an Origin (tools, tests) are always allowed. Default none.
   */
  allowOrigins?: string[];
  /** Load the demo bot (emulator/bot/index.ts's default export). Default false (the CLI turns it on). */
  bot?: boolean;
  /** Serve the agent console at /agent. Default true. */
  agentConsole?: boolean;
  /** More in-process plugins, called in order after the bot. Default none. */
  plugins?: EmulatorPlugin[];
  /**
   * CORS like the real service's preflight: only the headers API Gateway allows
   * (wire-spec §7); a client sending e.g. `amz-sdk-invocation-id` fails as it would in production.
   * Default false: echo whatever the browser asks for.
   */
  strictCors?: boolean;
  /** Lifetime of a ConnectionToken. Default 86400 (1 day, like the service). */
  connectionTokenTtlSeconds?: number;
  /** How long a WebSocket URL may be used after CreateParticipantConnection. Default 100. */
  websocketUrlTtlSeconds?: number;
  /** Lifetime of a StartAttachmentUpload PUT URL. Default 300. */
  uploadUrlTtlSeconds?: number;
  /** Largest attachment in bytes. Default 20 MB (20 971 520), the service's limit. */
  maxAttachmentBytes?: number;
  /** Attachments per contact before ServiceQuotaExceededException (402). Default 50. */
  attachmentQuotaPerContact?: number;
  /**
   * Result of the attachment scan. Default none: attachments are APPROVED at once. When set, the
   * ATTACHMENT item is first sent IN_PROGRESS and, after `scanDelayMs`, again with this status.
   */
  scanResult?: ScanResult;
  /** Delay of the scan result. Default 200 ms. */
  scanDelayMs?: number;
  /** Default ChatDurationInMinutes when StartChatContact omits it. Default 1500 (the service's). */
  chatDurationMinutes?: number;
  /** How long a sign-in page may take before `authentication.timeout`. Default 300 s. */
  authenticationTimeoutSeconds?: number;
  /**
   * Every contact's disconnect flow, which runs when the customer ends a chat started with
   * DisconnectOnCustomerExit ["AGENT"], or when the last agent leaves: `survey` (the built-in post-chat
   * survey) or `plugin` (the plugins' onDisconnectFlow). Default none, or `plugin` when a plugin has
   * onDisconnectFlow. One contact's can be changed with POST /emulator/contacts/{id}/disconnect-flow.
   */
  disconnectFlow?: DisconnectFlowName;
  /** How long a disconnect flow may run before the chat ends anyway (an unanswered survey). Default 120 s. */
  disconnectFlowTimeoutSeconds?: number;
  /** Log function (request lines, plugin errors). Default: nothing. */
  log?: (line: string) => void;
  /** The clock, in ms since the epoch. Default `Date.now`. Tests pass a controllable clock. */
  now?: () => number;
}

export type ResolvedOptions = Required<Omit<EmulatorOptions, 'publicUrl' | 'scanResult' | 'disconnectFlow'>> &
  Pick<EmulatorOptions, 'publicUrl' | 'scanResult' | 'disconnectFlow'>;

export const DEFAULTS = {
  port: 8787,
  host: '127.0.0.1',
  bot: false,
  agentConsole: true,
  plugins: [] as EmulatorPlugin[],
  allowOrigins: [] as string[],
  strictCors: false,
  connectionTokenTtlSeconds: 86_400,
  websocketUrlTtlSeconds: 100,
  uploadUrlTtlSeconds: 300,
  maxAttachmentBytes: 20 * 1024 * 1024,
  attachmentQuotaPerContact: 50,
  scanDelayMs: 200,
  chatDurationMinutes: 1500,
  authenticationTimeoutSeconds: 300,
  disconnectFlowTimeoutSeconds: 120,
  log: (_line: string): void => {},
  now: (): number => Date.now(),
} satisfies ResolvedOptions;

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const resolved: ResolvedOptions = { ...DEFAULTS, ...defined };
  for (const key of [
    'connectionTokenTtlSeconds',
    'websocketUrlTtlSeconds',
    'uploadUrlTtlSeconds',
    'maxAttachmentBytes',
    'attachmentQuotaPerContact',
    'chatDurationMinutes',
    'authenticationTimeoutSeconds',
    'disconnectFlowTimeoutSeconds',
  ] as const) {
    const value = resolved[key];
    if (!Number.isFinite(value) || value <= 0) {
      throw new TypeError(`emulator option ${key} must be a positive number, got ${String(value)}`);
    }
  }
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) {
    throw new TypeError(`emulator option port must be an integer 0..65535 (0 = a free port), got ${String(resolved.port)}`);
  }
  for (const [key, ms] of [
    ['scanDelayMs', resolved.scanDelayMs],
    ['authenticationTimeoutSeconds', resolved.authenticationTimeoutSeconds * 1000],
    ['disconnectFlowTimeoutSeconds', resolved.disconnectFlowTimeoutSeconds * 1000],
  ] as const) {
    if (ms > MAX_TIMER_MS) throw new TypeError(`emulator option ${key} is longer than a timer can wait (${MAX_TIMER_MS} ms)`);
  }
  if (resolved.publicUrl !== undefined) resolved.publicUrl = checkPublicUrl(resolved.publicUrl);
  resolved.allowOrigins = resolved.allowOrigins.map(normalizeOrigin);
  if (resolved.scanResult !== undefined && resolved.scanResult !== 'APPROVED' && resolved.scanResult !== 'REJECTED') {
    throw new TypeError(`emulator option scanResult must be "APPROVED" or "REJECTED", got ${String(resolved.scanResult)}`);
  }
  if (resolved.disconnectFlow !== undefined && !DISCONNECT_FLOWS.includes(resolved.disconnectFlow)) {
    throw new TypeError(`emulator option disconnectFlow must be one of ${DISCONNECT_FLOWS.join(', ')}, got ${String(resolved.disconnectFlow)}`);
  }
  return resolved;
}

/** An http(s) base URL without query or fragment, trailing slashes removed. */
function checkPublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`emulator option publicUrl "${value}" is not a URL; give the base clients use, e.g. http://192.168.1.20:8787`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new TypeError(`emulator option publicUrl "${value}" must be an http(s) URL without query or fragment`);
  }
  return url.href.replace(/\/+$/, '');
}

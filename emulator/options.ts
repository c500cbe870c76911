// Every option of the emulator with its default, in one place.
import type { EmulatorPlugin } from './plugins.js';

export type ScanResult = 'APPROVED' | 'REJECTED';

export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 8787. */
  port?: number;
  /** Interface to listen on. Default `"127.0.0.1"` (amazon-connect-chatjs accepts `ws://127.0.0.1:` only). */
  host?: string;
  /**
   * Base URL put into WebSocket, upload, download and sign-in URLs. Default: the Host header of the
   * request that asks for the URL (so it works behind port forwarding), else `http://host:port`.
   */
  publicUrl?: string;
  /** Load the demo bot (emulator/bot/index.ts's default export). Default false (the CLI turns it on). */
  bot?: boolean;
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
  /** Log function (request lines, plugin errors). Default: nothing. */
  log?: (line: string) => void;
  /** The clock, in ms since the epoch. Default `Date.now`. Tests pass a controllable clock. */
  now?: () => number;
}

export type ResolvedOptions = Required<Omit<EmulatorOptions, 'publicUrl' | 'scanResult'>> &
  Pick<EmulatorOptions, 'publicUrl' | 'scanResult'>;

export const DEFAULTS = {
  port: 8787,
  host: '127.0.0.1',
  bot: false,
  plugins: [] as EmulatorPlugin[],
  strictCors: false,
  connectionTokenTtlSeconds: 86_400,
  websocketUrlTtlSeconds: 100,
  uploadUrlTtlSeconds: 300,
  maxAttachmentBytes: 20 * 1024 * 1024,
  attachmentQuotaPerContact: 50,
  scanDelayMs: 200,
  chatDurationMinutes: 1500,
  authenticationTimeoutSeconds: 300,
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
  ] as const) {
    const value = resolved[key];
    if (!Number.isFinite(value) || value <= 0) {
      throw new TypeError(`emulator option ${key} must be a positive number, got ${String(value)}`);
    }
  }
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) {
    throw new TypeError(`emulator option port must be an integer 0..65535 (0 = a free port), got ${String(resolved.port)}`);
  }
  if (resolved.scanResult !== undefined && resolved.scanResult !== 'APPROVED' && resolved.scanResult !== 'REJECTED') {
    throw new TypeError(`emulator option scanResult must be "APPROVED" or "REJECTED", got ${String(resolved.scanResult)}`);
  }
  return resolved;
}

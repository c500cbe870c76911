// When connection material goes stale: the WebSocket URL, the socket itself, and the ConnectionToken.
// All pure, all in clock milliseconds, so they are tested without timers.

/** setTimeout's ceiling (2^31 − 1 ms); a longer delay would fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;

function parseTime(iso: string | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

export interface FetchedUrl {
  /** When getConnection() resolved with it (clock ms). */
  fetchedAt: number;
  /** A socket has opened on it; a URL is used for one connection only. */
  used: boolean;
  /** Sockets tried on it so far. */
  tries: number;
}

/**
 * May a URL be tried again after its socket failed to open? Only if no socket ever opened on it (the
 * service issues one URL per connection), it has been tried fewer than `maxTries` times (a browser
 * does not say why a socket failed, and a URL the server refuses would otherwise be retried until it
 * expires), and it is younger than the safe validity (the service refuses it 100 s after issue; 85 s
 * leaves room for the handshake, as chatjs does).
 */
export function isUrlReusable(url: FetchedUrl | null, now: number, validityMs: number, maxTries = 2): boolean {
  return url !== null && !url.used && url.tries < maxTries && now - url.fetchedAt < validityMs;
}

export interface RotationInput {
  now: number;
  /** Rotate at least this often. */
  lifetimeMs: number;
  /** Websocket.ConnectionExpiry as returned with the URL, if any. */
  connectionExpiry?: string;
  /** Rotate this long before ConnectionExpiry. */
  leadMs: number;
  /** Expiries closer than this are not a socket lifetime (see below) and are ignored. */
  minLifetimeMs: number;
}

/**
 * Delay until a connected socket should be replaced. The service documents ConnectionExpiry as the
 * deadline to *connect* to the URL (100 s after issue), so an expiry that is already close when the
 * socket is up says nothing about the socket's lifetime; honouring it would rotate every minute.
 * Only an expiry comfortably in the future (a server that does cap socket lifetime) shortens the
 * periodic rotation. The same rule keeps a skewed client clock from causing a rotation loop.
 */
export function rotationDelay(input: RotationInput): number {
  const expiry = parseTime(input.connectionExpiry);
  let delay = input.lifetimeMs;
  if (expiry !== null) {
    const beforeExpiry = expiry - input.leadMs - input.now;
    if (beforeExpiry >= input.minLifetimeMs) delay = Math.min(delay, beforeExpiry);
  }
  return Math.min(Math.max(delay, 0), MAX_TIMER_MS);
}

/**
 * Delay until the ConnectionToken should be refreshed (another CreateParticipantConnection): `bufferMs`
 * before ConnectionCredentials.Expiry, never negative (an already-late token is refreshed at once).
 * null when the expiry is missing or unreadable: there is nothing to schedule.
 */
export function tokenRefreshDelay(expiry: string | undefined, now: number, bufferMs = 60_000): number | null {
  const at = parseTime(expiry);
  if (at === null) return null;
  return Math.min(Math.max(at - bufferMs - now, 0), MAX_TIMER_MS);
}

// Errors of the connection layer. Each says what failed, where (URL without its query, which
// carries credentials) and what happens next, and keeps the original error as `cause`.

export type ConnectionErrorCode =
  /** getConnection() rejected with a non-fatal error; a retry is scheduled. */
  | 'get-connection-failed'
  /** getConnection() returned something that is not a ws:// or wss:// URL. */
  | 'invalid-url'
  /** The socket did not open within openTimeoutMs. */
  | 'open-timeout'
  /** The socket closed or errored. */
  | 'socket-closed'
  /** The subscribe handshake was refused or unanswered too often. */
  | 'subscribe-failed'
  /** No reply to aws/heartbeat: the socket is considered dead. */
  | 'heartbeat-missed'
  /** A frame that could not be read; it was dropped. */
  | 'bad-frame'
  /** The server sent an error frame (no topic), e.g. "Forbidden". */
  | 'server-error'
  /** Socket rotation failed; the current socket stays in use and rotation is retried. */
  | 'rotation-failed'
  /** No WebSocket implementation (Node without the `WebSocket` option). */
  | 'no-websocket'
  /** The manager ended (fatal getConnection error or close({ended:true})); no more connections. */
  | 'ended'
  /** close() was called while waiting to connect. */
  | 'closed';

export interface ConnectionErrorContext {
  /** The socket URL without its query string. */
  url?: string;
  /** How many attempts in a row have failed, including this one. */
  attempt?: number;
  /** When the next attempt is due, if one is scheduled. */
  retryInMs?: number;
  cause?: unknown;
}

export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';
  readonly code: ConnectionErrorCode;
  readonly url?: string;
  readonly attempt?: number;
  readonly retryInMs?: number;

  constructor(code: ConnectionErrorCode, message: string, context: ConnectionErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.code = code;
    this.url = context.url;
    this.attempt = context.attempt;
    this.retryInMs = context.retryInMs;
  }
}

/** The URL without query or fragment: safe to log (Amazon Connect puts the auth token in the query). */
export function redactUrl(url: string): string {
  return url.replace(/[?#].*$/s, '');
}

/** A short text for an unknown thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'object' && error !== null) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    if (typeof message === 'string') return typeof name === 'string' ? `${name}: ${message}` : message;
  }
  return String(error);
}

// The one error type a ChatSession throws and reports. `code` is for programs, `message` tells the
// user (or the site owner) what happened and what to do; `cause` keeps the underlying failure.
import type { ChatErrorCode } from './types.js';

export class ChatError extends Error {
  override readonly name = 'ChatError';
  readonly code: ChatErrorCode;

  constructor(code: ChatErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isChatError(value: unknown): value is ChatError {
  return value instanceof ChatError;
}

/** A short description of any thrown value, for messages that quote their cause. */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'string') return cause;
  try {
    return JSON.stringify(cause);
  } catch {
    return String(cause);
  }
}

// What the engine hands the parts it is made of (calls, sender, saver, history sync, uploads), so
// that none of them imports the engine: each is given these, and only these, by its constructor.
import type { OperationInput, OperationName, OperationOutput } from '../client/types.js';
import type { ChatErrorCode, ChatSessionEvents } from './types.js';

/** Whether the chat is over (ended) or this page stopped working on it (stopped). */
export interface Life {
  readonly hasEnded: boolean;
  readonly isStopped: boolean;
}

/** A participant operation with the current ConnectionToken (calls.ts); `signal` replaces the engine's own. */
export type Op = <O extends OperationName>(
  operation: O,
  input: Omit<OperationInput<O>, 'ConnectionToken'>,
  signal?: AbortSignal,
) => Promise<OperationOutput<O>>;

/** Tells the session's listeners (and, in the tab that holds the chat, the other tabs'). */
export type Emit = <K extends keyof ChatSessionEvents>(event: K, detail: ChatSessionEvents[K]) => void;

/** Shows an error in lastError and emits it. */
export type Report = (code: ChatErrorCode, message: string, cause?: unknown) => void;

export type Log = (event: string, detail?: Record<string, unknown>) => void;

/** Starts the one-shot timer of that name, replacing a running one (none start once stopped). */
export type SetTimer = (name: string, ms: number, run: () => void) => void;

/** Where items come from (see Incoming.handle in incoming.ts). */
export type ItemSource = 'live' | 'older' | 'untrusted';

export function nowIso(): string {
  return new Date().toISOString();
}

export function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : '';
}

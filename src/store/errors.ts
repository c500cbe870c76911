// Storage failures, classified so the chat layer can tell the user what happened and what to do.

export type StorageErrorCode =
  /** The browser's storage quota for this site is used up. */
  | 'quota-exceeded'
  /** IndexedDB / sessionStorage cannot be used here (some private modes, blocked storage, no such API). */
  | 'unavailable'
  /** A value that cannot be stored (not structured-cloneable / not JSON). A bug in the caller; not retried. */
  | 'invalid-value'
  | 'failed';

export type BackendKind = 'indexeddb' | 'session-storage' | 'memory';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    /** The store operation that failed, e.g. 'putTranscript'. */
    readonly operation: string,
    /** Where it failed. */
    readonly backend: BackendKind,
    message: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

const BACKEND_NAMES: Record<BackendKind, string> = {
  indexeddb: 'IndexedDB',
  'session-storage': 'sessionStorage',
  memory: 'memory',
};

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : '';
}

export function classifyStorageError(error: unknown): StorageErrorCode {
  const name = errorName(error);
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014) return 'quota-exceeded';
  if (name === 'DataCloneError' || error instanceof TypeError && /circular|serialize|clone/i.test(error.message)) return 'invalid-value';
  if (['InvalidStateError', 'UnknownError', 'SecurityError', 'NotFoundError', 'ReferenceError', 'VersionError', 'TimeoutError'].includes(name)) return 'unavailable';
  return 'failed';
}

/** Wraps any failure of `operation` on `backend` into a StorageError whose message says what it means for the user. */
export function toStorageError(error: unknown, operation: string, backend: BackendKind, fallingBack: boolean): StorageError {
  if (error instanceof StorageError) return error;
  const code = classifyStorageError(error);
  const where = BACKEND_NAMES[backend];
  const detail = error instanceof Error ? error.message : String(error);
  const what: Record<StorageErrorCode, string> = {
    'quota-exceeded': `the storage quota of this site is used up (${detail})`,
    unavailable: `${where} is not available in this browser or mode (${detail})`,
    'invalid-value': `the value cannot be stored (${detail}); store plain JSON data only`,
    failed: detail,
  };
  const next = fallingBack
    ? ' The conversation continues in memory only and will not survive a reload. Free some site storage or allow storage for this site to keep chats across reloads.'
    : '';
  return new StorageError(code, operation, backend, `Chat storage: ${operation} in ${where} failed: ${what[code]}.${next}`, error);
}

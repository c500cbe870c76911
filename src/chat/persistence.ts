// What a session keeps between page loads, and the port it keeps it through. The IndexedDB
// implementation is src/store's; 'none' keeps nothing.
import type { OutboxRecord } from './outbox.js';
import type { Row } from './transcript.js';

export interface StoredSession {
  version: 1;
  contactId: string;
  participantId: string;
  participantToken: string;
  displayName: string;
  continuedFromContactId?: string;
  supportedContentTypes: string[];
  /** ISO time the chat was started. */
  startedAt: string;
  /** Older-history state: the current contact's start was reached; earlier contacts still to page. */
  history?: { complete: boolean; related: string[] };
}

export interface StoredConversation {
  session: StoredSession;
  rows: Row[];
  outbox: OutboxRecord[];
}

export interface SessionPersistence {
  load(): Promise<StoredConversation | null>;
  saveSession(session: StoredSession): Promise<void>;
  saveTranscript(rows: readonly Row[]): Promise<void>;
  saveOutbox(outbox: readonly OutboxRecord[]): Promise<void>;
  /** Removes everything of this conversation. */
  clear(): Promise<void>;
}

/** persistence: 'none' — the conversation lives in memory only. */
export const memoryOnly: SessionPersistence = {
  load: async () => null,
  saveSession: async () => {},
  saveTranscript: async () => {},
  saveOutbox: async () => {},
  clear: async () => {},
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Checks a stored session read back from storage (it may be from an older version or corrupted). */
export function isStoredSession(value: unknown): value is StoredSession {
  return (
    isRecord(value) &&
    value.version === 1 &&
    typeof value.contactId === 'string' &&
    typeof value.participantId === 'string' &&
    typeof value.participantToken === 'string' &&
    typeof value.displayName === 'string' &&
    Array.isArray(value.supportedContentTypes)
  );
}

// What a session keeps between page loads, and the port it keeps it through. store-persistence.ts implements
// it on src/store (IndexedDB or sessionStorage); 'none' keeps nothing.
import type { OutboxRecord } from './outbox.js';
import type { Row } from './transcript.js';

/** Session details as the chat layer needs them back. */
export interface SessionDetails {
  contactId: string;
  participantId: string;
  participantToken: string;
  displayName: string;
  continuedFromContactId?: string;
  /** The back end's signed ContactId (persistent chat), handed to the page when the chat starts and ends. */
  signedContactId?: string;
  supportedContentTypes: string[];
  /** ISO time the chat was started. */
  startedAt: string;
  /** ISO time after which the chat cannot be resumed (start + chat duration). */
  expiresAt?: string;
  /** Older-history state: the current contact's start was reached; earlier contacts to page. */
  history?: { complete: boolean; related: string[] };
}

/** A transcript row as stored: keyed by the entry's id. */
export type StoredRow = Row & { id: string };

export interface StoredConversation {
  session: SessionDetails;
  rows: Row[];
  outbox: OutboxRecord[];
  draft: string;
}

export interface SessionPersistence {
  /** Whether what is saved survives this page (false in memory, and after storage failed). */
  durable(): boolean;
  load(): Promise<StoredConversation | null>;
  saveSession(session: SessionDetails): Promise<void>;
  /** Upserts rows (new ones as the newest). */
  putRows(rows: readonly Row[]): Promise<void>;
  /** Stores older history before everything stored. */
  prependRows(rows: readonly Row[]): Promise<void>;
  /** Makes the stored outbox equal to this one. */
  saveOutbox(outbox: readonly OutboxRecord[]): Promise<void>;
  saveDraft(text: string): Promise<void>;
  /**
   * The draft written at once, for a page that is going away: an IndexedDB write started then may
   * never finish. load() brings it back until a later saveDraft has landed.
   */
  keepDraftNow?(text: string): void;
  /** Removes everything of this conversation. */
  clear(): Promise<void>;
}

/** persistence: 'none' — the conversation lives in memory only. */
export const memoryOnly: SessionPersistence = {
  durable: () => false,
  load: async () => null,
  saveSession: async () => {},
  putRows: async () => {},
  prependRows: async () => {},
  saveOutbox: async () => {},
  saveDraft: async () => {},
  clear: async () => {},
};

// The session's persistence on src/store: IndexedDB for 'browser', sessionStorage for 'tab'.
// The store keys transcript items by `id` and the outbox by `clientToken`; this adapter maps the
// chat layer's rows, session details and whole-outbox writes onto that.
import { createChatStore, type ChatStore, type ChatStoreOptions, type StorageError, type StoredSession } from '../store/index.js';
import type { OutboxRecord } from './outbox.js';
import { shaped } from './entry.js';
import type { SessionDetails, SessionPersistence, StoredRow } from './persistence.js';
import type { Row } from './transcript.js';
import { draftOnExit } from './draft-on-exit.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isRow(value: unknown): value is StoredRow {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.seq === 'number' &&
    isRecord(value.entry) &&
    typeof (value.entry as { id?: unknown }).id === 'string'
  );
}

function isOutboxRecord(value: unknown): value is OutboxRecord {
  return (
    isRecord(value) &&
    typeof value.clientToken === 'string' &&
    typeof value.content === 'string' &&
    typeof value.contentType === 'string' &&
    (value.status === 'sending' || value.status === 'failed')
  );
}

function toStored(session: SessionDetails): StoredSession {
  return {
    ContactId: session.contactId,
    ParticipantId: session.participantId,
    ParticipantToken: session.participantToken,
    startedAt: session.startedAt,
    ...(session.expiresAt ? { expiresAt: session.expiresAt } : {}),
    extra: {
      displayName: session.displayName,
      supportedContentTypes: session.supportedContentTypes,
      ...(session.continuedFromContactId ? { continuedFromContactId: session.continuedFromContactId } : {}),
      ...(session.signedContactId ? { signedContactId: session.signedContactId } : {}),
      ...(session.history ? { history: session.history } : {}),
    },
  };
}

function fromStored(stored: StoredSession): SessionDetails | null {
  const extra = stored.extra ?? {};
  if (typeof stored.ContactId !== 'string' || typeof stored.ParticipantId !== 'string' || typeof stored.ParticipantToken !== 'string') return null;
  const history = isRecord(extra.history) && typeof extra.history.complete === 'boolean' && Array.isArray(extra.history.related)
    ? { complete: extra.history.complete, related: extra.history.related.filter((x): x is string => typeof x === 'string') }
    : undefined;
  return {
    contactId: stored.ContactId,
    participantId: stored.ParticipantId,
    participantToken: stored.ParticipantToken,
    displayName: typeof extra.displayName === 'string' ? extra.displayName : '',
    supportedContentTypes: Array.isArray(extra.supportedContentTypes) ? extra.supportedContentTypes.filter((x): x is string => typeof x === 'string') : [],
    startedAt: stored.startedAt,
    ...(stored.expiresAt ? { expiresAt: stored.expiresAt } : {}),
    ...(typeof extra.continuedFromContactId === 'string' ? { continuedFromContactId: extra.continuedFromContactId } : {}),
    ...(typeof extra.signedContactId === 'string' ? { signedContactId: extra.signedContactId } : {}),
    ...(history ? { history } : {}),
  };
}

// Rebuilt field by field (not a rest object) and the entry in its kind's shape: see entry.ts.
const stripId = (row: StoredRow): Row => ({ entry: shaped(row.entry), seq: row.seq, t: row.t, anchor: row.anchor });
const withId = (row: Row): StoredRow => ({ ...row, id: row.entry.id });

export interface StoreAdapterOptions {
  mode: 'browser' | 'tab';
  namespace: string;
  maxRows: number;
  /** Passed to createChatStore (idbStore, sessionStorage, …), e.g. for tests. */
  store?: Partial<ChatStoreOptions>;
  onError(error: StorageError): void;
}

export function openStorePersistence(options: StoreAdapterOptions): SessionPersistence {
  const exit = draftOnExit(options.mode, options.namespace);
  /** The stored conversation's contact: a draft kept on exit belongs to it alone. */
  let contactId: string | null = null;
  const store: ChatStore<StoredRow, OutboxRecord> = createChatStore<StoredRow, OutboxRecord>({
    ...options.store,
    namespace: options.namespace,
    persistence: options.mode,
    maxTranscriptItems: options.maxRows,
    onError: options.onError,
  });
  /** The outbox as last written, by token: only changes are written. */
  let written = new Map<string, string>();

  return {
    durable: () => store.backend !== 'memory',
    async load() {
      const all = await store.loadAll();
      if (!all) return null;
      const session = fromStored(all.session);
      if (!session) {
        await store.clear();
        return null;
      }
      const outbox = all.outbox.filter(isOutboxRecord);
      written = new Map(outbox.map((r) => [r.clientToken, JSON.stringify(r)]));
      contactId = session.contactId;
      let draft = all.draft;
      const kept = exit.read();
      if (kept && kept.contactId === session.contactId && kept.text !== draft) {
        draft = kept.text;
        await store.saveDraft(draft);
      }
      if (kept) exit.drop();
      return { session, rows: all.transcript.filter(isRow).map(stripId), outbox, draft };
    },
    saveSession: (session) => {
      contactId = session.contactId;
      return store.saveSession(toStored(session));
    },
    putRows: (rows) => store.putTranscript(rows.map(withId)),
    prependRows: (rows) => store.prependTranscript(rows.map(withId)),
    async saveOutbox(outbox) {
      const next = new Map(outbox.map((r) => [r.clientToken, JSON.stringify(r)]));
      for (const record of outbox) {
        if (written.get(record.clientToken) !== next.get(record.clientToken)) await store.putOutbox(record);
      }
      for (const token of written.keys()) if (!next.has(token)) await store.removeOutbox(token);
      written = next;
    },
    async saveDraft(text) {
      await store.saveDraft(text);
      exit.drop(); // what IndexedDB holds now is newer than a draft kept on an earlier exit
    },
    keepDraftNow(text) {
      if (contactId) exit.keep({ contactId, text });
    },
    async clear() {
      written = new Map();
      contactId = null;
      exit.drop();
      await store.clear();
    },
  };
}

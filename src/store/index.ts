// Chat persistence over idb-keyval: session details, transcript pages, outbox and draft.
//
// Usage (the chat layer):
//
//   const store = createChatStore<TranscriptEntry, OutboxEntry>({
//     namespace: config.storageKey,            // one per widget on the origin
//     persistence: config.persistence,         // 'browser' | 'tab' | 'none'
//     onError: (e) => session.report('storage-failed', e.message),   // then it runs in memory
//   });
//   const saved = await store.loadAll({ fingerprint });   // on boot: show it at once, resume
//   await store.saveSession({ ContactId, ParticipantId, ParticipantToken, startedAt, expiresAt, configFingerprint });
//   await store.putOutbox({ clientToken, content, contentType, state: 'sending' });   // before the first attempt
//   await store.putTranscript([entry]);                   // upsert by id; only the last page is rewritten
//   await store.updateSession({ lastItemId });            // atomic across tabs
//   await store.clear();                                  // chat ended or destroy()
//
// Items are stored as given (plain JSON, structured-cloneable); `T` needs an `id`, `O` a `clientToken`.
export {
  createChatStore,
  STORE_DEFAULTS,
  type ChatStore,
  type ChatStoreOptions,
  type LoadOptions,
  type Persistence,
  type StoredChat,
  type StoredSession,
} from './chat-store';
export { StorageError, classifyStorageError, type BackendKind, type StorageErrorCode } from './errors';
export { memoryBackend, sessionStorageBackend, type KvBackend, type StorageLike } from './backend';
export { idbBackend, defaultIdbStore, DEFAULT_DB_NAME, DEFAULT_STORE_NAME } from './idb-backend';
export { planAppend, planPrepend, planEviction, newestItems, type PageMeta } from './transcript-pages';

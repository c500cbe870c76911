import type { UseStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createChatStore } from './chat-store';
import { StorageError, classifyStorageError } from './errors';
import { dump, failingStore, freshIdb, quotaError } from './testing/stores';

interface Entry {
  id: string;
  text: string;
}
const entry = (n: number): Entry => ({ id: `m${n}`, text: `message ${n}` });
const session = { ContactId: 'c', ParticipantId: 'p', ParticipantToken: 't', startedAt: '2025-01-01T00:00:00.000Z' };

describe('store: storage failures fall back to memory without losing anything', () => {
  it('a full disk mid-chat: reports quota-exceeded once, keeps what was stored and what was being written', async () => {
    const idb = freshIdb();
    const failing = failingStore(idb.store);
    const errors: StorageError[] = [];
    const store = createChatStore<Entry>({ idbStore: failing, onError: (e) => errors.push(e) });
    await store.saveSession(session);
    await store.putTranscript([entry(1), entry(2)]);
    failing.failing = quotaError();
    await store.putTranscript([entry(3)]);
    await store.putOutbox({ clientToken: 'k' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StorageError);
    expect(errors[0]).toMatchObject({ code: 'quota-exceeded', operation: 'putTranscript', backend: 'indexeddb' });
    expect(errors[0].message).toContain('continues in memory only');
    expect(store.backend).toBe('memory');
    expect(store.degradedBy).toBe(errors[0]);
    expect(await store.loadTranscript()).toEqual([entry(1), entry(2), entry(3)]);
    expect(await store.loadSession()).toEqual(session);
    expect(await store.loadOutbox()).toEqual([{ clientToken: 'k' }]);
    // Nothing half-written reached the database.
    const reloaded = createChatStore<Entry>({ idbStore: idb.reopen() });
    expect(await reloaded.loadTranscript()).toEqual([entry(1), entry(2)]);
  });

  it('IndexedDB unavailable (private mode): every operation works in memory, one error reported', async () => {
    const idb = freshIdb();
    const failing = failingStore(idb.store);
    failing.failing = new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    const errors: StorageError[] = [];
    const store = createChatStore<Entry>({ idbStore: failing, onError: (e) => errors.push(e) });
    await Promise.all([store.saveSession(session), store.putTranscript([entry(1)]), store.saveDraft('hi')]);
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('unavailable');
    expect(await store.loadAll()).toEqual({ session, transcript: [entry(1)], outbox: [], draft: 'hi' });
    await store.clear();
    expect(await store.loadSession()).toBeUndefined();
  });

  it('no indexedDB at all: starts in memory and says so', async () => {
    const original = globalThis.indexedDB;
    (globalThis as { indexedDB?: IDBFactory }).indexedDB = undefined;
    try {
      const errors: StorageError[] = [];
      const store = createChatStore<Entry>({ onError: (e) => errors.push(e) });
      expect(store.backend).toBe('memory');
      await store.putTranscript([entry(1)]);
      expect(await store.loadTranscript()).toEqual([entry(1)]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ code: 'unavailable', backend: 'indexeddb' });
      expect(errors[0].message).toContain('IndexedDB is not available');
    } finally {
      globalThis.indexedDB = original;
    }
  });

  it('an indexedDB.open that never answers (a Safari bug): memory within openTimeoutMs, one error', async () => {
    // issue 11: every read and write waited for the database forever, and the widget with them.
    const silent: UseStore = () => new Promise(() => {});
    const errors: StorageError[] = [];
    const store = createChatStore<Entry>({ idbStore: silent, openTimeoutMs: 150, onError: (e) => errors.push(e) });
    const begun = Date.now();
    expect(await store.loadAll()).toBeUndefined();
    expect(Date.now() - begun).toBeLessThan(2000);
    expect(store.backend).toBe('memory');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'unavailable', backend: 'indexeddb' });
    expect(errors[0].message).toContain('did not open within 0.15 s');
    await store.saveSession(session);
    await store.putTranscript([entry(1)]);
    expect(await store.loadAll()).toEqual({ session, transcript: [entry(1)], outbox: [], draft: '' });
    expect(errors).toHaveLength(1);
  });

  it('a database that opens in time is used as usual (the deadline only covers opening)', async () => {
    const idb = freshIdb();
    const errors: StorageError[] = [];
    const store = createChatStore<Entry>({ idbStore: idb.store, openTimeoutMs: 5000, onError: (e) => errors.push(e) });
    await store.saveSession(session);
    expect(await store.loadSession()).toEqual(session);
    expect(store.backend).toBe('indexeddb');
    expect(errors).toEqual([]);
  });

  it('a value that cannot be stored is the caller’s bug: a clear error, no fallback', async () => {
    const idb = freshIdb();
    const errors: StorageError[] = [];
    const store = createChatStore<Entry, { clientToken: string; callback?: () => void }>({ idbStore: idb.store, onError: (e) => errors.push(e) });
    const error = await store.putOutbox({ clientToken: 'k', callback: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'invalid-value', operation: 'putOutbox' });
    expect((error as Error).message).toContain('plain JSON');
    expect(store.backend).toBe('indexeddb');
    expect(errors).toEqual([]);
    expect((await dump(idb.store)).size).toBe(0);
  });

  it('classifies the errors browsers throw', () => {
    expect(classifyStorageError(new DOMException('x', 'QuotaExceededError'))).toBe('quota-exceeded');
    expect(classifyStorageError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe('quota-exceeded');
    expect(classifyStorageError(new DOMException('x', 'SecurityError'))).toBe('unavailable');
    expect(classifyStorageError(new DOMException('x', 'DataCloneError'))).toBe('invalid-value');
    expect(classifyStorageError(new Error('disk on fire'))).toBe('failed');
  });
});

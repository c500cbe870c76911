// @vitest-environment jsdom
// persistence 'tab' stores in sessionStorage (jsdom's real Web Storage, with its 5 MB quota).
import { beforeEach, describe, expect, it } from 'vitest';
import { createChatStore } from './chat-store';
import type { StorageError } from './errors';
import { dump, freshIdb } from './testing/stores';

interface Entry {
  id: string;
  text: string;
}
const entry = (n: number, text = `message ${n}`): Entry => ({ id: `m${n}`, text });
const session = { ContactId: 'c', ParticipantId: 'p', ParticipantToken: 't', startedAt: '2025-01-01T00:00:00.000Z' };

beforeEach(() => sessionStorage.clear());

describe("store: persistence 'tab'", () => {
  it('keeps the chat in this tab’s sessionStorage across a reload, never in IndexedDB', async () => {
    const idb = freshIdb();
    const store = createChatStore<Entry>({ persistence: 'tab', idbStore: idb.store, namespace: 'shop', pageSize: 2 });
    expect(store.backend).toBe('session-storage');
    await store.saveSession(session);
    await store.putTranscript([entry(1), entry(2), entry(3)]);
    await store.putOutbox({ clientToken: 'k' });
    expect(Object.keys(sessionStorage).every((key) => key.startsWith('ccw:shop:'))).toBe(true);
    expect((await dump(idb.store)).size).toBe(0);
    const reloaded = createChatStore<Entry>({ persistence: 'tab', namespace: 'shop', pageSize: 2 });
    expect(await reloaded.loadAll()).toEqual({ session, transcript: [entry(1), entry(2), entry(3)], outbox: [{ clientToken: 'k' }], draft: '' });
    await reloaded.clear();
    expect(sessionStorage.length).toBe(0);
  });

  it('a full sessionStorage: falls back to memory, nothing half-written, nothing lost', async () => {
    const errors: StorageError[] = [];
    const store = createChatStore<Entry>({ persistence: 'tab', pageSize: 2, onError: (e) => errors.push(e) });
    await store.putTranscript([entry(1), entry(2), entry(3)]);
    const before = JSON.stringify(Object.entries(sessionStorage).sort());
    const huge = entry(4, 'x'.repeat(6_000_000));
    await store.putTranscript([huge]);
    expect(errors.map((e) => [e.code, e.backend])).toEqual([['quota-exceeded', 'session-storage']]);
    expect(store.backend).toBe('memory');
    expect(await store.loadTranscript()).toEqual([entry(1), entry(2), entry(3), huge]);
    expect(JSON.stringify(Object.entries(sessionStorage).sort())).toBe(before);
  });

  it('without a sessionStorage: memory, with a clear error', async () => {
    const errors: StorageError[] = [];
    const blocked = {
      get length(): number {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      key: () => null,
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      removeItem: () => {},
    };
    const store = createChatStore<Entry>({ persistence: 'tab', sessionStorage: blocked, onError: (e) => errors.push(e) });
    await store.putTranscript([entry(1)]);
    expect(await store.loadTranscript()).toEqual([entry(1)]);
    expect(errors.map((e) => e.code)).toEqual(['unavailable']);
  });
});

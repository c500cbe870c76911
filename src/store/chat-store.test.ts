import { describe, expect, it } from 'vitest';
import { createChatStore, type StoredSession } from './chat-store';
import { dump, freshIdb } from './testing/stores';

interface Entry {
  id: string;
  text: string;
}
interface Pending {
  clientToken: string;
  content: string;
  state: 'sending' | 'failed';
}

const entry = (n: number | string, text = `message ${n}`): Entry => ({ id: `m${n}`, text });
const session = (overrides: Partial<StoredSession> = {}): StoredSession => ({
  ContactId: 'c-1',
  ParticipantId: 'p-1',
  ParticipantToken: 'pt',
  startedAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

function open(idb = freshIdb(), options: Parameters<typeof createChatStore>[0] = {}) {
  return { idb, store: createChatStore<Entry, Pending>({ idbStore: idb.store, ...options }) };
}

describe('store: session', () => {
  it('saves, loads after a "reload", and patches atomically', async () => {
    const { idb, store } = open();
    expect(await store.loadSession()).toBeUndefined();
    await store.saveSession(session({ ConnectionToken: 'ct', lastItemId: 'i1' }));
    const reloaded = createChatStore({ idbStore: idb.reopen() });
    expect(await reloaded.loadSession()).toEqual(session({ ConnectionToken: 'ct', lastItemId: 'i1' }));
    expect(await reloaded.updateSession({ lastItemId: 'i2' })).toMatchObject({ lastItemId: 'i2', ConnectionToken: 'ct' });
    expect((await store.loadSession())?.lastItemId).toBe('i2');
    expect(store.backend).toBe('indexeddb');
  });

  it('updateSession without a stored session changes nothing', async () => {
    const { idb, store } = open();
    expect(await store.updateSession({ lastItemId: 'x' })).toBeUndefined();
    expect((await dump(idb.store)).size).toBe(0);
  });

  it('forgets an expired chat, with everything stored for it', async () => {
    let now = Date.parse('2025-01-01T10:00:00.000Z');
    const { idb, store } = open(freshIdb(), { now: () => now });
    await store.saveSession(session({ expiresAt: '2025-01-01T11:00:00.000Z' }));
    await store.putTranscript([entry(1)]);
    await store.saveDraft('half typed');
    expect(await store.loadSession()).toBeDefined();
    now = Date.parse('2025-01-01T11:00:00.000Z');
    expect(await store.loadSession()).toBeUndefined();
    expect((await dump(idb.store)).size).toBe(0);
  });

  it('forgets a chat started with another configuration, keeps one started with this one', async () => {
    const { store } = open();
    await store.saveSession(session({ configFingerprint: 'A' }));
    expect(await store.loadSession({ fingerprint: 'A' })).toBeDefined();
    expect(await store.loadSession()).toBeDefined();
    expect(await store.loadSession({ fingerprint: 'B' })).toBeUndefined();
    expect(await store.loadSession({ fingerprint: 'A' })).toBeUndefined();
  });

  it('loadAll returns everything for a resume, or nothing without a session', async () => {
    const { store } = open();
    await store.putTranscript([entry(1)]);
    expect(await store.loadAll()).toBeUndefined();
    await store.saveSession(session());
    await store.putOutbox({ clientToken: 'k1', content: 'hi', state: 'sending' });
    await store.saveDraft('draft');
    expect(await store.loadAll()).toEqual({
      session: session(),
      transcript: [entry(1)],
      outbox: [{ clientToken: 'k1', content: 'hi', state: 'sending' }],
      draft: 'draft',
    });
  });
});

describe('store: transcript', () => {
  it('appends in order and reads it back after a reload', async () => {
    const { idb, store } = open(freshIdb(), { pageSize: 4 });
    await store.putTranscript([entry(1), entry(2), entry(3)]);
    await store.putTranscript([entry(4), entry(5)]);
    const reloaded = createChatStore<Entry>({ idbStore: idb.reopen(), pageSize: 4 });
    expect(await reloaded.loadTranscript()).toEqual([1, 2, 3, 4, 5].map((n) => entry(n)));
  });

  it('appending one message to a long transcript rewrites only the last page and the meta', async () => {
    const { idb, store } = open(freshIdb(), { pageSize: 100 });
    await store.putTranscript(Array.from({ length: 1050 }, (_, i) => entry(i)));
    const before = await dump(idb.store);
    await store.putTranscript([entry('new')]);
    const after = await dump(idb.store);
    const changed = [...after.keys()].filter((key) => JSON.stringify(after.get(key)) !== JSON.stringify(before.get(key)));
    expect(changed.sort()).toEqual(['ccw:connect-chat:t:10', 'ccw:connect-chat:t:meta']);
  });

  it('updates an item in place (receipts, status), also after a reload rebuilt the index', async () => {
    const { idb, store } = open(freshIdb(), { pageSize: 3 });
    await store.putTranscript([1, 2, 3, 4, 5, 6, 7].map((n) => entry(n)));
    const reloaded = createChatStore<Entry>({ idbStore: idb.reopen(), pageSize: 3 });
    await reloaded.loadTranscript();
    const before = await dump(idb.store);
    await reloaded.putTranscript([entry(2, 'read by agent')]);
    const after = await dump(idb.store);
    expect((await reloaded.loadTranscript()).map((e) => e.text)).toEqual([
      'message 1', 'read by agent', 'message 3', 'message 4', 'message 5', 'message 6', 'message 7',
    ]);
    const changed = [...after.keys()].filter((key) => JSON.stringify(after.get(key)) !== JSON.stringify(before.get(key)));
    expect(changed).toEqual(['ccw:connect-chat:t:0']);
  });

  it('keeps only the newest maxTranscriptItems', async () => {
    const { idb, store } = open(freshIdb(), { pageSize: 10, maxTranscriptItems: 50 });
    for (let n = 1; n <= 137; n += 1) await store.putTranscript([entry(n)]);
    const loaded = await store.loadTranscript();
    expect(loaded).toHaveLength(50);
    expect(loaded[0]).toEqual(entry(88));
    expect(loaded.at(-1)).toEqual(entry(137));
    const stored = [...(await dump(idb.store))].filter(([key]) => /:t:-?\d+$/.test(key)).flatMap(([, page]) => page as Entry[]);
    expect(stored.length).toBeLessThanOrEqual(59);
    // A single batch larger than the bound is bounded too.
    await store.putTranscript(Array.from({ length: 300 }, (_, i) => entry(`b${i}`)));
    expect(await store.loadTranscript()).toHaveLength(50);
  });

  it('prepends older history before everything, and not beyond the bound', async () => {
    const { store } = open(freshIdb(), { pageSize: 2, maxTranscriptItems: 6 });
    await store.putTranscript([entry(4), entry(5)]);
    await store.prependTranscript([entry(1), entry(2), entry(3)]);
    expect((await store.loadTranscript()).map((e) => e.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    await store.prependTranscript([entry(-2), entry(-1), entry(0)]);
    const ids = (await store.loadTranscript()).map((e) => e.id);
    expect(ids).toHaveLength(6);
    expect(ids.slice(-5)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('removes items (a discarded failed send)', async () => {
    const { idb, store } = open(freshIdb(), { pageSize: 2 });
    await store.putTranscript([1, 2, 3, 4, 5].map((n) => entry(n)));
    await store.removeTranscript(['m2', 'm5']);
    const reloaded = createChatStore<Entry>({ idbStore: idb.reopen(), pageSize: 2 });
    expect((await reloaded.loadTranscript()).map((e) => e.id)).toEqual(['m1', 'm3', 'm4']);
    await reloaded.putTranscript([entry(6)]);
    expect((await reloaded.loadTranscript()).map((e) => e.id)).toEqual(['m1', 'm3', 'm4', 'm6']);
  });

  it('values are copies: changing an object after storing it does not change what is stored', async () => {
    const { store } = open();
    const e = entry(1);
    await store.putTranscript([e]);
    e.text = 'mutated';
    expect((await store.loadTranscript())[0].text).toBe('message 1');
  });
});

describe('store: outbox and draft', () => {
  it('adds, replaces by clientToken, removes, and keeps order', async () => {
    const { idb, store } = open();
    await store.putOutbox({ clientToken: 'a', content: '1', state: 'sending' });
    await store.putOutbox({ clientToken: 'b', content: '2', state: 'sending' });
    await store.putOutbox({ clientToken: 'a', content: '1', state: 'failed' });
    const reloaded = createChatStore<Entry, Pending>({ idbStore: idb.reopen() });
    expect(await reloaded.loadOutbox()).toEqual([
      { clientToken: 'a', content: '1', state: 'failed' },
      { clientToken: 'b', content: '2', state: 'sending' },
    ]);
    await reloaded.removeOutbox('a');
    expect((await store.loadOutbox()).map((p) => p.clientToken)).toEqual(['b']);
  });

  it('saves a draft and deletes it when emptied', async () => {
    const { idb, store } = open();
    expect(await store.loadDraft()).toBe('');
    await store.saveDraft('Hello, I need');
    expect(await store.loadDraft()).toBe('Hello, I need');
    await store.saveDraft('');
    expect(await store.loadDraft()).toBe('');
    expect((await dump(idb.store)).size).toBe(0);
  });
});

describe('store: two tabs at once', () => {
  it('concurrent outbox writes from two tabs all survive (atomic read-modify-write)', async () => {
    const idb = freshIdb();
    const tabA = createChatStore<Entry, Pending>({ idbStore: idb.store });
    const tabB = createChatStore<Entry, Pending>({ idbStore: idb.reopen() });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? tabA : tabB).putOutbox({ clientToken: `k${i}`, content: `${i}`, state: 'sending' }),
      ),
    );
    const tokens = (await tabA.loadOutbox()).map((p) => p.clientToken).sort();
    expect(tokens).toEqual(Array.from({ length: 40 }, (_, i) => `k${i}`).sort());
  });

  it('concurrent transcript appends from two tabs lose no page and no item', async () => {
    const idb = freshIdb();
    const tabA = createChatStore<Entry>({ idbStore: idb.store, pageSize: 3 });
    const tabB = createChatStore<Entry>({ idbStore: idb.reopen(), pageSize: 3 });
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? tabA : tabB).putTranscript([entry(i)])));
    const third = createChatStore<Entry>({ idbStore: idb.reopen(), pageSize: 3 });
    const ids = (await third.loadTranscript()).map((e) => e.id).sort();
    expect(ids).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`).sort());
  });

  it('concurrent session patches from two tabs both land', async () => {
    const idb = freshIdb();
    const tabA = createChatStore({ idbStore: idb.store });
    const tabB = createChatStore({ idbStore: idb.reopen() });
    await tabA.saveSession(session());
    await Promise.all([
      tabA.updateSession({ lastItemId: 'i9' }),
      tabB.updateSession({ ConnectionToken: 'ct2' }),
    ]);
    expect(await tabA.loadSession()).toMatchObject({ lastItemId: 'i9', ConnectionToken: 'ct2' });
  });
});

describe('store: namespaces and clearing', () => {
  it('clear() deletes everything of its namespace and nothing of another', async () => {
    const idb = freshIdb();
    const a = createChatStore<Entry, Pending>({ idbStore: idb.store, namespace: 'a' });
    const ab = createChatStore<Entry, Pending>({ idbStore: idb.reopen(), namespace: 'a:b' });
    for (const s of [a, ab]) {
      await s.saveSession(session());
      await s.putTranscript([entry(1), entry(2)]);
      await s.putOutbox({ clientToken: 'k', content: 'x', state: 'sending' });
      await s.saveDraft('d');
    }
    await a.clear();
    expect(await a.loadAll()).toBeUndefined();
    expect(await a.loadTranscript()).toEqual([]);
    expect(await a.loadOutbox()).toEqual([]);
    expect(await ab.loadAll()).toMatchObject({ transcript: [entry(1), entry(2)], draft: 'd' });
    expect([...(await dump(idb.store)).keys()].every((key) => key.startsWith('ccw:a%3Ab:'))).toBe(true);
  });

  it('after clear() the next chat starts a fresh transcript', async () => {
    const { store } = open(freshIdb(), { pageSize: 2 });
    await store.putTranscript([1, 2, 3].map((n) => entry(n)));
    await store.clear();
    await store.putTranscript([entry(9)]);
    expect(await store.loadTranscript()).toEqual([entry(9)]);
  });
});

describe("store: persistence 'none'", () => {
  it('works in memory with the same interface and writes nothing to IndexedDB', async () => {
    const idb = freshIdb();
    const store = createChatStore<Entry, Pending>({ idbStore: idb.store, persistence: 'none' });
    expect(store.backend).toBe('memory');
    await store.saveSession(session());
    await store.putTranscript([entry(1)]);
    await store.putOutbox({ clientToken: 'k', content: 'x', state: 'sending' });
    expect(await store.loadAll()).toMatchObject({ transcript: [entry(1)], outbox: [{ clientToken: 'k' }] });
    expect((await dump(idb.store)).size).toBe(0);
    await store.clear();
    expect(await store.loadSession()).toBeUndefined();
  });

  it('refuses nonsense bounds', () => {
    expect(() => createChatStore({ maxTranscriptItems: 0 })).toThrow(/maxTranscriptItems/);
    expect(() => createChatStore({ pageSize: 1.5 })).toThrow(/pageSize/);
  });
});

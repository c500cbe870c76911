// The chat's persistence: session details, transcript pages, outbox and draft of one widget, under
// one namespace. Storage failures never lose the conversation: the store reports a StorageError and
// carries on in memory with everything it could still read.
import type { UseStore } from 'idb-keyval';
import { memoryBackend, sessionStorageBackend, type KvBackend, type StorageLike } from './backend';
import { StorageError, toStorageError, type BackendKind } from './errors';
import { defaultIdbStore, idbBackend } from './idb-backend';
import { EMPTY_META, hasPage, lastPage, newestItems, planAppend, planEviction, planPrepend, type Keyed, type PageMeta, type Plan } from './transcript-pages';

/** 'browser': IndexedDB, survives reloads and new tabs; 'tab': this tab only (sessionStorage); 'none': memory. */
export type Persistence = 'browser' | 'tab' | 'none';

/** What is needed to resume a chat after a reload. */
export interface StoredSession {
  ContactId: string;
  ParticipantId: string;
  ParticipantToken: string;
  InitialContactId?: string;
  ConnectionToken?: string;
  /** ConnectionCredentials.Expiry (ISO-8601). */
  ConnectionTokenExpiry?: string;
  /** After this (ISO-8601) the chat cannot be resumed, e.g. start + ChatDurationInMinutes; loading forgets it. */
  expiresAt?: string;
  /** ISO-8601. */
  startedAt: string;
  /** Newest transcript item Id known: gap fill continues after it. */
  lastItemId?: string;
  /** Identifies the configuration the chat was started with; loading with another one forgets the chat. */
  configFingerprint?: string;
  /** Anything else the chat layer wants back (plain JSON). */
  extra?: Record<string, unknown>;
}

export interface ChatStoreOptions {
  /** Site/widget key: two widgets on one origin need different ones. Default 'connect-chat'. */
  namespace?: string;
  /** Default 'browser'. */
  persistence?: Persistence;
  /** idb-keyval store for 'browser'. Default createStore('connect-chat-widget', 'kv'). */
  idbStore?: UseStore;
  /** Storage for 'tab'. Default globalThis.sessionStorage. */
  sessionStorage?: StorageLike;
  /** Newest transcript items kept. Default 2000. */
  maxTranscriptItems?: number;
  /** Items per stored transcript page. Default 100. */
  pageSize?: number;
  /** How long IndexedDB may take to open before the store carries on in memory. Default 3 s. */
  openTimeoutMs?: number;
  /** Told about every storage failure (the store has then switched to memory). Default: none. */
  onError?: (error: StorageError) => void;
  /** Clock for session expiry. Default Date.now. */
  now?: () => number;
}

export const STORE_DEFAULTS = {
  namespace: 'connect-chat',
  persistence: 'browser' as Persistence,
  maxTranscriptItems: 2000,
  pageSize: 100,
  onError: (_error: StorageError): void => {},
  now: (): number => Date.now(),
};

export interface LoadOptions {
  /** The current configuration's fingerprint; a stored chat with another one is forgotten. */
  fingerprint?: string;
}

export interface StoredChat<T, O> {
  session: StoredSession;
  transcript: T[];
  outbox: O[];
  draft: string;
}

export interface ChatStore<T extends Keyed = Keyed, O extends { clientToken: string } = { clientToken: string }> {
  readonly persistence: Persistence;
  /** Where data goes now; becomes 'memory' after a storage failure. */
  readonly backend: BackendKind;
  /** The failure that made the store fall back to memory, if any. */
  readonly degradedBy: StorageError | null;

  /** The stored session, or undefined when there is none, it expired, or its fingerprint differs (both forgotten). */
  loadSession(options?: LoadOptions): Promise<StoredSession | undefined>;
  /** Everything needed to show a resumed chat at once, or undefined (as loadSession). */
  loadAll(options?: LoadOptions): Promise<StoredChat<T, O> | undefined>;
  saveSession(session: StoredSession): Promise<void>;
  /** Merges a patch into the stored session atomically; resolves with the result (undefined when there is none). */
  updateSession(patch: Partial<StoredSession>): Promise<StoredSession | undefined>;

  /** Stored transcript items, oldest first, each id once, at most maxTranscriptItems. */
  loadTranscript(): Promise<T[]>;
  /** Upserts items: ones already stored are replaced where they are, new ones appended as newest. */
  putTranscript(items: readonly T[]): Promise<void>;
  /** Stores older history (items oldest first) before everything stored. */
  prependTranscript(items: readonly T[]): Promise<void>;
  removeTranscript(ids: readonly string[]): Promise<void>;

  loadOutbox(): Promise<O[]>;
  /** Adds or replaces (by clientToken) one pending send. */
  putOutbox(entry: O): Promise<void>;
  removeOutbox(clientToken: string): Promise<void>;

  loadDraft(): Promise<string>;
  /** Saves the composer's text; '' deletes it. */
  saveDraft(text: string): Promise<void>;

  /** Deletes everything of this namespace (chat ended, destroy()). */
  clear(): Promise<void>;
}

/** Key layout: everything under `ccw:<namespace>:` so clear() is one range delete and widgets never collide. */
function keysFor(namespace: string) {
  const prefix = `ccw:${encodeURIComponent(namespace)}:`;
  return {
    prefix,
    session: `${prefix}session`,
    outbox: `${prefix}outbox`,
    draft: `${prefix}draft`,
    meta: `${prefix}t:meta`,
    page: (n: number) => `${prefix}t:${n}`,
  };
}

function resolveBackend(persistence: Persistence, options: ChatStoreOptions): { backend: KvBackend; problem?: StorageError } {
  if (persistence === 'none') return { backend: memoryBackend() };
  const unavailable = (kind: BackendKind, why: string, cause?: unknown) => ({
    backend: memoryBackend(),
    problem: toStorageError(cause ?? Object.assign(new Error(why), { name: 'ReferenceError' }), 'open', kind, true),
  });
  if (persistence === 'tab') {
    try {
      const storage = options.sessionStorage ?? (globalThis as { sessionStorage?: StorageLike }).sessionStorage;
      if (!storage) return unavailable('session-storage', 'there is no sessionStorage here');
      return { backend: sessionStorageBackend(storage) };
    } catch (error) {
      // Reading window.sessionStorage throws SecurityError where site storage is blocked.
      return unavailable('session-storage', 'sessionStorage is blocked', error);
    }
  }
  const store = options.idbStore ?? defaultIdbStore();
  if (!store) return unavailable('indexeddb', 'there is no indexedDB here');
  return { backend: idbBackend(store, options.openTimeoutMs) };
}

export function createChatStore<T extends Keyed = Keyed, O extends { clientToken: string } = { clientToken: string }>(
  options: ChatStoreOptions = {},
): ChatStore<T, O> {
  const o = { ...STORE_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as typeof STORE_DEFAULTS &
    ChatStoreOptions;
  if (!Number.isInteger(o.maxTranscriptItems) || o.maxTranscriptItems < 1) {
    throw new RangeError(`maxTranscriptItems must be a positive integer, got ${String(o.maxTranscriptItems)}.`);
  }
  if (!Number.isInteger(o.pageSize) || o.pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${String(o.pageSize)}.`);
  const keys = keysFor(o.namespace);
  const initial = resolveBackend(o.persistence, o);
  let backend = initial.backend;
  let degradedBy: StorageError | null = initial.problem ?? null;
  if (initial.problem) {
    const problem = initial.problem;
    queueMicrotask(() => o.onError(problem));
  }
  let switching: Promise<void> | null = null;
  /** id → page, learnt from loads and our own writes: which page to rewrite when an item changes. */
  const index = new Map<string, number>();

  // Runs an operation; on a storage failure switches to memory (seeded with whatever can still be
  // read) and runs it again there, so the caller's data is kept even though it is no longer durable.
  async function run<R>(operation: string, task: (kv: KvBackend) => Promise<R>): Promise<R> {
    const used = backend;
    try {
      return await task(used);
    } catch (error) {
      const storageError = toStorageError(error, operation, used.kind, used.kind !== 'memory');
      if (used.kind === 'memory' || storageError.code === 'invalid-value') throw storageError;
      if (backend === used) {
        switching ??= (async () => {
          let seed: Array<[string, unknown]> = [];
          try {
            seed = await used.entries(keys.prefix);
          } catch {
            // Unreadable too: start empty; the chat layer still holds the conversation in memory.
          }
          backend = memoryBackend(seed);
          degradedBy = storageError;
          o.onError(storageError);
        })().finally(() => {
          switching = null;
        });
      }
      await switching;
      return task(backend);
    }
  }

  function isLive(session: StoredSession | undefined, fingerprint: string | undefined): session is StoredSession {
    if (!session) return false;
    if (session.expiresAt !== undefined) {
      const at = Date.parse(session.expiresAt);
      if (Number.isFinite(at) && o.now() >= at) return false;
    }
    if (fingerprint !== undefined && session.configFingerprint !== undefined && session.configFingerprint !== fingerprint) return false;
    return true;
  }

  async function readTranscript(kv: KvBackend): Promise<T[]> {
    const { meta, pages } = await kv.transact(async (tx) => {
      const meta = (await tx.get<PageMeta>(keys.meta)) ?? EMPTY_META;
      const numbers = meta.sizes.map((_, i) => meta.first + i);
      const pages = await tx.getMany<T[]>(numbers.map(keys.page));
      return { meta, pages };
    });
    index.clear();
    pages.forEach((page, i) => {
      for (const item of page ?? []) index.set(item.id, meta.first + i);
    });
    return newestItems(
      pages.map((page) => page ?? []),
      o.maxTranscriptItems,
    );
  }

  /** Reads the pages a plan needs, applies it with eviction, all in one transaction; then updates the index. */
  async function writeTranscript(
    kv: KvBackend,
    items: readonly T[],
    planner: (meta: PageMeta, pages: Map<number, T[]>) => Plan<T>,
    extraPages: (meta: PageMeta) => Array<number | null>,
  ): Promise<void> {
    const { placed, dropped } = await kv.transact(async (tx) => {
      const meta = (await tx.get<PageMeta>(keys.meta)) ?? EMPTY_META;
      const wanted = new Set<number>();
      for (const item of items) {
        const page = index.get(item.id);
        if (page !== undefined && hasPage(meta, page)) wanted.add(page);
      }
      for (const page of extraPages(meta)) if (page !== null) wanted.add(page);
      const numbers = [...wanted];
      const loaded = await tx.getMany<T[]>(numbers.map(keys.page));
      const pages = new Map(numbers.map((n, i) => [n, loaded[i] ?? []]));
      const plan = planner(meta, pages);
      const evicted = planEviction(plan.meta, o.maxTranscriptItems);
      for (const [page, content] of plan.changed) if (!evicted.dropped.includes(page)) tx.set(keys.page(page), content);
      for (const page of evicted.dropped) tx.del(keys.page(page));
      tx.set(keys.meta, evicted.meta);
      return { placed: plan.placed, dropped: new Set(evicted.dropped) };
    });
    for (const [id, page] of placed) index.set(id, page);
    for (const [id, page] of index) if (dropped.has(page)) index.delete(id);
  }

  const store: ChatStore<T, O> = {
    persistence: o.persistence,
    get backend() {
      return backend.kind;
    },
    get degradedBy() {
      return degradedBy;
    },

    async loadSession(load = {}) {
      const session = await run('loadSession', (kv) => kv.get<StoredSession>(keys.session));
      if (isLive(session, load.fingerprint)) return session;
      if (session) await store.clear();
      return undefined;
    },

    async loadAll(load = {}) {
      const session = await store.loadSession(load);
      if (!session) return undefined;
      const [transcript, outbox, draft] = await Promise.all([store.loadTranscript(), store.loadOutbox(), store.loadDraft()]);
      return { session, transcript, outbox, draft };
    },

    saveSession: (session) => run('saveSession', (kv) => kv.set(keys.session, session)),

    updateSession: (patch) =>
      run('updateSession', (kv) =>
        kv.transact(async (tx) => {
          const old = await tx.get<StoredSession>(keys.session);
          if (old === undefined) return undefined;
          const next = { ...old, ...patch };
          tx.set(keys.session, next);
          return next;
        }),
      ),

    loadTranscript: () => run('loadTranscript', readTranscript),

    async putTranscript(items) {
      if (items.length === 0) return;
      await run('putTranscript', (kv) =>
        writeTranscript(kv, items, (meta, pages) => planAppend(meta, pages, items, o.pageSize), (meta) => [lastPage(meta)]),
      );
    },

    async prependTranscript(items) {
      if (items.length === 0) return;
      await run('prependTranscript', (kv) =>
        writeTranscript(kv, items, (meta, pages) => planPrepend(meta, pages, items, o.pageSize), () => []),
      );
    },

    async removeTranscript(ids) {
      if (ids.length === 0) return;
      const gone = new Set(ids);
      await run('removeTranscript', (kv) =>
        kv.transact(async (tx) => {
          const meta = (await tx.get<PageMeta>(keys.meta)) ?? EMPTY_META;
          const numbers = new Set<number>();
          for (const id of ids) {
            const page = index.get(id);
            if (page !== undefined && hasPage(meta, page)) numbers.add(page);
          }
          // Not in the index (written by another tab): it is most likely among the newest.
          const last = lastPage(meta);
          if (last !== null) numbers.add(last);
          const list = [...numbers];
          const pages = await tx.getMany<T[]>(list.map(keys.page));
          const sizes = [...meta.sizes];
          list.forEach((n, i) => {
            const before = pages[i] ?? [];
            const after = before.filter((item) => !gone.has(item.id));
            if (after.length === before.length) return;
            tx.set(keys.page(n), after);
            sizes[n - meta.first] = after.length;
          });
          tx.set(keys.meta, { first: meta.first, sizes });
        }),
      );
      for (const id of ids) index.delete(id);
    },

    loadOutbox: () => run('loadOutbox', async (kv) => (await kv.get<O[]>(keys.outbox)) ?? []),

    putOutbox: (entry) =>
      run('putOutbox', (kv) =>
        kv.update<O[]>(keys.outbox, (old = []) => {
          const at = old.findIndex((e) => e.clientToken === entry.clientToken);
          return at === -1 ? [...old, entry] : old.map((e, i) => (i === at ? entry : e));
        }),
      ),

    removeOutbox: (clientToken) =>
      run('removeOutbox', (kv) => kv.update<O[]>(keys.outbox, (old = []) => old.filter((e) => e.clientToken !== clientToken))),

    loadDraft: () => run('loadDraft', async (kv) => (await kv.get<string>(keys.draft)) ?? ''),

    saveDraft: (text) => run('saveDraft', (kv) => (text === '' ? kv.del(keys.draft) : kv.set(keys.draft, text))),

    async clear() {
      index.clear();
      await run('clear', (kv) => kv.clear(keys.prefix));
    },
  };
  return store;
}

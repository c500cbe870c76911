// IndexedDB through idb-keyval. The store (idb-keyval's createStore) is injected, so tests and hosts
// choose the database. Multi-key transactions use the same UseStore hook idb-keyval's own functions
// use, so a transcript page and its index are written together or not at all, also across tabs.
import { createStore, del, get, promisifyRequest, set, update, type UseStore } from 'idb-keyval';
import type { KvBackend, KvTransaction } from './backend';

export const DEFAULT_DB_NAME = 'connect-chat-widget';
export const DEFAULT_STORE_NAME = 'kv';

/** The default store, or null where IndexedDB does not exist (Node, some embedded browsers). */
export function defaultIdbStore(): UseStore | null {
  return typeof indexedDB === 'undefined' ? null : createStore(DEFAULT_DB_NAME, DEFAULT_STORE_NAME);
}

const prefixRange = (prefix: string): IDBKeyRange => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

/** How long IndexedDB may take to open before the store gives up on it. */
export const DEFAULT_OPEN_TIMEOUT_MS = 3000;

/**
 * The store, with a deadline on opening: some browsers (a Safari bug) leave indexedDB.open()
 * unanswered for good, and every read and write would wait with it. Until the database has opened,
 * an operation fails after `ms` with a TimeoutError (the chat store then carries on in memory);
 * after it has opened there is no deadline.
 */
function withOpenDeadline(store: UseStore, ms: number): UseStore {
  let state: 'waiting' | 'open' | 'gave-up' = 'waiting';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let deadline: Promise<never> | undefined;
  const refusal = () => new DOMException(`IndexedDB did not open within ${ms / 1000} s`, 'TimeoutError');
  return (mode, callback) => {
    if (state === 'open') return store(mode, callback);
    if (state === 'gave-up') return Promise.reject(refusal());
    deadline ??= new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        state = 'gave-up';
        reject(refusal());
      }, ms);
    });
    deadline.catch(() => {});
    const run = store(mode, (objectStore) => {
      state = 'open';
      clearTimeout(timer);
      return callback(objectStore);
    });
    return Promise.race([run, deadline]);
  };
}

export function idbBackend(raw: UseStore, openTimeoutMs: number = DEFAULT_OPEN_TIMEOUT_MS): KvBackend {
  const store = withOpenDeadline(raw, openTimeoutMs);
  return {
    kind: 'indexeddb',
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    update: (key, updater) => update(key, updater, store),
    transact: (body) =>
      store('readwrite', async (objectStore) => {
        const tx: KvTransaction = {
          get: (key) => promisifyRequest(objectStore.get(key)),
          getMany: (keys) => Promise.all(keys.map((key) => promisifyRequest(objectStore.get(key)))),
          set: (key, value) => void objectStore.put(value, key),
          del: (key) => void objectStore.delete(key),
        };
        try {
          const result = await body(tx);
          await promisifyRequest(objectStore.transaction);
          return result;
        } catch (error) {
          try {
            objectStore.transaction.abort();
          } catch {
            // Already finished (e.g. aborted by the quota error we are reporting).
          }
          throw error;
        }
      }),
    entries: (prefix) =>
      store('readonly', async (objectStore) => {
        const [keys, values] = await Promise.all([
          promisifyRequest(objectStore.getAllKeys(prefixRange(prefix))),
          promisifyRequest(objectStore.getAll(prefixRange(prefix))),
        ]);
        return keys.map((key, i): [string, unknown] => [String(key), values[i]]);
      }),
    clear: (prefix) =>
      store('readwrite', (objectStore) => {
        objectStore.delete(prefixRange(prefix));
        return promisifyRequest(objectStore.transaction);
      }),
  };
}

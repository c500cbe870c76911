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

export function idbBackend(store: UseStore): KvBackend {
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

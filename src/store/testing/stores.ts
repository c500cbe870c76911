// Test helpers: a fresh fake-indexeddb database per test, and a wrapper that makes writes fail like a
// full disk, so the store's fallback can be exercised without a real full disk.
import 'fake-indexeddb/auto';
import { createStore, type UseStore } from 'idb-keyval';
import { idbBackend } from '../idb-backend';

let counter = 0;

/** A new, empty database; call `reopen()` for a second connection to it (another tab, a reload). */
export function freshIdb(): { store: UseStore; reopen: () => UseStore; name: string } {
  const name = `test-db-${process.pid}-${++counter}-${Math.random().toString(36).slice(2)}`;
  return { store: createStore(name, 'kv'), reopen: () => createStore(name, 'kv'), name };
}

/** Every key/value of a database (all namespaces). */
export async function dump(store: UseStore): Promise<Map<string, unknown>> {
  return new Map(await idbBackend(store).entries(''));
}

/** Wraps a store so that, once `failing` is set, read-write transactions fail with that error. */
export function failingStore(inner: UseStore): UseStore & { failing: Error | null } {
  const wrapper = Object.assign(
    <T>(mode: IDBTransactionMode, callback: (store: IDBObjectStore) => T | PromiseLike<T>): Promise<T> => {
      if (mode === 'readwrite' && wrapper.failing) return Promise.reject(wrapper.failing);
      return inner(mode, callback);
    },
    { failing: null as Error | null },
  );
  return wrapper;
}

export const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

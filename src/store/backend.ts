// The key-value contract the store is written against, and the two synchronous implementations
// (memory, sessionStorage). IndexedDB's is in idb-backend.ts. Every read-modify-write is atomic:
// IndexedDB by its transactions, the synchronous ones by running writes one at a time.
import type { BackendKind } from './errors';

/** Reads and writes inside one atomic transaction. Only await these calls inside a transaction body. */
export interface KvTransaction {
  get<T>(key: string): Promise<T | undefined>;
  getMany<T>(keys: readonly string[]): Promise<Array<T | undefined>>;
  set(key: string, value: unknown): void;
  del(key: string): void;
}

export interface KvBackend {
  readonly kind: BackendKind;
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** Atomic read-modify-write of one key (idb-keyval `update` semantics). */
  update<T>(key: string, updater: (old: T | undefined) => T): Promise<void>;
  /** Atomic read-modify-write of several keys; when the body throws, nothing is written. */
  transact<R>(body: (tx: KvTransaction) => Promise<R>): Promise<R>;
  /** Every key starting with `prefix`, with its value. */
  entries(prefix: string): Promise<Array<[string, unknown]>>;
  /** Deletes every key starting with `prefix`. */
  clear(prefix: string): Promise<void>;
}

/** A synchronous key-value map: what memory and sessionStorage have in common. */
export interface SyncKv {
  read(key: string): unknown;
  write(key: string, value: unknown): void;
  remove(key: string): void;
  keys(): string[];
}

type Write = { value: unknown } | null;

export function syncBackend(kind: BackendKind, kv: SyncKv): KvBackend {
  let queue: Promise<unknown> = Promise.resolve();
  // One writer at a time, so a transaction body awaiting its reads cannot interleave with another write.
  const exclusive = <R>(task: () => R | Promise<R>): Promise<R> => {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  };
  // All or nothing: if one write fails (sessionStorage quota), the ones before it are undone.
  const apply = (writes: Map<string, Write>): void => {
    const before = new Map<string, unknown>();
    for (const key of writes.keys()) before.set(key, kv.read(key));
    try {
      for (const [key, write] of writes) {
        if (write) kv.write(key, write.value);
        else kv.remove(key);
      }
    } catch (error) {
      for (const [key, old] of before) {
        try {
          if (old === undefined) kv.remove(key);
          else kv.write(key, old);
        } catch {
          // Undoing can only shrink what is stored; nothing more to do if even that fails.
        }
      }
      throw error;
    }
  };
  const read = <T>(key: string): T | undefined => kv.read(key) as T | undefined;
  return {
    kind,
    get: async (key) => read(key),
    set: (key, value) => exclusive(() => apply(new Map([[key, { value }]]))),
    del: (key) => exclusive(() => apply(new Map([[key, null]]))),
    update: (key, updater) => exclusive(() => apply(new Map([[key, { value: updater(read(key)) }]]))),
    transact: (body) =>
      exclusive(async () => {
        const writes = new Map<string, Write>();
        const current = <T>(key: string): T | undefined => {
          const write = writes.get(key);
          return write === undefined ? read<T>(key) : write === null ? undefined : (write.value as T);
        };
        const result = await body({
          get: async (key) => current(key),
          getMany: async (keys) => keys.map((key) => current(key)),
          set: (key, value) => void writes.set(key, { value }),
          del: (key) => void writes.set(key, null),
        });
        apply(writes);
        return result;
      }),
    entries: async (prefix) => kv.keys().filter((key) => key.startsWith(prefix)).map((key) => [key, kv.read(key)]),
    clear: (prefix) =>
      exclusive(() => {
        for (const key of kv.keys()) if (key.startsWith(prefix)) kv.remove(key);
      }),
  };
}

/** In-memory map. Values are copied in and out, as IndexedDB would, so callers cannot mutate what is stored. */
export function memoryBackend(seed: Iterable<[string, unknown]> = []): KvBackend {
  const map = new Map<string, unknown>();
  for (const [key, value] of seed) map.set(key, structuredClone(value));
  return syncBackend('memory', {
    read: (key) => (map.has(key) ? structuredClone(map.get(key)) : undefined),
    write: (key, value) => void map.set(key, structuredClone(value)),
    remove: (key) => void map.delete(key),
    keys: () => [...map.keys()],
  });
}

/** The Web Storage API surface we use (sessionStorage). */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * sessionStorage as a backend, for persistence 'tab'. The browser scopes it to one tab and deletes it
 * when the tab closes, which is exactly the lifetime 'tab' means, so nothing is left behind by tabs
 * that close without ending their chat. Values are stored as JSON.
 */
export function sessionStorageBackend(storage: StorageLike): KvBackend {
  return syncBackend('session-storage', {
    read: (key) => {
      const raw = storage.getItem(key);
      return raw === null ? undefined : (JSON.parse(raw) as unknown);
    },
    write: (key, value) => storage.setItem(key, JSON.stringify(value)),
    remove: (key) => storage.removeItem(key),
    keys: () => {
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key !== null) keys.push(key);
      }
      return keys;
    },
  });
}

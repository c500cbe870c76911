// Temporary until src/store lands: the IndexedDB adapter goes here.
import { memoryOnly, type SessionPersistence } from './persistence.js';
import type { Persistence } from './options.js';

export function openStorePersistence(_mode: Exclude<Persistence, 'none'>, _key: string): SessionPersistence {
  return memoryOnly;
}

// Remembers recently delivered items so the same item arriving on two sockets (during rotation, when
// old and new overlap) is delivered once. The key is the item Id plus a hash of the exact content:
// streaming chunks and status updates reuse an Id with different content and must pass.

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** Dedupe key of an item, or null when it has no Id (nothing to dedupe on). */
export function itemKey(item: unknown, raw: string): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const id = (item as { Id?: unknown }).Id;
  if (typeof id !== 'string' || id === '') return null;
  return `${id}\u0000${raw.length}:${fnv1a(raw)}`;
}

/** A bounded set: the oldest key is forgotten when `capacity` is exceeded. */
export class RecentKeys {
  private readonly keys = new Set<string>();
  constructor(private readonly capacity: number) {}

  /** Adds the key; false when it was already there (a duplicate). */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    return true;
  }

  clear(): void {
    this.keys.clear();
  }
}

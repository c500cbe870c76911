// Layout of a stored transcript: items in pages of `pageSize`, numbered consecutively, plus a small
// meta record with each page's size. Appending one message rewrites only the last page and the meta,
// not the whole transcript; the oldest pages are dropped to keep the newest `maxItems`.
// Pure planning only: the store reads the pages a plan needs and writes what it returns.

export interface Keyed {
  id: string;
}

export interface PageMeta {
  /** Number of the oldest page; may go negative as older history is prepended. */
  first: number;
  /** Item count of each page, oldest first. */
  sizes: number[];
}

export const EMPTY_META: PageMeta = { first: 0, sizes: [] };

export function lastPage(meta: PageMeta): number | null {
  return meta.sizes.length === 0 ? null : meta.first + meta.sizes.length - 1;
}

export function hasPage(meta: PageMeta, page: number): boolean {
  return page >= meta.first && page < meta.first + meta.sizes.length;
}

export interface Plan<T> {
  meta: PageMeta;
  /** Pages whose content changed (complete new content). */
  changed: Map<number, T[]>;
  /** Where each written item now lives. */
  placed: Map<string, number>;
}

/** Replaces the item in place if one of `pages` holds its id; false when none does. */
function replaceIn<T extends Keyed>(pages: Map<number, T[]>, item: T, plan: Plan<T>): boolean {
  for (const [page, content] of pages) {
    const at = content.findIndex((existing) => existing.id === item.id);
    if (at === -1) continue;
    const copy = plan.changed.get(page) ?? [...content];
    copy[at] = item;
    plan.changed.set(page, copy);
    pages.set(page, copy);
    plan.placed.set(item.id, page);
    return true;
  }
  return false;
}

/**
 * Upsert at the newest end. `pages` must hold the current last page plus any page that may contain
 * one of the items (the caller's index says which); items found there are replaced in place, the
 * rest are appended, opening new pages as the last one fills.
 */
export function planAppend<T extends Keyed>(meta: PageMeta, pages: Map<number, T[]>, items: readonly T[], pageSize: number): Plan<T> {
  const plan: Plan<T> = { meta: { first: meta.first, sizes: [...meta.sizes] }, changed: new Map(), placed: new Map() };
  const working = new Map(pages);
  for (const item of items) {
    if (replaceIn(working, item, plan)) continue;
    let last = lastPage(plan.meta);
    if (last === null || plan.meta.sizes[last - plan.meta.first] >= pageSize) {
      last = last === null ? plan.meta.first : last + 1;
      plan.meta.sizes.push(0);
      working.set(last, []);
    }
    const content = plan.changed.get(last) ?? [...(working.get(last) ?? [])];
    content.push(item);
    plan.changed.set(last, content);
    working.set(last, content);
    plan.meta.sizes[last - plan.meta.first] = content.length;
    plan.placed.set(item.id, last);
  }
  return plan;
}

/**
 * Older history (items oldest first) goes into new pages before the first one; items already
 * stored (found in `pages`) are replaced in place instead.
 */
export function planPrepend<T extends Keyed>(meta: PageMeta, pages: Map<number, T[]>, items: readonly T[], pageSize: number): Plan<T> {
  const plan: Plan<T> = { meta: { first: meta.first, sizes: [...meta.sizes] }, changed: new Map(), placed: new Map() };
  const working = new Map(pages);
  const byId = new Map<string, T>();
  for (const item of items) if (!replaceIn(working, item, plan)) byId.set(item.id, item);
  const fresh = items.filter((item) => byId.get(item.id) === item);
  for (let end = fresh.length; end > 0; end -= pageSize) {
    const chunk = fresh.slice(Math.max(0, end - pageSize), end);
    plan.meta.first -= 1;
    plan.meta.sizes.unshift(chunk.length);
    plan.changed.set(plan.meta.first, chunk);
    for (const item of chunk) plan.placed.set(item.id, plan.meta.first);
  }
  return plan;
}

/**
 * Drops the oldest pages while the rest still hold `maxItems`, and empty leading pages. The store may
 * so hold up to maxItems + pageSize − 1 items; loading returns only the newest maxItems. Trimming
 * inside a page would rewrite the oldest page on every append once full, for no gain.
 */
export function planEviction(meta: PageMeta, maxItems: number): { meta: PageMeta; dropped: number[] } {
  const sizes = [...meta.sizes];
  let first = meta.first;
  let total = sizes.reduce((sum, size) => sum + size, 0);
  const dropped: number[] = [];
  while (sizes.length > 1 && (sizes[0] === 0 || total - sizes[0] >= maxItems)) {
    total -= sizes.shift() as number;
    dropped.push(first);
    first += 1;
  }
  return { meta: { first, sizes }, dropped };
}

/** The stored items in order, each id once (the newest write wins), at most the newest `maxItems`. */
export function newestItems<T extends Keyed>(pages: readonly T[][], maxItems: number): T[] {
  const all = pages.flat();
  const lastIndex = new Map<string, number>();
  all.forEach((item, i) => lastIndex.set(item.id, i));
  const unique = all.filter((item, i) => lastIndex.get(item.id) === i);
  return maxItems > 0 ? unique.slice(-maxItems) : [];
}

import { describe, expect, it } from 'vitest';
import { EMPTY_META, newestItems, planAppend, planEviction, planPrepend, type PageMeta } from './transcript-pages';

const item = (id: string, text = id) => ({ id, text });
type Item = ReturnType<typeof item>;

describe('planAppend', () => {
  it('opens the first page, fills it, then opens the next', () => {
    const plan = planAppend<Item>(EMPTY_META, new Map(), ['a', 'b', 'c'].map((id) => item(id)), 2);
    expect(plan.meta).toEqual({ first: 0, sizes: [2, 1] });
    expect([...plan.changed]).toEqual([
      [0, [item('a'), item('b')]],
      [1, [item('c')]],
    ]);
    expect(Object.fromEntries(plan.placed)).toEqual({ a: 0, b: 0, c: 1 });
  });

  it('appends to the last page only, leaving full pages untouched', () => {
    const meta: PageMeta = { first: 0, sizes: [2, 1] };
    const plan = planAppend(meta, new Map([[1, [item('c')]]]), [item('d')], 2);
    expect(plan.meta).toEqual({ first: 0, sizes: [2, 2] });
    expect([...plan.changed.keys()]).toEqual([1]);
  });

  it('replaces a known item in place instead of appending it again', () => {
    const meta: PageMeta = { first: 0, sizes: [2, 1] };
    const pages = new Map([
      [0, [item('a'), item('b')]],
      [1, [item('c')]],
    ]);
    const plan = planAppend(meta, pages, [item('a', 'edited')], 2);
    expect(plan.meta).toEqual(meta);
    expect(plan.changed.get(0)).toEqual([item('a', 'edited'), item('b')]);
    expect(pages.get(0)).toEqual([item('a'), item('b')]);
  });

  it('writes an id repeated within one batch once, the later version winning', () => {
    const plan = planAppend<Item>(EMPTY_META, new Map(), [item('a', '1'), item('b'), item('a', '2')], 10);
    expect(plan.changed.get(0)).toEqual([item('a', '2'), item('b')]);
  });
});

describe('planPrepend', () => {
  it('puts older history in new pages before the first one, oldest first', () => {
    const meta: PageMeta = { first: 0, sizes: [1] };
    const plan = planPrepend(meta, new Map(), ['o1', 'o2', 'o3'].map((id) => item(id)), 2);
    expect(plan.meta).toEqual({ first: -2, sizes: [1, 2, 1] });
    expect(plan.changed.get(-2)).toEqual([item('o1')]);
    expect(plan.changed.get(-1)).toEqual([item('o2'), item('o3')]);
  });

  it('replaces items that are already stored', () => {
    const meta: PageMeta = { first: 0, sizes: [1] };
    const plan = planPrepend(meta, new Map([[0, [item('x')]]]), [item('old'), item('x', 'new')], 5);
    expect(plan.changed.get(0)).toEqual([item('x', 'new')]);
    expect(plan.changed.get(-1)).toEqual([item('old')]);
  });
});

describe('planEviction', () => {
  it('drops the oldest pages while the rest still hold maxItems', () => {
    expect(planEviction({ first: 0, sizes: [10, 10, 10, 3] }, 20)).toEqual({ meta: { first: 1, sizes: [10, 10, 3] }, dropped: [0] });
    expect(planEviction({ first: 0, sizes: [10, 10, 10, 10] }, 20)).toEqual({ meta: { first: 2, sizes: [10, 10] }, dropped: [0, 1] });
  });
  it('keeps everything under the bound, never drops the last page, and drops empty leading pages', () => {
    expect(planEviction({ first: 0, sizes: [5, 5] }, 20).dropped).toEqual([]);
    expect(planEviction({ first: 0, sizes: [50] }, 20).dropped).toEqual([]);
    expect(planEviction({ first: -1, sizes: [0, 0, 4] }, 20)).toEqual({ meta: { first: 1, sizes: [4] }, dropped: [-1, 0] });
  });
});

describe('newestItems', () => {
  it('flattens in order, keeps each id once (the later one), and the newest maxItems', () => {
    const pages = [[item('a'), item('b')], [item('c'), item('a', 'again')], [item('d')]];
    expect(newestItems(pages, 10)).toEqual([item('b'), item('c'), item('a', 'again'), item('d')]);
    expect(newestItems(pages, 2)).toEqual([item('a', 'again'), item('d')]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  gapFillFallback,
  gapFillNext,
  gapFillQuery,
  hasOlder,
  initialOlderPlan,
  markTargetExhausted,
  noteRelatedContacts,
  startGapFill,
  type GapFillPlan,
} from './history.js';
import { olderNext, olderQuery } from './older.js';

const item = (id: string) => ({ Id: id });

describe('gap fill planning', () => {
  it('pages FORWARD from the last known Id until there is no NextToken', () => {
    let plan: GapFillPlan = startGapFill('m9');
    expect(gapFillQuery(plan)).toEqual({ ScanDirection: 'FORWARD', SortOrder: 'ASCENDING', MaxResults: 100, StartPosition: { Id: 'm9' } });
    let step = gapFillNext(plan, { Transcript: [item('m10')], NextToken: 'n1' }, () => false);
    expect(step.done).toBe(false);
    if (step.done) return;
    plan = step.plan;
    expect(gapFillQuery(plan)).toEqual({ ScanDirection: 'FORWARD', SortOrder: 'ASCENDING', MaxResults: 100, StartPosition: { Id: 'm9' }, NextToken: 'n1' });
    step = gapFillNext(plan, { Transcript: [item('m11')], NextToken: 'n2' }, () => false);
    expect(step.done).toBe(false);
    if (step.done) return;
    step = gapFillNext(step.plan, { Transcript: [item('m12')] }, () => false);
    expect(step).toEqual({ done: true, reachedStart: false });
  });

  it('loads one BACKWARD page when nothing is known and says whether it reached the start', () => {
    const plan = startGapFill(undefined);
    expect(gapFillQuery(plan)).toEqual({ ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', MaxResults: 100 });
    expect(gapFillNext(plan, { Transcript: [item('a')], NextToken: 'older' }, () => false)).toEqual({ done: true, reachedStart: false });
    expect(gapFillNext(plan, { Transcript: [item('a')] }, () => false)).toEqual({ done: true, reachedStart: true });
  });

  it('falls back to BACKWARD pages until one reaches a known item', () => {
    const plan = gapFillFallback();
    const known = new Set(['k']);
    const step1 = gapFillNext(plan, { Transcript: [item('x'), item('y')], NextToken: 't1' }, (id) => known.has(id));
    expect(step1.done).toBe(false);
    if (step1.done) return;
    expect(gapFillQuery(step1.plan).NextToken).toBe('t1');
    const step2 = gapFillNext(step1.plan, { Transcript: [item('k'), item('w')], NextToken: 't2' }, (id) => known.has(id));
    expect(step2.done).toBe(true);
  });

  it('stops a runaway pager at maxPages', () => {
    let plan: GapFillPlan = startGapFill('a');
    let pages = 0;
    for (;;) {
      pages++;
      const step = gapFillNext(plan, { Transcript: [], NextToken: 'again' }, () => false, { pageSize: 10, maxPages: 5 });
      if (step.done) break;
      plan = step.plan;
    }
    expect(pages).toBe(5);
  });
});

describe('older history planning', () => {
  it('pages BACKWARD from the oldest known item, then with NextToken', () => {
    const first = olderQuery(initialOlderPlan, () => 'oldest');
    expect(first?.query).toEqual({ ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', MaxResults: 100, StartPosition: { Id: 'oldest' } });
    const plan = olderNext(first!.plan, { NextToken: 'nt' });
    expect(hasOlder(plan)).toBe(true);
    expect(olderQuery(plan, () => 'oldest')?.query).toEqual({ ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', MaxResults: 100, NextToken: 'nt' });
    const done = olderNext(plan, {});
    expect(hasOlder(done)).toBe(false);
    expect(olderQuery(done, () => 'oldest')).toBeNull();
  });

  it('continues across earlier contacts of a persistent chat, each once', () => {
    let plan = noteRelatedContacts(initialOlderPlan, ['c0', 'c-current', undefined, 'c0'], 'c-current');
    plan = noteRelatedContacts(plan, ['c-1'], 'c-current');
    expect(plan.queue).toEqual(['c0', 'c-1']);
    plan = markTargetExhausted(plan);
    expect(hasOlder(plan)).toBe(true);
    const q1 = olderQuery(plan, (c) => (c === 'c0' ? 'c0-oldest' : undefined));
    expect(q1?.query).toEqual({ ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', MaxResults: 100, ContactId: 'c0', StartPosition: { Id: 'c0-oldest' } });
    plan = olderNext(q1!.plan, {});
    const q2 = olderQuery(plan, () => undefined);
    expect(q2?.query).toEqual({ ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', MaxResults: 100, ContactId: 'c-1' });
    plan = olderNext(q2!.plan, {});
    expect(hasOlder(plan)).toBe(false);
    plan = noteRelatedContacts(plan, ['c0'], 'c-current');
    expect(hasOlder(plan)).toBe(false);
  });
});

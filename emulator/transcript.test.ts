import { describe, expect, it } from 'vitest';
import { decodeNextToken, encodeNextToken, pageTranscript, TranscriptQueryError, type StoredItem } from './transcript.js';

// 25 items, one second apart: m1 (oldest) .. m25 (newest).
const BASE = Date.parse('2026-01-01T00:00:00.000Z');
const items: StoredItem[] = Array.from({ length: 25 }, (_, i) => ({
  seq: i + 1,
  item: { Id: `m${i + 1}`, AbsoluteTime: new Date(BASE + i * 1000).toISOString(), Type: 'MESSAGE' },
}));
const ids = (page: { items: { Id?: string }[] }): string[] => page.items.map((i) => i.Id as string);
const range = (from: number, to: number): string[] => {
  const out: string[] = [];
  for (let i = from; from <= to ? i <= to : i >= to; from <= to ? i++ : i--) out.push(`m${i}`);
  return out;
};

describe('pageTranscript', () => {
  it('defaults: BACKWARD from the newest, 10 items, DESCENDING', () => {
    const page = pageTranscript(items, {}, 's');
    expect(ids(page)).toEqual(range(25, 16));
    expect(page.nextToken).toBeDefined();
  });

  it('SortOrder ASCENDING orders inside the page only', () => {
    expect(ids(pageTranscript(items, { SortOrder: 'ASCENDING' }, 's'))).toEqual(range(16, 25));
  });

  it('NextToken walks BACKWARD through every item exactly once', () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = pageTranscript(items, { SortOrder: 'ASCENDING', MaxResults: 7, NextToken: token }, 's');
      seen.unshift(...ids(page));
      token = page.nextToken;
      pages++;
    } while (token);
    expect(pages).toBe(4);
    expect(seen).toEqual(range(1, 25));
  });

  it('FORWARD without StartPosition starts at the oldest', () => {
    const page = pageTranscript(items, { ScanDirection: 'FORWARD', SortOrder: 'ASCENDING', MaxResults: 3 }, 's');
    expect(ids(page)).toEqual(['m1', 'm2', 'm3']);
  });

  it('new items arriving between pages do not shift the next page', () => {
    const first = pageTranscript(items, { MaxResults: 5 }, 's');
    const grown = [...items, { seq: 26, item: { Id: 'm26', AbsoluteTime: new Date(BASE + 30_000).toISOString() } }];
    const second = pageTranscript(grown, { MaxResults: 5, NextToken: first.nextToken }, 's');
    expect(ids(second)).toEqual(range(20, 16));
  });

  it('MaxResults 0 means the default of 10; the last page has no NextToken', () => {
    expect(pageTranscript(items, { MaxResults: 0 }, 's').items).toHaveLength(10);
    expect(pageTranscript(items, { MaxResults: 100 }, 's').nextToken).toBeUndefined();
    expect(pageTranscript(items, { MaxResults: 25 }, 's').nextToken).toBeUndefined();
    expect(pageTranscript(items, { MaxResults: 24 }, 's').nextToken).toBeDefined();
  });

  it('StartPosition.Id is inclusive; FORWARD is the default with a StartPosition', () => {
    const page = pageTranscript(items, { StartPosition: { Id: 'm10' }, MaxResults: 3, SortOrder: 'ASCENDING' }, 's');
    expect(ids(page)).toEqual(['m10', 'm11', 'm12']);
    const back = pageTranscript(items, { StartPosition: { Id: 'm10' }, ScanDirection: 'BACKWARD', MaxResults: 3, SortOrder: 'ASCENDING' }, 's');
    expect(ids(back)).toEqual(['m8', 'm9', 'm10']);
  });

  it('StartPosition.Id continues with NextToken (gap fill after reconnect)', () => {
    const first = pageTranscript(items, { StartPosition: { Id: 'm20' }, MaxResults: 3, SortOrder: 'ASCENDING' }, 's');
    const second = pageTranscript(items, { NextToken: first.nextToken, MaxResults: 3, SortOrder: 'ASCENDING' }, 's');
    expect(ids(first)).toEqual(['m20', 'm21', 'm22']);
    expect(ids(second)).toEqual(['m23', 'm24', 'm25']);
    expect(second.nextToken).toBeUndefined();
  });

  it('StartPosition.AbsoluteTime: first item at or after (FORWARD), last at or before (BACKWARD)', () => {
    const between = new Date(BASE + 4500).toISOString(); // between m5 (4 s) and m6 (5 s)
    expect(ids(pageTranscript(items, { StartPosition: { AbsoluteTime: between }, MaxResults: 2, SortOrder: 'ASCENDING' }, 's'))).toEqual([
      'm6',
      'm7',
    ]);
    expect(
      ids(pageTranscript(items, { StartPosition: { AbsoluteTime: between }, ScanDirection: 'BACKWARD', MaxResults: 2, SortOrder: 'ASCENDING' }, 's')),
    ).toEqual(['m4', 'm5']);
    const exact = new Date(BASE + 5000).toISOString();
    expect(ids(pageTranscript(items, { StartPosition: { AbsoluteTime: exact }, MaxResults: 1 }, 's'))).toEqual(['m6']);
    const future = new Date(BASE + 999_000).toISOString();
    expect(pageTranscript(items, { StartPosition: { AbsoluteTime: future } }, 's').items).toEqual([]);
  });

  it('StartPosition.MostRecent N starts N places before the newest ("start with message 50 of 100")', () => {
    expect(ids(pageTranscript(items, { StartPosition: { MostRecent: 0 }, SortOrder: 'ASCENDING' }, 's'))).toEqual(['m25']);
    expect(ids(pageTranscript(items, { StartPosition: { MostRecent: 2 }, SortOrder: 'ASCENDING' }, 's'))).toEqual(['m23', 'm24', 'm25']);
    expect(ids(pageTranscript(items, { StartPosition: { MostRecent: 2 }, ScanDirection: 'BACKWARD', MaxResults: 2 }, 's'))).toEqual(['m23', 'm22']);
    expect(ids(pageTranscript(items, { StartPosition: { MostRecent: 100 }, MaxResults: 1 }, 's'))).toEqual(['m1']);
    const hundred: StoredItem[] = Array.from({ length: 100 }, (_, i) => ({ seq: i + 1, item: { Id: `n${i + 1}` } }));
    expect(ids(pageTranscript(hundred, { StartPosition: { MostRecent: 50 }, MaxResults: 1 }, 's'))).toEqual(['n50']);
  });

  it('an empty StartPosition {} (what chatjs sends) counts as none', () => {
    expect(ids(pageTranscript(items, { StartPosition: {}, MaxResults: 2 }, 's'))).toEqual(['m25', 'm24']);
  });

  it('refuses ambiguous or unknown positions with the member named', () => {
    const error = (fn: () => unknown): TranscriptQueryError => {
      try {
        fn();
      } catch (e) {
        return e as TranscriptQueryError;
      }
      throw new Error('no error');
    };
    expect(error(() => pageTranscript(items, { StartPosition: { Id: 'm1', MostRecent: 1 } }, 's')).member).toBe('StartPosition');
    expect(error(() => pageTranscript(items, { StartPosition: { Id: 'nope' } }, 's')).member).toBe('StartPosition.Id');
    expect(error(() => pageTranscript(items, { StartPosition: { AbsoluteTime: 'yesterday' } }, 's')).member).toBe('StartPosition.AbsoluteTime');
    expect(error(() => pageTranscript(items, { NextToken: 'garbage' }, 's')).member).toBe('NextToken');
    const token = encodeNextToken({ direction: 'FORWARD', seq: 3, scope: 'other' });
    expect(error(() => pageTranscript(items, { NextToken: token }, 's')).message).toMatch(/another transcript/);
  });

  it('NextToken round-trips', () => {
    expect(decodeNextToken(encodeNextToken({ direction: 'BACKWARD', seq: 42, scope: 'x' }), 'x')).toEqual({
      direction: 'BACKWARD',
      seq: 42,
      scope: 'x',
    });
  });

  it('an empty transcript gives an empty page without a NextToken', () => {
    expect(pageTranscript([], {}, 's')).toEqual({ items: [] });
    expect(pageTranscript([], { StartPosition: { MostRecent: 3 } }, 's')).toEqual({ items: [] });
  });
});

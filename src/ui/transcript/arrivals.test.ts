// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../../chat/types';
import { appendedSince, playArrivals } from './arrivals';

const entry = (id: string) => ({ id }) as TranscriptEntry;

function log(keys: string[]): HTMLElement {
  const el = document.createElement('div');
  for (const key of keys) {
    const row = document.createElement('div');
    row.dataset.key = key;
    el.append(row);
  }
  el.append(document.createElement('div')); // a row without a key (the typing line)
  return el;
}
const marked = (el: HTMLElement) =>
  [...el.querySelectorAll<HTMLElement>('.cw-arrive')].map((row) => row.dataset.key);

describe('arrivals', () => {
  it('the entries after the last one seen; none when it is unknown', () => {
    const shown = ['a', 'b', 'c', 'd'].map(entry);
    expect(appendedSince(shown, 'b').map((e) => e.id)).toEqual(['c', 'd']);
    expect(appendedSince(shown, '')).toEqual([]);
    expect(appendedSince(shown, 'gone')).toEqual([]);
  });

  it('marks the arrived rows, ids with quotes and brackets too, without a CSS global', () => {
    const el = log(['a', 'b"]', 'c']);
    playArrivals(el, [entry('b"]'), entry('c')]);
    expect(marked(el)).toEqual(['b"]', 'c']);
  });

  it('a burst of more than three moves nothing', () => {
    const el = log(['a', 'b', 'c', 'd', 'e']);
    playArrivals(el, ['b', 'c', 'd', 'e'].map(entry));
    expect(marked(el)).toEqual([]);
  });

  it('the mark goes when the entrance has played', () => {
    const el = log(['a']);
    playArrivals(el, [entry('a')]);
    el.firstElementChild!.dispatchEvent(new Event('animationend'));
    expect(marked(el)).toEqual([]);
  });
});

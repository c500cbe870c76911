import { describe, expect, it } from 'vitest';
import { BOX_MAX_CHARS, firstChars, fitInsert } from './limits';

describe('what the message box accepts', () => {
  it('holds four messages worth of characters', () => {
    expect(BOX_MAX_CHARS).toBe(4096);
  });

  it('firstChars counts code points and never splits a surrogate pair', () => {
    expect(firstChars('abc', 2)).toBe('ab');
    expect(firstChars('😀😀😀', 2)).toBe('😀😀');
    expect(firstChars('a😀b', 2)).toBe('a😀');
    expect(firstChars('short', 10)).toBe('short');
    expect(firstChars('\ud83d', 1)).toBe('\ud83d'); // a lone surrogate is one character
  });

  it('fitInsert keeps what fits beside the text already there and counts what it left out', () => {
    expect(fitInsert('hello', 0, 10)).toEqual({ text: 'hello', dropped: 0 });
    expect(fitInsert('hello world', 4, 10)).toEqual({ text: 'hello ', dropped: 5 });
    expect(fitInsert('😀'.repeat(8), 0, 5)).toEqual({ text: '😀'.repeat(5), dropped: 3 });
    expect(fitInsert('anything', 12, 10)).toEqual({ text: '', dropped: 8 });
    // 6 emoji are 12 UTF-16 units but 6 characters: they fit in 6.
    expect(fitInsert('😀'.repeat(6), 0, 6)).toEqual({ text: '😀'.repeat(6), dropped: 0 });
  });

  it('a 4 MB paste is cut in one pass that only walks what it keeps', () => {
    const huge = 'paste '.repeat(700_000);
    const begun = performance.now();
    const fit = fitInsert(huge, 8);
    expect([...fit.text]).toHaveLength(BOX_MAX_CHARS - 8);
    expect(fit.dropped).toBe(huge.length - (BOX_MAX_CHARS - 8));
    expect(performance.now() - begun).toBeLessThan(1000);
  });
});

import { describe, expect, it } from 'vitest';
import { prefixSums, rowAt, visibleRange } from './windowing';

describe('windowing', () => {
  const offsets = prefixSums([10, 20, 30, 40]); // tops 0,10,30,60; total 100
  it('prefix sums give each row its top and the total', () => {
    expect(Array.from(offsets)).toEqual([0, 10, 30, 60, 100]);
  });
  it('finds the row at a position', () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 9.9)).toBe(0);
    expect(rowAt(offsets, 10)).toBe(1);
    expect(rowAt(offsets, 59)).toBe(2);
    expect(rowAt(offsets, 500)).toBe(3);
    expect(rowAt(prefixSums([]), 5)).toBe(0);
  });
  it('returns the rows overlapping the viewport plus overscan', () => {
    expect(visibleRange(offsets, 15, 20, 0)).toEqual([1, 3]);
    expect(visibleRange(offsets, 15, 20, 100)).toEqual([0, 4]);
    expect(visibleRange(prefixSums([]), 0, 100, 0)).toEqual([0, 0]);
  });
  it('keeps the window small in a huge list', () => {
    const big = prefixSums(new Array(10_000).fill(60));
    const [s, e] = visibleRange(big, 300_000, 600, 600);
    expect(e - s).toBeLessThanOrEqual(32);
    expect(s).toBe(4990);
  });
});

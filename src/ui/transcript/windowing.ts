// Windowed rendering: which rows to put in the DOM for a scroll position, from measured (or
// estimated) row heights. Pure functions over a prefix-sum array, so scrolling costs a binary search.

/** offsets[i] = top of row i; offsets[n] = total height. */
export function prefixSums(heights: readonly number[]): Float64Array {
  const out = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) out[i + 1] = out[i] + heights[i];
  return out;
}

/** Index of the row containing `y` (clamped to 0..n-1). */
export function rowAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** [start, end) of the rows overlapping the viewport widened by `overscan` px on each side. */
export function visibleRange(offsets: Float64Array, scrollTop: number, viewport: number, overscan: number): [number, number] {
  const n = offsets.length - 1;
  if (n <= 0) return [0, 0];
  const start = rowAt(offsets, Math.max(0, scrollTop - overscan));
  const end = rowAt(offsets, scrollTop + viewport + overscan) + 1;
  return [start, Math.min(n, end)];
}

// Which entries arrived since the last look, and their entrance: a row that arrives while the
// visitor watches the newest messages slides in (CSS `cw-arrive`); rows that enter the DOM because
// the visitor scrolls, or the history drawn on opening, do not.
import type { TranscriptEntry } from '../../chat/types';

/**
 * Entries after the one with id `lastId` (searched from the end: it is normally a few places from
 * it, as older history is prepended), so this is O(new entries). None when `lastId` is '' or gone.
 */
export function appendedSince(shown: readonly TranscriptEntry[], lastId: string): readonly TranscriptEntry[] {
  if (!lastId) return [];
  for (let j = shown.length - 1; j >= 0; j--) if (shown[j].id === lastId) return shown.slice(j + 1);
  return [];
}

/** Above this many at once (a catch-up on opening, a burst) nothing moves: it would only be noise. */
const MOST = 3;

/** Marks the rows of `arrived` in `log` (before they are painted) so they play their entrance once. */
export function playArrivals(log: HTMLElement, arrived: readonly TranscriptEntry[]): void {
  if (arrived.length > MOST) return;
  const ids = new Set(arrived.map((e) => e.id));
  // The arrived rows are the last ones: walk back from the end until all are found (no selector
  // built from an id, so nothing to escape and no CSS global needed).
  for (let el = log.lastElementChild; el && ids.size; el = el.previousElementSibling) {
    const row = el as HTMLElement;
    if (!row.dataset.key || !ids.delete(row.dataset.key)) continue;
    row.classList.add('cw-arrive');
    row.addEventListener('animationend', () => row.classList.remove('cw-arrive'), { once: true });
  }
}

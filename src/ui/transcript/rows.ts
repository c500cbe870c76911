// Transcript entries -> the rows the list shows: day separators, and messages grouped when the same
// participant writes again within a few minutes (name on the first, time on the last of a group).
// Pure, so grouping rules are testable without a DOM. It runs for every transcript change, so the
// date parse and day number of an entry are remembered by entry identity (entries are immutable:
// a changed entry is a new object): a rebuild is a cheap O(n) walk, not n date parses.
import type { TranscriptEntry } from '../../chat/types';
import { dayKey } from '../../i18n';

export type Row =
  | { key: string; /** Local day number. */ day: number; /** A time on that day (ms). */ at: number; entry?: undefined }
  | {
      key: string;
      entry: TranscriptEntry;
      /** First of its group: show the name. */
      first: boolean;
      /** Last of its group: show the time. */
      last: boolean;
      /** The customer's most recent message: show its receipt. */
      lastOwn: boolean;
      day?: undefined;
    };

const GROUP_GAP_MS = 5 * 60 * 1000;

const groupable = (e: TranscriptEntry) => e.kind !== 'notice';

interface When {
  /** Date.parse(entry.time), NaN when unreadable. */
  t: number;
  /** Local day number, NaN when the time is unreadable. */
  day: number;
  /** The string parsed, in case an entry object is ever mutated in place. */
  time: string;
}
const whenCache = new WeakMap<TranscriptEntry, When>();

function when(entry: TranscriptEntry): When {
  let w = whenCache.get(entry);
  if (!w || entry.time !== w.time) {
    const t = Date.parse(entry.time);
    w = { t, day: Number.isNaN(t) ? NaN : dayKey(new Date(t)), time: entry.time };
    whenCache.set(entry, w);
  }
  return w;
}

export function buildRows(entries: readonly TranscriptEntry[]): Row[] {
  const rows: Row[] = [];
  let lastOwn = -1;
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].own && entries[i].kind !== 'notice') (lastOwn = i), (i = -1);
  let prevDay = NaN;
  let prev: TranscriptEntry | undefined;
  let prevRow: Extract<Row, { entry: TranscriptEntry }> | undefined;
  entries.forEach((entry, i) => {
    const w = when(entry);
    const t = w.t;
    const day = Number.isNaN(t) ? prevDay : w.day;
    if (day !== prevDay && !Number.isNaN(day)) {
      rows.push({ key: 'd' + day, day, at: t });
      prev = undefined;
    }
    prevDay = day;
    const joins =
      !!prev && groupable(prev) && groupable(entry) && prev.participantId === entry.participantId && prev.own === entry.own &&
      t - when(prev).t < GROUP_GAP_MS;
    if (joins && prevRow) prevRow.last = false;
    prevRow = { key: entry.id, entry, first: !joins, last: true, lastOwn: i === lastOwn };
    rows.push(prevRow);
    prev = entry;
  });
  return rows;
}

// Transcript entries -> the rows the list shows: day separators, and messages grouped when the same
// participant writes again within a few minutes (name on the first, time on the last of a group).
// Pure, so grouping rules are testable without a DOM; O(n), cheap enough for 10,000 entries.
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

export function buildRows(entries: readonly TranscriptEntry[]): Row[] {
  const rows: Row[] = [];
  let lastOwn = -1;
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].own && entries[i].kind !== 'notice') (lastOwn = i), (i = -1);
  let prevDay = NaN;
  let prev: TranscriptEntry | undefined;
  let prevRow: Extract<Row, { entry: TranscriptEntry }> | undefined;
  entries.forEach((entry, i) => {
    const t = Date.parse(entry.time);
    const day = Number.isNaN(t) ? prevDay : dayKey(new Date(t));
    if (day !== prevDay && !Number.isNaN(day)) {
      rows.push({ key: 'd' + day, day, at: t });
      prev = undefined;
    }
    prevDay = day;
    const joins =
      !!prev && groupable(prev) && groupable(entry) && prev.participantId === entry.participantId && prev.own === entry.own &&
      t - Date.parse(prev.time) < GROUP_GAP_MS;
    if (joins && prevRow) prevRow.last = false;
    prevRow = { key: entry.id, entry, first: !joins, last: true, lastOwn: i === lastOwn };
    rows.push(prevRow);
    prev = entry;
  });
  return rows;
}

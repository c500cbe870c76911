// The transcript's rows, sorted by (AbsoluteTime, first sight), and the lookups kept beside a state
// so that a merge costs O(log n) per item: the index by id and by attachment, binary search, and a
// draft that copies the rows once per merge and keeps their entry list in step.
import type { ReceiptLevel } from './item-entries.js';
import type { StreamState } from './streaming.js';
import type { TranscriptEntry } from './types.js';

export interface Row {
  readonly entry: TranscriptEntry;
  /** Order of first sight; breaks ties between equal AbsoluteTimes and is persisted with the row. */
  readonly seq: number;
  /** AbsoluteTime in ms (NaN sorts first). */
  readonly t: number;
  /**
   * True when GetTranscript can return this item (a stored message, attachment or event of the
   * current contact chain), so its Id may serve as a FORWARD StartPosition for gap fill.
   */
  readonly anchor: boolean;
}

export interface TranscriptState {
  /** Sorted by (t, seq). */
  readonly rows: readonly Row[];
  /** Next seq to hand out. */
  readonly nextSeq: number;
  /** Streaming bot messages by Id. */
  readonly streams: Readonly<Record<string, StreamState>>;
  /** Receipts that arrived before their message, by MessageId. */
  readonly earlyReceipts: Readonly<Record<string, ReceiptLevel>>;
}

export function compareRows(a: Row, b: Row): number {
  const ta = Number.isNaN(a.t) ? -Infinity : a.t;
  const tb = Number.isNaN(b.t) ? -Infinity : b.t;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.seq - b.seq;
}

export function parseTime(iso: string): number {
  return Date.parse(iso);
}

/**
 * Lookups kept beside a state so that a merge costs O(log n) per item instead of O(n).
 * byId: entry id → the row in state.rows; byAttachment: AttachmentId → the id of its row.
 * An index belongs to exactly one state (the key in `indexes`). A merge takes it away from the state
 * it starts from before changing it and hands it to the state it returns, so an older state is
 * never corrupted: merging an older state again (or a state made elsewhere, e.g. from stored or
 * mirrored rows) finds no index and builds a fresh one from its rows.
 */
export interface TranscriptIndex {
  readonly byId: Map<string, Row>;
  readonly byAttachment: Map<string, string>;
  /** Whether the rows are sorted: checked once when the index is built (rows made elsewhere may not be). */
  sorted: boolean;
}

export const indexes = new WeakMap<TranscriptState, TranscriptIndex>();

export function noteAttachment(index: TranscriptIndex, entry: TranscriptEntry): void {
  if (entry.kind === 'attachment' && entry.attachmentId) index.byAttachment.set(entry.attachmentId, entry.id);
}

function buildIndex(rows: readonly Row[]): TranscriptIndex {
  const index: TranscriptIndex = { byId: new Map(), byAttachment: new Map(), sorted: isSorted(rows) };
  // Later rows win, as in a scan from oldest to newest.
  for (const r of rows) {
    index.byId.set(r.entry.id, r);
    noteAttachment(index, r.entry);
  }
  return index;
}

function isSorted(rows: readonly Row[]): boolean {
  for (let i = 1; i < rows.length; i++) if (compareRows(rows[i - 1], rows[i]) > 0) return false;
  return true;
}

/** The index of this state (built and kept the first time it is asked for). */
export function indexOf(state: TranscriptState): TranscriptIndex {
  let index = indexes.get(state);
  if (!index) {
    index = buildIndex(state.rows);
    indexes.set(state, index);
  }
  return index;
}

/** First position whose row does not sort before `row`. */
function lowerBound(rows: readonly Row[], row: Row): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRows(rows[mid], row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where this exact row object sits in sorted rows. */
function positionOf(rows: readonly Row[], row: Row): number {
  for (let i = lowerBound(rows, row); i < rows.length && compareRows(rows[i], row) === 0; i++) {
    if (rows[i] === row) return i;
  }
  return rows.indexOf(row); // not reached while rows are sorted and seqs unique
}

/** Where a new row goes: after every row that does not sort after it. Appending is the common case. */
function insertionPoint(rows: readonly Row[], row: Row): number {
  const last = rows[rows.length - 1];
  if (!last || compareRows(last, row) <= 0) return rows.length;
  let at = lowerBound(rows, row);
  while (at < rows.length && compareRows(rows[at], row) === 0) at++;
  return at;
}

/**
 * The entries of a row array (what the transcript signal shows), by array. A merge derives the
 * entries of its new rows from these with the same edits instead of mapping every row again.
 */
const entryLists = new WeakMap<readonly Row[], readonly TranscriptEntry[]>();

/** The entries of the state's rows, in order. Shared: never change the returned array. */
export function entriesOfState(state: TranscriptState): readonly TranscriptEntry[] {
  let entries = entryLists.get(state.rows);
  if (!entries) {
    entries = state.rows.map((r) => r.entry);
    entryLists.set(state.rows, entries);
  }
  return entries;
}

/** A copy of a state's rows (and of their entry list, when there is one) that edits keep in step. */
export class RowsDraft {
  readonly rows: Row[];
  private entries: TranscriptEntry[] | null;

  constructor(from: readonly Row[], index: TranscriptIndex) {
    this.rows = from.slice();
    const entries = entryLists.get(from);
    this.entries = entries ? entries.slice() : null;
    if (!index.sorted) {
      // Rows made elsewhere (stored, mirrored) may come unsorted; from here on they are sorted.
      this.rows.sort(compareRows);
      this.entries = null;
      index.sorted = true;
    }
  }

  insert(row: Row): void {
    const at = insertionPoint(this.rows, row);
    if (at === this.rows.length) {
      this.rows.push(row);
      this.entries?.push(row.entry);
    } else {
      this.rows.splice(at, 0, row);
      this.entries?.splice(at, 0, row.entry);
    }
  }

  replace(old: Row, next: Row): void {
    const at = positionOf(this.rows, old);
    if (next.t === old.t || (Number.isNaN(next.t) && Number.isNaN(old.t))) {
      this.rows[at] = next;
      if (this.entries) this.entries[at] = next.entry;
      return;
    }
    this.rows.splice(at, 1);
    this.entries?.splice(at, 1);
    this.insert(next);
  }

  /** The finished rows; their entry list is remembered for the next merge and the view. */
  done(): Row[] {
    if (this.entries) entryLists.set(this.rows, this.entries);
    return this.rows;
  }
}

export function hasId(state: TranscriptState, id: string): boolean {
  return indexOf(state).byId.has(id);
}

/** The row of the entry with this Id, if present. */
export function rowById(state: TranscriptState, id: string): Row | undefined {
  return indexOf(state).byId.get(id);
}

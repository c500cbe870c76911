// GetTranscript paging as a pure function over the stored items (oldest first).
//
// Semantics (the model's documentation, made precise where it is silent):
// - ScanDirection defaults to BACKWARD (newest first) without a StartPosition, FORWARD with one.
//   An empty StartPosition `{}` (what amazon-connect-chatjs sends) counts as none.
// - StartPosition takes one of Id, AbsoluteTime, MostRecent; the position is inclusive:
//   Id = that item; AbsoluteTime = the first item at or after it (FORWARD) / the last at or before it
//   (BACKWARD); MostRecent N = the item N places before the newest (0 = the newest), so
//   "100 messages, start with message 50" is MostRecent 50.
// - MaxResults defaults to 10 (0 also means the default); pages never overlap and new items arriving
//   between pages do not shift them (NextToken is a position, not an offset).
// - SortOrder (default DESCENDING) orders the items inside the page only.
import type { ChatItem } from './types.js';
import type { ScanDirection, SortKey, StartPosition } from '../src/client/types.js';

export interface StoredItem {
  /** Arrival order inside the contact chain; ties of AbsoluteTime are broken by it. */
  seq: number;
  item: ChatItem;
}

export interface TranscriptQuery {
  MaxResults?: number;
  NextToken?: string;
  ScanDirection?: ScanDirection;
  SortOrder?: SortKey;
  StartPosition?: StartPosition;
}

export interface TranscriptPage {
  items: ChatItem[];
  nextToken?: string;
}

/** A query the transcript cannot answer; `member` names the offending request member. */
export class TranscriptQueryError extends Error {
  constructor(
    readonly member: string,
    message: string,
  ) {
    super(message);
    this.name = 'TranscriptQueryError';
  }
}

export const DEFAULT_MAX_RESULTS = 10;

interface Cursor {
  direction: ScanDirection;
  /** Exclusive boundary: continue after (FORWARD) / before (BACKWARD) this seq. */
  seq: number;
  /** What the token was issued for (a contact id), so tokens don't cross transcripts. */
  scope: string;
}

export function encodeNextToken(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: 1, d: cursor.direction === 'FORWARD' ? 'F' : 'B', s: cursor.seq, k: cursor.scope })).toString(
    'base64url',
  );
}

export function decodeNextToken(token: string, scope: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const record = parsed as { v?: unknown; d?: unknown; s?: unknown; k?: unknown } | undefined;
  if (!record || record.v !== 1 || (record.d !== 'F' && record.d !== 'B') || typeof record.s !== 'number' || typeof record.k !== 'string') {
    throw new TranscriptQueryError('NextToken', 'NextToken is not a token this service issued; pass the NextToken of the previous page unchanged');
  }
  if (record.k !== scope) {
    throw new TranscriptQueryError('NextToken', 'NextToken belongs to another transcript (a different ContactId); start again without it');
  }
  return { direction: record.d === 'F' ? 'FORWARD' : 'BACKWARD', seq: record.s, scope };
}

function itemTime(stored: StoredItem): number {
  return Date.parse(stored.item.AbsoluteTime ?? '');
}

/** The indexes to walk, in scan order, before paging. */
function walk(items: readonly StoredItem[], query: TranscriptQuery, scope: string): { order: StoredItem[]; direction: ScanDirection } {
  const start = query.StartPosition ?? {};
  const given = (['Id', 'AbsoluteTime', 'MostRecent'] as const).filter((key) => start[key] !== undefined);
  if (given.length > 1) {
    throw new TranscriptQueryError('StartPosition', `StartPosition takes one of Id, AbsoluteTime or MostRecent, not ${given.join(' and ')}`);
  }

  if (query.NextToken !== undefined) {
    const cursor = decodeNextToken(query.NextToken, scope);
    const order =
      cursor.direction === 'FORWARD'
        ? items.filter((s) => s.seq > cursor.seq)
        : items.filter((s) => s.seq < cursor.seq).reverse();
    return { order, direction: cursor.direction };
  }

  const direction: ScanDirection = query.ScanDirection ?? (given.length === 1 ? 'FORWARD' : 'BACKWARD');
  const from = (index: number): StoredItem[] =>
    index < 0 || index >= items.length
      ? []
      : direction === 'FORWARD'
        ? items.slice(index)
        : items.slice(0, index + 1).reverse();

  if (start.Id !== undefined) {
    const index = items.findIndex((s) => s.item.Id === start.Id);
    if (index < 0) throw new TranscriptQueryError('StartPosition.Id', `StartPosition.Id "${start.Id}" is not an item of this transcript`);
    return { order: from(index), direction };
  }
  if (start.AbsoluteTime !== undefined) {
    const time = Date.parse(start.AbsoluteTime);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(start.AbsoluteTime) || Number.isNaN(time)) {
      throw new TranscriptQueryError(
        'StartPosition.AbsoluteTime',
        `StartPosition.AbsoluteTime "${start.AbsoluteTime}" is not an ISO-8601 time like 2019-11-08T02:41:28.172Z`,
      );
    }
    if (direction === 'FORWARD') return { order: from(items.findIndex((s) => itemTime(s) >= time)), direction };
    let last = -1;
    items.forEach((s, i) => {
      if (itemTime(s) <= time) last = i;
    });
    return { order: from(last), direction };
  }
  if (start.MostRecent !== undefined) {
    if (items.length === 0) return { order: [], direction };
    return { order: from(Math.max(0, items.length - 1 - start.MostRecent)), direction };
  }
  return { order: direction === 'FORWARD' ? [...items] : [...items].reverse(), direction };
}

/** One page of a transcript. `items` must be in arrival order (ascending seq). */
export function pageTranscript(items: readonly StoredItem[], query: TranscriptQuery, scope: string): TranscriptPage {
  const { order, direction } = walk(items, query, scope);
  const max = query.MaxResults === undefined || query.MaxResults === 0 ? DEFAULT_MAX_RESULTS : query.MaxResults;
  const page = order.slice(0, max);
  const sorted = [...page].sort((a, b) => a.seq - b.seq);
  if ((query.SortOrder ?? 'DESCENDING') === 'DESCENDING') sorted.reverse();
  const result: TranscriptPage = { items: sorted.map((s) => s.item) };
  if (order.length > max) {
    result.nextToken = encodeNextToken({ direction, seq: page[page.length - 1].seq, scope });
  }
  return result;
}

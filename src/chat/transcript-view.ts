// What the transcript signal shows: the merged service transcript followed by the sends still in
// the outbox. Pending and failed sends come last, in the order they were written: they have no
// service time yet, and a customer expects unsent messages at the bottom.
import { withFields } from './entry.js';
import { pendingEntry, type Outbox, type Sender } from './outbox.js';
import { entriesOfState, type TranscriptState } from './transcript.js';
import type { TranscriptEntry } from './types.js';

export function composeTranscript(state: TranscriptState, outbox: Outbox, me: Sender): readonly TranscriptEntry[] {
  // The entry list is kept in step by every merge: shown as it is, not mapped from every row again.
  const shown = entriesOfState(state);
  if (outbox.length === 0) return shown;
  const entries = shown.slice();
  const hidden = echoedSends(state, outbox);
  for (const record of outbox) {
    const echo = hidden.get(record.clientToken);
    if (echo === undefined) entries.push(pendingEntry(record, me));
    else {
      // The echo stands for the send until it is acknowledged (and claimed): it shows what the send shows.
      const entry = entries[echo];
      if (record.display && entry.kind === 'message') entries[echo] = withFields(entry, { display: record.display });
    }
  }
  return entries;
}

/**
 * Sends whose echo is already in the transcript although their SendMessage response has not come
 * back (the socket usually wins that race). Showing both would flash a duplicate, so the pending copy
 * is hidden. A send matches an own, unclaimed message with the same content first seen after the
 * send's first attempt; each message matches at most one send. This affects display only: the send
 * stays in the outbox until the service acknowledges it. Returns ClientToken → index of the echo's row.
 */
export function echoedSends(state: TranscriptState, outbox: Outbox): Map<string, number> {
  const hidden = new Map<string, number>();
  const attempted = outbox.filter((r) => r.status === 'sending' && r.echoAfterSeq !== undefined);
  if (attempted.length === 0) return hidden;
  const minSeq = Math.min(...attempted.map((r) => r.echoAfterSeq as number));
  const candidates: number[] = [];
  state.rows.forEach((r, i) => {
    if (r.seq >= minSeq && r.entry.kind === 'message' && r.entry.own && !r.entry.clientToken) candidates.push(i);
  });
  const used = new Set<number>();
  for (const record of attempted) {
    const match = candidates.find((i) => {
      const r = state.rows[i];
      return (
        !used.has(i) &&
        r.seq >= (record.echoAfterSeq as number) &&
        r.entry.kind === 'message' &&
        r.entry.content === record.content &&
        r.entry.contentType === record.contentType
      );
    });
    if (match !== undefined) {
      used.add(match);
      hidden.set(record.clientToken, match);
    }
  }
  return hidden;
}

// A by-hand micro-benchmark of what the open transcript derives on every change (not a test: it
// prints figures and asserts nothing).
//   npx tsx bench/ui-derive.ts
// Builds transcripts of 1,000, 5,000 and 10,000 entries through the real merge (so the entries are
// the objects the session shows), then times the derivations transcript.tsx runs when a message
// arrives with the window open: visible entries, interactive states, rows, and row offsets.
import { emptyTranscript, entriesOfState, mergeItems, type ChatItem } from '../src/chat/transcript.js';
import type { TranscriptEntry } from '../src/chat/types.js';
import { interactiveStates, visibleEntries } from '../src/ui/interactive/transcript.js';
import { hiddenNotice } from '../src/ui/transcript/notices.js';
import { buildRows } from '../src/ui/transcript/rows.js';
import { prefixSums } from '../src/ui/transcript/windowing.js';

const ctx = { participantId: 'p-customer' };
const start = Date.UTC(2025, 0, 1, 12);

function item(i: number): ChatItem {
  const mine = i % 3 === 0;
  return {
    Id: `m${i}`,
    AbsoluteTime: new Date(start + i * 20_000).toISOString(),
    Type: 'MESSAGE',
    ContentType: i % 7 === 0 ? 'text/markdown' : 'text/plain',
    Content: `message ${i}`,
    ParticipantId: mine ? ctx.participantId : 'p-agent',
    DisplayName: mine ? 'Me' : 'Agent',
    ParticipantRole: mine ? 'CUSTOMER' : 'AGENT',
    ContactId: 'c1',
  };
}

function transcript(count: number): readonly TranscriptEntry[] {
  let state = emptyTranscript;
  for (let i = 0; i < count; i++) {
    state = mergeItems(state, [item(i)], ctx).state;
    // Receipts on every other own message, as a live chat has them.
    if (i % 6 === 0) state = mergeItems(state, [{ Id: `r${i}`, Type: 'MESSAGEMETADATA', MessageMetadata: { MessageId: `m${i}`, Receipts: [{ ReadTimestamp: new Date(start).toISOString(), RecipientParticipantId: 'p-agent' }] } }], ctx).state;
  }
  return entriesOfState(state);
}

function derive(entries: readonly TranscriptEntry[]): number {
  const shown = visibleEntries(entries).filter((e) => e.kind !== 'notice' || !hiddenNotice(e));
  const states = interactiveStates(entries);
  const rows = buildRows(shown);
  const offsets = prefixSums(rows.map((r) => (r.entry ? 64 : 36)));
  return offsets[rows.length] + states.answers.size;
}

for (const count of [1_000, 5_000, 10_000]) {
  const entries = transcript(count);
  for (let i = 0; i < 20; i++) derive(entries); // warm up
  const runs = 100;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) derive(entries);
  const ms = (performance.now() - t0) / runs;
  console.log(`${String(count).padStart(6)} entries: ${ms.toFixed(2)} ms per derivation`);
}

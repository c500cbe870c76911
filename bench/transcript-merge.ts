// A by-hand micro-benchmark of the transcript merge (not a test: it prints figures and asserts nothing).
//   npx tsx bench/transcript-merge.ts [count]
// Merges `count` single-item batches (default 10,000) into a growing transcript, the way the socket
// delivers them, and prints the mean time per message around 1k, 5k and 10k rows. A second run
// merges every item a second time (duplicates, as a gap fill overlap does) and a third folds a
// receipt into each message.
import { emptyTranscript, mergeItems, type ChatItem, type TranscriptState } from '../src/chat/transcript.js';

const count = Number(process.argv[2] ?? 10_000);
const ctx = { participantId: 'p-customer' };
const start = Date.UTC(2025, 0, 1, 12);

function item(i: number): ChatItem {
  return {
    Id: `m${i}`,
    AbsoluteTime: new Date(start + i * 1000).toISOString(),
    Type: 'MESSAGE',
    ContentType: 'text/plain',
    Content: `message ${i}`,
    ParticipantId: i % 2 ? 'p-agent' : ctx.participantId,
    DisplayName: i % 2 ? 'Agent' : 'Me',
    ParticipantRole: i % 2 ? 'AGENT' : 'CUSTOMER',
    ContactId: 'c1',
  };
}

function receipt(i: number): ChatItem {
  return {
    Id: `r${i}`,
    Type: 'MESSAGEMETADATA',
    MessageMetadata: { MessageId: `m${i}`, Receipts: [{ ReadTimestamp: new Date(start).toISOString(), RecipientParticipantId: 'p-agent' }] },
  };
}

/** Runs `step(i)` for i in [0, count) and reports ms per call over windows ending at the checkpoints. */
function run(label: string, step: (i: number) => void): void {
  const checkpoints = [1_000, 5_000, 10_000].filter((c) => c <= count);
  const window = 200;
  const marks: string[] = [];
  let windowStart = 0;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    if (checkpoints.some((c) => i === c - window)) windowStart = performance.now();
    step(i);
    if (checkpoints.includes(i + 1)) marks.push(`${i + 1}: ${((performance.now() - windowStart) / window).toFixed(4)} ms/msg`);
  }
  const total = performance.now() - t0;
  console.log(`${label.padEnd(22)} total ${total.toFixed(0)} ms (${(total / count).toFixed(4)} ms/msg)  ${marks.join('  ')}`);
}

let state: TranscriptState = emptyTranscript;
run('new messages', (i) => {
  state = mergeItems(state, [item(i)], ctx).state;
});
run('duplicates', (i) => {
  state = mergeItems(state, [item(i)], ctx).state;
});
run('receipts', (i) => {
  state = mergeItems(state, [receipt(i)], ctx).state;
});
console.log(`rows: ${state.rows.length}`);

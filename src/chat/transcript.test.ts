import { describe, expect, it } from 'vitest';
import { CONTENT_TYPE } from './content-types.js';
import {
  emptyTranscript,
  lastAnchorId,
  mergeItems,
  oldestAnchorId,
  claimOwnSend,
  entriesOfState,
  transcriptFromRows,
  boundRows,
  type ChatItem,
  type TranscriptState,
} from './transcript.js';

const ME = 'p-customer';
const AGENT = 'p-agent';
const ctx = { participantId: ME };

function t(sec: number): string {
  return new Date(Date.UTC(2025, 0, 1, 12, 0, sec)).toISOString();
}

function msg(id: string, sec: number, from = AGENT, content = `text ${id}`): ChatItem {
  return {
    Id: id,
    AbsoluteTime: t(sec),
    Type: 'MESSAGE',
    ContentType: 'text/plain',
    Content: content,
    ParticipantId: from,
    DisplayName: from === ME ? 'Me' : 'Agent',
    ParticipantRole: from === ME ? 'CUSTOMER' : 'AGENT',
    ContactId: 'c1',
  };
}

function event(id: string, sec: number, kind: string, extra: Partial<ChatItem> = {}): ChatItem {
  return {
    Id: id,
    AbsoluteTime: t(sec),
    Type: 'EVENT',
    ContentType: `application/vnd.amazonaws.connect.event.${kind}`,
    ParticipantId: AGENT,
    DisplayName: 'Agent',
    ParticipantRole: 'AGENT',
    ContactId: 'c1',
    ...extra,
  };
}

function ids(state: TranscriptState): string[] {
  return state.rows.map((r) => r.entry.id);
}

function merge(state: TranscriptState, items: ChatItem[]) {
  return mergeItems(state, items, ctx);
}

describe('merge: dedupe and order', () => {
  it('orders by AbsoluteTime whatever the arrival order', () => {
    const r = merge(emptyTranscript, [msg('c', 3), msg('a', 1), msg('b', 2)]);
    expect(ids(r.state)).toEqual(['a', 'b', 'c']);
    expect(r.added.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('deduplicates by Id across batches and sources', () => {
    const first = merge(emptyTranscript, [msg('a', 1), msg('b', 2)]);
    const second = merge(first.state, [msg('b', 2), msg('a', 1), msg('c', 3), msg('c', 3)]);
    expect(ids(second.state)).toEqual(['a', 'b', 'c']);
    expect(second.added.map((e) => e.id)).toEqual(['c']);
    expect(second.updated).toEqual([]);
  });

  it('keeps the order of first sight for equal times (stable)', () => {
    const r1 = merge(emptyTranscript, [msg('x', 5), msg('y', 5)]);
    const r2 = merge(r1.state, [msg('z', 5), msg('w', 4)]);
    expect(ids(r2.state)).toEqual(['w', 'x', 'y', 'z']);
    // merging the same items again in another order changes nothing
    const r3 = merge(r2.state, [msg('z', 5), msg('y', 5), msg('x', 5)]);
    expect(ids(r3.state)).toEqual(['w', 'x', 'y', 'z']);
  });

  it('is order-independent: any permutation of the same items gives the same transcript order by time', () => {
    const items = Array.from({ length: 30 }, (_, i) => msg(`m${i}`, i));
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 5; round++) {
      const shuffled = [...items, ...items.slice(0, 10)].sort(() => rand() - 0.5);
      let state = emptyTranscript;
      for (let i = 0; i < shuffled.length; i += 4) state = merge(state, shuffled.slice(i, i + 4)).state;
      expect(ids(state)).toEqual(items.map((i) => i.Id));
    }
  });

  it('marks own messages, gives them status sent, and maps roles and names', () => {
    const r = merge(emptyTranscript, [msg('a', 1, ME, 'hi'), msg('b', 2)]);
    const [mine, theirs] = r.state.rows.map((row) => row.entry);
    expect(mine).toMatchObject({ kind: 'message', own: true, status: 'sent', role: 'CUSTOMER', content: 'hi', contactId: 'c1' });
    expect(theirs).toMatchObject({ kind: 'message', own: false, role: 'AGENT', displayName: 'Agent' });
    expect(theirs.kind === 'message' && theirs.status).toBeUndefined();
  });

  it('treats CUSTOMER items of an earlier contact (rehydrated) as own', () => {
    const old: ChatItem = { ...msg('old', 1, 'p-old-customer'), ParticipantRole: 'CUSTOMER', ContactId: undefined, RelatedContactId: 'c0' };
    const r = merge(emptyTranscript, [old]);
    expect(r.state.rows[0].entry).toMatchObject({ own: true, contactId: 'c0' });
  });
});

describe('merge: events, typing, attachments', () => {
  it('keeps events as notices and drops typing from the transcript', () => {
    const typing = event('ty', 2, 'typing');
    const r = merge(emptyTranscript, [event('j', 1, 'participant.joined'), typing, event('l', 3, 'participant.left'), event('r', 4, 'chat.rehydrated')]);
    expect(r.state.rows.map((row) => row.entry.kind === 'notice' && row.entry.event)).toEqual(['joined', 'left', 'rehydrated']);
    expect(r.typing.map((i) => i.Id)).toEqual(['ty']);
  });

  it('ignores own typing echoes', () => {
    const r = merge(emptyTranscript, [{ ...event('ty', 2, 'typing'), ParticipantId: ME }]);
    expect(r.typing).toEqual([]);
  });

  it('maps every documented event to a notice', () => {
    const kinds = ['participant.idle', 'participant.returned', 'participant.autodisconnection', 'transfer.succeeded', 'transfer.failed', 'authentication.initiated', 'participant.displayname.updated', 'workflow.cancelled'];
    const r = merge(emptyTranscript, kinds.map((k, i) => event(`e${i}`, i, k)));
    expect(r.state.rows.map((row) => row.entry.kind === 'notice' && row.entry.event)).toEqual([
      'idle', 'returned', 'autodisconnection', 'transfer-succeeded', 'transfer-failed', 'authentication-initiated', 'displayname-updated', 'workflow-cancelled',
    ]);
  });

  it('reports chat.ended of the current contact, not of a rehydrated earlier one', () => {
    const past = event('e0', 1, 'chat.ended', { ContactId: undefined, RelatedContactId: 'c0' });
    const r1 = merge(emptyTranscript, [past]);
    expect(r1.ended).toBe(false);
    expect(r1.state.rows[0].entry).toMatchObject({ kind: 'notice', event: 'ended', contactId: 'c0' });
    const r2 = merge(r1.state, [event('e1', 2, 'chat.ended')]);
    expect(r2.ended).toBe(true);
  });

  it('maps attachments and updates a status change reported under another Id', () => {
    const att: ChatItem = {
      Id: 'at1', AbsoluteTime: t(1), Type: 'ATTACHMENT', ParticipantId: ME, ParticipantRole: 'CUSTOMER', DisplayName: 'Me',
      Attachments: [{ AttachmentId: 'A1', AttachmentName: 'cat.png', ContentType: 'image/png', Status: 'IN_PROGRESS' }],
    };
    const r1 = merge(emptyTranscript, [att]);
    expect(r1.state.rows[0].entry).toMatchObject({ kind: 'attachment', attachmentId: 'A1', name: 'cat.png', status: 'IN_PROGRESS', own: true });
    const r2 = merge(r1.state, [{ ...att, Id: 'at2', AbsoluteTime: t(2), Attachments: [{ ...att.Attachments![0], Status: 'REJECTED' }] }]);
    expect(r2.state.rows).toHaveLength(1);
    expect(r2.state.rows[0].entry).toMatchObject({ id: 'at1', status: 'REJECTED' });
    expect(r2.updated.map((e) => e.id)).toEqual(['at1']);
  });
});

describe('merge: receipts folded into messages', () => {
  const metadata = (id: string, target: string, receipt: { read?: boolean; recipient?: string }): ChatItem => ({
    Id: id,
    AbsoluteTime: t(9),
    Type: 'MESSAGEMETADATA',
    ContentType: CONTENT_TYPE.metadata,
    MessageMetadata: {
      MessageId: target,
      Receipts: [{ DeliveredTimestamp: t(9), ...(receipt.read ? { ReadTimestamp: t(9) } : {}), RecipientParticipantId: receipt.recipient ?? AGENT }],
    },
  });

  it('upgrades own messages delivered → read and never back', () => {
    const r1 = merge(emptyTranscript, [msg('m', 1, ME)]);
    const r2 = merge(r1.state, [metadata('x1', 'm', {})]);
    expect(r2.state.rows[0].entry).toMatchObject({ receipt: 'delivered' });
    const r3 = merge(r2.state, [metadata('x2', 'm', { read: true })]);
    expect(r3.state.rows[0].entry).toMatchObject({ receipt: 'read' });
    const r4 = merge(r3.state, [metadata('x3', 'm', {})]);
    expect(r4.state.rows[0].entry).toMatchObject({ receipt: 'read' });
    expect(r4.updated).toEqual([]);
    expect(r4.state.rows).toHaveLength(1); // metadata items are not entries
  });

  it('holds a receipt that arrives before its message', () => {
    const r1 = merge(emptyTranscript, [metadata('x1', 'm', { read: true })]);
    expect(r1.state.rows).toHaveLength(0);
    const r2 = merge(r1.state, [msg('m', 1, ME)]);
    expect(r2.state.rows[0].entry).toMatchObject({ receipt: 'read' });
  });

  it('reads receipts carried by transcript messages, and reports our own receipts separately', () => {
    const mine: ChatItem = { ...msg('m1', 1, ME), MessageMetadata: { MessageId: 'm1', Receipts: [{ DeliveredTimestamp: t(2), RecipientParticipantId: AGENT }] } };
    const theirs: ChatItem = { ...msg('m2', 2), MessageMetadata: { MessageId: 'm2', Receipts: [{ DeliveredTimestamp: t(3), ReadTimestamp: t(3), RecipientParticipantId: ME }] } };
    const r = merge(emptyTranscript, [mine, theirs]);
    expect(r.state.rows[0].entry).toMatchObject({ receipt: 'delivered' });
    expect(r.state.rows[1].entry).toMatchObject({ receipt: undefined });
    expect(r.ownReceipts).toEqual([{ messageId: 'm2', level: 'read' }]);
  });

  it('reports the echo of our own receipt without folding it', () => {
    const r1 = merge(emptyTranscript, [msg('m', 1)]);
    const r2 = merge(r1.state, [metadata('x', 'm', { recipient: ME, read: true })]);
    expect(r2.ownReceipts).toEqual([{ messageId: 'm', level: 'read' }]);
    expect(r2.state.rows[0].entry).toMatchObject({ receipt: undefined });
  });
});

describe('merge: Lex streaming chunks', () => {
  const chunk = (n: number, content: string, completed: boolean, sec = n): ChatItem => ({
    Id: 'bot1',
    AbsoluteTime: t(sec),
    Type: 'MESSAGE',
    ContentType: 'text/plain',
    Content: content,
    ParticipantId: 'p-bot',
    DisplayName: 'BOT',
    ParticipantRole: 'SYSTEM',
    MessageMetadata: { MessageId: 'bot1', MessageCompleted: completed, ChunkNumber: n },
  });

  it('stitches in-order chunks and keeps the first chunk time', () => {
    let s = merge(emptyTranscript, [chunk(1, 'Hel', false)]);
    expect(s.state.rows[0].entry).toMatchObject({ content: 'Hel', streaming: true, time: t(1) });
    s = merge(s.state, [chunk(2, 'lo ', false)]);
    s = merge(s.state, [chunk(3, 'world', false)]);
    expect(s.state.rows).toHaveLength(1);
    expect(s.state.rows[0].entry).toMatchObject({ content: 'Hello world', streaming: true, time: t(1) });
    expect(s.updated).toHaveLength(1);
  });

  it('ignores out-of-order and repeated chunks until the completed message replaces them', () => {
    let s = merge(emptyTranscript, [chunk(1, 'A', false)]);
    s = merge(s.state, [chunk(3, 'C', false)]); // skipped: 2 missing
    s = merge(s.state, [chunk(1, 'A', false)]); // repeat
    expect(s.state.rows[0].entry).toMatchObject({ content: 'A', streaming: true });
    s = merge(s.state, [chunk(4, 'ABCD', true, 7)]);
    expect(s.state.rows[0].entry).toMatchObject({ content: 'ABCD', streaming: false, time: t(1) });
    s = merge(s.state, [chunk(2, 'B', false)]); // late chunk after completion
    expect(s.state.rows[0].entry).toMatchObject({ content: 'ABCD', streaming: false });
  });

  it('waits for chunk 1 before showing a stream', () => {
    const s = merge(emptyTranscript, [chunk(2, 'B', false)]);
    expect(s.state.rows).toHaveLength(0);
  });

  it('shows a completed stream that arrives whole (e.g. from GetTranscript)', () => {
    const s = merge(emptyTranscript, [chunk(5, 'Whole answer', true)]);
    expect(s.state.rows[0].entry).toMatchObject({ content: 'Whole answer', streaming: false });
  });
});

describe('anchors, own sends, restore', () => {
  it('finds the last and oldest anchor Ids, skipping metadata and related-contact items', () => {
    const past: ChatItem = { ...msg('p', 0), ContactId: undefined, RelatedContactId: 'c0' };
    const s = merge(emptyTranscript, [past, msg('a', 1), msg('b', 2), event('ty', 3, 'typing')]).state;
    expect(lastAnchorId(s)).toBe('b');
    expect(oldestAnchorId(s)).toBe('a');
    expect(oldestAnchorId(s, 'c0')).toBe('p');
    expect(lastAnchorId(emptyTranscript)).toBeUndefined();
  });

  it('never starts a gap fill at an untrusted item (an own send answer) until the service delivers it', () => {
    let s = merge(emptyTranscript, [msg('a', 1)]).state;
    s = mergeItems(s, [msg('own', 5, ME)], ctx, false).state;
    expect(lastAnchorId(s)).toBe('a');
    s = merge(s, [msg('own', 5, ME)]).state; // the echo (socket or GetTranscript)
    expect(lastAnchorId(s)).toBe('own');
  });

  it('claims an own message for a ClientToken and keeps the claim when the service copy arrives', () => {
    let s = merge(emptyTranscript, [msg('m', 1, ME, 'hello')]).state;
    s = claimOwnSend(s, 'm', 'tok-1');
    expect(s.rows[0].entry).toMatchObject({ clientToken: 'tok-1', status: 'sent' });
    s = merge(s, [msg('m', 1, ME, 'hello')]).state;
    expect(s.rows[0].entry).toMatchObject({ clientToken: 'tok-1' });
  });

  it("keeps an own send's display text when the service's copy (a newer version of the item) arrives", () => {
    let s = merge(emptyTranscript, [msg('m', 1, ME, '{"action":"Next"}')]).state;
    s = claimOwnSend(s, 'm', 'tok-1', 'Book');
    expect(s.rows[0].entry).toMatchObject({ clientToken: 'tok-1', display: 'Book' });
    s = merge(s, [{ ...msg('m', 1, ME, '{"action":"Next"}'), AbsoluteTime: t(2) }]).state;
    expect(s.rows[0].entry).toMatchObject({ display: 'Book', content: '{"action":"Next"}', time: t(2) });
  });

  it('restores from rows and continues the sequence', () => {
    const s = merge(emptyTranscript, [msg('a', 1), msg('b', 2)]).state;
    const restored = transcriptFromRows([...s.rows].reverse());
    expect(ids(restored)).toEqual(['a', 'b']);
    expect(restored.nextSeq).toBe(2);
    const next = merge(restored, [msg('c', 2)]);
    expect(ids(next.state)).toEqual(['a', 'b', 'c']);
  });

  it('bounds stored rows to the newest', () => {
    const s = merge(emptyTranscript, [msg('a', 1), msg('b', 2), msg('c', 3)]).state;
    expect(boundRows(s.rows, 2).map((r) => r.entry.id)).toEqual(['b', 'c']);
  });
});

describe('merge: kept indexes never leak between states', () => {
  it('merging an older state again does not see or change what later merges added', () => {
    const s1 = merge(emptyTranscript, [msg('a', 1), msg('b', 2)]).state;
    const s2 = merge(s1, [msg('c', 3)]).state;
    const s3 = merge(s2, [msg('d', 4), msg('b', 2, AGENT, 'edited')]).state;
    // s1 reused after s2 and s3 took its index: 'c' and 'd' are new to it, 'b' is unchanged there.
    const again = merge(s1, [msg('c', 3), msg('d', 0)]);
    expect(again.added.map((e) => e.id)).toEqual(['d', 'c']);
    expect(ids(again.state)).toEqual(['d', 'a', 'b', 'c']);
    // None of the earlier states changed.
    expect(ids(s1)).toEqual(['a', 'b']);
    expect(ids(s2)).toEqual(['a', 'b', 'c']);
    expect(ids(s3)).toEqual(['a', 'b', 'c', 'd']);
    expect(s3.rows[1].entry).toMatchObject({ content: 'edited' });
    expect(s2.rows[1].entry).toMatchObject({ content: 'text b' });
    // And the newest state still merges from its own rows.
    const later = merge(s3, [msg('c', 3), msg('e', 5)]);
    expect(later.added.map((e) => e.id)).toEqual(['e']);
    expect(ids(later.state)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a receipt folded into a reused state leaves the later state as it was', () => {
    const s1 = merge(emptyTranscript, [msg('m', 1, ME)]).state;
    const s2 = merge(s1, [msg('n', 2, ME)]).state;
    const s1r = merge(s1, [{ Id: 'x', Type: 'MESSAGEMETADATA', MessageMetadata: { MessageId: 'm', Receipts: [{ ReadTimestamp: t(3), RecipientParticipantId: AGENT }] } }]).state;
    expect(s1r.rows[0].entry).toMatchObject({ receipt: 'read' });
    expect(s2.rows[0].entry).toMatchObject({ receipt: undefined });
    expect(merge(s2, [msg('m', 1, ME)]).updated).toEqual([]);
  });

  it('claiming an own send on an older state leaves later states alone', () => {
    const s1 = merge(emptyTranscript, [msg('m', 1, ME)]).state;
    const s2 = merge(s1, [msg('n', 2)]).state;
    const claimed = claimOwnSend(s1, 'm', 'tok');
    expect(claimed.rows[0].entry).toMatchObject({ clientToken: 'tok' });
    expect(s2.rows[0].entry).toMatchObject({ clientToken: undefined });
    expect(merge(s2, [msg('o', 3)]).state.rows[0].entry).toMatchObject({ clientToken: undefined });
    expect(ids(merge(claimed, [msg('o', 3)]).state)).toEqual(['m', 'o']);
  });

  it('returns the same state when nothing changes (duplicates, typing, own receipt echoes)', () => {
    const s = merge(emptyTranscript, [msg('a', 1), msg('b', 2)]).state;
    const r = merge(s, [msg('a', 1), event('ty', 3, 'typing')]);
    expect(r.state).toBe(s);
    expect(r.added).toEqual([]);
    expect(r.typing.map((i) => i.Id)).toEqual(['ty']);
  });
});

describe('merge: order kept while rows move', () => {
  it('moves a row whose time changes and reports it as updated in transcript order', () => {
    const s = merge(emptyTranscript, [msg('a', 1), msg('b', 2), msg('c', 3)]).state;
    const r = merge(s, [{ ...msg('a', 5) }, msg('d', 4), { ...msg('c', 3), Content: 'changed' }]);
    expect(ids(r.state)).toEqual(['b', 'c', 'd', 'a']);
    expect(r.added.map((e) => e.id)).toEqual(['d']);
    expect(r.updated.map((e) => e.id)).toEqual(['c', 'a']);
  });

  it('merges into rows restored or mirrored out of order', () => {
    const s = merge(emptyTranscript, [msg('a', 1), msg('b', 2), msg('c', 3)]).state;
    const shuffled: TranscriptState = { ...s, rows: [s.rows[2], s.rows[0], s.rows[1]] };
    const r = merge(shuffled, [msg('b', 2, AGENT, 'new'), msg('z', 0)]);
    expect(ids(r.state)).toEqual(['z', 'a', 'b', 'c']);
    expect(r.updated.map((e) => e.id)).toEqual(['b']);
    expect(shuffled.rows.map((row) => row.entry.id)).toEqual(['c', 'a', 'b']);
  });

  it('matches a rescanned attachment by AttachmentId across many merges', () => {
    let s = emptyTranscript;
    for (let i = 0; i < 50; i++) {
      s = merge(s, [{
        Id: `at${i}`, AbsoluteTime: t(i), Type: 'ATTACHMENT', ParticipantId: ME, ParticipantRole: 'CUSTOMER', DisplayName: 'Me',
        Attachments: [{ AttachmentId: `A${i}`, AttachmentName: `f${i}.png`, ContentType: 'image/png', Status: 'IN_PROGRESS' }],
      }]).state;
    }
    const r = merge(s, [{
      Id: 'rescan', AbsoluteTime: t(59), Type: 'ATTACHMENT', ParticipantId: ME, ParticipantRole: 'CUSTOMER', DisplayName: 'Me',
      Attachments: [{ AttachmentId: 'A7', AttachmentName: 'f7.png', ContentType: 'image/png', Status: 'APPROVED' }],
    }]);
    expect(r.state.rows).toHaveLength(50);
    expect(r.updated.map((e) => e.id)).toEqual(['at7']);
    // It takes the time of the rescan report, as before: last now.
    expect(r.state.rows[49].entry).toMatchObject({ id: 'at7', status: 'APPROVED' });
    expect(s.rows[7].entry).toMatchObject({ status: 'IN_PROGRESS' });
  });
});

describe('entry list kept in step with the rows', () => {
  it('equals the rows entries after appends, inserts, moves, receipts and claims, and leaves older lists alone', () => {
    let s = merge(emptyTranscript, [msg('a', 1, ME), msg('c', 3)]).state;
    const first = entriesOfState(s);
    expect(first.map((e) => e.id)).toEqual(['a', 'c']);
    const steps: ((x: TranscriptState) => TranscriptState)[] = [
      (x) => merge(x, [msg('d', 4)]).state, // append
      (x) => merge(x, [msg('b', 2)]).state, // insert in the middle
      (x) => merge(x, [msg('a', 9, ME)]).state, // moves to the end
      (x) => merge(x, [{ Id: 'r', Type: 'MESSAGEMETADATA', MessageMetadata: { MessageId: 'a', Receipts: [{ ReadTimestamp: t(9), RecipientParticipantId: AGENT }] } }]).state,
      (x) => claimOwnSend(x, 'a', 'tok'),
    ];
    for (const step of steps) {
      entriesOfState(s);
      s = step(s);
      expect(entriesOfState(s)).toEqual(s.rows.map((r) => r.entry));
    }
    expect(ids(s)).toEqual(['b', 'c', 'd', 'a']);
    expect(entriesOfState(s)[3]).toMatchObject({ receipt: 'read', clientToken: 'tok' });
    expect(first.map((e) => e.id)).toEqual(['a', 'c']);
  });
});

describe('message processing (MessageMetadata.MessageProcessingStatus)', () => {
  const held = (status?: 'PROCESSING' | 'REJECTED' | 'FAILED'): ChatItem => ({
    ...msg('m', 1, ME, 'my card is 4111'),
    ...(status ? { MessageMetadata: { MessageId: 'm', MessageProcessingStatus: status } } : { MessageMetadata: { MessageId: 'm' } }),
  });
  const processing = (s: TranscriptState) => (entriesOfState(s)[0] as { processing?: string }).processing;

  it('follows the same Id from PROCESSING to REJECTED, FAILED or delivered', () => {
    let s = merge(emptyTranscript, [held('PROCESSING')]).state;
    expect(processing(s)).toBe('processing');
    const rejected = merge(s, [held('REJECTED')]);
    expect(rejected.updated.map((e) => e.id)).toEqual(['m']);
    expect(processing(rejected.state)).toBe('rejected');
    expect(processing(merge(s, [held('FAILED')]).state)).toBe('failed');
    s = merge(s, [held()]).state;
    expect(processing(s)).toBeUndefined();
  });

  it('a MESSAGEMETADATA item carrying the status updates its message', () => {
    const s = merge(emptyTranscript, [held('PROCESSING')]).state;
    const next = merge(s, [{ Id: 'x', Type: 'MESSAGEMETADATA', MessageMetadata: { MessageId: 'm', MessageProcessingStatus: 'REJECTED' } }]);
    expect(processing(next.state)).toBe('rejected');
    expect(next.updated.map((e) => e.id)).toEqual(['m']);
  });

  it('rejected and failed are final; our own SendMessage answer never overrides the stream', () => {
    const rejected = merge(emptyTranscript, [held('REJECTED')]).state;
    expect(processing(merge(rejected, [held('PROCESSING')]).state)).toBe('rejected');
    const delivered = merge(merge(emptyTranscript, [held('PROCESSING')]).state, [held()]).state;
    // The SendMessage answer (untrusted) said PROCESSING, but arrived after the stream's "delivered".
    expect(processing(mergeItems(delivered, [held('PROCESSING')], ctx, false).state)).toBeUndefined();
  });
});

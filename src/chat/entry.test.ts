// Every entry of a kind has the same fields in the same order, whatever made it (see entry.ts: this is
// what gives them one hidden class, and keeps passes over long transcripts monomorphic).
import { describe, expect, it } from 'vitest';
import { attachmentEntry, messageEntry, noticeEntry, shaped, withFields } from './entry.js';
import { pendingEntry } from './outbox.js';
import { claimOwnSend, emptyTranscript, entriesOfState, mergeItems, type ChatItem } from './transcript.js';
import type { MessageEntry, TranscriptEntry } from './types.js';

const ME = 'p-me';
const ctx = { participantId: ME };
const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, s)).toISOString();
const base = { AbsoluteTime: at(0), DisplayName: 'A', ParticipantRole: 'AGENT', ParticipantId: 'p-agent' } as const;

const KEYS = {
  message: Object.keys(messageEntry({ id: '', time: '', participantId: '', displayName: '', role: 'AGENT', own: false, contentType: '', content: '' })),
  attachment: Object.keys(attachmentEntry({ id: '', time: '', participantId: '', displayName: '', role: 'AGENT', own: false, attachmentId: '', name: '', contentType: '', status: 'APPROVED' })),
  notice: Object.keys(noticeEntry({ id: '', time: '', participantId: '', displayName: '', role: 'AGENT', own: false, event: 'joined', contentType: '' })),
};

function expectShaped(entries: readonly TranscriptEntry[]): void {
  expect(entries.length).toBeGreaterThan(0);
  for (const e of entries) expect(Object.keys(e), `${e.kind} ${e.id}`).toEqual(KEYS[e.kind]);
}

describe('entry shapes', () => {
  it('one field order per kind, optional fields present as undefined', () => {
    expect(KEYS.message.slice(0, 8)).toEqual(['kind', 'id', 'time', 'participantId', 'displayName', 'role', 'own', 'contactId']);
    expect(KEYS.message).toContain('receipt');
    expect(messageEntry({ id: 'm', time: '', participantId: '', displayName: '', role: 'AGENT', own: false, contentType: 'text/plain', content: 'x' }).receipt).toBeUndefined();
  });

  it('items of every kind, with and without optional parts, come out in their kind shape', () => {
    const items: ChatItem[] = [
      { ...base, Id: 'm1', Type: 'MESSAGE', ContentType: 'text/plain', Content: 'hi' },
      { ...base, Id: 'm2', Type: 'MESSAGE', ContentType: 'text/plain', Content: 'hi', ContactId: 'c1' },
      { ...base, Id: 'm3', Type: 'MESSAGE', ContentType: 'text/plain', Content: 'mine', ParticipantId: ME, ParticipantRole: 'CUSTOMER' },
      { ...base, Id: 'e1', Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.participant.joined' },
      { ...base, Id: 'e2', Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.authentication.initiated', Content: '{}', ContactId: 'c1' },
      { ...base, Id: 'a1', Type: 'ATTACHMENT', Attachments: [{ AttachmentId: 'A', AttachmentName: 'x.png', ContentType: 'image/png', Status: 'APPROVED' }, { AttachmentId: 'B', AttachmentName: 'y.png', ContentType: 'image/png' }] },
    ];
    expectShaped(entriesOfState(mergeItems(emptyTranscript, items, ctx).state));
  });

  it('entries changed by receipts, claims, combines and streams keep the shape', () => {
    let s = mergeItems(emptyTranscript, [{ ...base, Id: 'm', Type: 'MESSAGE', ContentType: 'text/plain', Content: 'mine', ParticipantId: ME, ParticipantRole: 'CUSTOMER' }], ctx).state;
    s = mergeItems(s, [{ Id: 'r', Type: 'MESSAGEMETADATA', MessageMetadata: { MessageId: 'm', Receipts: [{ ReadTimestamp: at(1), RecipientParticipantId: 'p-agent' }] } }], ctx).state;
    s = claimOwnSend(s, 'm', 'token-1');
    // The service's copy again, with another display name: combined with what we knew.
    s = mergeItems(s, [{ ...base, Id: 'm', Type: 'MESSAGE', ContentType: 'text/plain', Content: 'mine', ParticipantId: ME, ParticipantRole: 'CUSTOMER', DisplayName: 'B' }], ctx).state;
    const chunk = (n: number, done = false): ChatItem => ({
      ...base, ParticipantRole: 'SYSTEM', Id: 'bot', Type: 'MESSAGE', ContentType: 'text/plain', Content: `c${n}`, AbsoluteTime: at(2 + n),
      MessageMetadata: { MessageId: 'bot', ChunkNumber: n, MessageCompleted: done } as ChatItem['MessageMetadata'],
    });
    s = mergeItems(s, [chunk(1)], ctx).state;
    s = mergeItems(s, [chunk(2)], ctx).state;
    const entries = entriesOfState(s);
    expect(entries.find((e) => e.id === 'm')).toMatchObject({ receipt: 'read', clientToken: 'token-1', displayName: 'B' });
    expect(entries.find((e) => e.id === 'bot')).toMatchObject({ content: 'c1c2', streaming: true });
    expectShaped(entries);
    s = mergeItems(s, [chunk(3, true)], ctx).state;
    expectShaped(entriesOfState(s));
  });

  it('pending sends, stored entries and patched copies are reshaped', () => {
    const record = { clientToken: 't', queuedAt: at(0), contentType: 'text/plain', content: 'x', status: 'failed', error: 'offline', attempts: 1 };
    expectShaped([pendingEntry(record as Parameters<typeof pendingEntry>[0], { participantId: ME, displayName: 'Me' })]);
    // As an older version stored it: only the fields it had, in another order.
    const stored = { content: 'x', kind: 'message', id: 'm', own: false, time: at(0), participantId: 'p', displayName: 'A', role: 'AGENT', contentType: 'text/plain' } as MessageEntry;
    const again = shaped(stored);
    expectShaped([again]);
    expect(again).toEqual(stored);
    const patched = withFields(again, { content: 'y' });
    expectShaped([patched]);
    expect(patched).toMatchObject({ id: 'm', content: 'y' });
    expect(again).toMatchObject({ content: 'x' });
  });
});

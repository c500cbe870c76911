import { describe, expect, it } from 'vitest';
import { INTERACTIVE, INTERACTIVE_RESPONSE, TYPING, describeItem, latestUnread, mergeItem } from './items.js';
import type { ChatItem, Entry } from './items.js';

const ME = 'agent-1';
let n = 0;
const item = (over: Partial<ChatItem>): ChatItem => ({
  Id: `id-${++n}`,
  AbsoluteTime: `2030-01-01T00:00:${String(10 + n).padStart(2, '0')}.000Z`,
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: 'hi',
  ParticipantId: 'customer-1',
  ParticipantRole: 'CUSTOMER',
  DisplayName: 'Jane',
  ...over,
});
const merge = (items: ChatItem[]): Entry[] => items.reduce<Entry[]>((entries, next) => mergeItem(entries, next, ME), []);

describe('mergeItem', () => {
  it('dedupes by Id, orders by AbsoluteTime and skips typing', () => {
    const a = item({ AbsoluteTime: '2030-01-01T00:00:02.000Z' });
    const b = item({ AbsoluteTime: '2030-01-01T00:00:01.000Z' });
    const entries = merge([a, b, a, item({ Type: 'EVENT', ContentType: TYPING, Content: undefined })]);
    expect(entries.map((entry) => entry.item.Id)).toEqual([b.Id, a.Id]);
  });

  it('stitches in-order streaming chunks, ignores out-of-order ones, and the completing item wins', () => {
    const base = { Id: 'stream', ParticipantRole: 'SYSTEM' as const, ParticipantId: 'bot' };
    let entries = merge([item({ ...base, Content: 'Hel', MessageMetadata: { MessageCompleted: false, ChunkNumber: 1 } })]);
    const time = entries[0].item.AbsoluteTime;
    entries = mergeItem(entries, item({ ...base, Content: 'lo', MessageMetadata: { MessageCompleted: false, ChunkNumber: 2 } }), ME);
    entries = mergeItem(entries, item({ ...base, Content: 'XX', MessageMetadata: { MessageCompleted: false, ChunkNumber: 4 } }), ME);
    expect(entries[0].item.Content).toBe('Hello');
    expect(describeItem(entries[0].item).label).toBe('text · streaming');
    entries = mergeItem(entries, item({ ...base, Content: 'Hello world', MessageMetadata: { MessageCompleted: true, ChunkNumber: 5 } }), ME);
    expect(entries).toHaveLength(1);
    expect(entries[0].item.Content).toBe('Hello world');
    expect(entries[0].item.AbsoluteTime).toBe(time);
  });

  it('applies receipts from MESSAGEMETADATA for the other side only', () => {
    const mine = item({ ParticipantId: ME, ParticipantRole: 'AGENT' });
    let entries = merge([mine]);
    const metadata = (receipt: object): ChatItem =>
      item({ Type: 'MESSAGEMETADATA', ContentType: 'application/vnd.amazonaws.connect.event.message.metadata', MessageMetadata: { MessageId: mine.Id, Receipts: [receipt] } });
    entries = mergeItem(entries, metadata({ RecipientParticipantId: ME, ReadTimestamp: 'x' }), ME);
    expect(entries[0]).toMatchObject({ delivered: false, read: false });
    entries = mergeItem(entries, metadata({ RecipientParticipantId: 'customer-1', DeliveredTimestamp: 'x' }), ME);
    expect(entries[0]).toMatchObject({ delivered: true, read: false });
    entries = mergeItem(entries, metadata({ RecipientParticipantId: 'customer-1', DeliveredTimestamp: 'x', ReadTimestamp: 'y' }), ME);
    expect(entries[0]).toMatchObject({ delivered: true, read: true });
    expect(entries).toHaveLength(1);
  });

  it('reads receipts already on a transcript item', () => {
    const entries = merge([item({ ParticipantId: ME, MessageMetadata: { MessageId: 'm', Receipts: [{ RecipientParticipantId: 'c', DeliveredTimestamp: 't' }] } })]);
    expect(entries[0]).toMatchObject({ delivered: true, read: false });
  });
});

describe('describeItem', () => {
  it('names interactive templates, responses, views, events and attachments in plain text', () => {
    const picker = describeItem(item({ ContentType: INTERACTIVE, Content: JSON.stringify({ templateType: 'ListPicker', version: '1.0', data: { content: { title: '<b>Pick</b>' } } }) }));
    expect(picker).toMatchObject({ label: 'ListPicker', text: '<b>Pick</b>' });
    expect(picker.json).toContain('"templateType": "ListPicker"');
    const view = describeItem(item({ ContentType: INTERACTIVE, Content: JSON.stringify({ templateType: 'ViewResource', version: '1.0', data: { content: { viewId: 'arn:v/cards:1' } } }) }));
    expect(view.text).toBe('view arn:v/cards:1');
    const response = describeItem(item({ ContentType: INTERACTIVE_RESPONSE, Content: JSON.stringify({ action: 'SHOW_MORE', data: { actionName: 'SHOW_MORE' } }) }));
    expect(response).toMatchObject({ label: 'interactive response', text: 'SHOW_MORE: SHOW_MORE' });
    const typed = describeItem(item({ ContentType: INTERACTIVE_RESPONSE, Content: JSON.stringify({ action: ' ', data: { content: 'hello' }, templateType: 'ViewResource' }) }));
    expect(typed).toMatchObject({ label: 'ViewResource response', text: 'typed text: hello' });
    expect(describeItem(item({ Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.participant.joined', Content: undefined }))).toMatchObject({
      kind: 'event',
      label: 'participant.joined',
      text: 'Jane joined',
    });
    expect(describeItem(item({ Type: 'ATTACHMENT', ContentType: undefined, Attachments: [{ AttachmentName: 'a.pdf', ContentType: 'application/pdf', Status: 'APPROVED' }] }))).toMatchObject({
      kind: 'attachment',
      label: 'APPROVED',
      text: 'a.pdf (application/pdf)',
    });
    expect(describeItem(item({ ContentType: INTERACTIVE, Content: '{broken' })).text).toBe('(unreadable interactive content)');
    const rated = describeItem(item({ ContentType: INTERACTIVE_RESPONSE, Content: JSON.stringify({ action: 'Rate', data: { Rating: '4' }, templateType: 'ViewResource' }) }));
    expect(rated.text).toBe('Rate: {"Rating":"4"}');
  });

  it('says when a message is held or was not delivered (MessageProcessingStatus)', () => {
    expect(describeItem(item({ MessageMetadata: { MessageId: 'm', MessageProcessingStatus: 'REJECTED' } })).processing).toBe('REJECTED');
    expect(describeItem(item({})).processing).toBeUndefined();
  });
});

describe('latestUnread', () => {
  it('is the newest incoming customer message not yet read, and nothing when the bot spoke last', () => {
    const first = item({});
    const second = item({});
    const entries = merge([first, item({ ParticipantId: ME, ParticipantRole: 'AGENT' }), second]);
    expect(latestUnread(entries, ME, new Set())?.Id).toBe(second.Id);
    expect(latestUnread(entries, ME, new Set([second.Id ?? '']))).toBeUndefined();
    expect(latestUnread(merge([first, item({ ParticipantRole: 'SYSTEM', ParticipantId: 'bot' })]), ME, new Set())).toBeUndefined();
  });
});

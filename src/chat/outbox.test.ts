import { describe, expect, it } from 'vitest';
import { codePointLength } from '../client/validate.js';
import { characterCount } from './content-types.js';
import {
  acknowledgedItem,
  attemptStarted,
  createRecord,
  discardSend,
  enqueue,
  localId,
  nextToSend,
  pendingEntry,
  retrySend,
  sendFailed,
  sendSucceeded,
  validateMessage,
  withMirroredSends,
  type Outbox,
} from './outbox.js';
import { emptyTranscript, mergeItems } from './transcript.js';
import { composeTranscript } from './transcript-view.js';

const me = { participantId: 'p-me', displayName: 'Me' };
const SUPPORTED = ['text/plain', 'text/markdown', 'application/vnd.amazonaws.connect.message.interactive.response'];

describe('validateMessage', () => {
  it('accepts text up to the per-type limit', () => {
    expect(validateMessage('x'.repeat(1024), 'text/plain', SUPPORTED)).toBeNull();
    expect(validateMessage('x'.repeat(1024), 'text/markdown', SUPPORTED)).toBeNull();
    expect(validateMessage('x'.repeat(12288), 'application/vnd.amazonaws.connect.message.interactive.response', SUPPORTED)).toBeNull();
  });

  it('refuses text over the limit with a message that says by how much', () => {
    const error = validateMessage('x'.repeat(1030), 'text/plain', SUPPORTED);
    expect(error?.code).toBe('message-too-long');
    expect(error?.message).toContain('1030');
    expect(error?.message).toContain('1024');
    expect(error?.message).toContain('by 6 characters');
    expect(error?.message).toContain('kept');
    expect(validateMessage('x'.repeat(12289), 'application/vnd.amazonaws.connect.message.interactive.response', SUPPORTED)?.code).toBe('message-too-long');
  });

  it('counts characters as the service does (code points): 600 emoji fit, 1025 do not', () => {
    // issue 11: UTF-16 units made 600 emoji "too long" while the service takes 1024 characters.
    expect(validateMessage('😀'.repeat(600), 'text/plain', SUPPORTED)).toBeNull();
    expect(validateMessage('😀'.repeat(1024), 'text/plain', SUPPORTED)).toBeNull();
    const error = validateMessage('😀'.repeat(1025), 'text/plain', SUPPORTED);
    expect(error?.code).toBe('message-too-long');
    expect(error?.message).toContain('1025 characters long');
  });

  it('characterCount agrees with the model validation of the client', () => {
    for (const text of ['', 'plain', '😀😀', 'e\u0301', '\ud83d lone high', 'lone low \ude00', '👩‍👩‍👧 family', '𝔘𝔫𝔦']) {
      expect(characterCount(text), JSON.stringify(text)).toBe(codePointLength(text));
    }
  });

  it('refuses empty and whitespace-only messages', () => {
    expect(validateMessage('', 'text/plain', SUPPORTED)?.code).toBe('message-empty');
    expect(validateMessage(' \n\t', 'text/plain', SUPPORTED)?.code).toBe('message-empty');
  });

  it('refuses content types the chat does not support', () => {
    const e1 = validateMessage('{}', 'application/json', SUPPORTED);
    expect(e1?.code).toBe('content-type-unsupported');
    expect(e1?.message).toContain('text/plain');
    expect(validateMessage('hi', 'text/html', [...SUPPORTED, 'text/html'])?.code).toBe('content-type-unsupported');
  });
});

describe('outbox state machine', () => {
  const a = createRecord('first', 'text/plain', 'tok-a', '2025-01-01T00:00:00.000Z');
  const b = createRecord('second', 'text/plain', 'tok-b', '2025-01-01T00:00:01.000Z');

  it('queues with the token assigned up front and sends in order, one at a time', () => {
    let box: Outbox = enqueue(enqueue([], a), b);
    expect(box.map((r) => [r.clientToken, r.status, r.attempts])).toEqual([['tok-a', 'sending', 0], ['tok-b', 'sending', 0]]);
    expect(nextToSend(box)?.clientToken).toBe('tok-a');
    box = attemptStarted(box, 'tok-a', 5);
    box = attemptStarted(box, 'tok-a', 9); // a retry keeps the first echo boundary
    expect(box[0]).toMatchObject({ attempts: 2, echoAfterSeq: 5, clientToken: 'tok-a' });
    expect(nextToSend(box)?.clientToken).toBe('tok-a'); // a transient failure keeps it at the head
    box = sendSucceeded(box, 'tok-a');
    expect(nextToSend(box)?.clientToken).toBe('tok-b');
  });

  it('ignores a second enqueue of the same token', () => {
    expect(enqueue(enqueue([], a), a)).toHaveLength(1);
  });

  it('fails permanently, skips the failed send, and retries it on demand with the same token', () => {
    let box: Outbox = enqueue(enqueue([], a), b);
    box = sendFailed(box, 'tok-a', 'send-failed', 'refused');
    expect(box[0]).toMatchObject({ status: 'failed', error: 'refused', errorCode: 'send-failed' });
    expect(nextToSend(box)?.clientToken).toBe('tok-b');
    box = retrySend(box, localId('tok-a'));
    expect(box[0]).toMatchObject({ status: 'sending', clientToken: 'tok-a' });
    expect(box[0]).not.toHaveProperty('error');
    expect(nextToSend(box)?.clientToken).toBe('tok-a');
  });

  it('discards only failed sends', () => {
    let box: Outbox = enqueue(enqueue([], a), b);
    expect(discardSend(box, localId('tok-a'))).toHaveLength(2);
    box = sendFailed(box, 'tok-a', 'send-failed', 'x');
    expect(discardSend(box, localId('tok-a')).map((r) => r.clientToken)).toEqual(['tok-b']);
  });

  it('shows pending sends as local entries after the transcript', () => {
    const state = mergeItems(emptyTranscript, [{ Id: 'x', AbsoluteTime: '2025-01-01T00:00:05.000Z', Type: 'MESSAGE', Content: 'later', ParticipantId: 'agent', ParticipantRole: 'AGENT' }], me).state;
    const box = sendFailed(enqueue(enqueue([], a), b), 'tok-b', 'send-failed', 'nope');
    const view = composeTranscript(state, box, me);
    expect(view.map((e) => e.id)).toEqual(['x', 'local:tok-a', 'local:tok-b']);
    expect(view[1]).toMatchObject({ status: 'sending', own: true, content: 'first', clientToken: 'tok-a' });
    expect(view[2]).toMatchObject({ status: 'failed', error: 'nope' });
    expect(pendingEntry(a, me).time).toBe(a.queuedAt);
  });

  it('hides a pending send whose echo arrived before the response, one echo per send', () => {
    let box: Outbox = enqueue(enqueue([], createRecord('ok', 'text/plain', 't1', 'q1')), createRecord('ok', 'text/plain', 't2', 'q2'));
    // an older own "ok" seen before the attempt must not count as the echo
    let state = mergeItems(emptyTranscript, [{ Id: 'old', AbsoluteTime: '2025-01-01T00:00:00.000Z', Type: 'MESSAGE', Content: 'ok', ContentType: 'text/plain', ParticipantId: 'p-me', ParticipantRole: 'CUSTOMER' }], me).state;
    box = attemptStarted(box, 't1', state.nextSeq);
    box = attemptStarted(box, 't2', state.nextSeq);
    expect(composeTranscript(state, box, me).map((e) => e.id)).toEqual(['old', 'local:t1', 'local:t2']);
    state = mergeItems(state, [{ Id: 'echo1', AbsoluteTime: '2025-01-01T00:00:01.000Z', Type: 'MESSAGE', Content: 'ok', ContentType: 'text/plain', ParticipantId: 'p-me', ParticipantRole: 'CUSTOMER' }], me).state;
    expect(composeTranscript(state, box, me).map((e) => e.id)).toEqual(['old', 'echo1', 'local:t2']);
  });

  it("shows a send's display text on its echo until the acknowledgement claims it", () => {
    let box: Outbox = enqueue([], createRecord('{"action":"Next"}', 'text/plain', 't1', 'q1', 'Book'));
    expect(composeTranscript(emptyTranscript, box, me)[0]).toMatchObject({ id: 'local:t1', display: 'Book' });
    box = attemptStarted(box, 't1', emptyTranscript.nextSeq);
    const state = mergeItems(emptyTranscript, [{ Id: 'echo1', AbsoluteTime: '2025-01-01T00:00:01.000Z', Type: 'MESSAGE', Content: '{"action":"Next"}', ContentType: 'text/plain', ParticipantId: 'p-me', ParticipantRole: 'CUSTOMER' }], me).state;
    expect(composeTranscript(state, box, me)).toMatchObject([{ id: 'echo1', display: 'Book' }]);
    expect(state.rows[0].entry).toMatchObject({ display: undefined }); // the merged state itself is not changed
  });

  it('turns an acknowledged send into a transcript item with the service Id and time', () => {
    const item = acknowledgedItem(a, { Id: 'srv-1', AbsoluteTime: '2025-01-01T00:00:02.000Z' }, me, 'now');
    expect(item).toMatchObject({ Id: 'srv-1', AbsoluteTime: '2025-01-01T00:00:02.000Z', Type: 'MESSAGE', Content: 'first', ParticipantId: 'p-me', ParticipantRole: 'CUSTOMER' });
    expect(acknowledgedItem(a, { Id: 'srv-1' }, me, 'now').AbsoluteTime).toBe('now');
  });
});

describe('withMirroredSends (a tab taking over)', () => {
  const stored = createRecord('stored', 'text/plain', 'tok-s', 'q1');
  const taken = createRecord('taken, not stored', 'text/plain', 'tok-t', 'q2');
  const sent = createRecord('sent meanwhile', 'text/plain', 'tok-x', 'q3');

  it('adds the sends the old leader mirrored but storage lacks, after the stored ones, with their tokens', () => {
    expect(withMirroredSends([stored], [stored, taken], new Set()).map((r) => r.clientToken)).toEqual(['tok-s', 'tok-t']);
  });

  it('leaves out what storage shows sent, and returns storage\'s outbox itself when nothing is missing', () => {
    const box = [stored];
    expect(withMirroredSends(box, [stored, sent], new Set(['tok-x']))).toBe(box);
    expect(withMirroredSends(box, [], new Set())).toBe(box);
  });
});

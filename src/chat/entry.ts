// Transcript entries are made here and only here: one object literal per kind, every field written
// in one order, absent optional fields as undefined, so all entries of a kind share one hidden class.
// Built with spreads of optional parts (`{ ...base, ...(x ? { x } : {}) }`), the V8 of Node 20 gave
// nearly every entry a hidden class of its own (1,987 for 2,000 entries) and every pass over the
// transcript went megamorphic: what the open window derives per message took 47.9 ms at 10,000
// entries, 1.6 ms with this (npx tsx bench/ui-derive.ts). Chromium 156 was not affected (1.6 ms
// before, 1.4 ms after); the headless session on Node is.
import type { AttachmentEntry, MessageEntry, NoticeEntry, TranscriptEntry } from './types.js';

type Fields<T> = Omit<T, 'kind'>;

export function messageEntry(f: Fields<MessageEntry>): MessageEntry {
  return {
    kind: 'message',
    id: f.id,
    time: f.time,
    participantId: f.participantId,
    displayName: f.displayName,
    role: f.role,
    own: f.own,
    contactId: f.contactId,
    contentType: f.contentType,
    content: f.content,
    status: f.status,
    error: f.error,
    receipt: f.receipt,
    streaming: f.streaming,
    clientToken: f.clientToken,
    display: f.display,
    processing: f.processing,
  };
}

export function attachmentEntry(f: Fields<AttachmentEntry>): AttachmentEntry {
  return {
    kind: 'attachment',
    id: f.id,
    time: f.time,
    participantId: f.participantId,
    displayName: f.displayName,
    role: f.role,
    own: f.own,
    contactId: f.contactId,
    attachmentId: f.attachmentId,
    name: f.name,
    contentType: f.contentType,
    status: f.status,
    receipt: f.receipt,
  };
}

export function noticeEntry(f: Fields<NoticeEntry>): NoticeEntry {
  return {
    kind: 'notice',
    id: f.id,
    time: f.time,
    participantId: f.participantId,
    displayName: f.displayName,
    role: f.role,
    own: f.own,
    contactId: f.contactId,
    event: f.event,
    contentType: f.contentType,
    content: f.content,
  };
}

/** The entry in its kind's shape (for entries read back from storage, or written before this rule). */
export function shaped<T extends TranscriptEntry>(e: T): T {
  return (e.kind === 'message' ? messageEntry(e) : e.kind === 'attachment' ? attachmentEntry(e) : noticeEntry(e)) as T;
}

/** A copy of `e` with `patch` applied, in its kind's shape. Never use a spread for this. */
export function withFields<T extends TranscriptEntry>(e: T, patch: Partial<Fields<T>>): T {
  return shaped({ ...e, ...patch });
}

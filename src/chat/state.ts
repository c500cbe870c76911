// Every piece of a session's state, as signals, in one place. The leader tab's engine writes them;
// a follower tab writes them from the leader's mirror messages; the UI only reads the public ones.
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import type { Outbox, Sender } from './outbox.js';
import type { TabRole } from './tabs.js';
import { emptyTranscript, type Row, type TranscriptState } from './transcript.js';
import { noTyping, typingList, type TypingState } from './typing.js';
import type { ChatErrorCode, ChatPhase, ConnectionState, TranscriptEntry, TypingParticipant, Upload } from './types.js';
import { composeTranscript } from './view.js';

export interface SessionState {
  readonly phase: Signal<ChatPhase>;
  readonly connection: Signal<ConnectionState>;
  /** The merged service transcript (internal: rows with order and anchors). */
  readonly transcriptState: Signal<TranscriptState>;
  readonly outbox: Signal<Outbox>;
  readonly me: Signal<Sender>;
  readonly typingState: Signal<TypingState>;
  readonly uploads: Signal<readonly Upload[]>;
  readonly hasOlder: Signal<boolean>;
  readonly loadingOlder: Signal<boolean>;
  readonly lastError: Signal<{ code: ChatErrorCode; message: string } | null>;
  readonly participantId: Signal<string | null>;
  readonly contactId: Signal<string | null>;
  readonly tabRole: Signal<TabRole>;
  /** The composer's unsent text, kept across reloads. */
  readonly draft: Signal<string>;
  /** Derived: what the transcript signal shows. */
  readonly transcript: ReadonlySignal<readonly TranscriptEntry[]>;
  readonly typing: ReadonlySignal<readonly TypingParticipant[]>;
}

export function createSessionState(): SessionState {
  const transcriptState = signal<TranscriptState>(emptyTranscript);
  const outbox = signal<Outbox>([]);
  const me = signal<Sender>({ participantId: '', displayName: '' });
  const typingState = signal<TypingState>(noTyping);
  return {
    phase: signal<ChatPhase>('idle'),
    connection: signal<ConnectionState>('idle'),
    transcriptState,
    outbox,
    me,
    typingState,
    uploads: signal<readonly Upload[]>([]),
    hasOlder: signal(false),
    loadingOlder: signal(false),
    lastError: signal<{ code: ChatErrorCode; message: string } | null>(null),
    participantId: signal<string | null>(null),
    contactId: signal<string | null>(null),
    tabRole: signal<TabRole>('solo'),
    draft: signal(''),
    transcript: computed(() => composeTranscript(transcriptState.value, outbox.value, me.value)),
    typing: computed(() => typingList(typingState.value)),
  };
}

/** What a leader sends to follower tabs: the written signals, as plain cloneable data. */
export interface MirrorState {
  phase: ChatPhase;
  connection: ConnectionState;
  rows: readonly Row[];
  outbox: Outbox;
  me: Sender;
  typingState: TypingState;
  uploads: readonly Upload[];
  hasOlder: boolean;
  loadingOlder: boolean;
  lastError: { code: ChatErrorCode; message: string } | null;
  participantId: string | null;
  contactId: string | null;
  draft: string;
}

export function snapshotState(s: SessionState): MirrorState {
  return {
    phase: s.phase.value,
    connection: s.connection.value,
    rows: s.transcriptState.value.rows,
    outbox: s.outbox.value,
    me: s.me.value,
    typingState: s.typingState.value,
    uploads: s.uploads.value,
    hasOlder: s.hasOlder.value,
    loadingOlder: s.loadingOlder.value,
    lastError: s.lastError.value,
    participantId: s.participantId.value,
    contactId: s.contactId.value,
    draft: s.draft.value,
  };
}

export function applyMirror(s: SessionState, m: MirrorState): void {
  s.phase.value = m.phase;
  s.connection.value = m.connection;
  s.transcriptState.value = { rows: m.rows, nextSeq: m.rows.reduce((n, r) => Math.max(n, r.seq + 1), 0), streams: {}, earlyReceipts: {} };
  s.outbox.value = m.outbox;
  s.me.value = m.me;
  s.typingState.value = m.typingState;
  s.uploads.value = m.uploads;
  s.hasOlder.value = m.hasOlder;
  s.loadingOlder.value = m.loadingOlder;
  s.lastError.value = m.lastError;
  s.participantId.value = m.participantId;
  s.contactId.value = m.contactId;
  s.draft.value = m.draft;
}

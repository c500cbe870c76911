// Every piece of a session's state, as signals, in one place. The leader tab's engine writes them;
// a follower tab writes them from the leader's mirror messages; the UI only reads the public ones.
import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import type { Outbox, Sender } from './outbox.js';
import type { TabRole } from './tabs.js';
import { emptyTranscript, type Row, type TranscriptState } from './transcript.js';
import { noTyping, typingList, type TypingState } from './typing.js';
import type { ChatErrorCode, ChatPhase, ConnectionState, TranscriptEntry, TypingParticipant, Upload } from './types.js';
import { composeTranscript } from './transcript-view.js';

/**
 * Every written signal and the value it starts (and is reset) with: creating, resetting and
 * mirroring the state to other tabs all follow this one list. A new signal is one line here (and
 * one in ChatSessionApi when the UI reads it).
 */
const INITIAL = {
  phase: 'idle' as ChatPhase,
  connection: 'idle' as ConnectionState,
  /** The merged service transcript (internal: rows with order and anchors). */
  transcriptState: emptyTranscript as TranscriptState,
  outbox: [] as Outbox,
  me: { participantId: '', displayName: '' } as Sender,
  typingState: noTyping as TypingState,
  uploads: [] as readonly Upload[],
  hasOlder: false,
  loadingOlder: false,
  lastError: null as { code: ChatErrorCode; message: string } | null,
  participantId: null as string | null,
  contactId: null as string | null,
  /** The composer's unsent text, kept across reloads. */
  draft: '',
  /** This tab's own: never reset with the conversation, nor mirrored. */
  tabRole: 'solo' as TabRole,
};

type Written = typeof INITIAL;

/** The signals of the conversation (what another tab mirrors and a new conversation resets). */
const CONVERSATION = Object.keys(INITIAL).filter((k) => k !== 'tabRole') as Exclude<keyof Written, 'tabRole'>[];

export type SessionState = { readonly [K in keyof Written]: Signal<Written[K]> } & {
  /** Derived: what the transcript signal shows. */
  readonly transcript: ReadonlySignal<readonly TranscriptEntry[]>;
  readonly typing: ReadonlySignal<readonly TypingParticipant[]>;
};

export function createSessionState(): SessionState {
  const written = Object.fromEntries(Object.entries(INITIAL).map(([k, v]) => [k, signal(v)])) as unknown as { [K in keyof Written]: Signal<Written[K]> };
  const { transcriptState, outbox, me, typingState } = written;
  return {
    ...written,
    transcript: computed(() => composeTranscript(transcriptState.value, outbox.value, me.value)),
    typing: computed(() => typingList(typingState.value)),
  };
}

/** Back to a new conversation (all but tabRole). */
export function resetState(s: SessionState): void {
  const signals = s as unknown as Record<string, Signal<unknown>>;
  batch(() => {
    for (const k of CONVERSATION) signals[k].value = INITIAL[k];
  });
}

/** What a leader sends to follower tabs: the conversation's signals, as plain cloneable data (the transcript as rows). */
export type MirrorState = { [K in Exclude<keyof Written, 'tabRole' | 'transcriptState'>]: Written[K] } & { rows: readonly Row[] };

/** Reads every mirrored signal (an effect that calls it subscribes to them all). */
export function snapshotState(s: SessionState): MirrorState {
  const signals = s as unknown as Record<string, Signal<unknown>>;
  const m: Record<string, unknown> = {};
  for (const k of CONVERSATION) if (k !== 'transcriptState') m[k] = signals[k].value;
  m.rows = s.transcriptState.value.rows;
  return m as MirrorState;
}

export function applyMirror(s: SessionState, m: MirrorState): void {
  const signals = s as unknown as Record<string, Signal<unknown>>;
  const values = m as unknown as Record<string, unknown>;
  for (const k of CONVERSATION) {
    signals[k].value =
      k === 'transcriptState' ? { rows: m.rows, nextSeq: m.rows.reduce((n, r) => Math.max(n, r.seq + 1), 0), streams: {}, earlyReceipts: {} } : values[k];
  }
}

// Typing, both ways (chat-protocol.md §5), as pure functions.
// Outgoing: at most one typing event per `sendIntervalMs` (leading edge: the first keystroke sends
// at once); sending a message resets the window so the next keystroke is announced again.
// Incoming: the service sends one event per window and never a "stopped" event, so a participant
// shows as typing for `displayMs` after their last event, or until their next message arrives.
import type { ParticipantRole, TranscriptEntry, TypingParticipant } from './types.js';

export interface TypingPolicy {
  /** Minimum time between two outgoing typing events (chatjs and chat-interface: 10 s). */
  sendIntervalMs: number;
  /** How long an incoming typing event shows (chat-interface and iOS: 12 s). */
  displayMs: number;
}

export const defaultTypingPolicy: TypingPolicy = { sendIntervalMs: 10_000, displayMs: 12_000 };

/** Outgoing: whether a keystroke at `now` should send a typing event. */
export function shouldSendTyping(lastSentAt: number | undefined, now: number, policy: TypingPolicy = defaultTypingPolicy): boolean {
  return lastSentAt === undefined || now - lastSentAt >= policy.sendIntervalMs;
}

interface Typist extends TypingParticipant {
  readonly until: number;
}

/** Incoming typing indicators by ParticipantId. */
export type TypingState = Readonly<Record<string, Typist>>;

export const noTyping: TypingState = {};

export function typingReceived(
  state: TypingState,
  who: { participantId: string; displayName: string; role: ParticipantRole },
  now: number,
  policy: TypingPolicy = defaultTypingPolicy,
): TypingState {
  return { ...state, [who.participantId]: { ...who, until: now + policy.displayMs } };
}

/** The participant sent a message (or left): their indicator goes. */
export function typingCleared(state: TypingState, participantId: string): TypingState {
  if (!(participantId in state)) return state;
  const { [participantId]: _gone, ...rest } = state;
  return rest;
}

/** Removes expired indicators. Returns the same object when nothing expired. */
export function typingExpired(state: TypingState, now: number): TypingState {
  const live = Object.entries(state).filter(([, t]) => t.until > now);
  return live.length === Object.keys(state).length ? state : Object.fromEntries(live);
}

export function typingList(state: TypingState): TypingParticipant[] {
  return Object.values(state).map(({ participantId, displayName, role }) => ({ participantId, displayName, role }));
}

/** When the next indicator expires, or null. */
export function nextTypingExpiry(state: TypingState): number | null {
  const times = Object.values(state).map((t) => t.until);
  return times.length ? Math.min(...times) : null;
}

/**
 * Incoming items: typing events show their sender as typing; a message from someone (or their
 * leaving) clears their indicator.
 */
export function typingAfterItems(
  state: TypingState,
  events: readonly { ParticipantId?: string; DisplayName?: string; ParticipantRole?: ParticipantRole }[],
  added: readonly TranscriptEntry[],
  now: number,
  policy: TypingPolicy = defaultTypingPolicy,
): TypingState {
  let next = state;
  for (const item of events) {
    if (!item.ParticipantId) continue;
    next = typingReceived(next, { participantId: item.ParticipantId, displayName: item.DisplayName ?? '', role: item.ParticipantRole ?? 'AGENT' }, now, policy);
  }
  for (const entry of added) {
    if (!entry.own && entry.kind !== 'notice') next = typingCleared(next, entry.participantId);
    if (entry.kind === 'notice' && entry.event === 'left') next = typingCleared(next, entry.participantId);
  }
  return next;
}

// Who a transcript entry is from, and who the visitor is talking to now. Pure; the header and the rows
// read them, so they never disagree about a name.
import type { TranscriptEntry } from '../../chat/types';

export type SenderKind = 'own' | 'agent' | 'bot';

/** Agents and supervisors are people ('agent'); the contact flow, Lex and system messages are 'bot'. */
export function senderKind(e: TranscriptEntry): SenderKind {
  if (e.own) return 'own';
  return e.role === 'AGENT' || e.role === 'SUPERVISOR' || e.role === 'CUSTOMER' ? 'agent' : 'bot';
}

/** Up to two letters for an avatar: "Ana Lima" → "AL", "ana" → "A", "李雷" → "李". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w));
  if (!words.length) return '';
  const first = (w: string) => Array.from(w.replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '';
  const letters = words.length > 1 ? first(words[0]) + first(words[words.length - 1]) : first(words[0]);
  return letters.toLocaleUpperCase();
}

export interface Agent {
  participantId: string;
  displayName: string;
}

let lastAgent: Agent | null = null;

/**
 * The agent in the chat now: the one who joined (or wrote) most recently and has not left since.
 * None before an agent joins, after they left, and once the chat ended. Reads from the end, so a
 * long transcript costs only the items since that agent's last sign of life. The same object is
 * returned while the answer stays the same, so readers may compare by identity.
 */
export function currentAgent(entries: readonly TranscriptEntry[]): Agent | null {
  const gone = new Set<string>();
  let found: Agent | null = null;
  for (let i = entries.length - 1; i >= 0 && !found; i--) {
    const e = entries[i];
    if (e.own || e.role !== 'AGENT') {
      if (e.kind === 'notice' && e.event === 'ended') break;
      continue;
    }
    if (e.kind === 'notice' && e.event === 'left') gone.add(e.participantId);
    else if (!gone.has(e.participantId) && (e.kind !== 'notice' || e.event === 'joined' || e.event === 'returned' || e.event === 'displayname-updated'))
      found = { participantId: e.participantId, displayName: e.displayName };
  }
  if (found && lastAgent && found.participantId === lastAgent.participantId && found.displayName === lastAgent.displayName) return lastAgent;
  return (lastAgent = found);
}

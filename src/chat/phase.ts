// Which phases a conversation is under way in (stored, resumable, worth a marker for the loader).
import type { ChatPhase } from './types.js';

const UNDER_WAY: readonly ChatPhase[] = ['starting', 'active', 'ending', 'wrapping-up'];

/** Started and not over: the chat is being started, is running, or is being ended (a survey included). */
export function underWay(phase: ChatPhase): boolean {
  return UNDER_WAY.includes(phase);
}

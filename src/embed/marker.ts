// The active-chat marker: one Web Storage key that loader.js (no framework, no IndexedDB code) can
// read synchronously at page load to decide whether to fetch the widget at once, so a visitor in
// the middle of a conversation sees it again without clicking. Kept while a chat is starting or
// active; removed when it ends, when nothing could be resumed, and on destroy().
import { underWay } from '../chat/phase.js';
import type { ChatPhase } from '../chat/types.js';
import type { WidgetConfig } from '../config.js';

export const markerKey = (storageKey: string): string => `connect-chat-widget:${storageKey}:active`;

type Persistence = WidgetConfig['persistence'];

function storageFor(persistence: Persistence): Storage | null {
  try {
    return persistence === 'browser' ? localStorage : persistence === 'tab' ? sessionStorage : null;
  } catch {
    return null; // storage blocked (privacy settings): the loader simply waits for a click
  }
}

export function setMarker(config: Pick<WidgetConfig, 'storageKey' | 'persistence'>): void {
  try {
    storageFor(config.persistence)?.setItem(markerKey(config.storageKey), '1');
  } catch {
    // quota or blocked storage: same as above
  }
}

/** Clears the marker from both storages: the persistence mode may have changed since it was set. */
export function clearMarker(storageKey: string): void {
  for (const mode of ['browser', 'tab'] as const) {
    try {
      storageFor(mode)?.removeItem(markerKey(storageKey));
    } catch {
      // nothing to clear
    }
  }
}

/** The marker's value for a session phase: set, clear, or leave as it is. */
export function markerAction(phase: ChatPhase, resumed: boolean): 'set' | 'clear' | 'keep' {
  if (underWay(phase)) return 'set';
  if (phase === 'ended') return 'clear';
  // idle after resume() settled: the marker (if any) pointed at nothing that could be resumed.
  return phase === 'idle' && resumed ? 'clear' : 'keep';
}

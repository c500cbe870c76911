// Business hours in the widget (config.availability): checked when the launcher is drawn, again when
// the window opens (at most once a minute) or the page comes back into view (every 5 minutes), and
// always right before a chat starts. The check's code is its own small chunk (chat/availability.ts,
// shared with the loader's launcher); a check that fails counts as open and says why in the console.
import { effect } from '@preact/signals';
import type { AvailabilityResult } from '../chat/availability';
import { chunk } from './lazy-part';
import type { Ui } from './state';

export type AvailabilityState =
  /** No `availability` option: always open. */
  | { status: 'always' }
  | { status: 'checking' }
  | { status: 'open' }
  | { status: 'closed'; message?: string; nextOpen?: Date };

const checker = chunk(() => import('../chat/availability'));

/** Asks again (or reuses a result younger than `maxAgeMs`) and updates ui.availability; resolves whether chat is open. */
export async function refreshAvailability(ui: Ui, maxAgeMs: number): Promise<boolean> {
  const source = ui.config.availability;
  if (!source) return true;
  let result: AvailabilityResult;
  try {
    result = await (await checker.load()).checkAvailability(source, { maxAgeMs });
  } catch (error) {
    result = { open: true, error: `the availability check could not load (${error instanceof Error ? error.message : String(error)}); counted as open` };
  }
  if (result.error) console.warn(`ConnectChat: ${result.error}`);
  ui.availability.value = result.open
    ? { status: 'open' }
    : { status: 'closed', ...(result.message ? { message: result.message } : {}), ...(result.nextOpen ? { nextOpen: result.nextOpen } : {}) };
  return result.open;
}

export function watchAvailability(ui: Ui): () => void {
  if (!ui.config.availability) return () => {};
  // The loader's launcher (hours.js) may have asked a moment ago: its answer is shared.
  void refreshAvailability(ui, 60_000);
  let first = true;
  const stop = effect(() => {
    const open = ui.open.value;
    if (first) first = false;
    else if (open) void refreshAvailability(ui, 60_000);
  });
  const onVisible = () => {
    if (document.visibilityState === 'visible') void refreshAvailability(ui, 300_000);
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    stop();
    document.removeEventListener('visibilitychange', onVisible);
  };
}

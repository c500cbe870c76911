// The window reopens after a reload when it was open, as Intercom's and Zendesk's do. This tab
// remembers it (sessionStorage: a new tab starts closed; persistence 'none' remembers nothing), and
// loader.js reads the same key to fetch the widget at once. It reopens only onto something: a
// conversation that was resumed, or the pre-chat form; never to start a chat by itself.
import { effect } from '@preact/signals';
import type { WidgetConfig } from '../config';
import type { Ui } from './state';

export const openKey = (storageKey: string): string => `connect-chat-widget:${storageKey}:open`;

function tabStorage(config: Pick<WidgetConfig, 'persistence'>): Storage | null {
  try {
    return config.persistence === 'none' ? null : sessionStorage;
  } catch {
    return null; // storage blocked: the window simply starts closed
  }
}

/** The window was open when this tab last left the page. */
export function wasOpen(config: Pick<WidgetConfig, 'storageKey' | 'persistence'>): boolean {
  try {
    return tabStorage(config)?.getItem(openKey(config.storageKey)) === '1';
  } catch {
    return false;
  }
}

/** Keeps the tab's note of the window in step with it; returns the disposer. */
export function rememberOpen(ui: Ui): () => void {
  const store = tabStorage(ui.config);
  const key = openKey(ui.config.storageKey);
  return effect(() => {
    const open = ui.open.value;
    // Closed at first: until the window may have been reopened, the note stays as the last page left it.
    const settled = ui.resumed.value;
    try {
      if (open) store?.setItem(key, '1');
      else if (settled) store?.removeItem(key);
    } catch {
      // quota or blocked storage: the window will start closed
    }
  });
}

/** Forgets the note (destroy(): nothing is left to reopen onto). */
export function forgetOpen(storageKey: string): void {
  try {
    sessionStorage.removeItem(openKey(storageKey));
  } catch {
    // nothing to forget
  }
}

/** After resume() settled: reopen when the window was open and there is something to show. */
export const reopenOnto = (ui: Ui, restore: boolean): boolean => restore && (ui.session.phase.peek() !== 'idle' || !!ui.config.preChatForm);

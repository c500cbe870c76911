// The unsent text survives reloads. ChatSession keeps it with the conversation (IndexedDB, shared
// with other tabs); for a session without that, it goes to the Web Storage matching `persistence`
// (browser = localStorage, tab = sessionStorage, none = memory only) under the widget's key.
import type { WidgetConfig } from '../../config';
import type { SessionExtras, Ui } from '../state';

/** The draft as the session holds it, or null when the session does not keep drafts. */
export function sessionDraft(ui: Ui): Required<Pick<SessionExtras, 'draft' | 'setDraft'>> | null {
  const s = ui.session as Ui['session'] & SessionExtras;
  return s.draft && s.setDraft ? { draft: s.draft, setDraft: (t) => s.setDraft!(t) } : null;
}

/** The Web Storage for `persistence` ('browser': localStorage, 'tab': sessionStorage), or null. */
export function webStorage(config: WidgetConfig): Storage | null {
  try {
    return config.persistence === 'browser' ? localStorage : config.persistence === 'tab' ? sessionStorage : null;
  } catch {
    return null; // storage blocked (privacy settings): the draft lives in memory only
  }
}

export const draftKey = (config: WidgetConfig): string => `connect-chat-widget:${config.storageKey}:draft`;

export function loadDraft(config: WidgetConfig): string {
  try {
    return webStorage(config)?.getItem(draftKey(config)) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(config: WidgetConfig, text: string): void {
  try {
    const s = webStorage(config);
    if (text) s?.setItem(draftKey(config), text);
    else s?.removeItem(draftKey(config));
  } catch {
    // quota or blocked storage: the draft is still in the text box
  }
}

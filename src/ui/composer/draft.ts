// The unsent text survives reloads: kept in the same storage the conversation uses (browser =
// localStorage, tab = sessionStorage, none = memory only), under the widget's storage key.
import type { WidgetConfig } from '../../config';

function store(config: WidgetConfig): Storage | null {
  try {
    return config.persistence === 'browser' ? localStorage : config.persistence === 'tab' ? sessionStorage : null;
  } catch {
    return null; // storage blocked (privacy settings): the draft lives in memory only
  }
}

export const draftKey = (config: WidgetConfig): string => `connect-chat-widget:${config.storageKey}:draft`;

export function loadDraft(config: WidgetConfig): string {
  try {
    return store(config)?.getItem(draftKey(config)) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(config: WidgetConfig, text: string): void {
  try {
    const s = store(config);
    if (text) s?.setItem(draftKey(config), text);
    else s?.removeItem(draftKey(config));
  } catch {
    // quota or blocked storage: the draft is still in the text box
  }
}

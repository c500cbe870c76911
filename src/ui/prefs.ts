// The visitor's small choices that outlive a reload (emoji skin tone and recent emoji, desktop
// notifications on or off), in the Web Storage matching `persistence` under the widget's key; in
// memory only for persistence 'none' or when storage is blocked. A stored value that does not pass
// `check` (edited, or written by another version) reads as the fallback.
import type { WidgetConfig } from '../config';

/** The Web Storage for `persistence` ('browser': localStorage, 'tab': sessionStorage), or null. */
function webStorage(config: WidgetConfig): Storage | null {
  try {
    return config.persistence === 'browser' ? localStorage : config.persistence === 'tab' ? sessionStorage : null;
  } catch {
    return null; // storage blocked (privacy settings): kept in memory only
  }
}

const memory = new Map<string, string>();
const keyOf = (config: WidgetConfig, name: string) => `connect-chat-widget:${config.storageKey}:${name}`;

/** Calls `changed` when another tab stores `name` (the 'storage' event); returns the unsubscribe. */
export function onPrefChange(config: WidgetConfig, name: string, changed: () => void): () => void {
  const key = keyOf(config, name);
  const listener = (e: StorageEvent) => e.key === key && changed();
  addEventListener('storage', listener);
  return () => removeEventListener('storage', listener);
}

export function loadPref<T>(config: WidgetConfig, name: string, fallback: T, check: (value: unknown) => value is T): T {
  const key = keyOf(config, name);
  try {
    const raw = webStorage(config)?.getItem(key) ?? memory.get(key);
    const value: unknown = raw === undefined || raw === null ? undefined : JSON.parse(raw);
    return check(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

export function savePref(config: WidgetConfig, name: string, value: unknown): void {
  const key = keyOf(config, name);
  const raw = JSON.stringify(value);
  memory.set(key, raw);
  try {
    webStorage(config)?.setItem(key, raw);
  } catch {
    // quota or blocked storage: kept in memory for this page
  }
}

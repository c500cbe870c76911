// The picker's remembered choices: the skin tone (0 = none, 1-5) and the emoji used last (newest first).
import type { WidgetConfig } from '../../config';
import { loadPref, savePref } from '../prefs';

export interface EmojiPrefs {
  tone: number;
  recent: string[];
}

const isPrefs = (v: unknown): v is EmojiPrefs =>
  typeof v === 'object' && v !== null && Number.isInteger((v as EmojiPrefs).tone) && (v as EmojiPrefs).tone >= 0 && (v as EmojiPrefs).tone <= 5 &&
  Array.isArray((v as EmojiPrefs).recent) && (v as EmojiPrefs).recent.every((c) => typeof c === 'string' && c.length <= 40);

export const loadPrefs = (config: WidgetConfig): EmojiPrefs => loadPref(config, 'emoji', { tone: 0, recent: [] }, isPrefs);
export const savePrefs = (config: WidgetConfig, prefs: EmojiPrefs): void => savePref(config, 'emoji', prefs);

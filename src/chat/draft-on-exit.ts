// The draft a page leaves behind as it goes away. IndexedDB writes are asynchronous and a page that
// unloads may never finish one, so keystrokes from the last moments before a reload would be lost.
// Web Storage writes at once: the draft is put there on exit (localStorage for persistence 'browser',
// sessionStorage for 'tab'), with the contact it belongs to, and taken back by the next load.
import type { Persistence } from './options.js';

export interface ExitDraft {
  contactId: string;
  text: string;
}

export interface DraftOnExit {
  keep(draft: ExitDraft): void;
  /** The kept draft (null when there is none or it is unreadable). */
  read(): ExitDraft | null;
  drop(): void;
}

export const draftOnExitKey = (storageKey: string): string => `connect-chat-widget:${storageKey}:exit-draft`;

function isExitDraft(value: unknown): value is ExitDraft {
  const v = value as Partial<ExitDraft> | null;
  return typeof v === 'object' && v !== null && typeof v.contactId === 'string' && typeof v.text === 'string';
}

export function draftOnExit(persistence: Exclude<Persistence, 'none'>, storageKey: string): DraftOnExit {
  const key = draftOnExitKey(storageKey);
  const storage = (): Storage | undefined => {
    try {
      return persistence === 'browser' ? globalThis.localStorage : globalThis.sessionStorage;
    } catch {
      return undefined; // blocked storage (privacy settings): nothing is kept on exit
    }
  };
  const drop = () => {
    try {
      storage()?.removeItem(key);
    } catch {
      // nothing kept
    }
  };
  return {
    keep(draft) {
      try {
        storage()?.setItem(key, JSON.stringify(draft));
      } catch {
        // full or blocked: the debounced IndexedDB write is all there is
      }
    },
    read() {
      let raw: string | null | undefined;
      try {
        raw = storage()?.getItem(key);
      } catch {
        return null;
      }
      if (raw == null) return null;
      try {
        const value: unknown = JSON.parse(raw);
        return isExitDraft(value) ? value : null;
      } catch {
        return null;
      }
    },
    drop,
  };
}

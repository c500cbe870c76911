// persistentChat: 'auto' — the last ended chat's signed contact id (the back end's SignedContactId,
// see connect-chat-widget/server), remembered per storage key so the next start continues that chat.
// Kept where the conversation is kept: localStorage for persistence 'browser', sessionStorage for
// 'tab', this page's memory for 'none'. Nothing is remembered when the back end signs nothing.
import type { Persistence } from './options.js';
import type { Log } from './ports.js';
import type { StartChatRequest } from './types.js';

export interface RememberedChat {
  get(): string | undefined;
  set(signedContactId: string): void;
  forget(): void;
}

export const rememberedKey = (storageKey: string): string => `connect-chat-widget:${storageKey}:continue`;

function webStorage(persistence: Persistence): Storage | undefined {
  try {
    if (persistence === 'browser') return globalThis.localStorage;
    if (persistence === 'tab') return globalThis.sessionStorage;
  } catch {
    // Blocked storage (privacy settings): remembered in memory for this page only.
  }
  return undefined;
}

export function rememberedChat(persistence: Persistence, storageKey: string): RememberedChat {
  const key = rememberedKey(storageKey);
  const storage = webStorage(persistence);
  let memory: string | undefined;
  return {
    get: () => {
      try {
        return storage?.getItem(key) ?? memory;
      } catch {
        return memory;
      }
    },
    set: (value) => {
      memory = value;
      try {
        storage?.setItem(key, value);
      } catch {
        // Full or blocked: memory keeps it for this page.
      }
    },
    forget: () => {
      memory = undefined;
      try {
        storage?.removeItem(key);
      } catch {
        // nothing stored
      }
    },
  };
}

/**
 * A start continues the remembered chat, unless its request names one itself. Returns the start's
 * hook for a back end that will not continue it (tampered, too old): the chat is forgotten and the
 * start goes on without it.
 */
export function continueRemembered(
  request: StartChatRequest,
  remembered: RememberedChat | undefined,
  log: Log,
): { onPersistentChatRefused?: (status: number) => void } {
  const id = request.persistentChat ? undefined : remembered?.get();
  if (!id) return {};
  request.persistentChat = { SourceContactId: id, RehydrationType: 'ENTIRE_PAST_SESSION' };
  return {
    onPersistentChatRefused: (status) => {
      log('persistent-chat-refused', { status });
      remembered?.forget();
      delete request.persistentChat;
    },
  };
}

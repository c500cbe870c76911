// The chats this console joined, kept in the tab's sessionStorage so a reload rejoins them: the
// agent's participant token stays valid while the agent is in the chat.
import type { AgentCredentials } from './api.js';

export const SAVED_KEY = 'connect-chat-emulator:agent-console';

export interface SavedChat {
  initialContactId: string;
  credentials: AgentCredentials;
}

export interface SavedConsole {
  chats: SavedChat[];
  openId?: string;
  agentName?: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function isSavedChat(value: unknown): value is SavedChat {
  const chat = value as SavedChat | null;
  return (
    typeof chat?.initialContactId === 'string' &&
    typeof chat.credentials?.ParticipantId === 'string' &&
    typeof chat.credentials.ParticipantToken === 'string'
  );
}

export function loadSaved(store: Store | undefined): SavedConsole {
  try {
    const parsed = JSON.parse(store?.getItem(SAVED_KEY) ?? '{}') as Partial<SavedConsole>;
    return {
      chats: Array.isArray(parsed.chats) ? parsed.chats.filter(isSavedChat) : [],
      ...(typeof parsed.openId === 'string' ? { openId: parsed.openId } : {}),
      ...(typeof parsed.agentName === 'string' ? { agentName: parsed.agentName } : {}),
    };
  } catch {
    return { chats: [] };
  }
}

export function storeSaved(store: Store | undefined, saved: SavedConsole): void {
  try {
    store?.setItem(SAVED_KEY, JSON.stringify(saved));
  } catch {
    // Storage full or blocked: the console still works, it just will not rejoin after a reload.
  }
}

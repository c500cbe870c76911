// The console's state in one place: the contacts and tasks (polled), the chats the agent joined
// (kept in sessionStorage, so a reload rejoins them), which contact is open, and the commands the UI calls.
import { computed, effect, signal } from '@preact/signals';
import { ParticipantClient } from '../../../src/client/index.js';
import { AgentSession } from './agent-session.js';
import { createAgentParticipant, emitParticipantEvent, listContacts, listTasks, showView, stopContact, transferContact } from './api.js';
import type { ContactInfo, TaskContact } from './api.js';
import { loadSaved, storeSaved } from './saved.js';

const POLL_MS = 1_500;

const storage = ((): Storage | undefined => {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
})();
const saved = loadSaved(storage);

export const contacts = signal<ContactInfo[]>([]);
export const tasks = signal<TaskContact[]>([]);
/** Joined chats by InitialContactId (stable across transfers). */
export const sessions = signal<ReadonlyMap<string, AgentSession>>(new Map());
/** The contact shown on the right (its chat when joined, its details always), by InitialContactId. */
export const openId = signal<string | undefined>(saved.openId);
export const agentName = signal(saved.agentName ?? 'Agent');
/** Errors that belong to no chat (polling, joining). */
export const consoleError = signal<string | undefined>(undefined);

export const openSession = computed(() => (openId.value ? sessions.value.get(openId.value) : undefined));
export const openContact = computed(() => (openId.value ? currentContact(openId.value) : undefined));

const client = new ParticipantClient({ endpoint: location.origin, maxAttempts: 2 });

// What a reload needs: the joined chats' agent credentials, the open contact, the agent's name.
effect(() => {
  const chats = [...sessions.value.entries()].map(([initialContactId, session]) => ({ initialContactId, credentials: session.credentials }));
  storeSaved(storage, { chats, ...(openId.value ? { openId: openId.value } : {}), agentName: agentName.value });
});

export async function refreshContacts(): Promise<void> {
  try {
    [contacts.value, tasks.value] = await Promise.all([listContacts(), listTasks()]);
    consoleError.value = undefined;
  } catch (error) {
    consoleError.value = `Could not list contacts: ${message(error)}`;
  }
}

export function startPolling(): () => void {
  void refreshContacts().then(rejoinSaved);
  const timer = setInterval(() => void refreshContacts(), POLL_MS);
  return () => clearInterval(timer);
}

/** After a reload: rejoin the chats this console was in, where the agent is still a participant. */
async function rejoinSaved(): Promise<void> {
  for (const chat of saved.chats) {
    const contact = currentContact(chat.initialContactId);
    const stillIn = contact?.State === 'active' && contact.Participants.some((p) => p.ParticipantId === chat.credentials.ParticipantId && p.State === 'joined');
    if (!contact || !stillIn || sessions.value.has(chat.initialContactId)) continue;
    const session = new AgentSession(client, contact, chat.credentials, () => openId.value === chat.initialContactId && document.visibilityState === 'visible');
    sessions.value = new Map(sessions.value).set(chat.initialContactId, session);
    try {
      await session.connect();
    } catch (error) {
      session.fail(error);
    }
  }
}

/** The contact's current segment (a transfer gives it a new ContactId). */
export function currentContact(initialContactId: string): ContactInfo | undefined {
  const segments = contacts.value.filter((contact) => contact.InitialContactId === initialContactId);
  return segments.find((contact) => contact.State === 'active') ?? segments.at(-1);
}

export async function join(contact: ContactInfo): Promise<void> {
  const key = contact.InitialContactId;
  const existing = sessions.value.get(key);
  if (existing?.active) {
    openId.value = key;
    return;
  }
  try {
    const credentials = await createAgentParticipant(contact, agentName.value.trim() || 'Agent');
    const session = new AgentSession(client, contact, credentials, () => openId.value === key && document.visibilityState === 'visible');
    sessions.value = new Map(sessions.value).set(key, session);
    openId.value = key;
    await session.connect();
    void refreshContacts();
  } catch (error) {
    consoleError.value = `Could not join ${contact.ContactId}: ${message(error)}`;
  }
}

/** Shows a contact: its chat when joined, its details always. */
export function open(initialContactId: string): void {
  openId.value = initialContactId;
  sessions.value.get(initialContactId)?.markRead();
}

/** Runs a command of the open chat, showing its error on that chat. */
async function onOpenChat(command: (session: AgentSession, contact: ContactInfo) => Promise<unknown>): Promise<boolean> {
  const session = openSession.value;
  if (!session) return false;
  const contact = currentContact(session.contact.InitialContactId) ?? session.contact;
  try {
    await command(session, contact);
    session.error.value = undefined;
    return true;
  } catch (error) {
    session.fail(error);
    return false;
  }
}

export const commands = {
  sendText: (text: string, markdown: boolean) => onOpenChat((session) => session.sendText(text, markdown)),
  sendTemplate: (json: string) =>
    // Sent compact: the box holds pretty JSON for editing, the wire gets no whitespace.
    onOpenChat((session) => session.sendTemplate(JSON.stringify(checkJson(json, 'The template')))),
  sendView: (view: string, viewDataJson: string) =>
    onOpenChat((_session, contact) => showView(contact.ContactId, view, checkJson(viewDataJson, 'The view data'))),
  sendFile: (file: File) => onOpenChat((session) => session.sendFile(file)),
  idle: () => onOpenChat((session, contact) => emitParticipantEvent(contact.ContactId, 'idle', session.participantId)),
  returned: () => onOpenChat((session, contact) => emitParticipantEvent(contact.ContactId, 'returned', session.participantId)),
  transfer: () => onOpenChat((_session, contact) => transferContact(contact.ContactId)),
  leave: () => onOpenChat((session) => session.leave()),
  end: () =>
    onOpenChat(async (session, contact) => {
      // With a disconnect flow waiting (a post-chat survey), an agent ends the chat by leaving it,
      // as in Amazon Connect: the flow then runs for the customer. Otherwise StopContact.
      if (contact.DisconnectFlow?.State === 'waiting' && session.active) await session.leave();
      else await stopContact(contact);
      void refreshContacts();
    }),
};

function checkJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${what} is not valid JSON (${message(error)}): fix it or pick a sample again`);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// The console's state in one place: the live contacts (polled), the chats the agent joined, which
// one is open, and the commands the UI calls.
import { computed, signal } from '@preact/signals';
import { ParticipantClient } from '../../../src/client/index.js';
import { AgentSession } from './agent-session.js';
import { createAgentParticipant, emitParticipantEvent, listContacts, showView, stopContact, transferContact } from './api.js';
import type { ContactInfo } from './api.js';

const POLL_MS = 1_500;

export const contacts = signal<ContactInfo[]>([]);
/** Joined chats by InitialContactId (stable across transfers). */
export const sessions = signal<ReadonlyMap<string, AgentSession>>(new Map());
export const openId = signal<string | undefined>(undefined);
export const agentName = signal('Agent');
/** Errors that belong to no chat (polling, joining). */
export const consoleError = signal<string | undefined>(undefined);

export const openSession = computed(() => (openId.value ? sessions.value.get(openId.value) : undefined));

const client = new ParticipantClient({ endpoint: location.origin, maxAttempts: 2 });

export async function refreshContacts(): Promise<void> {
  try {
    contacts.value = await listContacts();
    consoleError.value = undefined;
  } catch (error) {
    consoleError.value = `Could not list contacts: ${message(error)}`;
  }
}

export function startPolling(): () => void {
  void refreshContacts();
  const timer = setInterval(() => void refreshContacts(), POLL_MS);
  return () => clearInterval(timer);
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
  end: () => onOpenChat(async (_session, contact) => {
    await stopContact(contact);
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

// The emulator's Amazon Connect and control endpoints the console uses (same origin as the page).
// Every path is in ROUTES so the console's dependence on the emulator core is visible in one place.
import type { ContactInfo, TaskContact } from '../../types.js';

export type { ContactInfo, ParticipantInfo, TaskContact } from '../../types.js';

export const ROUTES = {
  /** Control API: every contact the emulator holds, ended ones included. */
  contacts: '/emulator/contacts?all=true',
  /** Control API: the tasks StartTaskContact created (e.g. the widget's "leave a message"). */
  tasks: '/emulator/tasks',
  /** CreateParticipant (Amazon Connect API); the AGENT role is an emulator extension. */
  createParticipant: '/contact/create-participant',
  /** StopContact (Amazon Connect API). */
  stopContact: '/contact/stop',
  /** Control API: show a view on a contact `{view, viewData}`. */
  views: (contactId: string) => `/emulator/contacts/${encodeURIComponent(contactId)}/views`,
  /** Control API: emit a participant event `{Kind, ParticipantId?}`. */
  participantEvents: (contactId: string) => `/emulator/contacts/${encodeURIComponent(contactId)}/events`,
  /** Control API: transfer the contact `{Succeeded?}` (agents of the old segment leave). */
  transfer: (contactId: string) => `/emulator/contacts/${encodeURIComponent(contactId)}/transfer`,
} as const;

/** An emulator answer that was not 2xx, with what the server said. */
export class ConsoleApiError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${path} answered ${status}: ${summarize(body)}`);
    this.name = 'ConsoleApiError';
  }
}

function summarize(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; Message?: unknown };
    const message = parsed.message ?? parsed.Message;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON: show the start of it
  }
  return body.slice(0, 200) || '(empty body)';
}

/** Writes always go as JSON (`{}` when there is nothing to send): the control routes refuse anything else. */
async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const init: RequestInit = method === 'GET' ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) };
  const response = await fetch(path, init);
  const text = await response.text();
  if (!response.ok) throw new ConsoleApiError(path, response.status, text);
  return (text ? JSON.parse(text) : {}) as T;
}

export async function listContacts(): Promise<ContactInfo[]> {
  const body = await call<ContactInfo[] | { Contacts?: ContactInfo[] }>('GET', ROUTES.contacts);
  return Array.isArray(body) ? body : (body.Contacts ?? []);
}

export async function listTasks(): Promise<TaskContact[]> {
  return (await call<{ Tasks?: TaskContact[] }>('GET', ROUTES.tasks)).Tasks ?? [];
}

export interface AgentCredentials {
  ParticipantId: string;
  ParticipantToken: string;
}

export async function createAgentParticipant(contact: ContactInfo, displayName: string): Promise<AgentCredentials> {
  const body = await call<{ ParticipantId?: string; ParticipantCredentials?: { ParticipantToken?: string } }>(
    'POST',
    ROUTES.createParticipant,
    {
      InstanceId: contact.InstanceId,
      ContactId: contact.ContactId,
      ClientToken: crypto.randomUUID(),
      ParticipantDetails: { ParticipantRole: 'AGENT', DisplayName: displayName },
    },
  );
  const token = body.ParticipantCredentials?.ParticipantToken;
  if (!body.ParticipantId || !token) {
    throw new Error(`${ROUTES.createParticipant} answered without ParticipantId/ParticipantCredentials.ParticipantToken`);
  }
  return { ParticipantId: body.ParticipantId, ParticipantToken: token };
}

export function stopContact(contact: ContactInfo): Promise<unknown> {
  return call('POST', ROUTES.stopContact, { InstanceId: contact.InstanceId, ContactId: contact.ContactId });
}

export function showView(contactId: string, view: string, viewData: unknown): Promise<unknown> {
  return call('POST', ROUTES.views(contactId), { view, viewData });
}

export function emitParticipantEvent(contactId: string, kind: 'idle' | 'returned', participantId: string): Promise<unknown> {
  return call('POST', ROUTES.participantEvents(contactId), { Kind: kind, ParticipantId: participantId });
}

export function transferContact(contactId: string): Promise<unknown> {
  return call('POST', ROUTES.transfer(contactId), { Succeeded: true });
}

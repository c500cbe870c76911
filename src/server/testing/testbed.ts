// A start-chat handler wired to a running emulator through the official SDK, for the server's tests.
import { startEmulator, type Emulator, type EmulatorOptions, type TaskContact } from '../../../emulator/index.js';
import { createStartChatHandler, type StartChatHandler } from '../handler.js';
import type { StartChatHandlerOptions, StartChatLogEvent } from '../options.js';

export const ORIGIN = 'https://shop.example';
export const SECRET = 'test-secret-that-is-longer-than-32-characters';

export interface Testbed {
  emulator: Emulator;
  handler: StartChatHandler;
  logs: StartChatLogEvent[];
  /** The handler's options, to build a second handler on the same emulator. */
  options: StartChatHandlerOptions;
  contact(id: string): Promise<{
    InstanceId: string;
    ContactFlowId: string;
    Attributes: Record<string, string>;
    SupportedMessagingContentTypes: string[];
    Participants: { DisplayName: string }[];
    DisconnectOnCustomerExit?: string[];
  }>;
  /** The emulator's tasks (StartTaskContact). */
  tasks(): Promise<TaskContact[]>;
  /** How many contacts the emulator holds, ended ones included. */
  contactCount(): Promise<number>;
  close(): Promise<void>;
}

export async function testbed(overrides: Partial<StartChatHandlerOptions> = {}, emulatorOptions: EmulatorOptions = {}): Promise<Testbed> {
  const emulator = await startEmulator({ port: 0, ...emulatorOptions });
  const logs: StartChatLogEvent[] = [];
  const options: StartChatHandlerOptions = {
    instanceId: 'instance-1',
    contactFlowId: 'flow-1',
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    allowedOrigins: [ORIGIN],
    log: (event) => logs.push(event),
    ...overrides,
  };
  const get = async <T>(path: string): Promise<T> => (await (await fetch(`${emulator.url}${path}`)).json()) as T;
  return {
    emulator,
    handler: createStartChatHandler(options),
    logs,
    options,
    contact: (id) => get(`/emulator/contacts/${encodeURIComponent(id)}`),
    tasks: async () => (await get<{ Tasks: TaskContact[] }>('/emulator/tasks')).Tasks,
    contactCount: async () => (await get<{ Contacts: unknown[] }>('/emulator/contacts?all=true')).Contacts.length,
    close: () => emulator.close(),
  };
}

/** A start-chat (or leave-message) request as the widget sends it from a page of `origin`. */
export function startRequest(body: unknown = { ParticipantDetails: { DisplayName: 'Ada' } }, init: { origin?: string | null; headers?: Record<string, string>; method?: string } = {}): Request {
  const origin = init.origin === undefined ? ORIGIN : init.origin;
  return new Request('https://api.example/start-chat', {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}), ...init.headers },
    ...((init.method ?? 'POST') === 'POST' ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
}

export interface StartAnswer {
  status: number;
  headers: Headers;
  body: {
    code?: string;
    message?: string;
    data?: { startChatResult: { ContactId: string; ParticipantId: string; ParticipantToken: string; ContinuedFromContactId?: string; SignedContactId?: string } };
  };
}

export async function answer(response: Response): Promise<StartAnswer> {
  return { status: response.status, headers: response.headers, body: (await response.json()) as StartAnswer['body'] };
}

// StartTaskContact (PUT /contact/task): a task contact, the way Amazon Connect validates it
// (required members, lengths, one flow source of ContactFlowId / QuickConnectId / TaskTemplateId,
// the reference types a task may be created with, ScheduledTime within the next 6 days, the 32 KB
// of attributes, 12 tasks per PreviousContactId), kept for the control API and the agent console.
import { randomUUID } from 'node:crypto';
import { isoTime, ServiceError } from './http.js';
import type { EmulatorState } from './store.js';
import type { TaskContact } from './types.js';
import { map, str, struct, validationMessage, violations } from './validate.js';

const invalidParameter = (message: string): ServiceError => new ServiceError(400, 'InvalidParameterException', message);
const invalidRequest = (message: string): ServiceError => new ServiceError(400, 'InvalidRequestException', message);

const REFERENCE_TYPES = ['URL', 'ATTACHMENT', 'CONTACT_ANALYSIS', 'NUMBER', 'STRING', 'DATE', 'EMAIL', 'EMAIL_MESSAGE', 'EMAIL_MESSAGE_PLAIN_TEXT'];
/** What a task may be created with (the others are set by the service). */
const CREATABLE_REFERENCES = ['URL', 'NUMBER', 'STRING', 'DATE', 'EMAIL'];
const ATTRIBUTE_BYTES = 32_768;
const CHAIN_LIMIT = 12;
const SCHEDULE_WINDOW_MS = 6 * 24 * 3_600_000;

const START_TASK_CONTACT = struct({
  InstanceId: str({ required: true, min: 1, max: 100 }),
  PreviousContactId: str({ min: 1, max: 256 }),
  ContactFlowId: str({ max: 500 }),
  Attributes: map(str({ min: 1, max: 32767 }), str({ max: 32767 })),
  Name: str({ required: true, max: 512 }),
  References: map(str({ min: 1, max: 4096 }), struct({ Value: str({ max: 4096 }), Type: str({ required: true, enum: REFERENCE_TYPES }) })),
  Description: str({ max: 4096 }),
  ClientToken: str({ max: 500 }),
  TaskTemplateId: str({ min: 1, max: 500 }),
  QuickConnectId: str({ min: 1, max: 500 }),
  RelatedContactId: str({ min: 1, max: 256 }),
});

interface StartTaskInput {
  InstanceId: string;
  PreviousContactId?: string;
  ContactFlowId?: string;
  Attributes?: Record<string, string>;
  Name: string;
  References?: Record<string, { Value?: string; Type: string }>;
  Description?: string;
  ClientToken?: string;
  ScheduledTime?: unknown;
  TaskTemplateId?: string;
  QuickConnectId?: string;
  RelatedContactId?: string;
}

/** Why a reference's Value does not fit its Type, or undefined. */
function referenceProblem(type: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return 'needs a Value';
  switch (type) {
    case 'URL':
      return /^https?:\/\/[^\s]+$/i.test(value) ? undefined : 'must be an http(s) URL';
    case 'NUMBER':
      return /^-?\d+(\.\d+)?$/.test(value) ? undefined : 'must be a number';
    case 'DATE':
      return /^\d{1,13}$/.test(value) ? undefined : 'must be an epoch timestamp';
    case 'EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : 'must be an email address';
    default:
      return undefined;
  }
}

/** ScheduledTime as the SDK sends it (epoch seconds), in ms; undefined when absent. */
function scheduledAt(value: unknown, now: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidParameter('ScheduledTime must be a timestamp (epoch seconds)');
  const at = value * 1000;
  if (at < now - 60_000) throw invalidParameter('ScheduledTime cannot be in the past');
  if (at > now + SCHEDULE_WINDOW_MS) throw invalidParameter('ScheduledTime must be within 6 days from now');
  return at;
}

export function startTaskContact(body: Record<string, unknown>, state: EmulatorState): { ContactId: string } {
  const message = validationMessage(violations(body, START_TASK_CONTACT, ''));
  if (message) throw invalidParameter(message);
  const input = body as unknown as StartTaskInput;
  const key = input.ClientToken ? `StartTaskContact|${input.ClientToken}` : undefined;
  if (key && state.idempotency.has(key)) return state.idempotency.get(key) as { ContactId: string };

  const sources = (['ContactFlowId', 'QuickConnectId', 'TaskTemplateId'] as const).filter((name) => input[name] !== undefined && input[name] !== '');
  if (sources.length !== 1) {
    throw invalidRequest(
      sources.length === 0
        ? 'StartTaskContact needs the flow to run: give one of ContactFlowId, QuickConnectId or TaskTemplateId'
        : `include only one of ContactFlowId, QuickConnectId and TaskTemplateId (got ${sources.join(', ')})`,
    );
  }
  for (const [name, reference] of Object.entries(input.References ?? {})) {
    if (!CREATABLE_REFERENCES.includes(reference.Type)) {
      throw invalidParameter(`References.${name}: a task cannot be created with a ${reference.Type} reference; use ${CREATABLE_REFERENCES.join(', ')}`);
    }
    const problem = referenceProblem(reference.Type, reference.Value);
    if (problem) throw invalidParameter(`References.${name}: a ${reference.Type} reference ${problem}`);
  }
  const attributes = input.Attributes ?? {};
  const bytes = Object.entries(attributes).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  if (bytes > ATTRIBUTE_BYTES) throw invalidParameter(`Attributes hold ${bytes} bytes; the most is ${ATTRIBUTE_BYTES} across all keys and values`);
  for (const [name, id] of [['PreviousContactId', input.PreviousContactId], ['RelatedContactId', input.RelatedContactId]] as const) {
    if (id !== undefined && !state.findContact(id) && !state.tasks.some((t) => t.ContactId === id)) {
      throw new ServiceError(404, 'ResourceNotFoundException', `${name} "${id}" is not a contact of this instance`);
    }
  }
  if (input.PreviousContactId && state.tasks.filter((t) => t.PreviousContactId === input.PreviousContactId).length >= CHAIN_LIMIT) {
    throw new ServiceError(402, 'ServiceQuotaExceededException', `there are already ${CHAIN_LIMIT} tasks linked to PreviousContactId "${input.PreviousContactId}"`);
  }
  const now = state.now();
  const scheduled = scheduledAt(input.ScheduledTime, now);

  const task: TaskContact = {
    ContactId: randomUUID(),
    InstanceId: input.InstanceId,
    Name: input.Name,
    Attributes: { ...attributes },
    References: Object.fromEntries(Object.entries(input.References ?? {}).map(([k, r]) => [k, { Type: r.Type, ...(r.Value !== undefined ? { Value: r.Value } : {}) }])),
    CreatedAt: isoTime(now),
  };
  for (const name of ['ContactFlowId', 'QuickConnectId', 'TaskTemplateId', 'Description', 'PreviousContactId', 'RelatedContactId'] as const) {
    const value = input[name];
    if (value !== undefined) task[name] = value;
  }
  if (scheduled !== undefined) task.ScheduledTime = isoTime(scheduled);
  state.tasks.push(task);
  const result = { ContactId: task.ContactId };
  if (key) state.idempotency.set(key, result);
  return result;
}

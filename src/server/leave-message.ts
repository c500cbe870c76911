// createLeaveMessageHandler: the widget's "leave a message" form (while the chat is closed) becomes an
// Amazon Connect task (StartTaskContact in the contact flow you name), so it reaches the queues agents
// already work. Same conventions as the start-chat handler (pipeline.ts): origins, rate limit, body
// cap, JSON refusals. The page sends {Fields: {name, email, message, …}, Attributes?, ClientToken?};
// only the fields you allow, checked as you say, go to the task:
//   Name        taskName(fields)                  (default "Message from <name or email>")
//   Description the message field
//   References  every other field: EMAIL for email fields, STRING otherwise
//   Attributes  the page's (allowedAttributes) and your trusted attributes(request)
import { failFor, positiveInteger, resolveCommon, type CommonOptions, type ResolvedCommon } from './common.js';
import { taskCaller, type StartTaskContactInput } from './connect.js';
import { connectProblem, serve, trustedAttributes, type Handler, type ProblemLogEvent } from './pipeline.js';
import { codePoints, isRecord, pageAttributes, readClientToken } from './request.js';
import { jsonResponse, StartChatRefusal } from './responses.js';

/** How one form field is checked. */
export interface LeaveMessageField {
  /** A message without it is refused. Default false. */
  required?: boolean;
  /** Most characters. Default 1024 (4096 for the message field: the task description's limit). */
  maxLength?: number;
  /** 'email' must look like an address and becomes an EMAIL reference. Default 'text'. */
  type?: 'text' | 'email';
}

export type LeaveMessageLogEvent = { kind: 'created'; status: 200; contactId: string; clientAddress?: string } | ProblemLogEvent;

export interface LeaveMessageHandlerOptions extends CommonOptions {
  /** The contact flow the tasks run in (routes them to a queue). Required. */
  contactFlowId: string;
  /**
   * The fields a page may send, by name, and how each is checked. Default: name (optional, 256),
   * email (required, an address), message (required, 4096) — the widget's default form.
   */
  fields?: Readonly<Record<string, LeaveMessageField>>;
  /** The field that becomes the task's Description. Default 'message'. */
  messageField?: string;
  /** The task's name (at most 512 characters) from the fields. Default "Message from <name or email>". */
  taskName?: (fields: Readonly<Record<string, string>>) => string;
  /** Messages per client address per window; 429 with Retry-After beyond. `false` turns it off. Default 5 per 10 minutes. */
  rateLimit?: { max: number; windowMs: number } | false;
  /** Told about every task, refusal and failure. Default: failures to console.error. */
  log?: (event: LeaveMessageLogEvent) => void;
}

export const LEAVE_MESSAGE_DEFAULTS = {
  rateLimit: { max: 5, windowMs: 600_000 },
  fields: {
    name: { maxLength: 256 },
    email: { type: 'email', required: true, maxLength: 256 },
    message: { required: true, maxLength: 4096 },
  } as Readonly<Record<string, LeaveMessageField>>,
  messageField: 'message',
  taskName: (fields: Readonly<Record<string, string>>): string => `Message from ${fields.name || fields.email || 'a visitor'}`,
  log: (event: LeaveMessageLogEvent): void => {
    if (event.kind === 'failed') console.error(`leave-message: ${event.status} ${event.code}: ${event.message}${event.error ? ` (${event.error})` : ''}`);
  },
};

const TASK_NAME_LIMIT = 512;
const DESCRIPTION_LIMIT = 4096;
const FIELD_NAME = /^[A-Za-z0-9_-]{1,100}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MEMBERS = new Set(['Fields', 'Attributes', 'ClientToken']);

interface ResolvedLeaveMessage extends ResolvedCommon {
  fields: ReadonlyMap<string, Required<LeaveMessageField>>;
  messageField: string;
  taskName: (fields: Readonly<Record<string, string>>) => string;
  log: (event: LeaveMessageLogEvent) => void;
}

const fail = failFor('createLeaveMessageHandler');

function resolve(input: LeaveMessageHandlerOptions): ResolvedLeaveMessage {
  const common = resolveCommon(input, LEAVE_MESSAGE_DEFAULTS, fail);
  const messageField = input.messageField ?? LEAVE_MESSAGE_DEFAULTS.messageField;
  const given = input.fields ?? LEAVE_MESSAGE_DEFAULTS.fields;
  if (!isRecord(given) || Object.keys(given).length === 0) fail('fields', 'must name the fields a page may send, e.g. { email: { type: "email", required: true }, message: { required: true } }');
  const fields = new Map<string, Required<LeaveMessageField>>();
  for (const [name, rule] of Object.entries(given)) {
    if (!FIELD_NAME.test(name)) fail('fields', `has "${name}": a field name is 1 to 100 letters, digits, - or _`);
    if (!isRecord(rule)) fail(`fields.${name}`, 'must be { required?, maxLength?, type? }');
    if (rule.type !== undefined && rule.type !== 'text' && rule.type !== 'email') fail(`fields.${name}.type`, "must be 'text' or 'email'");
    const limit = name === messageField ? DESCRIPTION_LIMIT : 1024;
    const maxLength = rule.maxLength === undefined ? limit : positiveInteger(rule.maxLength, `fields.${name}.maxLength`, fail);
    if (maxLength > DESCRIPTION_LIMIT) fail(`fields.${name}.maxLength`, `must be at most ${DESCRIPTION_LIMIT} (what a task reference or description holds)`);
    fields.set(name, { required: rule.required === true, maxLength, type: rule.type === 'email' ? 'email' : 'text' });
  }
  if (!fields.has(messageField)) fail('messageField', `is "${messageField}", which is not one of the fields (${[...fields.keys()].join(', ')})`);
  if (input.taskName !== undefined && typeof input.taskName !== 'function') fail('taskName', 'must be a function (fields) => string');
  return { ...common, fields, messageField, taskName: input.taskName ?? LEAVE_MESSAGE_DEFAULTS.taskName, log: input.log ?? LEAVE_MESSAGE_DEFAULTS.log };
}

const fieldRefusal = (field: string, message: string, code = 'invalid-field'): StartChatRefusal => new StartChatRefusal(400, code, message, {}, { field });

/** The page's fields, checked; a refusal names the field. */
function readFields(value: unknown, options: ResolvedLeaveMessage): Record<string, string> {
  if (!isRecord(value)) throw new StartChatRefusal(400, 'invalid-request', 'Fields must be an object of the form\'s values, such as {"email": "…", "message": "…"}');
  const unknown = Object.keys(value).find((name) => !options.fields.has(name));
  if (unknown !== undefined) {
    throw fieldRefusal(unknown, `the field "${unknown.slice(0, 100)}" is not taken here; the form may send ${[...options.fields.keys()].join(', ')} (the back end option fields)`, 'field-not-allowed');
  }
  const out: Record<string, string> = {};
  for (const [name, rule] of options.fields) {
    const raw = value[name];
    if (raw !== undefined && typeof raw !== 'string') throw fieldRefusal(name, `${name} must be text`);
    const text = (raw ?? '').trim();
    if (text === '') {
      if (rule.required) throw fieldRefusal(name, `${name} is required`);
      continue;
    }
    if (codePoints(text) > rule.maxLength) throw fieldRefusal(name, `${name} is ${codePoints(text)} characters long; the most is ${rule.maxLength}`);
    if (rule.type === 'email' && !EMAIL.test(text)) throw fieldRefusal(name, `${name} must be an email address such as name@example.com`);
    out[name] = text;
  }
  return out;
}

function taskInput(fields: Record<string, string>, options: ResolvedLeaveMessage): Omit<StartTaskContactInput, 'Attributes' | 'ClientToken'> {
  let name: unknown;
  try {
    name = options.taskName(fields);
  } catch (cause) {
    throw new Error('the taskName option threw', { cause });
  }
  if (typeof name !== 'string' || name.trim() === '') throw new Error('the taskName option returned no name');
  const references: NonNullable<StartTaskContactInput['References']> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (field === options.messageField) continue;
    references[field] = { Type: options.fields.get(field)?.type === 'email' ? 'EMAIL' : 'STRING', Value: value };
  }
  const description = fields[options.messageField];
  return {
    InstanceId: options.instanceId,
    ContactFlowId: options.contactFlowId,
    Name: [...name.trim()].slice(0, TASK_NAME_LIMIT).join(''),
    ...(description ? { Description: description } : {}),
    ...(Object.keys(references).length ? { References: references } : {}),
  };
}

export function createLeaveMessageHandler(input: LeaveMessageHandlerOptions): Handler {
  const options = resolve(input);
  const startTaskContact = taskCaller(options);
  return serve(options, { verb: 'leave messages', name: 'leave-message', counted: 'messages left' }, options.log, async ({ body, request, clientAddress, cors }) => {
    if (!isRecord(body)) throw new StartChatRefusal(400, 'invalid-request', 'the body must be a JSON object: {"Fields": {…}, "Attributes"?: {…}, "ClientToken"?: "…"}');
    const unknown = Object.keys(body).filter((key) => !MEMBERS.has(key));
    if (unknown.length) throw new StartChatRefusal(400, 'invalid-request', `unknown member ${unknown.map((k) => `"${k.slice(0, 100)}"`).join(', ')}; the body takes ${[...MEMBERS].join(', ')}`);
    const fields = readFields(body.Fields, options);
    const attributes = { ...pageAttributes(body.Attributes, options.allowedAttributes), ...(await trustedAttributes(options, request)) };
    const clientToken = readClientToken(body.ClientToken);
    const task: StartTaskContactInput = {
      ...taskInput(fields, options),
      ...(Object.keys(attributes).length ? { Attributes: attributes } : {}),
      ...(clientToken ? { ClientToken: clientToken } : {}),
    };
    let created;
    try {
      created = await startTaskContact(task);
    } catch (error) {
      return connectProblem(error, 'task', options.log, { clientAddress, cors });
    }
    options.log({ kind: 'created', status: 200, contactId: created.ContactId, ...(clientAddress ? { clientAddress } : {}) });
    return jsonResponse(200, { data: { ContactId: created.ContactId } }, cors);
  });
}

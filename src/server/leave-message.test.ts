// createLeaveMessageHandler against the emulator through the official @aws-sdk/client-connect: the
// task it creates from the form, and every refusal (each one creating nothing).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TaskContact } from '../../emulator/index.js';
import { createLeaveMessageHandler, LEAVE_MESSAGE_DEFAULTS, type LeaveMessageLogEvent } from './leave-message.js';
import { toNodeListener } from './node.js';
import { ORIGIN, startRequest, testbed, type Testbed } from './testing/testbed.js';

let bed: Testbed;
const logs: LeaveMessageLogEvent[] = [];
let handler: ReturnType<typeof createLeaveMessageHandler>;

function leaveMessage(overrides: Partial<Parameters<typeof createLeaveMessageHandler>[0]> = {}) {
  return createLeaveMessageHandler({
    instanceId: 'instance-1',
    contactFlowId: 'offline-flow',
    region: 'us-east-1',
    endpoint: bed.emulator.url,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    allowedOrigins: [ORIGIN],
    allowedAttributes: ['page'],
    attributes: (request) => ({ customerId: request.headers.get('x-customer') ?? 'anonymous' }),
    rateLimit: false,
    log: (event) => logs.push(event),
    ...overrides,
  });
}

beforeAll(async () => {
  bed = await testbed();
  handler = leaveMessage();
});
afterAll(async () => {
  await bed.close();
});
afterEach(async () => {
  await fetch(`${bed.emulator.url}/emulator/faults`, { method: 'DELETE' });
});

interface Answer {
  status: number;
  headers: Headers;
  body: { code?: string; message?: string; field?: string; data?: { ContactId: string } };
}

async function send(body: unknown, init: Parameters<typeof startRequest>[1] = {}, use = handler): Promise<Answer> {
  const response = await use(startRequest(body, init), { clientAddress: '198.51.100.9' });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

const task = async (id: string): Promise<TaskContact | undefined> => (await bed.tasks()).find((t) => t.ContactId === id);

async function refused(status: number, code: string, body: unknown, init: Parameters<typeof startRequest>[1] = {}, use = handler): Promise<Answer> {
  const before = (await bed.tasks()).length;
  const result = await send(body, init, use);
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  expect(result.body.code).toBe(code);
  expect(result.body.message).not.toMatch(/\n\s+at /);
  expect((await bed.tasks()).length).toBe(before);
  return result;
}

const FORM = { name: 'Ada Lovelace', email: 'ada@example.com', message: 'Can I change the address of order 10423?' };

describe('leaving a message', () => {
  it('creates a task in the configured flow: name, description, references, the page\'s and the server\'s attributes', async () => {
    const result = await send({ Fields: FORM, Attributes: { page: '/orders/10423' } }, { headers: { 'x-customer': 'c-9' } });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const id = result.body.data!.ContactId;
    expect(await task(id)).toMatchObject({
      InstanceId: 'instance-1',
      ContactFlowId: 'offline-flow',
      Name: 'Message from Ada Lovelace',
      Description: 'Can I change the address of order 10423?',
      References: { name: { Type: 'STRING', Value: 'Ada Lovelace' }, email: { Type: 'EMAIL', Value: 'ada@example.com' } },
      Attributes: { page: '/orders/10423', customerId: 'c-9' },
    });
    expect(logs.at(-1)).toEqual({ kind: 'created', status: 200, contactId: id, clientAddress: '198.51.100.9' });
  });

  it('a retried message (same ClientToken) makes one task; optional fields may be left out', async () => {
    const body = { Fields: { email: 'bea@example.com', message: 'Please call back' }, ClientToken: 'form-7' };
    const first = await send(body);
    const again = await send(body);
    expect(again.body.data!.ContactId).toBe(first.body.data!.ContactId);
    expect(await task(first.body.data!.ContactId)).toMatchObject({ Name: 'Message from bea@example.com', References: { email: { Type: 'EMAIL', Value: 'bea@example.com' } } });
  });

  it('fields, the message field and the task name are the site\'s to choose', async () => {
    const custom = leaveMessage({
      fields: { phone: { required: true, maxLength: 30 }, topic: {}, question: { required: true } },
      messageField: 'question',
      taskName: (fields) => `Call back ${fields.phone} about ${fields.topic ?? 'anything'}`,
    });
    const result = await send({ Fields: { phone: '+44 20 7946 0000', topic: 'billing', question: 'Why two charges?' } }, {}, custom);
    expect(await task(result.body.data!.ContactId)).toMatchObject({
      Name: 'Call back +44 20 7946 0000 about billing',
      Description: 'Why two charges?',
      References: { phone: { Type: 'STRING', Value: '+44 20 7946 0000' }, topic: { Type: 'STRING', Value: 'billing' } },
    });
  });
});

describe('refusals (no task is created)', () => {
  it('403 for another origin, 405, 415, 413 as the start-chat handler', async () => {
    const other = await refused(403, 'origin-not-allowed', { Fields: FORM }, { origin: 'https://evil.example' });
    expect(other.body.message).toMatch(/may not leave messages here/);
    await refused(405, 'method-not-allowed', undefined, { method: 'GET' });
    await refused(415, 'unsupported-media-type', 'message=hi', { headers: { 'content-type': 'text/plain' } });
    await refused(413, 'payload-too-large', { Fields: { ...FORM, message: 'x'.repeat(20_000) } });
  });

  it('400 naming the field: required, too long, not an address, not taken', async () => {
    expect((await refused(400, 'invalid-field', { Fields: { name: 'Ada', email: 'ada@example.com' } })).body).toMatchObject({ field: 'message', message: 'message is required' });
    expect((await refused(400, 'invalid-field', { Fields: { ...FORM, email: 'ada at example' } })).body).toMatchObject({ field: 'email' });
    expect((await refused(400, 'invalid-field', { Fields: { ...FORM, name: 'x'.repeat(257) } })).body.message).toMatch(/name is 257 characters long; the most is 256/);
    expect((await refused(400, 'invalid-field', { Fields: { ...FORM, message: 7 } })).body.message).toMatch(/message must be text/);
    const extra = await refused(400, 'field-not-allowed', { Fields: { ...FORM, isAdmin: 'yes' } });
    expect(extra.body).toMatchObject({ field: 'isAdmin' });
    expect(extra.body.message).toMatch(/may send name, email, message/);
  });

  it('400 for the body: unknown members, attributes not allowed, a bad ClientToken, no fields, bad JSON', async () => {
    await refused(400, 'invalid-request', { Fields: FORM, ContactFlowId: 'mine' });
    await refused(400, 'attribute-not-allowed', { Fields: FORM, Attributes: { vip: 'yes' } });
    await refused(400, 'invalid-request', { Fields: FORM, ClientToken: '' });
    await refused(400, 'invalid-request', { Fields: 'hello' });
    await refused(400, 'invalid-json', '{"Fields": ');
  });

  it('429 past the rate limit (default 5 per 10 minutes), with Retry-After', async () => {
    expect(LEAVE_MESSAGE_DEFAULTS.rateLimit).toEqual({ max: 5, windowMs: 600_000 });
    const limited = leaveMessage({ rateLimit: { max: 1, windowMs: 60_000 } });
    expect((await send({ Fields: FORM }, {}, limited)).status).toBe(200);
    const second = await refused(429, 'rate-limited', { Fields: FORM }, {}, limited);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(second.body.message).toMatch(/too many messages left from this address/);
  });

  it('Amazon Connect busy: 503 with Retry-After; refusing (a bad flow, IAM): 502; the SDK\'s reason in the log only', async () => {
    await fetch(`${bed.emulator.url}/emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fail: { operation: 'StartTaskContact', status: 503, count: 5 } }) });
    const busy = await refused(503, 'connect-unavailable', { Fields: FORM });
    expect(busy.headers.get('retry-after')).toBe('5');
    await fetch(`${bed.emulator.url}/emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fail: { operation: 'StartTaskContact', status: 403, error: 'AccessDeniedException', message: 'not authorized to perform connect:StartTaskContact' } }),
    });
    const denied = await refused(502, 'connect-failed', { Fields: FORM });
    expect(denied.body.message).toMatch(/refused to take the message/);
    expect(denied.body.message).not.toMatch(/StartTaskContact/);
    expect(logs.at(-1)).toMatchObject({ kind: 'failed', status: 502, error: expect.stringMatching(/AccessDeniedException: not authorized/) });
  });
});

describe('options', () => {
  it('a misconfiguration fails at start-up, naming the handler and the option', () => {
    const base = { instanceId: 'i', contactFlowId: 'f', region: 'eu-west-2', allowedOrigins: ['https://shop.example'] };
    expect(() => createLeaveMessageHandler({ ...base, contactFlowId: '' })).toThrow(/createLeaveMessageHandler: contactFlowId is required/);
    expect(() => createLeaveMessageHandler({ ...base, fields: {} })).toThrow(/fields must name the fields/);
    expect(() => createLeaveMessageHandler({ ...base, fields: { 'e mail': {} , message: {} } })).toThrow(/fields has "e mail"/);
    expect(() => createLeaveMessageHandler({ ...base, fields: { message: { maxLength: 5000 } } })).toThrow(/fields.message.maxLength must be at most 4096/);
    expect(() => createLeaveMessageHandler({ ...base, fields: { email: { type: 'phone' as 'text' } , message: {} } })).toThrow(/fields.email.type/);
    expect(() => createLeaveMessageHandler({ ...base, fields: { email: {} } })).toThrow(/messageField is "message", which is not one of the fields \(email\)/);
  });
});

describe('toNodeListener', () => {
  it('serves it on node:http', async () => {
    const server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/leave-message`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ Fields: FORM }),
      });
      expect(response.status).toBe(200);
      const { data } = (await response.json()) as { data: { ContactId: string } };
      expect((await task(data.ContactId))?.Description).toBe(FORM.message);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

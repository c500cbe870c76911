// createStartChatHandler against the emulator through the official @aws-sdk/client-connect: what it
// starts, and every refusal (each one starting nothing).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStartChatHandler } from './handler.js';
import { answer, ORIGIN, SECRET, startRequest, testbed, type Testbed } from './testing/testbed.js';

let bed: Testbed;
const tokens: string[] = [];
const consoleLines: string[] = [];

beforeAll(async () => {
  bed = await testbed({
    allowedAttributes: ['plan', 'orderId'],
    attributes: (request) => ({ customerId: request.headers.get('x-customer') ?? 'anonymous', plan: 'from-the-server' }),
    persistentChat: { secret: SECRET },
    rateLimit: false,
  });
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')));
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await bed.close();
});
afterEach(async () => {
  await fetch(`${bed.emulator.url}/emulator/faults`, { method: 'DELETE' });
});

/** Starts through the handler; remembers the token so the last test can check no log ever held one. */
async function start(body?: unknown, init?: Parameters<typeof startRequest>[1], handler = bed.handler) {
  const result = await answer(await handler(startRequest(body, init), { clientAddress: '198.51.100.7' }));
  const token = result.body.data?.startChatResult.ParticipantToken;
  if (token) tokens.push(token);
  return result;
}

/** A refusal: its status and code, no stack, and no contact started. */
async function refused(status: number, code: string, body?: unknown, init?: Parameters<typeof startRequest>[1], handler = bed.handler) {
  const before = await bed.contactCount();
  const result = await start(body, init, handler);
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  expect(result.body.code).toBe(code);
  expect(Object.keys(result.body).sort()).toEqual(['code', 'message']);
  expect(result.body.message).not.toMatch(/\n\s+at /);
  expect(await bed.contactCount()).toBe(before);
  return result;
}

describe('starting a chat', () => {
  it("answers the widget's contract with a chat in the configured instance and flow", async () => {
    const result = await start({ ParticipantDetails: { DisplayName: 'Ada' }, Attributes: { orderId: '42', plan: 'gold' } }, { headers: { 'x-customer': 'c-7' } });
    expect(result.status).toBe(200);
    expect(result.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(result.headers.get('vary')).toBe('Origin');
    expect(result.headers.get('cache-control')).toBe('no-store');
    const chat = result.body.data!.startChatResult;
    expect(chat).toMatchObject({ ContactId: expect.any(String), ParticipantId: expect.any(String), ParticipantToken: expect.any(String) });
    expect(chat.SignedContactId).toMatch(new RegExp(`^${chat.ContactId}\\.`));
    const contact = await bed.contact(chat.ContactId);
    expect(contact).toMatchObject({ InstanceId: 'instance-1', ContactFlowId: 'flow-1' });
    // The server's attributes win over the visitor's.
    expect(contact.Attributes).toEqual({ orderId: '42', plan: 'from-the-server', customerId: 'c-7' });
    expect(contact.SupportedMessagingContentTypes).toEqual(['text/plain', 'text/markdown', 'application/vnd.amazonaws.connect.message.interactive.response']);
    expect(contact.Participants[0].DisplayName).toBe('Ada');
    expect(bed.logs.at(-1)).toEqual({ kind: 'started', status: 200, contactId: chat.ContactId, clientAddress: '198.51.100.7' });
  });

  it('forwards DisconnectOnCustomerExit ["AGENT"] (the widget\'s postChatSurvey) to StartChatContact', async () => {
    const result = await start({ ParticipantDetails: { DisplayName: 'Ada' }, DisconnectOnCustomerExit: ['AGENT'] });
    expect(result.status).toBe(200);
    expect((await bed.contact(result.body.data!.startChatResult.ContactId)).DisconnectOnCustomerExit).toEqual(['AGENT']);
    const plain = await start({ ParticipantDetails: { DisplayName: 'Ada' } });
    expect((await bed.contact(plain.body.data!.startChatResult.ContactId)).DisconnectOnCustomerExit).toBeUndefined();
  });

  it('answers an allowed preflight; refuses others without CORS headers', async () => {
    const ok = await bed.handler(startRequest(undefined, { method: 'OPTIONS', headers: { 'access-control-request-headers': 'content-type,x-api-key' } }));
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('access-control-allow-headers')).toBe('content-type,x-api-key');
    expect(ok.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    const no = await bed.handler(startRequest(undefined, { method: 'OPTIONS', origin: 'https://evil.example' }));
    expect(no.status).toBe(403);
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('refusals (nothing is started)', () => {
  it('403 for another origin or none, without granting CORS', async () => {
    const other = await refused(403, 'origin-not-allowed', undefined, { origin: 'https://evil.example' });
    expect(other.body.message).toMatch(/https:\/\/evil\.example may not start chats here; add it to the back end's allowedOrigins/);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    await refused(403, 'origin-not-allowed', undefined, { origin: null });
  });

  it('405 for other methods, 415 for bodies that are not JSON', async () => {
    const get = await refused(405, 'method-not-allowed', undefined, { method: 'GET' });
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
    await refused(415, 'unsupported-media-type', 'DisplayName=Ada', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  });

  it('400 for malformed JSON, a DisplayName over 256, bad fields and attributes the page may not set', async () => {
    await refused(400, 'invalid-json', '{"ParticipantDetails": ');
    const long = await refused(400, 'invalid-request', { ParticipantDetails: { DisplayName: 'x'.repeat(257) } });
    expect(long.body.message).toMatch(/257 characters long; the most is 256/);
    await refused(400, 'invalid-request', { ChatDurationInMinutes: 'soon' });
    const attribute = await refused(400, 'attribute-not-allowed', { Attributes: { plan: 'gold', isAdmin: 'true' } });
    expect(attribute.body.message).toMatch(/"isAdmin" may not be set by the page/);
  });

  it('the body never chooses the instance or the contact flow', async () => {
    const result = await refused(400, 'invalid-request', { InstanceId: 'instance-2', ContactFlowId: 'flow-evil', ParticipantDetails: { DisplayName: 'x' } });
    expect(result.body.message).toMatch(/InstanceId and ContactFlowId are chosen by the back end/);
  });

  it('413 for a body over the cap, declared or streamed', async () => {
    const small = createStartChatHandler({ ...bed.options, maxBodyBytes: 256 });
    await refused(413, 'payload-too-large', { ParticipantDetails: { DisplayName: 'x'.repeat(300) } }, {}, small);
    const streamed = new Request('https://api.example/start-chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(100)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect((await answer(await small(streamed))).body.code).toBe('payload-too-large');
  });

  it('429 with Retry-After past the rate limit, per client address', async () => {
    let now = 1_000_000;
    const limited = createStartChatHandler({ ...bed.options, rateLimit: { max: 2, windowMs: 60_000 }, now: () => now });
    const from = (address: string, headers: Record<string, string> = {}) => limited(startRequest(undefined, { headers }), { clientAddress: address });
    expect((await from('203.0.113.1')).status).toBe(200);
    expect((await from('203.0.113.1')).status).toBe(200);
    now += 10_000;
    const third = await from('203.0.113.1');
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('50');
    expect(((await third.json()) as { code: string }).code).toBe('rate-limited');
    expect((await from('203.0.113.2')).status).toBe(200);
    // Without trustProxy, X-Forwarded-For changes nothing: the visitor cannot pick a fresh address.
    expect((await from('203.0.113.1', { 'x-forwarded-for': '192.0.2.99' })).status).toBe(429);
  });

  it('trustProxy: the address the proxy saw, not what the visitor wrote', async () => {
    const proxied = createStartChatHandler({ ...bed.options, rateLimit: { max: 1, windowMs: 60_000 }, trustProxy: 1 });
    const via = (forwardedFor: string) => proxied(startRequest(undefined, { headers: { 'x-forwarded-for': forwardedFor } }), { clientAddress: '10.0.0.1' });
    expect((await via('203.0.113.5')).status).toBe(200);
    expect((await via('203.0.113.6')).status).toBe(200);
    expect((await via('made-up, 203.0.113.5')).status).toBe(429);
  });
});

describe('persistent chat, safely', () => {
  async function endedChat(): Promise<{ contactId: string; signed: string }> {
    const first = await start();
    const chat = first.body.data!.startChatResult;
    await fetch(`${bed.emulator.url}/emulator/contacts/${chat.ContactId}/end`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return { contactId: chat.ContactId, signed: chat.SignedContactId! };
  }

  it('continues a chat from the signed id this back end issued', async () => {
    const earlier = await endedChat();
    const next = await start({ PersistentChat: { SourceContactId: earlier.signed, RehydrationType: 'ENTIRE_PAST_SESSION' } });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    const chat = next.body.data!.startChatResult;
    expect(chat.ContinuedFromContactId).toBe(earlier.contactId);
    expect(chat.SignedContactId).toMatch(new RegExp(`^${chat.ContactId}\\.`));
    expect(bed.logs.at(-1)).toMatchObject({ kind: 'started', continuedFrom: earlier.contactId });
  });

  it("refuses someone else's bare ContactId, a forged or altered value, and another secret's", async () => {
    const earlier = await endedChat();
    const bare = await refused(400, 'persistent-chat-refused', { PersistentChat: { SourceContactId: earlier.contactId } });
    expect(bare.body.message).toMatch(/a bare ContactId is never accepted/);
    const [, time, mac] = earlier.signed.split('.');
    await refused(400, 'persistent-chat-refused', { PersistentChat: { SourceContactId: `someone-else.${time}.${mac}` } });
    const otherSecret = createStartChatHandler({ ...bed.options, persistentChat: { secret: 'x'.repeat(40) } });
    const forged = await refused(400, 'persistent-chat-refused', { PersistentChat: { SourceContactId: earlier.signed } }, {}, otherSecret);
    expect(forged.body.message).toMatch(/signature this back end did not make/);
  });

  it('refuses an expired value, and any PersistentChat when the option is off', async () => {
    const earlier = await endedChat();
    const later = createStartChatHandler({ ...bed.options, now: () => Date.now() + 31 * 86_400_000 });
    const expired = await refused(400, 'persistent-chat-refused', { PersistentChat: { SourceContactId: earlier.signed } }, {}, later);
    expect(expired.body.message).toMatch(/too old/);
    const { persistentChat: _, ...withoutSecret } = bed.options;
    await refused(400, 'persistent-chat-disabled', { PersistentChat: { SourceContactId: earlier.signed } }, {}, createStartChatHandler(withoutSecret));
  });

  it('a chat that is still running cannot be continued: 400 from the service, said plainly', async () => {
    const running = (await start()).body.data!.startChatResult;
    const result = await start({ PersistentChat: { SourceContactId: running.SignedContactId } });
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ code: 'persistent-chat-refused', message: expect.stringMatching(/cannot be continued/) });
  });
});

describe('Amazon Connect failing', () => {
  const fault = (body: unknown) =>
    fetch(`${bed.emulator.url}/emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('503 with Retry-After when it is overloaded or down (after the SDK retried), never a stack', async () => {
    await fault({ fail: { operation: 'StartChatContact', status: 429, error: 'ThrottlingException', count: 5 } });
    const throttled = await start();
    expect(throttled.status).toBe(503);
    expect(throttled.headers.get('retry-after')).toBe('5');
    expect(throttled.body).toEqual({ code: 'connect-unavailable', message: expect.any(String) });
    await fault({ fail: { operation: 'StartChatContact', status: 500, count: 5 } });
    expect((await start()).status).toBe(503);
    const unreachable = createStartChatHandler({ ...bed.options, endpoint: 'http://127.0.0.1:9' });
    const down = await start(undefined, {}, unreachable);
    expect(down.status).toBe(503);
    expect(bed.logs.at(-1)).toMatchObject({ kind: 'failed', status: 503, error: expect.stringMatching(/ECONNREFUSED|connect/i) });
  });

  it('502 when it refuses the request (the back end\'s configuration or IAM)', async () => {
    await fault({ fail: { operation: 'StartChatContact', status: 403, error: 'AccessDeniedException', message: 'not authorized to perform connect:StartChatContact' } });
    const denied = await start();
    expect(denied.status).toBe(502);
    expect(denied.body).toEqual({ code: 'connect-failed', message: expect.stringMatching(/back end needs attention/) });
    expect(bed.logs.at(-1)).toMatchObject({ kind: 'failed', status: 502, error: 'AccessDeniedException: not authorized to perform connect:StartChatContact' });
  });

  it('500 (logged) when the site\'s own attributes hook throws', async () => {
    const broken = createStartChatHandler({ ...bed.options, attributes: () => { throw new Error('session store down'); } });
    const result = await refused(500, 'internal-error', undefined, {}, broken);
    expect(result.body.message).not.toContain('session store down');
    expect(bed.logs.at(-1)).toMatchObject({ kind: 'failed', status: 500, error: 'Error: session store down' });
  });

  it('the default log prints failures in one line each, without a stack', async () => {
    const { log: _, ...withoutLog } = bed.options;
    const defaultLog = createStartChatHandler({ ...withoutLog, endpoint: 'http://127.0.0.1:9' });
    consoleLines.length = 0;
    expect((await start(undefined, {}, defaultLog)).status).toBe(503);
    expect(consoleLines).toHaveLength(1);
    expect(consoleLines[0]).toMatch(/^start-chat: 503 connect-unavailable: .*\(.*\)$/);
  });
});

describe('logs', () => {
  it('never hold a ParticipantToken', () => {
    expect(tokens.length).toBeGreaterThan(5);
    const logged = JSON.stringify(bed.logs) + consoleLines.join('\n');
    for (const token of tokens) expect(logged).not.toContain(token);
  });
});

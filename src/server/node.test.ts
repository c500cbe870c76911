// toNodeListener on real servers (node:http, Express with and without express.json(), Fastify), with
// the widget's own ChatSession starting through it and chatting against the emulator.
import express from 'express';
import Fastify from 'fastify';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket as NodeWS } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamBody } from '../../emulator/testing/helpers.js';
import { ChatSession } from '../chat/index.js';
import { createStartChatHandler } from './handler.js';
import { toNodeListener } from './node.js';
import { ORIGIN, SECRET, testbed, type Testbed } from './testing/testbed.js';

let bed: Testbed;
const servers: Array<() => Promise<void>> = [];
beforeAll(async () => {
  bed = await testbed({ persistentChat: { secret: SECRET }, allowedAttributes: ['plan'] });
});
afterAll(async () => {
  for (const close of servers.splice(0)) await close();
  await bed.close();
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** POSTs as a page of ORIGIN would (Node's fetch sends no Origin by itself). */
async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

/** The widget's ChatSession starting through the back end at `url` (as a page of ORIGIN), chatting on the emulator. */
const sessionThrough = (url: string, options: Partial<ConstructorParameters<typeof ChatSession>[0]> = {}) =>
  new ChatSession({
    startChat: `${url}/start-chat`,
    startChatHeaders: { origin: ORIGIN },
    endpoint: bed.emulator.url,
    WebSocket: NodeWS,
    persistence: 'none',
    tabs: false,
    ...options,
  });

const startResult = (body: Record<string, unknown>) => (body.data as { startChatResult: { ContactId: string; SignedContactId: string } }).startChatResult;

describe('node:http', () => {
  it("the widget's ChatSession starts through it, chats, ends, and continues the chat with the signed id", async () => {
    const url = await listen(createServer(toNodeListener(bed.handler)));
    const session = (options: Partial<ConstructorParameters<typeof ChatSession>[0]> = {}) =>
      sessionThrough(url, { displayName: 'Ada', attributes: { plan: 'gold' }, ...options });
    const first = session();
    const started = new Promise<{ signedContactId?: string }>((resolve) => first.on('chatStarted', resolve));
    await first.start();
    expect(first.connection.value).toBe('connected');
    const contactId = first.contactId.value as string;
    expect((await bed.contact(contactId)).Attributes).toEqual({ plan: 'gold' });
    await first.send('Hello from Node');
    const items = async () => ((await (await fetch(`${bed.emulator.url}/emulator/contacts/${contactId}/items`)).json()) as { Items: { Content?: string }[] }).Items;
    await expect.poll(async () => (await items()).some((i) => i.Content === 'Hello from Node')).toBe(true);
    const signed = (await started).signedContactId;
    expect(signed).toMatch(new RegExp(`^${contactId}\\.`));
    const ended = new Promise<{ signedContactId?: string }>((resolve) => first.on('chatEnded', resolve));
    await first.end();
    expect((await ended).signedContactId).toBe(signed);
    await first.close();

    // The next visit continues the chat: the page passes the signed id back as persistentChat.
    const second = session({ persistentChat: { SourceContactId: signed as string, RehydrationType: 'ENTIRE_PAST_SESSION' } });
    await second.start();
    expect(second.contactId.value).not.toBe(contactId);
    while (second.hasOlder.value) await second.loadOlder();
    expect(second.transcript.value.some((e) => e.kind === 'message' && e.content === 'Hello from Node')).toBe(true);
    await second.close();
  });

  it("persistentChat 'auto': the session remembers the signed id itself; a tampered one is refused and a new chat starts", async () => {
    // Its own handler: four starts here must not eat the shared handler's rate limit.
    const url = await listen(createServer(toNodeListener(createStartChatHandler({ ...bed.options, rateLimit: false }))));
    // One ChatSession for several chats, as a page keeps one: the remembered id lives with it.
    const chats = sessionThrough(url, { persistentChat: 'auto' });
    await chats.start();
    const first = chats.contactId.value as string;
    await chats.send('Remember this');
    await expect
      .poll(async () => ((await (await fetch(`${bed.emulator.url}/emulator/contacts/${first}/items`)).json()) as { Items: { Content?: string }[] }).Items.some((i) => i.Content === 'Remember this'))
      .toBe(true);
    await chats.end();
    await chats.start();
    const second = chats.contactId.value as string;
    expect(second).not.toBe(first);
    expect(((await (await fetch(`${bed.emulator.url}/emulator/contacts/${second}`)).json()) as { PreviousContactId?: string }).PreviousContactId).toBe(first);
    while (chats.hasOlder.value) await chats.loadOlder();
    expect(chats.transcript.value.some((e) => e.kind === 'message' && e.content === 'Remember this')).toBe(true);

    // The stored value altered (by hand, by a script): the back end refuses it, the session forgets it
    // and starts a new chat without it.
    await chats.end();
    const refusals = bed.logs.length;
    const remembered = (chats as unknown as { remembered: { get(): string; set(v: string): void } }).remembered;
    remembered.set(`${remembered.get().slice(0, -3)}AAA`);
    await chats.start();
    const third = chats.contactId.value as string;
    expect(((await (await fetch(`${bed.emulator.url}/emulator/contacts/${third}`)).json()) as { PreviousContactId?: string }).PreviousContactId).toBeUndefined();
    expect(bed.logs.slice(refusals).some((e) => e.kind === 'refused' && e.code === 'persistent-chat-refused')).toBe(true);
    expect(chats.transcript.value.some((e) => e.kind === 'message' && e.content === 'Remember this')).toBe(false);
    await chats.close();
  });

  it('uses the socket address for the rate limit, whatever X-Forwarded-For says', async () => {
    const handler = createStartChatHandler({ ...bed.options, rateLimit: { max: 1, windowMs: 60_000 } });
    const url = await listen(createServer(toNodeListener(handler)));
    expect((await post(url, {})).status).toBe(200);
    const limited = await post(url, {}, { 'x-forwarded-for': '203.0.113.9' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a 50 MB body at once and closes the connection instead of reading it', async () => {
    const url = await listen(createServer(toNodeListener(bed.handler)));
    const total = 50 * 1024 * 1024;
    const result = await streamBody(`${url}/start-chat`, total, { headers: { origin: ORIGIN } });
    expect(result.status).toBe(413);
    expect(result.headers.connection).toBe('close');
    expect(result.written).toBeLessThan(total);
  });
});

describe('Express', () => {
  it('the README example: app.use(path, toNodeListener(handler)), preflight included', async () => {
    const app = express();
    app.use('/start-chat', toNodeListener(bed.handler));
    const url = await listen(createServer(app));
    const preflight = await fetch(`${url}/start-chat`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const started = await post(`${url}/start-chat`, { ParticipantDetails: { DisplayName: 'Express' } });
    expect(started.status).toBe(200);
    expect(startResult(started.body).ContactId).toBeTruthy();
    const refused = await post(`${url}/start-chat`, { InstanceId: 'other' });
    expect(refused.status).toBe(400);
  });

  it('after express.json() has read the body', async () => {
    const app = express();
    app.use(express.json());
    app.post('/start-chat', toNodeListener(bed.handler));
    const url = await listen(createServer(app));
    const started = await post(`${url}/start-chat`, { ParticipantDetails: { DisplayName: 'Parsed' }, Attributes: { plan: 'silver' } });
    expect(started.status).toBe(200);
    expect((await bed.contact(startResult(started.body).ContactId)).Attributes).toEqual({ plan: 'silver' });
    expect((await post(`${url}/start-chat`, { Attributes: { role: 'admin' } })).body.code).toBe('attribute-not-allowed');
  });
});

describe('Fastify', () => {
  it('as a raw handler with its parsed body', async () => {
    const app = Fastify();
    const listener = toNodeListener(bed.handler);
    app.route({
      method: ['POST', 'OPTIONS'],
      url: '/start-chat',
      handler: (request, reply) => {
        reply.hijack();
        return listener(Object.assign(request.raw, { body: request.body }), reply.raw);
      },
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    servers.push(() => app.close());
    const started = await post(`${url}/start-chat`, { ParticipantDetails: { DisplayName: 'Fastify' } });
    expect(started.status).toBe(200);
    expect((await bed.contact(startResult(started.body).ContactId)).Participants[0].DisplayName).toBe('Fastify');
    const preflight = await fetch(`${url}/start-chat`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect((await post(`${url}/start-chat`, {}, { origin: 'https://evil.example' })).status).toBe(403);
  });
});

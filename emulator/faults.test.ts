// Every fault of POST /emulator/faults, exercised against a running emulator, plus the parser.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyFaultRequest, initialFaults, takeFailure } from './faults.js';
import { defaultErrorType } from './http.js';
import type { Emulator } from './index.js';
import { connect, emulator, FrameSocket, json, startChat } from './testing/helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});
afterEach(async () => {
  await json(`${emu.url}/emulator/faults`, { method: 'DELETE' });
});

const faults = (body: unknown) => json<Record<string, unknown>>(`${emu.url}/emulator/faults`, { body });
const message = (token: string, content = 'hi') =>
  json(`${emu.url}/participant/message`, { body: { ContentType: 'text/plain', Content: content }, headers: { 'x-amz-bearer': token } });

async function customer() {
  const chat = await startChat(emu.url);
  return { chat, ...(await connect(emu.url, chat.participantToken)) };
}

describe('fail the next N requests of an operation', () => {
  it('with the status, the modeled error type, Retry-After, then recovers', async () => {
    const c = await customer();
    const set = await faults({ fail: { operation: 'SendMessage', status: 429, count: 2, retryAfterSeconds: 3 } });
    expect(set.status).toBe(200);
    expect(set.body.fail).toEqual([expect.objectContaining({ operation: 'SendMessage', count: 2, status: 429, error: 'ThrottlingException' })]);
    for (let i = 0; i < 2; i++) {
      const r = await message(c.connectionToken);
      expect(r.status).toBe(429);
      expect(r.headers.get('x-amzn-errortype')).toBe('ThrottlingException');
      expect(r.headers.get('retry-after')).toBe('3');
    }
    expect((await message(c.connectionToken)).status).toBe(200);
  });

  it('a gateway-style 503 without an error type; `*` matches any participant operation', async () => {
    const c = await customer();
    await faults({ fail: { operation: '*', status: 503, error: null, message: 'Service Unavailable' } });
    const r = await json(`${emu.url}/participant/transcript`, { body: {}, headers: { 'x-amz-bearer': c.connectionToken } });
    expect(r.status).toBe(503);
    expect(r.headers.get('x-amzn-errortype')).toBeNull();
    expect(r.body).toEqual({ message: 'Service Unavailable' });
  });

  it('Connect-side operations and the WebSocket upgrade can fail too', async () => {
    await faults({ fail: [{ operation: 'StartChatContact', status: 500 }, { operation: 'WebSocketConnect', status: 500 }] });
    const start = await json(`${emu.url}/contact/chat`, { method: 'PUT', body: { InstanceId: 'i', ContactFlowId: 'f', ParticipantDetails: { DisplayName: 'x' } } });
    expect(start.status).toBe(500);
    const c = await customer();
    await expect(FrameSocket.open(c.websocketUrl)).rejects.toThrow(/500/);
    (await FrameSocket.open(c.websocketUrl)).close();
  });
});

describe('latency', () => {
  it('delays the named operations only', async () => {
    const c = await customer();
    await faults({ latencyMs: 400, latencyOperations: ['SendMessage'] });
    let started = Date.now();
    expect((await message(c.connectionToken)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    started = Date.now();
    await json(`${emu.url}/participant/transcript`, { body: {}, headers: { 'x-amz-bearer': c.connectionToken } });
    expect(Date.now() - started).toBeLessThan(380);
  });
});

describe('socket faults', () => {
  it('drop all sockets now: abruptly (1006), or with a close code, or for one contact', async () => {
    const a = await customer();
    const b = await customer();
    const socketA = await FrameSocket.subscribed(a.websocketUrl);
    const socketB = await FrameSocket.subscribed(b.websocketUrl);
    const one = await faults({ dropSockets: { contactId: a.chat.contactId, code: 4001, reason: 'test' } });
    expect(one.body.socketsDropped).toBe(1);
    expect(await socketA.waitClosed()).toEqual({ code: 4001, reason: 'test' });
    expect(socketB.closed).toBeUndefined();
    const all = await faults({ dropSockets: true });
    expect(all.body.socketsDropped).toBe(1);
    expect((await socketB.waitClosed()).code).toBe(1006);
  });

  it('stop answering heartbeats (pings still answered), and pings', async () => {
    const c = await customer();
    const socket = await FrameSocket.subscribed(c.websocketUrl);
    await faults({ ignoreHeartbeats: true });
    socket.send({ topic: 'aws/heartbeat' });
    socket.send({ topic: 'aws/ping' });
    await socket.waitFor((f) => f.topic === 'aws/ping');
    await new Promise((r) => setTimeout(r, 100));
    expect(socket.frames.some((f) => f.topic === 'aws/heartbeat')).toBe(false);
    await faults({ ignoreHeartbeats: false, ignorePings: true });
    socket.frames.length = 0;
    socket.send({ topic: 'aws/ping' });
    socket.send({ topic: 'aws/heartbeat' });
    await socket.waitFor((f) => f.topic === 'aws/heartbeat');
    await new Promise((r) => setTimeout(r, 100));
    expect(socket.frames.some((f) => f.topic === 'aws/ping')).toBe(false);
    socket.close();
  });

  it('refuse subscribes: status failure, and nothing is delivered', async () => {
    const c = await customer();
    await faults({ refuseSubscribes: true });
    const socket = await FrameSocket.open(c.websocketUrl);
    socket.send({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } });
    expect(await socket.waitFor((f) => f.topic === 'aws/subscribe')).toEqual({ topic: 'aws/subscribe', content: { status: 'failure', topics: ['aws/chat'] } });
    await message(c.connectionToken, 'unseen');
    socket.send({ topic: 'aws/ping' });
    await socket.waitFor((f) => f.topic === 'aws/ping');
    expect(socket.items()).toEqual([]);
    socket.close();
  });

  it('close sockets after N seconds with 1001 Going away (existing sockets count from now)', async () => {
    const c = await customer();
    const early = await FrameSocket.subscribed(c.websocketUrl);
    await faults({ closeSocketsAfterSeconds: 0.3 });
    const late = await FrameSocket.subscribed((await connect(emu.url, c.chat.participantToken)).websocketUrl);
    expect(await early.waitClosed()).toEqual({ code: 1001, reason: 'Going away' });
    expect((await late.waitClosed()).code).toBe(1001);
  });
});

describe('expire connection tokens', () => {
  it('REST calls get 403 until the client creates a new connection', async () => {
    const c = await customer();
    const other = await customer();
    const done = await faults({ expireConnectionTokens: { contactId: c.chat.contactId } });
    expect(done.body.connectionTokensExpired).toBe(1);
    const refused = await message(c.connectionToken);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(refused.body.message).toMatch(/expired/);
    expect((await message(other.connectionToken)).status).toBe(200);
    const fresh = await connect(emu.url, c.chat.participantToken);
    expect((await message(fresh.connectionToken)).status).toBe(200);
  });
});

describe('the fault API itself', () => {
  it('lists standing faults, refuses bad bodies without changing anything, resets', async () => {
    await faults({ ignorePings: true });
    const bad = await faults({ fail: { operation: 'Teleport' }, ignoreHeartbeats: true });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/fail\.operation must be one of .*SendMessage/);
    const unknown = await faults({ slowness: 3 });
    expect(unknown.body.message).toMatch(/unknown fault slowness/);
    const listed = await json<Record<string, unknown>>(`${emu.url}/emulator/faults`);
    expect(listed.body).toMatchObject({ ignorePings: true, ignoreHeartbeats: false, fail: [] });
    await json(`${emu.url}/emulator/faults`, { method: 'DELETE' });
    expect((await json<Record<string, unknown>>(`${emu.url}/emulator/faults`)).body.ignorePings).toBe(false);
  });
});

describe('applyFaultRequest / takeFailure (pure)', () => {
  it('default status 500 and type, count consumption, wildcard only for participant operations', () => {
    const state = initialFaults();
    applyFaultRequest(state, { fail: [{ operation: '*', count: 1 }, { operation: 'StopContact', status: 404 }] }, defaultErrorType);
    expect(takeFailure(state, 'StartChatContact', false)).toBeUndefined();
    expect(takeFailure(state, 'SendEvent', true)).toMatchObject({ status: 500, error: 'InternalServerException' });
    expect(takeFailure(state, 'SendEvent', true)).toBeUndefined();
    expect(takeFailure(state, 'StopContact', false)).toMatchObject({ status: 404, error: 'ResourceNotFoundException' });
    expect(state.failures).toEqual([]);
    expect(() => applyFaultRequest(state, { dropSockets: { code: 1006 } }, defaultErrorType)).toThrow(/1000 or 3000\.\.4999/);
    expect(() => applyFaultRequest(state, { fail: { operation: 'SendMessage', status: 200 } }, defaultErrorType)).toThrow(/300\.\.599/);
  });
});

// Input the emulator refuses with a clear 4xx instead of a reset connection or a 500: bodies over the
// limit, bodies it has no route for, deep nesting, malformed percent-encoding, timers too long.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { connect, emulator, json, rawRequest, startChat, streamBody } from './testing/helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});

const MB = 1024 * 1024;

const stream = (path: string, total: number, chunked: boolean) => streamBody(`${emu.url}${path}`, total, { chunked });

describe('request bodies', () => {
  it('50 MB declared with Content-Length: 413 at once, without reading it', async () => {
    const r = await stream('/participant/message', 50 * MB, false);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).message).toMatch(/request body larger than 1048576 bytes/);
    expect(r.written).toBeLessThan(50 * MB);
  });

  it('50 MB chunked: 413 once 1 MB has arrived, and the rest is not read', async () => {
    const r = await stream('/emulator/faults', 50 * MB, true);
    expect(r.status).toBe(413);
    expect(r.written).toBeLessThan(50 * MB);
    expect((await json(`${emu.url}/health`)).status).toBe(200);
  });

  it('an unknown route answers 404 and closes the connection rather than draining the body', async () => {
    const r = await stream('/nowhere', 50 * MB, false);
    expect(r.status).toBe(404);
    expect(r.written).toBeLessThan(50 * MB);
    const small = await rawRequest('POST', `${emu.url}/nowhere`, { 'content-type': 'application/json' }, '{"a":1}');
    expect(small.status).toBe(404);
    expect(small.headers.connection).toBe('close');
    const read = await rawRequest('POST', `${emu.url}/emulator/faults`, { 'content-type': 'application/json' }, '{}');
    expect(read.headers.connection).not.toBe('close');
  });

  it('deeply nested Attributes: 400, not a crash', async () => {
    // Written as text: JSON.stringify itself cannot go this deep.
    const deep = `${'{"a":'.repeat(50_000)}"x"${'}'.repeat(50_000)}`;
    for (const [path, method] of [['/contact/chat', 'PUT'], ['/start-chat', 'POST']]) {
      const r = await json(`${emu.url}${path}`, {
        method,
        body: `{"InstanceId":"i","ContactFlowId":"f","ParticipantDetails":{"DisplayName":"x"},"Attributes":{"nested":${deep}}}`,
      });
      expect(r.status, path).toBe(400);
      expect(JSON.stringify(r.body)).toMatch(/nests objects or lists deeper than 64 levels/);
    }
    const shallow = await json(`${emu.url}/contact/chat`, { method: 'PUT', body: { InstanceId: 'i', ContactFlowId: 'f', ParticipantDetails: { DisplayName: 'x' }, Attributes: { nested: { a: 'b' } } } });
    expect(shallow.status).toBe(400);
    expect(shallow.body.message).toMatch(/Attributes\.nested.*Member must be a string/);
  });

  it('malformed percent-encoding in a path: 400 naming it', async () => {
    const chat = await startChat(emu.url);
    const { connectionToken } = await connect(emu.url, chat.participantToken);
    for (const path of ['/emulator/contacts/%E0%A4%A/items', '/emulator/attachments/%zz', '/emulator/auth/%E0%A4%A', '/participant/views/%zz']) {
      const r = await rawRequest('GET', `${emu.url}${path}`, { 'x-amz-bearer': connectionToken });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body).message, path).toMatch(/malformed percent-encoding/);
    }
  });
});

describe('faults', () => {
  it('latencyMs and closeSocketsAfterSeconds longer than a timer can wait are refused, not turned into 1 ms', async () => {
    const tooLong = await json(`${emu.url}/emulator/faults`, { body: { latencyMs: 2 ** 31 } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toMatch(/latencyMs must be at most 2147483647/);
    const sockets = await json(`${emu.url}/emulator/faults`, { body: { closeSocketsAfterSeconds: 2 ** 31 / 1000 + 1 } });
    expect(sockets.status).toBe(400);
    const now = await json<{ latencyMs: number; closeSocketsAfterSeconds: number | null }>(`${emu.url}/emulator/faults`);
    expect(now.body).toMatchObject({ latencyMs: 0, closeSocketsAfterSeconds: null });
    const longest = await json<{ latencyMs: number }>(`${emu.url}/emulator/faults`, { body: { latencyMs: 2 ** 31 - 1, latencyOperations: ['DescribeView'] } });
    expect(longest.body.latencyMs).toBe(2 ** 31 - 1);
    await json(`${emu.url}/emulator/faults`, { method: 'DELETE' });
  });
});

describe('GetTranscript items', () => {
  it('carry no InitialContactId (the model\'s Item has none); the response has it once', async () => {
    const chat = await startChat(emu.url);
    const { connectionToken } = await connect(emu.url, chat.participantToken);
    await json(`${emu.url}/participant/message`, { body: { ContentType: 'text/plain', Content: 'hi' }, headers: { 'x-amz-bearer': connectionToken } });
    const page = await json<{ InitialContactId: string; Transcript: Record<string, unknown>[] }>(`${emu.url}/participant/transcript`, {
      body: {},
      headers: { 'x-amz-bearer': connectionToken },
    });
    expect(page.body.InitialContactId).toBe(chat.contactId);
    expect(page.body.Transcript.length).toBeGreaterThan(0);
    for (const item of page.body.Transcript) expect(item).not.toHaveProperty('InitialContactId');
    expect(page.body.Transcript.find((i) => i.Type === 'MESSAGE')).toMatchObject({ ContactId: chat.contactId, Content: 'hi' });
  });
});

// Who may talk to a running emulator: Host names (DNS rebinding), Origins and Content-Type on the
// control routes, and URLs that never come from the Host header.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { connect, emulator, json, rawRequest, startChat } from './testing/helpers.js';

let emu: Emulator;
let host: string;
beforeAll(async () => {
  emu = await emulator({ allowOrigins: ['http://127.0.0.1:3000'] });
  host = new URL(emu.url).host;
});
afterAll(async () => {
  await emu.close();
});

const faults = async (): Promise<Record<string, unknown>> => (await json(`${emu.url}/emulator/faults`)).body;
const setLatency = (headers: Record<string, string>, body = JSON.stringify({ latencyMs: 5 })) =>
  rawRequest('POST', `${emu.url}/emulator/faults`, { host, 'content-type': 'application/json', ...headers }, body);

describe('Host header (DNS rebinding)', () => {
  it('every route refuses a name that is not loopback, and changes nothing', async () => {
    for (const path of ['/health', '/participant/transcript', '/emulator/faults', '/start-chat', '/agent', '/emulator/attachments/x']) {
      const r = await rawRequest('GET', `${emu.url}${path}`, { host: `rebound.example:${emu.port}` });
      expect(r.status, path).toBe(421);
      expect(JSON.parse(r.body).message).toMatch(/does not answer to the host "rebound\.example:\d+".*--public-url/);
    }
    const write = await setLatency({ host: `rebound.example:${emu.port}` });
    expect(write.status).toBe(421);
    expect((await faults()).latencyMs).toBe(0);
  });

  it('answers 127.0.0.1, localhost and [::1]', async () => {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) {
      expect((await rawRequest('GET', `${emu.url}/health`, { host: `${name}:${emu.port}` })).status, name).toBe(200);
    }
  });

  it('refuses a WebSocket upgrade under another name', async () => {
    const chat = await startChat(emu.url);
    const { websocketUrl } = await connect(emu.url, chat.participantToken);
    const refused = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(websocketUrl, { headers: { host: `rebound.example:${emu.port}` } });
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => reject(new Error('the upgrade was accepted')));
      ws.once('error', () => {});
    });
    expect(refused).toBe(421);
  });

  it('builds handed-out URLs from the listening address, never from the Host header', async () => {
    const chat = await startChat(emu.url);
    const r = await rawRequest(
      'POST',
      `${emu.url}/participant/connection`,
      { host: `localhost:${emu.port}`, 'content-type': 'application/json', 'x-amz-bearer': chat.participantToken },
      JSON.stringify({ Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }),
    );
    expect(r.status).toBe(200);
    // amazon-connect-chatjs accepts ws://127.0.0.1 only: whatever name the client used, this is what it gets.
    expect(JSON.parse(r.body).Websocket.Url).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${emu.port}/websocket\\?`));
  });

  it('publicUrl is the base of handed-out URLs and a name the emulator answers to', async () => {
    const shared = await emulator({ host: '0.0.0.0', publicUrl: 'http://chat-dev.internal:9000/' });
    try {
      const chat = await startChat(shared.url);
      expect(shared.url).toBe(`http://127.0.0.1:${shared.port}`);
      const { websocketUrl } = await connect(shared.url, chat.participantToken);
      expect(websocketUrl).toMatch(/^ws:\/\/chat-dev\.internal:9000\/websocket\?/);
      expect((await rawRequest('GET', `${shared.url}/health`, { host: 'chat-dev.internal:9000' })).status).toBe(200);
      expect((await rawRequest('GET', `${shared.url}/health`, { host: `rebound.example:${shared.port}` })).status).toBe(421);
    } finally {
      await shared.close();
    }
  });
});

describe('control routes: Origin', () => {
  it('a foreign page is refused and changes nothing; the refusal grants it no CORS', async () => {
    const r = await setLatency({ origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).message).toMatch(/origin http:\/\/evil\.example may not use the emulator's control API.*--allow-origin http:\/\/evil\.example/);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect((await faults()).latencyMs).toBe(0);
    for (const [method, path] of [['GET', '/emulator/contacts'], ['DELETE', '/emulator/faults'], ['POST', '/contact/stop'], ['PUT', '/contact/chat']]) {
      const body = method === 'POST' || method === 'PUT' ? '{}' : undefined;
      const refused = await rawRequest(method, `${emu.url}${path}`, { host, origin: 'http://evil.example', 'content-type': 'application/json' }, body);
      expect(refused.status, `${method} ${path}`).toBe(403);
    }
    const sandboxed = await rawRequest('GET', `${emu.url}/emulator/contacts`, { host, origin: 'null' });
    expect(sandboxed.status).toBe(403);
  });

  it('no Origin, the emulator\'s own origin and --allow-origin are answered, with their origin (never *)', async () => {
    for (const origin of [`http://127.0.0.1:${emu.port}`, `http://localhost:${emu.port}`, 'http://127.0.0.1:3000']) {
      const r = await setLatency({ origin });
      expect(r.status, origin).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBe(origin);
    }
    const tool = await setLatency({});
    expect(tool.status).toBe(200);
    expect(tool.headers['access-control-allow-origin']).toBeUndefined();
    await json(`${emu.url}/emulator/faults`, { method: 'DELETE' });
  });

  it('preflights: granted to allowed origins only', async () => {
    const ask = (origin: string) =>
      rawRequest('OPTIONS', `${emu.url}/emulator/faults`, { host, origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' });
    const granted = await ask('http://127.0.0.1:3000');
    expect(granted.status).toBe(204);
    expect(granted.headers['access-control-allow-origin']).toBe('http://127.0.0.1:3000');
    expect(granted.headers['access-control-allow-headers']).toBe('content-type');
    const denied = await ask('http://evil.example');
    expect(denied.status).toBe(403);
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('the Participant Service, attachment URLs and /start-chat keep answering any origin', async () => {
    const chat = await startChat(emu.url);
    const { connectionToken } = await connect(emu.url, chat.participantToken);
    const sent = await rawRequest(
      'POST',
      `${emu.url}/participant/message`,
      { host, origin: 'http://evil.example', 'content-type': 'application/json', 'x-amz-bearer': connectionToken },
      JSON.stringify({ ContentType: 'text/plain', Content: 'from any page' }),
    );
    expect(sent.status).toBe(200);
    expect(sent.headers['access-control-allow-origin']).toBe('*');
    const preflight = await rawRequest('OPTIONS', `${emu.url}/participant/message`, { host, origin: 'http://evil.example', 'access-control-request-method': 'POST' });
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    const started = await rawRequest('POST', `${emu.url}/start-chat`, { host, origin: 'http://evil.example', 'content-type': 'application/json' }, '{}');
    expect(started.status).toBe(200);
  });
});

describe('control routes: Content-Type', () => {
  it('writes need application/json: text/plain (a preflight-free request) and none are refused with 415, and change nothing', async () => {
    for (const contentType of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', undefined]) {
      const r = await rawRequest('POST', `${emu.url}/emulator/faults`, { host, ...(contentType ? { 'content-type': contentType } : {}) }, JSON.stringify({ latencyMs: 5 }));
      expect(r.status, String(contentType)).toBe(415);
      expect(JSON.parse(r.body).message).toMatch(/needs Content-Type: application\/json/);
    }
    expect((await faults()).latencyMs).toBe(0);
    const withCharset = await rawRequest('POST', `${emu.url}/emulator/faults`, { host, 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ reset: true }));
    expect(withCharset.status).toBe(200);
  });
});

// HTTP conventions of the service: headers, error encoding, auth header handling, CORS, routing.
import { ConnectParticipantClient, GetTranscriptCommand, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { NoAuthSigner } from '@smithy/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_ALLOWED_HEADERS } from './cors.js';
import type { Emulator } from './index.js';
import { connect, CREDENTIALS, emulator, json, rawRequest, startChat } from './testing/helpers.js';

let emu: Emulator;
let token: string;
beforeAll(async () => {
  emu = await emulator();
  const chat = await startChat(emu.url);
  token = (await connect(emu.url, chat.participantToken)).connectionToken;
});
afterAll(async () => {
  await emu.close();
});

const raw = (method: string, path: string, headers: Record<string, string>, body?: string, base = emu.url) => rawRequest(method, `${base}${path}`, headers, body);

describe('response headers', () => {
  it('a fresh x-amzn-RequestId and a real Date on every response; CORS headers exposed', async () => {
    const a = await json(`${emu.url}/participant/transcript`, { body: {}, headers: { 'x-amz-bearer': token } });
    const b = await json(`${emu.url}/participant/transcript`, { body: {}, headers: { 'x-amz-bearer': token } });
    expect(a.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers.get('x-amzn-requestid')).not.toBe(b.headers.get('x-amzn-requestid'));
    expect(Math.abs(Date.parse(a.headers.get('date') as string) - Date.now())).toBeLessThan(5000);
    expect(a.headers.get('content-type')).toBe('application/json');
    expect(a.headers.get('access-control-allow-origin')).toBe('*');
    expect(a.headers.get('access-control-expose-headers')).toBe('x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date');
  });

  it('errors carry x-amzn-ErrorType and a JSON body with message', async () => {
    const r = await json(`${emu.url}/participant/message`, { body: { ContentType: 'text/plain' }, headers: { 'x-amz-bearer': token } });
    expect(r.status).toBe(400);
    expect(r.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(r.body).toEqual({ message: "1 validation error detected: Value null at 'Content' failed to satisfy constraint: Member must not be null" });
    const denied = await json(`${emu.url}/participant/message`, { body: { ContentType: 'text/plain', Content: 'x' } });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ message: 'Access denied' });
    const notJson = await json(`${emu.url}/participant/message`, { body: '{oops', headers: { 'x-amz-bearer': token } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.message).toMatch(/not valid JSON/);
  });
});

describe('authentication headers', () => {
  it('reads X-Amz-Bearer in any case and ignores SigV4 and amz-sdk-* headers', async () => {
    const body = JSON.stringify({ ContentType: 'text/plain', Content: 'raw headers' });
    const r = await raw('POST', '/participant/message', {
      'X-AMZ-BEARER': token,
      'Content-Type': 'application/json',
      Authorization: 'AWS4-HMAC-SHA256 Credential=/20260101/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=00',
      'X-Amz-Date': '20260101T000000Z',
      'X-Amz-Content-Sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'X-Amz-Security-Token': 'session',
      'amz-sdk-invocation-id': '2b0fc3b1-b11b-4aba-9acc-73cbf559f9bf',
      'amz-sdk-request': 'attempt=1; max=3',
    }, body);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toHaveProperty('Id');
  });

  it('refuses an over-long token with a ValidationException naming ConnectionToken', async () => {
    const r = await json(`${emu.url}/participant/transcript`, { body: {}, headers: { 'x-amz-bearer': 'x'.repeat(1001) } });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/'ConnectionToken'.*less than or equal to 1000/);
  });

  it('the SDK with the noAuth scheme (no signature at all) and with empty credentials, like chatjs', async () => {
    const noAuth = new ConnectParticipantClient({
      region: 'us-east-1',
      endpoint: emu.url,
      httpAuthSchemes: [{ schemeId: 'smithy.api#noAuth', identityProvider: () => async () => ({}), signer: new NoAuthSigner() }],
      httpAuthSchemeProvider: () => [{ schemeId: 'smithy.api#noAuth' }],
    });
    expect((await noAuth.send(new SendMessageCommand({ ConnectionToken: token, ContentType: 'text/plain', Content: 'unsigned' }))).Id).toBeTruthy();
    noAuth.destroy();
    const empty = new ConnectParticipantClient({ region: 'us-east-1', endpoint: emu.url, credentials: { accessKeyId: '', secretAccessKey: '' } });
    expect((await empty.send(new SendMessageCommand({ ConnectionToken: token, ContentType: 'text/plain', Content: 'empty key' }))).Id).toBeTruthy();
    empty.destroy();
  });

  it('an endpoint with a trailing slash (//participant/...) works', async () => {
    const slash = new ConnectParticipantClient({ region: 'us-east-1', endpoint: `${emu.url}/`, credentials: CREDENTIALS, maxAttempts: 1 });
    const out = await slash.send(new GetTranscriptCommand({ ConnectionToken: token }));
    expect(out.InitialContactId).toBeTruthy();
    slash.destroy();
  });
});

describe('CORS preflight', () => {
  const preflight = (url: string, requestHeaders: string, method = 'POST') =>
    raw('OPTIONS', new URL(url).pathname, { Origin: 'http://127.0.0.1:1', 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': requestHeaders });

  it('lenient by default: echoes the requested headers', async () => {
    const r = await preflight(`${emu.url}/participant/message`, 'content-type,x-amz-bearer,amz-sdk-invocation-id');
    expect(r.status).toBe(200);
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(r.headers['access-control-allow-headers']).toBe('content-type,x-amz-bearer,amz-sdk-invocation-id');
    expect(r.headers['access-control-allow-methods']).toBe('POST,OPTIONS');
    expect(r.headers['x-amzn-requestid']).toBeTruthy();
  });

  it('strict: the real service\'s list and the resource\'s method only', async () => {
    const strict = await emulator({ strictCors: true });
    try {
      const r = await raw('OPTIONS', '/participant/connection', { Origin: 'http://x', 'Access-Control-Request-Headers': 'amz-sdk-invocation-id' }, undefined, strict.url);
      expect(r.headers['access-control-allow-headers']).toBe(REAL_ALLOWED_HEADERS);
      expect(r.headers['access-control-allow-methods']).toBe('POST');
      const view = await raw('OPTIONS', '/participant/views/abc', { Origin: 'http://x' }, undefined, strict.url);
      expect(view.headers['access-control-allow-methods']).toBe('GET');
    } finally {
      await strict.close();
    }
  });
});

describe('routing', () => {
  it('GET /health, unknown routes 404, wrong methods 405', async () => {
    expect((await json(`${emu.url}/health`)).status).toBe(200);
    const missing = await json(`${emu.url}/participant/teleport`, { body: {} });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/no route for POST \/participant\/teleport/);
    const wrong = await json(`${emu.url}/participant/message`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });
});

// Leaving a message: the POST body a back end gets (on a real HTTP server), and each failure as a
// LeaveMessageError that says what went wrong, names the field the back end refused, and tells a
// refusal (do not resend unchanged) from a failure worth retrying.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaveMessage, LeaveMessageError } from './leave-message';

let server: Server;
let url = '';
const received: { headers: IncomingMessage['headers']; body: unknown }[] = [];
let answer: (res: ServerResponse) => void = (res) => res.end('{}');

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(text || 'null') });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/leave-message`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const request = { fields: { email: 'ada@example.com', message: 'Hello' }, attributes: { plan: 'gold' }, clientToken: 'token-1' };

async function failure(promise: Promise<unknown>): Promise<LeaveMessageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LeaveMessageError);
  return error as LeaveMessageError;
}

describe('leaveMessage', () => {
  it('posts {Fields, Attributes, ClientToken} as JSON with the given headers', async () => {
    answer = (res) => res.end('{"ContactId":"t-1"}');
    await leaveMessage(url, request, { headers: { 'x-site': 'shop' } });
    const last = received.at(-1)!;
    expect(last.body).toEqual({ Fields: request.fields, Attributes: { plan: 'gold' }, ClientToken: 'token-1' });
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.headers['x-site']).toBe('shop');
    await leaveMessage(url, { ...request, attributes: {} });
    expect(received.at(-1)!.body).toEqual({ Fields: request.fields, ClientToken: 'token-1' });
  });

  it('a 400 naming a field is a refusal of that field; a 503 is worth retrying', async () => {
    answer = (res) => {
      res.statusCode = 400;
      res.end(JSON.stringify({ message: 'message: at most 20 characters', field: 'message' }));
    };
    const refused = await failure(leaveMessage(url, request));
    expect(refused).toMatchObject({ field: 'message', refused: true, message: `${url} answered HTTP 400: message: at most 20 characters` });
    answer = (res) => {
      res.statusCode = 503;
      res.end('busy');
    };
    expect(await failure(leaveMessage(url, request))).toMatchObject({ field: undefined, refused: false, message: `${url} answered HTTP 503` });
    answer = (res) => {
      res.statusCode = 429;
      res.end('{}');
    };
    expect((await failure(leaveMessage(url, request))).refused).toBe(false);
  });

  it('a back end that is not there, or does not answer in time, says so', async () => {
    const gone = await failure(leaveMessage('http://127.0.0.1:9/leave-message', request));
    expect(gone.message).toMatch(/^http:\/\/127\.0\.0\.1:9\/leave-message did not answer \(/);
    answer = () => {}; // never answers
    expect((await failure(leaveMessage(url, request, { timeoutMs: 100 }))).message).toMatch(/no answer within 0.1 s/);
  });

  it('a function gets the request; what it throws becomes a LeaveMessageError (its own kept as is)', async () => {
    const seen: unknown[] = [];
    await leaveMessage(async (r) => seen.push(r), request);
    expect(seen).toEqual([request]);
    expect((await failure(leaveMessage(() => Promise.reject(new Error('CRM down')), request))).message).toBe('CRM down');
    const own = new LeaveMessageError('bad email', 'email', true);
    expect(await failure(leaveMessage(() => Promise.reject(own), request))).toBe(own);
  });
});

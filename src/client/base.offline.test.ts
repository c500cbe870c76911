// The parts the core loads on first use may fail to load (a browser offline fetching the chunk):
// the call must still go out, unchecked and unlimited, rather than fail with a loading error; an
// error response still says what failed, without the advice that loads with the first one.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ParticipantClientCore } from './core.js';
import { ValidationException } from './errors.js';
import { startTestServer, type TestServer } from './testing/server.js';

vi.mock('./validate.js', () => {
  throw new Error('chunk could not be loaded (offline)');
});
vi.mock('./rate-limiter.js', () => {
  throw new Error('chunk could not be loaded (offline)');
});
vi.mock('./advice.js', () => {
  throw new Error('chunk could not be loaded (offline)');
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('ParticipantClientCore when a lazily loaded part cannot load', () => {
  it('sends without the model check, and the service decides', async () => {
    const client = new ParticipantClientCore({ endpoint: server.url });
    server.reply({ status: 200, body: { Id: 'm1' } });
    const long = 'x'.repeat(1025);
    expect(await client.send('SendMessage', { ConnectionToken: 'tok', ContentType: 'text/plain', Content: long })).toEqual({ Id: 'm1' });
    expect(JSON.parse(server.requests.at(-1)?.body ?? '{}')).toMatchObject({ Content: long });
  });

  it('retries in adaptive mode without the rate limiter', async () => {
    const client = new ParticipantClientCore({ endpoint: server.url, retryMode: 'adaptive', clock: { sleep: async () => {} } });
    server.reply({ status: 429, body: {} }, { status: 200, body: { Id: 'm2' } });
    expect(await client.send('SendMessage', { ConnectionToken: 'tok', ContentType: 'text/plain', Content: 'hi' })).toEqual({ Id: 'm2' });
  });

  it('throws the service error of its class, saying what failed, without the advice', async () => {
    const client = new ParticipantClientCore({ endpoint: server.url, maxAttempts: 1 });
    server.reply({ status: 400, headers: { 'x-amzn-ErrorType': 'ValidationException' }, body: { message: 'Content is too long' } });
    const error = await client.send('SendMessage', { ConnectionToken: 'tok', ContentType: 'text/plain', Content: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toBe('SendMessage failed: Content is too long (ValidationException, HTTP 400).');
  });
});

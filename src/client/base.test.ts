// The core client (what ChatSession uses): validation, stubs and the adaptive limiter are not built
// in, and are loaded on first use when the options ask for them, so behaviour matches ParticipantClient.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ParticipantClientCore } from './core.js';
import { ClientConfigurationError, ParticipantValidationError, ThrottlingException } from './errors.js';
import { startTestServer, type TestServer } from './testing/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const tooLong = { ConnectionToken: 'tok', ContentType: 'text/plain', Content: 'x'.repeat(1025) };

describe('ParticipantClientCore', () => {
  it('validates against the model by default, loading the validator on the first call; nothing is sent', async () => {
    const client = new ParticipantClientCore({ endpoint: server.url });
    const error = await client.send('SendMessage', tooLong).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParticipantValidationError);
    expect(error).toMatchObject({ member: 'Content', limit: '1..1024 characters' });
    expect(server.requests).toHaveLength(0);
  });

  it('sends unvalidated input with validateParams: false, and the service decides', async () => {
    const client = new ParticipantClientCore({ endpoint: server.url, validateParams: false });
    server.reply({ status: 200, body: { Id: 'm1' } });
    expect(await client.send('SendMessage', tooLong)).toEqual({ Id: 'm1' });
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(server.requests[0].body)).toMatchObject({ Content: tooLong.Content, ClientToken: expect.any(String) });
  });

  it('answers from stubResponses without the network, loading stub mode on the first call', async () => {
    const client = new ParticipantClientCore({
      stubResponses: { SendMessage: [{ error: 'ThrottlingException' }, { Id: 'stubbed' }] },
      clock: { sleep: async () => {} },
    });
    expect(client.endpoint).toBe('https://participant.connect.us-stubbed-1.amazonaws.com');
    expect(await client.send('SendMessage', { ConnectionToken: 'tok', ContentType: 'text/plain', Content: 'hi' })).toEqual({ Id: 'stubbed' });
    const single = new ParticipantClientCore({ stubResponses: { SendMessage: { error: 'ThrottlingException' } }, maxAttempts: 1 });
    await expect(single.send('SendMessage', { ConnectionToken: 'tok', ContentType: 'text/plain', Content: 'hi' })).rejects.toBeInstanceOf(ThrottlingException);
  });

  it('reports a misconfigured stub as a configuration error on the first call', async () => {
    const client = new ParticipantClientCore({ stubResponses: { NoSuchOperation: {} } as never });
    await expect(client.send('GetTranscript', { ConnectionToken: 'tok' })).rejects.toThrow(ClientConfigurationError);
    await expect(client.send('GetTranscript', { ConnectionToken: 'tok' })).rejects.toThrow(/"NoSuchOperation" is not an operation/);
  });

  it('adaptive mode slows down after throttling with the limiter loaded on demand', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const client = new ParticipantClientCore({
      endpoint: server.url,
      retryMode: 'adaptive',
      maxAttempts: 5,
      clock: { now: () => now, sleep: async (ms) => void sleeps.push(ms), random: () => 0 },
    });
    server.reply({ status: 429, body: { message: 'slow down' } }, { status: 429, body: {} }, { status: 200, body: { Id: 'ok' } });
    expect(await client.send('SendMessage', { ConnectionToken: 'tok', ContentType: 'text/plain', Content: 'hi' })).toEqual({ Id: 'ok' });
    expect(server.requests).toHaveLength(3);
    // After the first throttle the limiter is on: with a frozen clock it has no tokens left to give.
    expect(sleeps.some((ms) => ms > 0)).toBe(true);
  });
});

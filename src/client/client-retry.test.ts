// Retries against a real HTTP server, with a virtual clock: sleeps are recorded, not waited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  InternalServerException,
  ParticipantClient,
  ThrottlingException,
  ValidationException,
  type ClientLogEvent,
  type ParticipantClientOptions,
} from './index.js';
import { startTestServer, type TestServer } from './testing/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.fallback({ status: 200, body: {} });
});

function virtualClient(options: ParticipantClientOptions = {}, random = 0.5) {
  const clock = { t: Date.parse('2026-01-01T00:00:00Z') };
  const sleeps: number[] = [];
  const events: ClientLogEvent[] = [];
  const client = new ParticipantClient({
    endpoint: server.url,
    logger: (e) => events.push(e),
    clock: {
      now: () => clock.t,
      random: () => random,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.t += ms;
      },
    },
    ...options,
  });
  return { client, sleeps, events, clock };
}

const TOKEN = 'conn-token-secret';
const send = (client: ParticipantClient) =>
  client.sendMessage({ ConnectionToken: TOKEN, ContentType: 'text/plain', Content: 'private words' });
const fail = (client: ParticipantClient) => send(client).catch((e: unknown) => e);

const throttle = { status: 429, headers: { 'x-amzn-ErrorType': 'ThrottlingException' }, body: { message: 'Rate exceeded' } };
const internal = { status: 500, headers: { 'x-amzn-ErrorType': 'InternalServerException' }, body: { message: 'oops' } };

describe('standard mode', () => {
  it('429 then 200: one retry after a throttling backoff, then the response', async () => {
    const { client, sleeps } = virtualClient();
    server.reply(throttle, { status: 200, body: { Id: 'm-1' } });
    expect(await send(client)).toEqual({ Id: 'm-1' });
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([250]); // random 0.5 * 500 ms throttling base
  });

  it('500 until the attempts run out: maxAttempts requests, then the last error', async () => {
    const { client, sleeps } = virtualClient();
    server.fallback(internal);
    const err = await fail(client);
    expect(err).toBeInstanceOf(InternalServerException);
    expect(err).toMatchObject({ attempts: 3, retryable: true, statusCode: 500 });
    expect((err as Error).message).toContain('Gave up after 3 attempts');
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([50, 100]); // random 0.5 * 100 ms * 2^i
  });

  it('maxAttempts is honoured (5, and 1 = no retries)', async () => {
    server.fallback(internal);
    await fail(virtualClient({ maxAttempts: 5 }).client);
    expect(server.requests).toHaveLength(5);
    server.requests.length = 0;
    await fail(virtualClient({ maxAttempts: 1 }).client);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [400, 'ValidationException'],
    [402, 'ServiceQuotaExceededException'],
    [403, 'AccessDeniedException'],
    [404, 'ResourceNotFoundException'],
    [409, 'ConflictException'],
    [501, 'NotImplemented'],
  ])('%i %s is never retried', async (status, name) => {
    const { client, sleeps } = virtualClient();
    server.fallback({ status, headers: { 'x-amzn-ErrorType': name }, body: { message: 'no' } });
    const err = await fail(client);
    expect(err).toMatchObject({ name, attempts: 1, retryable: false });
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it.each([502, 503, 504])('%i is retried', async (status) => {
    const { client } = virtualClient();
    server.reply({ status, body: '' }, { status: 200, body: { Id: 'ok' } });
    expect(await send(client)).toEqual({ Id: 'ok' });
    expect(server.requests).toHaveLength(2);
  });

  it('a network failure is retried', async () => {
    const { client } = virtualClient();
    server.reply({ destroy: true }, { status: 200, body: { Id: 'ok' } });
    expect(await send(client)).toEqual({ Id: 'ok' });
    expect(server.requests).toHaveLength(2);
  });

  it('ThrottlingException by name (status 400) is retried as throttling', async () => {
    const { client, sleeps } = virtualClient();
    server.reply({ ...throttle, status: 400 }, { status: 200, body: {} });
    await send(client);
    expect(sleeps).toEqual([250]);
  });

  it('the ClientToken is generated once and identical on every retry', async () => {
    const { client } = virtualClient({ maxAttempts: 4 });
    server.reply(internal, throttle, { destroy: true }, { status: 200, body: {} });
    await send(client);
    expect(server.requests).toHaveLength(4);
    const bodies = server.requests.map((r) => r.body);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0])).toMatchObject({ ClientToken: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    // A new call gets a new token.
    await send(client);
    expect(server.requests[4].body).not.toBe(bodies[0]);
  });

  it('quota exhaustion: after 50 transient retries (cost 10 each) the client stops retrying', async () => {
    const { client } = virtualClient({ maxAttempts: 2 });
    server.fallback(internal);
    for (let i = 0; i < 50; i++) expect(await fail(client)).toMatchObject({ attempts: 2 });
    expect(server.requests).toHaveLength(100);
    const err = await fail(client);
    expect(err).toBeInstanceOf(InternalServerException);
    expect(err).toMatchObject({ attempts: 1, retryable: true });
    expect((err as Error).message).toContain('retry quota is used up');
    expect(server.requests).toHaveLength(101);
  });

  it('the quota is per client', async () => {
    const a = virtualClient({ maxAttempts: 2 }).client;
    server.fallback(internal);
    for (let i = 0; i < 50; i++) await fail(a);
    server.requests.length = 0;
    await fail(virtualClient({ maxAttempts: 2 }).client);
    expect(server.requests).toHaveLength(2);
  });
});

describe('Retry-After', () => {
  it('retry-after seconds are honoured when longer than the backoff', async () => {
    const { client, sleeps } = virtualClient({}, 0);
    server.reply({ ...throttle, headers: { ...throttle.headers, 'retry-after': '2' } }, { status: 200, body: {} });
    await send(client);
    expect(sleeps).toEqual([2000]);
  });

  it('x-amz-retry-after milliseconds win over retry-after', async () => {
    const { client, sleeps } = virtualClient({}, 0);
    server.reply({ ...throttle, headers: { ...throttle.headers, 'x-amz-retry-after': '1500', 'retry-after': '9' } }, { status: 200, body: {} });
    await send(client);
    expect(sleeps).toEqual([1500]);
  });

  it('an HTTP date is measured against the clock', async () => {
    const { client, sleeps } = virtualClient({}, 0);
    server.reply({ ...internal, headers: { ...internal.headers, 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' } }, { status: 200, body: {} });
    await send(client);
    expect(sleeps).toEqual([3000]);
  });

  it('a hint shorter than the backoff does not shorten it; a huge hint is capped at 20 s', async () => {
    const { client, sleeps } = virtualClient({}, 0.999);
    server.reply(
      { ...throttle, headers: { ...throttle.headers, 'x-amz-retry-after': '10' } },
      { ...throttle, headers: { ...throttle.headers, 'retry-after': '3600' } },
      { status: 200, body: {} },
    );
    await send(client);
    expect(sleeps).toEqual([499, 20_000]);
  });

  it('the last error carries the hint as retryAfterMs', async () => {
    const { client } = virtualClient({ maxAttempts: 1 });
    server.reply({ ...throttle, headers: { ...throttle.headers, 'retry-after': '4' } });
    expect(await fail(client)).toMatchObject({ name: 'ThrottlingException', retryAfterMs: 4000 });
  });
});

describe('legacy mode', () => {
  it('waits retryBaseDelay * 2^i without jitter by default', async () => {
    const { client, sleeps } = virtualClient({ retryMode: 'legacy', maxAttempts: 4, retryBaseDelay: 100 });
    server.fallback(internal);
    await fail(client);
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it('retryMaxDelay caps and retryJitter applies', async () => {
    const capped = virtualClient({ retryMode: 'legacy', maxAttempts: 4, retryBaseDelay: 100, retryMaxDelay: 150 });
    server.fallback(internal);
    await fail(capped.client);
    expect(capped.sleeps).toEqual([100, 150, 150]);
    const full = virtualClient({ retryMode: 'legacy', maxAttempts: 3, retryBaseDelay: 100, retryJitter: 'full' }, 0.5);
    await fail(full.client);
    expect(full.sleeps).toEqual([50, 100]);
    const fn = virtualClient({ retryMode: 'legacy', maxAttempts: 3, retryBaseDelay: 100, retryJitter: (d) => d + 1 });
    await fail(fn.client);
    expect(fn.sleeps).toEqual([101, 201]);
  });

  it('has no retry quota', async () => {
    const { client } = virtualClient({ retryMode: 'legacy', maxAttempts: 2, retryBaseDelay: 0 });
    server.fallback(internal);
    for (let i = 0; i < 60; i++) expect(await fail(client)).toMatchObject({ attempts: 2 });
  });

  it('still never retries a 400', async () => {
    const { client } = virtualClient({ retryMode: 'legacy' });
    server.fallback({ status: 400, headers: { 'x-amzn-ErrorType': 'ValidationException' }, body: { message: 'bad' } });
    expect(await fail(client)).toBeInstanceOf(ValidationException);
    expect(server.requests).toHaveLength(1);
  });
});

describe('adaptive mode', () => {
  it('after throttling, the rate limiter makes the next attempts wait; standard mode does not', async () => {
    const adaptive = virtualClient({ retryMode: 'adaptive', maxAttempts: 3 });
    server.reply(throttle, throttle, { status: 200, body: {} }, { status: 200, body: {} });
    await send(adaptive.client);
    await send(adaptive.client);
    const waits = adaptive.events.filter((e) => e.type === 'rate-limit');
    expect(waits.length).toBeGreaterThanOrEqual(2);
    for (const w of waits) expect(w.type === 'rate-limit' && w.delayMs).toBeGreaterThan(0);
    // The limiter's waits are slept, in addition to the backoffs.
    expect(adaptive.sleeps.length).toBe(2 + waits.length);

    const standard = virtualClient({ retryMode: 'standard', maxAttempts: 3 });
    server.reply(throttle, throttle, { status: 200, body: {} }, { status: 200, body: {} });
    await send(standard.client);
    await send(standard.client);
    expect(standard.events.filter((e) => e.type === 'rate-limit')).toEqual([]);
    expect(standard.sleeps.length).toBe(2);
  });

  it('no waiting before any throttle', async () => {
    const { client, sleeps } = virtualClient({ retryMode: 'adaptive' });
    for (let i = 0; i < 20; i++) await send(client);
    expect(sleeps).toEqual([]);
  });

  it('still gives up with ThrottlingException after maxAttempts', async () => {
    const { client } = virtualClient({ retryMode: 'adaptive' });
    server.fallback(throttle);
    expect(await fail(client)).toBeInstanceOf(ThrottlingException);
    expect(server.requests).toHaveLength(3);
  });
});

describe('logger', () => {
  it('reports request, error, retry and response events with operation, attempt, status and duration', async () => {
    const { client, events } = virtualClient();
    server.reply({ ...throttle, headers: { ...throttle.headers, 'x-amzn-RequestId': 'r-1' } }, { status: 200, body: {}, headers: { 'x-amzn-RequestId': 'r-2' } });
    await send(client);
    expect(events.map((e) => e.type)).toEqual(['request', 'error', 'retry', 'request', 'response']);
    expect(events[1]).toMatchObject({ operation: 'SendMessage', attempt: 1, status: 429, error: 'ThrottlingException', retryable: true, requestId: 'r-1' });
    expect(events[2]).toMatchObject({ attempt: 2, delayMs: 250, reason: 'ThrottlingException' });
    expect(events[4]).toMatchObject({ operation: 'SendMessage', attempt: 2, status: 200, requestId: 'r-2', durationMs: expect.any(Number) });
  });

  it('never logs a token, a view token or message content', async () => {
    const { client, events } = virtualClient();
    server.reply(throttle, { destroy: true });
    await send(client);
    await client.describeView({ ConnectionToken: TOKEN, ViewToken: 'view-token-secret' });
    await client.createParticipantConnection({ ParticipantToken: 'participant-token-secret' });
    const text = JSON.stringify(events);
    expect(events.length).toBeGreaterThan(8);
    for (const secret of [TOKEN, 'view-token-secret', 'participant-token-secret', 'private words']) expect(text).not.toContain(secret);
  });

  it('a throwing logger does not break the call', async () => {
    const c = new ParticipantClient({
      endpoint: server.url,
      logger: () => {
        throw new Error('logger down');
      },
    });
    server.reply({ status: 200, body: { Id: 'x' } });
    expect(await send(c)).toEqual({ Id: 'x' });
  });
});

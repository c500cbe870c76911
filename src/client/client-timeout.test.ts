// requestTimeout and the caller's AbortSignal, with real timers against a real server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NetworkError, ParticipantClient, RequestAbortedError, RequestTimeoutError } from './index.js';
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

const input = { ConnectionToken: 't', ContentType: 'text/plain', Content: 'hi' };

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
}

describe('requestTimeout', () => {
  it('an attempt without a response in time fails with RequestTimeoutError', async () => {
    const client = new ParticipantClient({ endpoint: server.url, requestTimeout: 100, maxAttempts: 1 });
    server.reply({ hang: true });
    const err = await client.sendMessage(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestTimeoutError);
    expect(err).not.toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ name: 'RequestTimeoutError', timeoutMs: 100, attempts: 1, retryable: true, operation: 'SendMessage' });
    expect((err as Error).message).toContain('within 100 ms');
    expect((err as Error).message).toContain('raise requestTimeout');
  });

  it('a timed-out attempt is retried (same body) and can then succeed', async () => {
    // Only the first attempt hangs; every later one is answered at once. On a busy machine even an
    // immediate answer can miss a short timeout, so more than one retry may be needed: what matters is
    // that the timed-out attempt was retried, always with the same body, until one succeeded. A late
    // request of an earlier test (its own ClientToken) may still reach the server meanwhile: only this
    // call's requests, told by their content, count, and only they are hung.
    const mine = (body: string) => body.includes('"retried-once"');
    let attempt = 0;
    server.fallback((r) => (!mine(r.body) ? { status: 200, body: {} } : attempt++ === 0 ? { hang: true } : { status: 200, body: { Id: 'late' } }));
    const client = new ParticipantClient({ endpoint: server.url, requestTimeout: 600, maxAttempts: 5 });
    expect(await client.sendMessage({ ...input, Content: 'retried-once' })).toEqual({ Id: 'late' });
    const bodies = server.requests.map((r) => r.body).filter(mine);
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    expect(new Set(bodies).size).toBe(1);
  });

  it('a per-call requestTimeout overrides the client option', async () => {
    const client = new ParticipantClient({ endpoint: server.url, requestTimeout: 0, maxAttempts: 1 });
    server.reply({ hang: true });
    const err = await client.sendMessage(input, { requestTimeout: 80 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'RequestTimeoutError', timeoutMs: 80 });
  });

  it('a slow response inside the timeout is fine', async () => {
    const client = new ParticipantClient({ endpoint: server.url, requestTimeout: 5000 });
    server.reply({ status: 200, body: { Id: 'slow' }, delayMs: 50 });
    expect(await client.sendMessage(input)).toEqual({ Id: 'slow' });
  });
});

describe('AbortSignal', () => {
  it('an already aborted signal sends nothing', async () => {
    const client = new ParticipantClient({ endpoint: server.url });
    const reason = new Error('user left');
    const err = await client.sendMessage(input, { signal: AbortSignal.abort(reason) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestAbortedError);
    expect(err).toMatchObject({ name: 'AbortError', attempts: 0, retryable: false, cause: reason });
    expect(server.requests).toHaveLength(0);
  });

  it('aborting during a request rejects at once and does not retry', async () => {
    const client = new ParticipantClient({ endpoint: server.url, requestTimeout: 0 });
    server.reply({ hang: true });
    const controller = new AbortController();
    const pending = client.sendMessage(input, { signal: controller.signal }).catch((e: unknown) => e);
    await until(() => server.requests.length === 1);
    controller.abort();
    const err = await pending;
    expect(err).toBeInstanceOf(RequestAbortedError);
    expect(err).toMatchObject({ name: 'AbortError', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('aborting during the wait before a retry rejects at once', async () => {
    const client = new ParticipantClient({ endpoint: server.url });
    // The server asks for a 15 s pause; the abort must cut it short.
    server.fallback({ status: 503, headers: { 'x-amz-retry-after': '15000' }, body: '' });
    const controller = new AbortController();
    const pending = client.sendMessage(input, { signal: controller.signal }).catch((e: unknown) => e);
    await until(() => server.requests.length === 1);
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    const err = await pending;
    expect(err).toMatchObject({ name: 'AbortError', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('the paginator stops with AbortError too', async () => {
    const client = new ParticipantClient({ endpoint: server.url });
    const controller = new AbortController();
    server.reply({ status: 200, body: { Transcript: [], NextToken: 'n1' } });
    const pages: unknown[] = [];
    const err = await (async () => {
      for await (const page of client.paginateTranscript({ ConnectionToken: 't' }, { signal: controller.signal })) {
        pages.push(page);
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(pages).toHaveLength(1);
    expect(err).toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(1);
  });
});

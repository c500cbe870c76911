// The options object: defaults, checks with clear errors, injected fetch, user agent and version.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClientConfigurationError, DEFAULTS, ParticipantClient, type FetchLike } from './index.js';
import { startTestServer, type TestServer } from './testing/server.js';
import { CLIENT_VERSION } from './version.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('DEFAULTS', () => {
  it('are the documented values', () => {
    expect(DEFAULTS).toEqual({
      useFipsEndpoint: false,
      useDualstackEndpoint: false,
      retryMode: 'standard',
      maxAttempts: 3,
      retryBaseDelay: 300,
      retryJitter: 'none',
      retryMaxDelay: 0,
      requestTimeout: 15_000,
      validateParams: true,
      stubResponses: false,
    });
  });

  it('the version in the user agent is the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(CLIENT_VERSION).toBe(pkg.version);
  });
});

describe('bad options fail at construction with a clear ClientConfigurationError', () => {
  it.each([
    [{ region: 'us-east-1', credentials: {} }, /unknown option "credentials".*no AWS credentials are needed/],
    [{ region: 'us-east-1', retries: 3 }, /unknown option "retries".*Known options: region, endpoint/],
    [{ region: 'us-east-1', retryMode: 'fast' }, /retryMode must be 'standard', 'adaptive' or 'legacy'/],
    [{ region: 'us-east-1', maxAttempts: 0 }, /maxAttempts must be an integer >= 1/],
    [{ region: 'us-east-1', maxAttempts: 2.5 }, /maxAttempts must be an integer >= 1/],
    [{ region: 'us-east-1', requestTimeout: -1 }, /requestTimeout must be a number of milliseconds >= 0/],
    [{ region: 'us-east-1', retryBaseDelay: Number.NaN }, /retryBaseDelay must be/],
    [{ region: 'us-east-1', retryMaxDelay: Infinity }, /retryMaxDelay must be/],
    [{ region: 'us-east-1', retryJitter: 'half' }, /retryJitter must be 'none', 'equal', 'full' or a function/],
    [{ region: 42 }, /region must be a string/],
    [{ endpoint: new URL('http://127.0.0.1') }, /endpoint must be a string/],
    [{ region: 'us-east-1', useFipsEndpoint: 'yes' }, /useFipsEndpoint must be true or false/],
    [{ region: 'us-east-1', validateParams: 0 }, /validateParams must be true or false/],
    [{ region: 'us-east-1', customUserAgent: 'a\r\nX-Evil: 1' }, /customUserAgent must be a single line/],
    [{ region: 'us-east-1', logger: console }, /logger must be a function/],
    [{ region: 'us-east-1', fetch: 'fetch' }, /fetch must be a function/],
    [{ region: 'us-east-1', stubResponses: 'yes' }, /stubResponses must be true, false or an object/],
  ])('%j', (options, message) => {
    const make = () => new ParticipantClient(options as never);
    expect(make).toThrow(ClientConfigurationError);
    expect(make).toThrow(message);
  });
});

describe('fetch', () => {
  it('an injected fetch is used with the wire request, credentials omitted', async () => {
    const calls: [string, RequestInit][] = [];
    const spy: FetchLike = (url, init) => {
      calls.push([url, init]);
      return fetch(url, init);
    };
    const client = new ParticipantClient({ endpoint: server.url, fetch: spy });
    await client.getTranscript({ ConnectionToken: 't' });
    expect(calls).toHaveLength(1);
    expect(calls[0][0]).toBe(`${server.url}/participant/transcript`);
    expect(calls[0][1]).toMatchObject({ method: 'POST', credentials: 'omit', body: '{}' });
    expect(calls[0][1].keepalive).toBeUndefined();
  });

  it('keepalive is passed on per call (for a disconnect on pagehide)', async () => {
    const inits: RequestInit[] = [];
    const client = new ParticipantClient({
      endpoint: server.url,
      fetch: (url, init) => {
        inits.push(init);
        return fetch(url, init);
      },
    });
    await client.disconnectParticipant({ ConnectionToken: 't' }, { keepalive: true });
    expect(inits[0].keepalive).toBe(true);
  });

  it('the global fetch is looked up at call time', async () => {
    const client = new ParticipantClient({ endpoint: server.url });
    const original = globalThis.fetch;
    const spy = vi.fn((url: string, init: RequestInit) => original(url, init));
    vi.stubGlobal('fetch', spy);
    try {
      await client.getTranscript({ ConnectionToken: 't' });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('without any fetch the call fails with what to do', async () => {
    const client = new ParticipantClient({ endpoint: server.url });
    vi.stubGlobal('fetch', undefined);
    try {
      await expect(client.getTranscript({ ConnectionToken: 't' })).rejects.toThrow(/no global fetch.*pass options.fetch/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

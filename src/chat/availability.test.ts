// Business hours: the site's answer read strictly for `open`, leniently for the rest; a URL on a real
// HTTP server; every failure (HTTP error, bad JSON, no answer in time, a throwing function) counts as
// open and says why; one check shared by everyone who asks while it runs, and kept for maxAgeMs.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkAvailability, forgetAvailability, readAvailability } from './availability';

let server: Server;
let base = '';
const hits: string[] = [];
let answer: (req: IncomingMessage, res: ServerResponse) => void = (_, res) => res.end('{"open":true}');

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => {
  forgetAvailability();
  hits.length = 0;
});

describe('readAvailability', () => {
  it('needs open true or false; anything else counts as open and says so', () => {
    expect(readAvailability({ open: false })).toEqual({ open: false });
    expect(readAvailability({ open: 'no' })).toEqual({ open: true, error: expect.stringMatching(/no "open": true or false/) });
    expect(readAvailability(null).open).toBe(true);
  });

  it('keeps a message (trimmed, at most 500 characters) and a valid nextOpen; drops bad ones', () => {
    const read = readAvailability({ open: false, message: `  ${'é'.repeat(600)} `, nextOpen: '2030-01-02T09:00:00Z' });
    expect([...(read.message ?? '')]).toHaveLength(500);
    expect(read.nextOpen?.toISOString()).toBe('2030-01-02T09:00:00.000Z');
    expect(readAvailability({ open: false, message: 42, nextOpen: 'soon' })).toEqual({ open: false });
    expect(readAvailability({ open: false, nextOpen: Date.UTC(2030, 0, 2) }).nextOpen?.getTime()).toBe(Date.UTC(2030, 0, 2));
  });
});

describe('checkAvailability', () => {
  it('asks the URL (GET, JSON) and reads the answer', async () => {
    answer = (req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ open: false, message: req.headers.accept === 'application/json' ? 'Closed today' : 'wrong accept' }));
    };
    expect(await checkAvailability(`${base}/hours`)).toEqual({ open: false, message: 'Closed today' });
  });

  it('an HTTP error or bad JSON counts as open and names the cause', async () => {
    answer = (_, res) => {
      res.statusCode = 503;
      res.end();
    };
    expect(await checkAvailability(`${base}/down`)).toEqual({ open: true, error: expect.stringMatching(/\/down answered HTTP 503 \(counted as open\)/) });
    answer = (_, res) => res.end('<html>');
    expect(await checkAvailability(`${base}/html`)).toMatchObject({ open: true, error: expect.stringMatching(/availability check failed/) });
  });

  it('no answer within timeoutMs counts as open', async () => {
    answer = () => {}; // never answers
    expect(await checkAvailability(`${base}/hang`, { timeoutMs: 100 })).toEqual({ open: true, error: expect.stringMatching(/did not answer within 0.1 s/) });
  });

  it('a function source: its answer, or its failure counted as open', async () => {
    expect(await checkAvailability(() => ({ open: false, nextOpen: 0 }))).toEqual({ open: false, nextOpen: new Date(0) });
    const broken = () => {
      throw new Error('no calendar');
    };
    expect(await checkAvailability(broken)).toEqual({ open: true, error: expect.stringMatching(/failed: no calendar/) });
  });

  it('shares a check under way, keeps a result for maxAgeMs, then asks again', async () => {
    let release: () => void = () => {};
    answer = (_, res) => {
      release = () => res.end('{"open":false}');
    };
    const url = `${base}/shared`;
    let clock = 1000;
    const now = () => clock;
    const first = checkAvailability(url, { now });
    const second = checkAvailability(url, { now }); // maxAgeMs 0, but a check is under way
    await expect.poll(() => hits.length).toBe(1);
    release();
    expect(await first).toEqual({ open: false });
    expect(await second).toEqual({ open: false });
    answer = (_, res) => res.end('{"open":true}');
    clock += 30_000;
    expect(await checkAvailability(url, { now, maxAgeMs: 60_000 })).toEqual({ open: false }); // kept
    expect(hits).toHaveLength(1);
    clock += 40_000;
    expect(await checkAvailability(url, { now, maxAgeMs: 60_000 })).toEqual({ open: true }); // too old: asked again
    expect(hits).toHaveLength(2);
  });
});

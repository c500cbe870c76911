import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP, agentConsoleRoutes } from './index.js';

let server: Server;
let base = '';
let builds = 0;
const logs: string[] = [];

beforeAll(async () => {
  const routes = agentConsoleRoutes({
    log: (line) => logs.push(line),
    build: async () => {
      builds++;
      // The real build (Vite, in memory) — the same one GET /agent triggers in the emulator.
      const { buildConsoleBundle } = await import('./build.js');
      return buildConsoleBundle();
    },
  });
  server = createServer((req, res) => {
    routes(req, res)
      .then((handled) => {
        if (!handled) res.writeHead(418).end('not the console');
      })
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('agentConsoleRoutes', () => {
  it('serves the HTML shell with a strict CSP and no inline script or style', async () => {
    const response = await fetch(`${base}/agent`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).toContain("require-trusted-types-for 'script'");
    expect(CONSOLE_CSP).not.toContain('unsafe');
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/agent/console.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/agent/console.css">');
    expect(html).not.toMatch(/<script>|<style|\sstyle=|\son[a-z]+=/);
  });

  it('builds the bundle once and serves it as JavaScript', async () => {
    const [first, second] = await Promise.all([fetch(`${base}/agent/console.js`), fetch(`${base}/agent/console.js`)]);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/javascript/);
    const js = await first.text();
    expect(js).toBe(await second.text());
    // The app, the project's client and Preact are all in one module with no imports left.
    expect(js).toContain('ParticipantClient');
    expect(js).toContain('/emulator/contacts');
    expect(js).not.toMatch(/^import .* from ['"]/m);
    expect(builds).toBe(1);
    expect(logs.some((line) => /agent console built in \d+ ms/.test(line))).toBe(true);
  });

  it('serves the stylesheet', async () => {
    const response = await fetch(`${base}/agent/console.css`);
    expect(response.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await response.text()).toContain('.transcript');
  });

  it('answers only its own paths and only GET/HEAD', async () => {
    expect((await fetch(`${base}/agents`)).status).toBe(418);
    expect((await fetch(`${base}/participant/connection`, { method: 'POST' })).status).toBe(418);
    const post = await fetch(`${base}/agent`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(await post.text()).toMatch(/only answers GET/);
    const missing = await fetch(`${base}/agent/nope.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('/agent');
    const head = await fetch(`${base}/agent`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });
});

describe('a failing build', () => {
  it('answers 500 saying why, and retries on the next request', async () => {
    let attempts = 0;
    const routes = agentConsoleRoutes({
      build: async () => {
        attempts++;
        if (attempts === 1) throw new Error('syntax error in app/main.tsx');
        return { js: 'export {};', buildMs: 1 };
      },
    });
    const failing = createServer((req, res) => void routes(req, res));
    await new Promise<void>((ok) => failing.listen(0, '127.0.0.1', ok));
    const address = failing.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/agent/console.js`;
    try {
      const first = await fetch(url);
      expect(first.status).toBe(500);
      expect(await first.text()).toContain('syntax error in app/main.tsx');
      const second = await fetch(url);
      expect(second.status).toBe(200);
      expect(await second.text()).toBe('export {};');
    } finally {
      await new Promise<void>((ok) => failing.close(() => ok()));
    }
  });
});

// `npm start` as a person runs it: the printed pages are wired to the emulator it started (whatever
// its port), the site's leave-message back end makes tasks in it, and SIGINT or SIGTERM stops
// everything it started, freeing both ports.
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

interface Demo {
  emulator: string;
  site: string;
  stop(signal: NodeJS.Signals): Promise<number | null>;
  output(): string;
}

const FLAGS = ['--no-build', '--no-bot', '--port', '0', '--site-port', '0'];
const groups: number[] = [];
afterAll(() => {
  // Whatever a failed test left behind: each demo leads its own process group.
  for (const group of groups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** `node scripts/start.mjs …`, or with `viaNpm` `npm start -- …` as people type it. */
async function startDemo(viaNpm = false): Promise<Demo> {
  const [command, args] = viaNpm ? ['npm', ['start', '--', ...FLAGS]] : [process.execPath, ['scripts/start.mjs', ...FLAGS]];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid) groups.push(child.pid);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (!out.includes('Ctrl+C stops both.')) {
    if (Date.now() > deadline) throw new Error(`the demo did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const emulator = /emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] as string;
  const site = /customer page: +(http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1] as string;
  return {
    emulator,
    site,
    output: () => out,
    stop: (signal) => {
      child.kill(signal);
      return exited;
    },
  };
}

const answers = (url: string): Promise<boolean> => fetch(url).then(() => true, () => false);

describe('npm start', () => {
  it('points the printed customer page and its agent link at the emulator it started', async () => {
    const demo = await startDemo();
    try {
      expect(demo.emulator).not.toBe('http://127.0.0.1:8787');
      expect(demo.output()).toContain(`agent console:  ${demo.emulator}/agent`);
      const config = await (await fetch(`${demo.site}/public/demo/site-config.js`)).text();
      expect(config).toContain(`'${demo.emulator}'`);
      expect(config).not.toContain('127.0.0.1:8787');
      const page = await (await fetch(`${demo.site}/`)).text();
      expect(page).toContain(`href="${demo.emulator}/agent"`);
      expect(page).toContain('rel="icon"');
      expect((await fetch(`${demo.site}/public/demo/favicon.svg`)).status).toBe(200);
      // The "Open hours" switch, and the site's back end for the form it shows: a message left becomes a task.
      expect(page).toContain('id="open-hours"');
      const left = await fetch(`${demo.site}/leave-message`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: demo.site },
        body: JSON.stringify({ Fields: { name: 'Ada', email: 'ada@example.com', message: 'Do you ship to Norway?' }, ClientToken: 'demo-test-1' }),
      });
      expect(left.status).toBe(200);
      const { data } = (await left.json()) as { data: { ContactId: string } };
      const task = (await (await fetch(`${demo.emulator}/emulator/tasks/${data.ContactId}`)).json()) as { Name: string; Description: string };
      expect(task).toMatchObject({ Name: 'Message from Ada', Description: 'Do you ship to Norway?' });
      expect((await fetch(`${demo.site}/leave-message`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' }, body: '{}' })).status).toBe(403);
    } finally {
      await demo.stop('SIGTERM');
    }
  });

  it('SIGTERM to npm itself stops them too (npm\'s shell does not pass it on)', async () => {
    const demo = await startDemo(true);
    expect(await answers(`${demo.emulator}/health`)).toBe(true);
    void demo.stop('SIGTERM');
    await expect.poll(() => answers(`${demo.emulator}/health`), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => answers(`${demo.site}/health`), { timeout: 10_000 }).toBe(false);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} stops the emulator and the site it started`, async () => {
      const demo = await startDemo();
      expect(await answers(`${demo.emulator}/health`)).toBe(true);
      expect(await answers(`${demo.site}/health`)).toBe(true);
      // An open keep-alive connection, as a browser tab would hold.
      await fetch(`${demo.site}/`, { keepalive: true });
      expect(await demo.stop(signal)).toBe(0);
      expect(await answers(`${demo.emulator}/health`)).toBe(false);
      expect(await answers(`${demo.site}/health`)).toBe(false);
    });
  }
});

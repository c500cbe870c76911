// The CLI: one line on stdout, /health, flags, and a clear error for bad flags.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

function run(args: string[]): { child: ChildProcessWithoutNullStreams; stdout: () => string; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], { cwd: process.cwd() });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function firstLine(stdout: () => string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (!stdout().includes('\n')) {
    if (Date.now() > deadline) throw new Error(`no output: ${stdout()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return stdout().split('\n')[0];
}

describe('npm run emulator', () => {
  it('--port 0 --no-bot prints exactly one line and serves /health; SIGTERM stops it', async () => {
    const cli = run(['--port', '0', '--no-bot']);
    const line = await firstLine(cli.stdout);
    expect(line).toMatch(/^emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = line.slice('emulator listening on '.length);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(cli.stdout()).toBe(`${line}\n`);
    cli.child.kill('SIGTERM');
    expect(await cli.exit).toBe(0);
  });

  it('refuses a bad --port with the usage', async () => {
    const cli = run(['--port', 'eighty']);
    expect(await cli.exit).toBe(2);
    expect(cli.stderr()).toMatch(/--port must be an integer 0\.\.65535, got "eighty"/);
    expect(cli.stderr()).toMatch(/usage: npm run emulator/);
  });
});

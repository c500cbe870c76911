// The CLI: one line on stdout, /health, flags, and a clear error for bad flags.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_USAGE, parseEmulatorArgs } from './cli-args.js';

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
    expect(cli.stderr()).toMatch(/--port must be a port number 0\.\.65535 \(0 = a free port\), got "eighty"/);
    expect(cli.stderr()).toMatch(/usage: connect-chat-emulator/);
  });

  it('--help lists every flag it takes', async () => {
    const cli = run(['--help']);
    expect(await cli.exit).toBe(0);
    expect(cli.stdout().trim()).toBe(CLI_USAGE);
  });
});

describe('parseEmulatorArgs', () => {
  const FLAGS = ['--port', '--host', '--public-url', '--allow-origin', '--no-bot', '--disconnect-flow', '--no-agent-console', '--strict-cors', '--verbose', '--help', '--version'];

  it('every flag is in the usage, and the usage names no flag it does not take', () => {
    for (const flag of FLAGS) expect(CLI_USAGE).toContain(flag);
    expect([...new Set(CLI_USAGE.match(/--[a-z-]+/g))].sort()).toEqual([...FLAGS].sort());
  });

  it('defaults: 8787 on 127.0.0.1, bot and agent console on, no extra origins', () => {
    expect(parseEmulatorArgs([])).toEqual({
      kind: 'start',
      verbose: false,
      options: { port: 8787, host: '127.0.0.1', bot: true, agentConsole: true, strictCors: false, allowOrigins: [] },
    });
  });

  it('reads every flag', () => {
    const command = parseEmulatorArgs([
      '--port', '0', '--host', '0.0.0.0', '--public-url', 'http://192.168.1.20:8787', '--allow-origin', 'http://127.0.0.1:3000/',
      '--allow-origin', 'https://app.example', '--no-bot', '--no-agent-console', '--strict-cors', '--verbose', '--disconnect-flow', 'survey',
    ]);
    expect(command).toEqual({
      kind: 'start',
      verbose: true,
      options: {
        port: 0,
        host: '0.0.0.0',
        publicUrl: 'http://192.168.1.20:8787',
        allowOrigins: ['http://127.0.0.1:3000', 'https://app.example'],
        bot: false,
        agentConsole: false,
        strictCors: true,
        disconnectFlow: 'survey',
      },
    });
    expect(parseEmulatorArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseEmulatorArgs(['--version'])).toEqual({ kind: 'version' });
  });

  it('refuses what it cannot take, saying what is wrong', () => {
    expect(() => parseEmulatorArgs(['--allow-origin', 'app.example'])).toThrow(/--allow-origin: allowed origin "app.example" is not a URL/);
    expect(() => parseEmulatorArgs(['--public-url', 'chat.internal'])).toThrow(/--public-url must be an http\(s\) URL/);
    expect(() => parseEmulatorArgs(['--port', ''])).toThrow(/--port must be a port number/);
    expect(() => parseEmulatorArgs(['--bot-off'])).toThrow(/--bot-off/);
    expect(() => parseEmulatorArgs(['--disconnect-flow', 'poll'])).toThrow(/--disconnect-flow must be "survey" \(the built-in post-chat survey\), got "poll"/);
    expect(() => parseEmulatorArgs(['extra'])).toThrow(/extra/);
  });
});

#!/usr/bin/env node
// `npx connect-chat-emulator [options]` (the package's bin) and `npm run emulator -- [options]` in a
// clone. Prints exactly one line, `emulator listening on http://HOST:PORT`, then serves until SIGINT
// or SIGTERM. Flags: emulator/cli-args.ts (--help lists them).
import { readFileSync } from 'node:fs';
import { CLI_USAGE, CliUsageError, parseEmulatorArgs, type CliCommand } from './cli-args.js';
import { startEmulator } from './index.js';

function fail(message: string): never {
  console.error(`connect-chat-emulator: ${message}\n\n${CLI_USAGE}`);
  process.exit(2);
}

/** This package's version: package.json is two folders up from the source and three from dist/node/emulator. */
function version(): string {
  for (const path of ['../package.json', '../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'connect-chat-widget' && pkg.version) return pkg.version;
    } catch {
      // not there: the next candidate
    }
  }
  return 'unknown';
}

let command: CliCommand;
try {
  command = parseEmulatorArgs(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliUsageError) fail(error.message);
  throw error;
}
if (command.kind === 'help') {
  console.log(CLI_USAGE);
  process.exit(0);
}
if (command.kind === 'version') {
  console.log(version());
  process.exit(0);
}

const { options, verbose } = command;
try {
  const emulator = await startEmulator({ ...options, log: verbose ? (line) => console.error(line) : (line) => problemsOnly(line) });
  console.log(`emulator listening on ${emulator.url}`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void emulator.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') fail(`port ${String(options.port)} is in use; pick another with --port (0 = any free port)`);
  if (error instanceof TypeError) fail(error.message);
  console.error(`connect-chat-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/** Without --verbose only problems reach the terminal (a plugin that threw, a console that failed to load). */
function problemsOnly(line: string): void {
  if (/error|fail|threw|rejected|unavailable/i.test(line)) console.error(line);
}

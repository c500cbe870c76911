// `npm run emulator [-- --port 8787 --host 127.0.0.1 --no-bot --strict-cors --verbose]`
// Prints exactly one line, `emulator listening on http://HOST:PORT`, then serves until interrupted.
import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';

const USAGE = `usage: npm run emulator -- [--port 8787] [--host 127.0.0.1] [--no-bot] [--strict-cors] [--verbose]
  --port N       TCP port (0 picks a free one). Default 8787.
  --host H       interface to listen on. Default 127.0.0.1.
  --no-bot       do not start the demo bot (it is on by default).
  --strict-cors  answer CORS preflights with the real service's header list only.
  --verbose      log every request to stderr.`;

function fail(message: string): never {
  console.error(`emulator: ${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      bot: { type: 'boolean' },
      'no-bot': { type: 'boolean' },
      'strict-cors': { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = values.port === undefined ? 8787 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer 0..65535, got "${values.port ?? ''}"`);

try {
  const emulator = await startEmulator({
    port,
    host: values.host ?? '127.0.0.1',
    bot: !values['no-bot'],
    strictCors: values['strict-cors'] ?? false,
    log: values.verbose ? (line) => console.error(line) : undefined,
  });
  console.log(`emulator listening on ${emulator.url}`);
  const stop = (): void => {
    void emulator.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') fail(`port ${port} is in use; pick another with --port (0 = any free port)`);
  console.error(`emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

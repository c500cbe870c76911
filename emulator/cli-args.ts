// The command line of `connect-chat-emulator` (emulator/cli.ts) as a pure function, so every flag and
// every refusal is testable without starting a process.
import { parseArgs } from 'node:util';
import { normalizeOrigin } from './guard.js';
import type { EmulatorOptions } from './options.js';

export const CLI_USAGE = `usage: connect-chat-emulator [options]        (in a clone of the repository: npm run emulator -- [options])

A local Amazon Connect chat service: the Participant Service (REST + WebSocket), the Connect-side chat
routes, attachments, a demo bot and an agent console (/agent). Prints one line,
"emulator listening on http://HOST:PORT", then serves until Ctrl+C (SIGINT) or SIGTERM.

  --port N             TCP port (0 picks a free one). Default 8787.
  --host H             interface to listen on. Default 127.0.0.1 (amazon-connect-chatjs accepts ws://127.0.0.1 only).
  --public-url URL     base of the URLs the emulator hands out (WebSocket, uploads, sign-in) when clients
                       reach it under another address (another machine, a container); its host is then
                       accepted too. Default http://HOST:PORT (127.0.0.1 for --host 0.0.0.0).
  --allow-origin O     a page origin (http://127.0.0.1:3000) that may use the control API (/emulator/*,
                       /contact/*) besides the emulator's own pages; repeat for more; '*' = any origin.
                       The Participant Service routes and /start-chat answer every origin anyway.
  --no-bot             do not start the demo bot (it is on by default; type "help" to it).
  --disconnect-flow F  every contact's disconnect flow: "survey" (the built-in post-chat survey, shown when
                       the customer ends a chat started with DisconnectOnCustomerExit, or the agent leaves).
                       Default none.
  --no-agent-console   do not serve the agent console at /agent.
  --strict-cors        answer CORS preflights with the real service's header list only.
  --verbose            log every request to stderr.
  -h, --help           this text.
  -v, --version        the version.`;

export type CliCommand = { kind: 'help' } | { kind: 'version' } | { kind: 'start'; options: EmulatorOptions; verbose: boolean };

/** A flag the command line cannot take; the message says which and what it accepts. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** A port flag's value: an integer 0..65535 (0 = a free port). */
export function portFlag(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < 0 || number > 65535) {
    throw new CliUsageError(`${flag} must be a port number 0..65535 (0 = a free port), got "${value}"`);
  }
  return number;
}

export function parseEmulatorArgs(argv: readonly string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'public-url': { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'no-bot': { type: 'boolean' },
        'disconnect-flow': { type: 'string' },
        'no-agent-console': { type: 'boolean' },
        'strict-cors': { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const allowOrigins = (values['allow-origin'] ?? []).map((origin) => {
    try {
      return normalizeOrigin(origin);
    } catch (error) {
      throw new CliUsageError(`--allow-origin: ${(error as Error).message}`);
    }
  });
  const publicUrl = values['public-url'];
  if (publicUrl !== undefined && !/^https?:\/\/[^/]/i.test(publicUrl)) {
    throw new CliUsageError(`--public-url must be an http(s) URL such as http://192.168.1.20:8787, got "${publicUrl}"`);
  }
  const flow = values['disconnect-flow'];
  // "plugin" needs plugins, which only startEmulator() takes.
  if (flow !== undefined && flow !== 'survey') throw new CliUsageError(`--disconnect-flow must be "survey" (the built-in post-chat survey), got "${flow}"`);
  return {
    kind: 'start',
    verbose: values.verbose ?? false,
    options: {
      port: portFlag('--port', values.port, 8787),
      host: values.host ?? '127.0.0.1',
      bot: !values['no-bot'],
      agentConsole: !values['no-agent-console'],
      strictCors: values['strict-cors'] ?? false,
      allowOrigins,
      ...(publicUrl !== undefined ? { publicUrl } : {}),
      ...(flow !== undefined ? { disconnectFlow: 'survey' as const } : {}),
    },
  };
}

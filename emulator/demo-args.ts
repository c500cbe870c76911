// The command line of `npm start` (emulator/demo.ts) and what exists of the customer page, as pure-ish
// functions so they can be tested without starting servers.
import { existsSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { portFlag } from './cli-args.js';

export const DEMO_DEFAULTS = { port: 8787, sitePort: 8788, host: '127.0.0.1', bot: true } as const;

export interface DemoOptions {
  port: number;
  sitePort: number;
  host: string;
  bot: boolean;
}

/** Reads the command line; throws a message naming the bad flag and what it accepts. */
export function parseDemoArgs(argv: string[]): DemoOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'site-port': { type: 'string' },
      host: { type: 'string' },
      'no-bot': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) throw new DemoUsage();
  return {
    port: portFlag('--port', values.port, DEMO_DEFAULTS.port),
    sitePort: portFlag('--site-port', values['site-port'], DEMO_DEFAULTS.sitePort),
    host: values.host ?? DEMO_DEFAULTS.host,
    bot: !values['no-bot'],
  };
}

export class DemoUsage extends Error {
  constructor() {
    super('usage: npm start -- [--no-bot] [--port 8787] [--site-port 8788] [--host 127.0.0.1]');
  }
}

/** What exists of the customer page in this checkout, in words for the console. */
export function customerPageStatus(root = '.'): { ready: boolean; note?: string } {
  const hasPage = existsSync(`${root}/index.html`);
  const hasBuild = existsSync(`${root}/dist`) && readdirSync(`${root}/dist`).some((name) => name.endsWith('.js') || name === 'cdn');
  if (!hasPage) return { ready: false, note: 'the demo customer page (index.html) does not exist in this checkout yet: the widget is not built' };
  if (!hasBuild) return { ready: false, note: 'the widget bundle (dist/) is missing: run `npm run build`, then reload the page' };
  return { ready: true };
}

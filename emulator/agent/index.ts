// The agent console, served by the emulator at GET /agent.
//
// For the server: `agentConsoleRoutes()` returns a handler; call `await handler(req, res)` for every
// request before your own routes, it answers GET/HEAD /agent, /agent/, /agent/console.js and
// /agent/console.css and returns true, and returns false (touching nothing) for any other request.
//
// The page is HTML + one JS module + one CSS file, sent with a strict Content-Security-Policy
// (no inline script or style, Trusted Types required), so the console proves the client works under
// the same CSP the widget promises. The JS is built from ./app on the first request (build.ts).
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { buildConsoleBundle, bundleCache } from './build.js';
import type { ConsoleBundle } from './build.js';
import { CONSOLE_CSP, consoleHtml } from './page.js';

export { CONSOLE_CSP } from './page.js';

const CSS_FILE = fileURLToPath(new URL('./console.css', import.meta.url));
// The npm package ships the bundle built (prebuild.ts); a clone builds it with Vite on first use.
const PREBUILT_JS = fileURLToPath(new URL('./console.js', import.meta.url));

async function prebuiltOrBuild(): Promise<ConsoleBundle> {
  let js: string;
  try {
    js = await readFile(PREBUILT_JS, 'utf8');
  } catch {
    return buildConsoleBundle();
  }
  return { js, buildMs: 0 };
}

export interface AgentConsoleOptions {
  /** Builds the bundle (tests may pass a stub build). Default: the prebuilt console.js beside this module, else Vite, in memory, once. */
  build?: () => Promise<ConsoleBundle>;
  /** Log lines (build time, build errors). Default: nothing. */
  log?: (line: string) => void;
}

export type AgentConsoleHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export function agentConsoleRoutes(options: AgentConsoleOptions = {}): AgentConsoleHandler {
  const log = options.log ?? ((): void => {});
  const build = options.build ?? prebuiltOrBuild;
  const bundle = bundleCache(async () => {
    const built = await build();
    if (built.buildMs > 0) log(`agent console built in ${built.buildMs} ms`);
    return built;
  });
  let css: Promise<string> | undefined;

  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://emulator').pathname;
    if (path !== '/agent' && !path.startsWith('/agent/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, req, 405, 'text/plain; charset=utf-8', `${req.method ?? ''} is not allowed on ${path}: the agent console only answers GET`, {
        allow: 'GET, HEAD',
      });
      return true;
    }
    try {
      if (path === '/agent' || path === '/agent/' || path === '/agent/index.html') {
        // Start the build now so the script request that follows finds it ready.
        void bundle().catch(() => {});
        send(res, req, 200, 'text/html; charset=utf-8', consoleHtml(), { 'content-security-policy': CONSOLE_CSP });
      } else if (path === '/agent/console.js') {
        send(res, req, 200, 'text/javascript; charset=utf-8', (await bundle()).js);
      } else if (path === '/agent/console.css') {
        css ??= readFile(CSS_FILE, 'utf8');
        send(res, req, 200, 'text/css; charset=utf-8', await css);
      } else {
        send(res, req, 404, 'text/plain; charset=utf-8', `not found: ${path} (the agent console is at /agent)`);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`agent console: ${message}`);
      send(res, req, 500, 'text/plain; charset=utf-8', `the agent console could not be served: ${message}`);
    }
    return true;
  };
}

function send(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

// `npm start`: the demo. The emulator (with the demo bot unless --no-bot) and the customer site (the
// repo's index.html, public/ and dist/ on another origin, so CORS is real), then the URLs to open.
//
//   npm start -- [--no-bot] [--port 8787] [--site-port 8788] [--host 127.0.0.1]
import { createLeaveMessageHandler, toNodeListener, type NodeListener } from '../src/server/index.js';
import { startSiteServer } from './site-server.js';
import { DEMO_DEFAULTS, DemoUsage, customerPageStatus, parseDemoArgs } from './demo-args.js';
import type { DemoOptions } from './demo-args.js';
import { startEmulator } from './index.js';

async function main(): Promise<void> {
  let options: DemoOptions;
  try {
    options = parseDemoArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof DemoUsage ? 0 : 2);
  }
  const emulator = await listening('--port', options.port, () =>
    // The customer page asks for a post-chat survey: the built-in one runs when a chat ends.
    startEmulator({ port: options.port, host: options.host, bot: options.bot, disconnectFlow: 'survey', log: quietLog }),
  );
  // The site's own back end for messages left while closed (the page's "open hours" switch): each
  // becomes a task in the emulator (StartTaskContact), listed in the agent console. Made once the
  // site's origin (its port may be 0) is known.
  let leaveMessage: NodeListener | undefined;
  // index.html is mounted as a single file so the site serves the page, public/ and dist/ — not the repo.
  const site = await listening('--site-port', options.sitePort, () =>
    startSiteServer({
      port: options.sitePort,
      host: options.host,
      mounts: { '/': 'index.html', '/index.html': 'index.html', '/public/': 'public', '/dist/': 'dist' },
      // The pages name the default emulator (public/demo/site-config.js, the agent link): point them at this one.
      replace: { [DEFAULT_EMULATOR_URL]: emulator.url },
      replaceIn: ['.html', '.js'],
      routes: { '/leave-message': (req, res) => (leaveMessage ? void leaveMessage(req, res) : res.writeHead(503).end()) },
    }),
  ).catch(async (error: unknown) => {
    await emulator.close();
    throw error;
  });
  leaveMessage = toNodeListener(
    createLeaveMessageHandler({
      instanceId: 'demo-instance',
      contactFlowId: 'offline-messages',
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
      allowedOrigins: [site.url],
      allowedAttributes: ['name', 'email', 'topic'],
    }),
  );
  const page = customerPageStatus();
  console.log(`emulator listening on ${emulator.url}${options.bot ? ' (demo bot on; --no-bot turns it off)' : ' (no bot)'}`);
  console.log(`agent console:  ${emulator.url}/agent`);
  console.log(page.ready ? `customer page:  ${site.url}/` : `customer page:  ${site.url}/ — not available: ${page.note}`);
  console.log('Ctrl+C stops both.');

  let stopping = false;
  const stop = async (): Promise<void> => {
    // Ctrl+C reaches both `npm start` and this process, which then also gets the signal forwarded.
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([emulator.close(), site.close()]);
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
}

/** The emulator address the demo pages are written with; the site server swaps in the running one. */
const DEFAULT_EMULATOR_URL = `http://127.0.0.1:${DEMO_DEFAULTS.port}`;

/** A taken port is the usual reason a second demo fails to start: say so, and what to do. */
async function listening<T>(flag: string, port: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      console.error(`Port ${port} is already in use (is another demo running?). Stop it, or pick another port: npm start -- ${flag} <port>`);
      process.exit(1);
    }
    throw error;
  }
}

/** Only problems reach the terminal; request lines would drown the URLs. */
function quietLog(line: string): void {
  if (/error|fail|threw|rejected/i.test(line)) console.error(line);
}

await main();

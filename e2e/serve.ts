// Servers for the end-to-end run, started once by Playwright's webServer:
// the emulator on E2E_EMULATOR_PORT and the customer site on E2E_SITE_PORT (another origin).
import { startEmulator } from '../emulator/index.js';
import { startSiteServer } from '../emulator/site-server.js';

const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 18787);
const sitePort = Number(process.env.E2E_SITE_PORT ?? 18788);

const emulator = await startEmulator({ port: emulatorPort, host: '127.0.0.1', bot: false });
const site = await startSiteServer({
  port: sitePort,
  mounts: {
    '/': 'e2e/pages',
    '/dist/': 'dist',
    '/vendor/chatjs/': 'node_modules/amazon-connect-chatjs/dist',
    '/vendor/axe/': 'node_modules/axe-core',
  },
  // Pages that name the emulator in their markup (embed-data.html, embed-element.html) say 18787.
  replace: { '127.0.0.1:18787': `127.0.0.1:${emulatorPort}` },
});
console.log(`e2e emulator ${emulator.url}, site ${site.url}`);

const stop = async () => {
  await Promise.allSettled([emulator.close(), site.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

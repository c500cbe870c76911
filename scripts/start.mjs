// `npm start`: the demo. Builds the widget (dist/, with progress), then runs the emulator with the demo
// bot, the customer site and the agent console, and prints the URLs to open. Flags go to
// emulator/demo.ts (--no-bot, --port, --site-port, --host); --no-build skips the build.
// SIGINT, SIGTERM and SIGHUP (to this process, or to npm) stop everything it started.
import { spawn, spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
if (!args.includes('--no-build')) {
  console.log('building the widget (npm run build; --no-build skips it) ...');
  const { status } = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (status !== 0) {
    console.error('The build failed (see above), so the demo cannot show the widget. Fix it, or run `npm run build` to see the whole log.');
    process.exit(status ?? 1);
  }
}
// Node itself (not npx), so a signal sent to this process reaches the one that holds the ports.
const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/demo.ts', ...args.filter((a) => a !== '--no-build')], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
// `npm start` runs this under a shell that does not pass signals on: when npm is sent SIGTERM, the
// shell dies and this process is left to the init process. Then stop the demo as if signalled.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) child.kill('SIGTERM');
}, 500).unref();

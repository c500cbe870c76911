// `npm start`: the demo. Builds the widget (dist/), then runs the emulator with the demo bot, the
// customer site and the agent console, and prints the URLs to open. Flags go to emulator/demo.ts
// (--no-bot, --port, --site-port, --host); --no-build skips the build.
import { spawn, spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
if (!args.includes('--no-build')) {
  console.log('building the widget (npm run build) ...');
  const { status } = spawnSync('node', ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (status !== 0) {
    console.error('The build failed (see above), so the demo cannot show the widget. Fix it, or run `npm run build` to see the whole log.');
    process.exit(status ?? 1);
  }
}
const child = spawn('npx', ['tsx', 'emulator/demo.ts', ...args.filter((a) => a !== '--no-build')], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

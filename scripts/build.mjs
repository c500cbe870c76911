// `npm run build`: everything in dist/, one step at a time with what it is and how long it took.
//   dist/*.js + dist/types/   the npm library (dependencies external)        vite.config.ts + tsc
//   dist/cdn/widget.js + …    the script-tag widget and its lazy chunks       vite.widget.config.ts
//   dist/cdn/validate.js      the loader's configuration report at idle time  vite.validate.config.ts
//   dist/cdn/loader.js        the script-tag loader (no framework, ≤ 2 KB gz) vite.loader.config.ts
//                             (after the widget: it names the session chunk from its manifest)
//   dist/demo/                the npm demo page's app                         vite.demo.config.ts
//   dist/node/                connect-chat-widget/server and the emulator (npx connect-chat-emulator),
//                             compiled for Node, with the agent console prebuilt  tsconfig.node.json
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const steps = [
  ['the npm library (dist/*.js)', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['its type declarations (dist/types)', 'npx', ['tsc', '-p', 'tsconfig.build.json']],
  ['the script-tag widget (dist/cdn/widget.js, hours.js, chunks/)', 'npx', ['vite', 'build', '-c', 'vite.widget.config.ts', '--logLevel', 'warn']],
  ['its configuration report (dist/cdn/validate.js)', 'npx', ['vite', 'build', '-c', 'vite.validate.config.ts', '--logLevel', 'warn']],
  ['the script-tag loader (dist/cdn/loader.js)', 'npx', ['vite', 'build', '-c', 'vite.loader.config.ts', '--logLevel', 'warn']],
];
if (existsSync('vite.demo.config.ts')) steps.push(['the npm demo page (dist/demo)', 'npx', ['vite', 'build', '-c', 'vite.demo.config.ts', '--logLevel', 'warn']]);
steps.push(
  ['the server and the emulator for Node (dist/node)', 'npx', ['tsc', '-p', 'tsconfig.node.json']],
  ['the agent console bundle (dist/node/emulator/agent)', 'npx', ['tsx', 'emulator/agent/prebuild.ts', 'dist/node/emulator/agent']],
);

const started = Date.now();
steps.forEach(([title, command, args], index) => {
  const begun = Date.now();
  process.stdout.write(`build ${index + 1}/${steps.length}: ${title} ...`);
  const { status } = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (status !== 0) {
    console.error(`\nbuild failed: ${command} ${args.join(' ')} exited ${status}`);
    process.exit(status ?? 1);
  }
  console.log(` ${((Date.now() - begun) / 1000).toFixed(1)} s`);
});
console.log(`build: dist/ written in ${((Date.now() - started) / 1000).toFixed(1)} s`);

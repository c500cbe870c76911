// `npm run build`: everything in dist/.
//   dist/*.js + dist/types/   the npm library (dependencies external)      vite.config.ts + tsc
//   dist/cdn/loader.js        the script-tag loader (no framework, ≤ 2 KB gz) vite.loader.config.ts
//   dist/cdn/widget.js + …    the script-tag widget and its lazy chunks     vite.widget.config.ts
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const steps = [
  ['npx', ['vite', 'build', '--logLevel', 'warn']],
  ['npx', ['tsc', '-p', 'tsconfig.build.json']],
  ['npx', ['vite', 'build', '-c', 'vite.loader.config.ts', '--logLevel', 'warn']],
];
if (existsSync('src/embed/widget.ts')) steps.push(['npx', ['vite', 'build', '-c', 'vite.widget.config.ts', '--logLevel', 'warn']]);
else console.log('build: src/embed/widget.ts does not exist yet; dist/cdn has the loader only');
if (existsSync('vite.demo.config.ts')) steps.push(['npx', ['vite', 'build', '-c', 'vite.demo.config.ts', '--logLevel', 'warn']]); // dist/demo: the npm demo page's app

for (const [command, args] of steps) {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`build failed: ${command} ${args.join(' ')} exited ${status}`);
    process.exit(status ?? 1);
  }
}
console.log('build: dist/ written');

// `npm run build`: the npm library (dist/*.js + dist/types/**/*.d.ts).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const steps = [
  ['npx', ['vite', 'build', '--logLevel', 'warn']],
  ['npx', ['tsc', '-p', 'tsconfig.build.json']],
];
for (const [command, args] of steps) {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`build failed: ${command} ${args.join(' ')} exited ${status}`);
    process.exit(status ?? 1);
  }
}
console.log('build: dist/ written');

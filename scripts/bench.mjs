// `npm run bench`: builds when the script-tag distribution is missing (a fresh clone), then runs the
// bench (bench/run.ts): one table on stdout, bench/results.json on disk. Arguments pass through,
// e.g. `npm run bench -- --only sizes,network-cut`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const needed = ['dist/cdn/loader.js', 'dist/cdn/widget.js', 'dist/cdn/.vite/manifest.json'];
const missing = () => needed.filter((f) => !existsSync(f));

// BENCH_CDN_DIR points at another build: nothing to build here.
if (!process.env.BENCH_CDN_DIR && missing().length > 0) {
  console.log(`bench: ${missing().join(', ')} missing; running npm run build first`);
  const { status } = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (status !== 0) console.error(`bench: npm run build exited ${status}; the figures that need the build will say n/a`);
  else if (missing().length > 0) console.error(`bench: the build did not write ${missing().join(', ')}; the figures that need them will say n/a`);
}

let chromium;
try {
  chromium = ensureChromium();
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const { status } = spawnSync('npx', ['tsx', 'bench/run.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(status ?? 1);

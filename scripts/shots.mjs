// `npm run shots`: builds when dist/cdn is missing, finds Chromium, then renders the widget's states
// to PNGs (scripts/shots/run.ts). Arguments pass through: `npm run shots -- --help`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

if (!existsSync('dist/cdn/loader.js') || !existsSync('dist/cdn/widget.js')) {
  console.log('shots: dist/cdn missing; running npm run build first');
  const { status } = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
let chromium;
try {
  chromium = ensureChromium();
} catch (error) {
  console.error(`shots: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const { status } = spawnSync('npx', ['tsx', 'scripts/shots/run.ts', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
process.exit(status ?? 1);

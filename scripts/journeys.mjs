// `npm run test:journeys`: the UI journeys (e2e/journeys/) in real Chromium against the emulator.
//
//   npm run test:journeys                         every journey (npm test runs the short ones)
//   npm run test:journeys -- --seed 7 --minutes 20   the seeded random mode: visits and steps drawn
//       from the step library for 20 minutes; ends with one line
//       `journeys: N steps, L lost, D duplicated, E page errors, S stuck` and exits non-zero when any
//       of them is not 0 (or a message reached the service out of order, or the visitor was shown
//       technical text); on a failure it prints the seed and the steps of each failing visit.
//   --visit K    with --seed: only the K-th visit of that seed's plan (to reproduce one failure)
//   --no-build   use dist/ as it is (otherwise the widget is built first)
// Anything else is passed to Playwright (e.g. a file or -g 'crash'). Ports: E2E_EMULATOR_PORT,
// E2E_SITE_PORT; the journeys' start-chat back end listens on E2E_EMULATOR_PORT + 3.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const args = process.argv.slice(2);
const take = (flag) => {
  const i = args.indexOf(flag);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) {
    console.error(`${flag} needs a number, e.g. ${flag} 20`);
    process.exit(2);
  }
  return Number(value);
};
const noBuild = args.includes('--no-build') && args.splice(args.indexOf('--no-build'), 1);
let seed = take('--seed');
const minutes = take('--minutes');
const onlyVisit = take('--visit');
const random = seed !== undefined || minutes !== undefined;
if (random && seed === undefined) seed = Date.now() % 1_000_000;

if (!noBuild) {
  const built = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const chromium = ensureChromium();

if (!random) {
  const run = spawnSync('npx', ['playwright', 'test', ...(args.length ? args : ['e2e/journeys'])], {
    stdio: 'inherit',
    env: { ...process.env, JOURNEYS: 'full', CHROMIUM_PATH: chromium },
  });
  process.exit(run.status ?? 1);
}

mkdirSync('.test-results', { recursive: true });
const reportFile = '.test-results/journeys-random.json';
rmSync(reportFile, { force: true });
console.log(`journeys: random mode, seed ${seed}, ${minutes ?? 1} min`);
spawnSync('npx', ['playwright', 'test', 'e2e/journeys/random.spec.ts', '--reporter=line', ...args], {
  stdio: 'inherit',
  env: {
    ...process.env,
    JOURNEYS: 'random',
    JOURNEYS_SEED: String(seed),
    JOURNEYS_MINUTES: String(minutes ?? 1),
    ...(onlyVisit ? { JOURNEYS_VISIT: String(onlyVisit) } : {}),
    JOURNEYS_REPORT: reportFile,
    CHROMIUM_PATH: chromium,
  },
});
if (!existsSync(reportFile)) {
  console.log(`journeys: the random run wrote no report; reproduce with: npm run test:journeys -- --seed ${seed} --minutes ${minutes ?? 1}`);
  console.log('journeys: 0 steps, 0 lost, 0 duplicated, 0 page errors, 1 stuck');
  process.exit(1);
}
const r = JSON.parse(readFileSync(reportFile, 'utf8'));
const bad = r.lost + r.duplicated + r['page error'] + r.stuck + r.order + r.jargon > 0;
if (bad) {
  console.log(`\nFailures (seed ${seed}); reproduce with: npm run test:journeys -- --seed ${seed} --minutes ${r.minutes}`);
  for (const f of r.failed) {
    console.log(`\nvisit ${f.visit} (${f.setting}), world ${f.world}; this visit alone: npm run test:journeys -- --seed ${seed} --visit ${f.visit}`);
    console.log(`  steps: ${f.steps.join(' → ')}`);
    for (const v of f.violations) console.log(`  after step ${v.step}, ${v.kind}: ${v.detail}`);
  }
  if (r.order + r.jargon > 0) console.log(`\nalso: ${r.order} out of order, ${r.jargon} technical texts shown to the visitor`);
  console.log('');
}
console.log(`journeys: ${r.steps} steps, ${r.lost} lost, ${r.duplicated} duplicated, ${r['page error']} page errors, ${r.stuck} stuck`);
process.exit(bad ? 1 : 0);

// `npm run bench` (through scripts/bench.mjs, which builds first when dist/cdn is missing).
// Runs every scenario in order, prints one table and writes bench/results.json.
//
//   npm run bench                         everything (about 4 minutes on 2 cores)
//   npm run bench -- --only sizes,burst   some scenarios (ids below)
//   BENCH_BASELINE=<commit>|none          the baseline of open-throttled (bench/baseline.ts)
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CDN_DIR, startBenchEnv, type BenchEnv } from './env.js';
import { table, writeResults, type Figure } from './report.js';
import { runScenario, type Scenario } from './scenario.js';
import { burst } from './scenarios/burst.js';
import { hostLoad } from './scenarios/host-load.js';
import { networkCut } from './scenarios/network-cut.js';
import { openChatScenario } from './scenarios/open-chat.js';
import { openThrottled } from './scenarios/open-throttled.js';
import { baselineBuild, type Baseline } from './baseline.js';
import { reload } from './scenarios/reload.js';
import { sizes } from './scenarios/sizes.js';
import { socketDrop } from './scenarios/socket-drop.js';
import { transcript10k } from './scenarios/transcript-10k.js';

const SCENARIOS: Scenario[] = [sizes, hostLoad, openChatScenario, openThrottled, burst, transcript10k, reload, socketDrop, networkCut];

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

function widgetMissing(): string | null {
  for (const file of [`${CDN_DIR}/loader.js`, `${CDN_DIR}/widget.js`]) {
    if (!existsSync(file)) return `${file} is not built (npm run build builds it once src/embed/widget.ts exists)`;
  }
  return null;
}

function selected(): Scenario[] {
  const i = process.argv.indexOf('--only');
  if (i < 0) return SCENARIOS;
  const ids = (process.argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = ids.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (ids.length === 0 || unknown.length > 0) {
    console.error(`--only takes scenario ids separated by commas: ${SCENARIOS.map((s) => s.id).join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
    process.exit(2);
  }
  return SCENARIOS.filter((s) => ids.includes(s.id));
}

async function main(): Promise<void> {
  const started = Date.now();
  const scenarios = selected();
  let env: BenchEnv | undefined;
  let envStarting: Promise<BenchEnv> | undefined;
  const details: Record<string, unknown> = {};
  const missing = widgetMissing();
  // The throttled scenario measures a baseline build beside this one (bench/baseline.ts).
  let baseline: Baseline | { problem: string } = { problem: 'not asked for' };
  if (scenarios.includes(openThrottled) && process.env.BENCH_BASELINE !== 'none') {
    process.stdout.write('bench: building the baseline (once; kept in node_modules/.cache) ... ');
    try {
      baseline = baselineBuild();
      console.log(baseline.commit);
    } catch (error) {
      baseline = { problem: error instanceof Error ? error.message : String(error) };
      console.log(`not available: ${baseline.problem}`);
    }
  }
  if (missing) console.log(`note: ${missing}; the widget's scenarios print n/a`);
  if (CDN_DIR !== 'dist/cdn') console.log(`note: measuring the build in ${CDN_DIR} (BENCH_CDN_DIR), not dist/cdn`);
  const figures: Figure[] = [];
  let chromium = 'not started';
  try {
    for (const scenario of scenarios) {
      const t0 = Date.now();
      process.stdout.write(`bench: ${scenario.id} ... `);
      const result = await runScenario(scenario, {
        env: () => {
          envStarting ??= startBenchEnv(readFileSync(PROBE, 'utf8'), baseline).then((e) => (env = e));
          return envStarting;
        },
        widgetMissing: missing,
        details,
        log: (line) => console.log(`\n${line}`),
      });
      figures.push(...result);
      console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    chromium = env ? env.browser.version() : 'not started';
    await env?.close();
  }
  console.log('\n' + table(figures) + '\n');
  writeResults(RESULTS, {
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { cpus: cpus().length, node: process.version, platform: `${process.platform} ${process.arch}`, chromium },
    figures,
    details,
  });
  console.log(`bench: ${figures.length} figures (${figures.filter((f) => f.value === null).length} n/a) in ${Math.round((Date.now() - started) / 1000)} s; written to bench/results.json`);
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});

// `npm test`: everything. Typecheck, build, unit/integration tests (vitest), end-to-end tests
// (Playwright in real Chromium against the emulator). Ends with one line `N passed, N failed`
// counting every test, because CI's log reader does not parse the runners' own summaries.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const outDir = '.test-results';
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const only = process.argv[2]; // optional: 'unit' or 'e2e'
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function check(title, command, args) {
  const status = run(title, command, args);
  if (status !== 0) {
    failed += 1; // a failed check counts as a failed test: nothing after it can be trusted
    problems.push(`${title} failed (exit ${status})`);
  } else {
    passed += 1;
  }
  return status === 0;
}

const typed = check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
const built = check('build', 'node', ['scripts/build.mjs']);

if (only !== 'e2e') {
  const json = `${outDir}/vitest.json`;
  const status = run('unit and integration tests', 'npx', [
    'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`,
  ]);
  if (existsSync(json)) {
    const report = JSON.parse(readFileSync(json, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A file that fails to load has no tests in it: count it as a failure.
    const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0);
    failed += brokenFiles.length;
    if (status !== 0 && report.numFailedTests === 0 && brokenFiles.length === 0) {
      failed += 1;
      problems.push(`vitest exited ${status}`);
    }
  } else {
    failed += 1;
    problems.push(`vitest wrote no report (exit ${status})`);
  }
}

if (only !== 'unit') {
  if (!built) {
    failed += 1;
    problems.push('end-to-end tests not run: the build failed');
  } else {
    let chromium;
    try {
      chromium = ensureChromium();
    } catch (error) {
      console.error(error.message);
      failed += 1;
      problems.push('end-to-end tests not run: no Chromium');
    }
    if (chromium) {
      const json = `${outDir}/playwright.json`;
      const status = run('end-to-end tests', 'npx', ['playwright', 'test'], {
        PW_JSON_OUTPUT: json,
        CHROMIUM_PATH: chromium,
      });
      if (existsSync(json)) {
        const { stats, errors } = JSON.parse(readFileSync(json, 'utf8'));
        passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
        failed += stats?.unexpected ?? 0;
        skipped += stats?.skipped ?? 0;
        if ((errors ?? []).length > 0 && (stats?.unexpected ?? 0) === 0) {
          failed += 1;
          problems.push(`playwright reported ${errors.length} error(s) outside tests`);
        }
        if (status !== 0 && (stats?.unexpected ?? 0) === 0 && (errors ?? []).length === 0) {
          failed += 1;
          problems.push(`playwright exited ${status}`);
        }
      } else {
        failed += 1;
        problems.push(`playwright wrote no report (exit ${status})`);
      }
    }
  }
}

console.log('');
if (!typed) console.log('note: the typecheck failed; see above.');
for (const p of problems) console.log(`problem: ${p}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);

import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-path.mjs';

// End-to-end tests run in real Chromium (Debian's, never a Playwright download) against the emulator.
// One worker: the machine has two cores and the servers are shared by every spec.
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 18787);
export const E2E_SITE_PORT = Number(process.env.E2E_SITE_PORT ?? 18788);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // The journeys (e2e/journeys/): \`npm test\` runs the short version; \`npm run test:journeys\` sets
  // JOURNEYS=full for all of them, or JOURNEYS=random for the seeded random mode (random.spec.ts only).
  testIgnore: process.env.JOURNEYS === 'random' ? [] : ['**/journeys/random.spec.ts'],
  grepInvert: process.env.JOURNEYS === 'full' || process.env.JOURNEYS === 'random' ? undefined : /@full/,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_JSON_OUTPUT
    ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_SITE_PORT}`,
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
    trace: 'off',
  },
  webServer: {
    command: 'npx tsx e2e/serve.ts',
    url: `http://127.0.0.1:${E2E_SITE_PORT}/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'pipe',
    env: { E2E_EMULATOR_PORT: String(E2E_EMULATOR_PORT), E2E_SITE_PORT: String(E2E_SITE_PORT) },
  },
});

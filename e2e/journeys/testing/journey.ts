// Running a journey: each step, then the invariants. In a test (strict) the first violation fails it,
// with the steps so far; in random mode violations are counted and the run goes on.
import { test as base } from '@playwright/test';
import { buildApps } from '../../embed-support';
import { EMULATOR, control } from '../../ui-support';
import { startBackend, type StartChatBackend } from './backend';
import { checkInvariants, describeViolations } from './invariants';
import type { Step } from './steps';
import { World, type WorldOptions } from './world';

/** The start-chat back end listens next to the emulator: E2E_EMULATOR_PORT + 3. */
export const BACKEND_PORT = Number(new URL(EMULATOR).port) + 3;
/** A step that takes longer than this is stuck (every wait of the widget ends well before). */
export const STEP_TIMEOUT_MS = 60_000;

export const test = base.extend<{ makeWorld: (options: WorldOptions) => Promise<World> }, { backend: StartChatBackend }>({
  backend: [
    async ({}, use) => {
      await buildApps(); // the mount() page's app, bundled from dist/ like a customer's
      const backend = await startBackend(BACKEND_PORT, EMULATOR);
      await use(backend);
      await backend.close();
    },
    { scope: 'worker' },
  ],
  makeWorld: async ({ browser, backend }, use) => {
    const made: World[] = [];
    await use(async (options) => {
      const w = new World(await browser.newContext(), backend, options);
      await w.setUp();
      made.push(w);
      return w;
    });
    for (const w of made) await w.close();
    await control('faults', { reset: true });
  },
});
export { expect } from '@playwright/test';

async function timed(step: Step, w: World): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`did not finish within ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS);
  });
  try {
    await Promise.race([step.run(w), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `steps` on the world, checking the invariants after each; throws at the first violation. */
export async function journey(w: World, steps: Step[]): Promise<void> {
  for (const step of steps) {
    w.steps.push(step.name);
    const before = w.violations.length;
    const began = Date.now();
    try {
      await timed(step, w);
    } catch (error) {
      throw new Error(`step ${w.steps.length} "${step.name}" failed: ${(error as Error).message}\nsteps: ${w.steps.join(' → ')}`, { cause: error });
    }
    const ran = Date.now();
    await checkInvariants(w);
    const found = w.violations.slice(before); // the step's own findings (a dead composer, a wait that never ended) and the invariants'
    if (process.env.JOURNEYS_VERBOSE) console.log(`  ${w.id} ${step.name}: ${ran - began} ms, invariants ${Date.now() - ran} ms`);
    if (found.length) throw new Error(`after step ${w.steps.length} "${step.name}":\n${describeViolations(found)}\nsteps: ${w.steps.join(' → ')}`);
  }
}

/** One step in random mode: a step that throws or hangs counts as stuck; nothing is thrown. */
export async function tryStep(w: World, step: Step): Promise<boolean> {
  w.steps.push(step.name);
  try {
    await timed(step, w);
  } catch (error) {
    w.violate({ kind: 'stuck', key: `step ${w.steps.length}`, detail: `step ${w.steps.length} "${step.name}": ${(error as Error).message.split('\n')[0]}` });
    return false;
  }
  await checkInvariants(w);
  return true;
}

// The seeded random mode (`npm run test:journeys -- --seed N --minutes M`, which sets JOURNEYS=random):
// visits planned from the seed, one after another, for M minutes; each step followed by the
// invariants. Violations are counted, not thrown; the report (JSON) goes to JOURNEYS_REPORT and the
// runner (scripts/journeys.mjs) prints it.
import { writeFileSync } from 'node:fs';
import { control } from '../ui-support';
import { test, tryStep } from './testing/journey';
import { describeVisit, planVisit, seeded } from './testing/random';
import { World, type Violation } from './testing/world';

const seed = Number(process.env.JOURNEYS_SEED ?? 1);
const minutes = Number(process.env.JOURNEYS_MINUTES ?? 1);
/** Only this visit of the plan (the ones before it are planned, not run). */
const only = process.env.JOURNEYS_VISIT ? Number(process.env.JOURNEYS_VISIT) : undefined;

interface VisitReport {
  visit: number;
  world: string;
  setting: string;
  steps: string[];
  violations: Violation[];
}

test(`random journeys, seed ${seed}, ${minutes} min`, async ({ browser, backend }) => {
  test.setTimeout((minutes + 5) * 60_000);
  const draw = seeded(seed);
  const until = Date.now() + minutes * 60_000;
  const counts = { steps: 0, skipped: 0, lost: 0, duplicated: 0, 'page error': 0, stuck: 0, order: 0, jargon: 0 };
  const failed: VisitReport[] = [];
  for (let visit = 1; Date.now() < until; visit++) {
    const plan = planVisit(draw);
    if (only !== undefined && visit < only) continue;
    if (only !== undefined && visit > only) break;
    // Words of messages from a source of their own, so running a visit never shifts the plan of the next.
    const w = new World(await browser.newContext(), backend, plan.options, seeded(seed * 7919 + visit));
    const ran: string[] = [];
    try {
      await w.setUp();
      for (const step of plan.steps) {
        if (Date.now() >= until) break;
        if (step.when && !(await step.when(w).catch(() => false))) {
          counts.skipped += 1;
          continue;
        }
        counts.steps += 1;
        ran.push(step.name);
        const finished = await tryStep(w, step);
        if (!finished) break; // a step that hung leaves the world in an unknown state: next visit
      }
    } catch (error) {
      w.violate({ kind: 'stuck', key: 'visit', detail: `the visit could not go on: ${(error as Error).message.split('\n')[0]}` });
    } finally {
      await w.close();
      await control('faults', { reset: true }).catch(() => {});
    }
    for (const v of w.violations) counts[v.kind] += 1;
    if (w.violations.length) failed.push({ visit, world: w.id, setting: describeVisit(plan), steps: ran, violations: w.violations });
  }
  const report = { seed, minutes, ...counts, failed };
  if (process.env.JOURNEYS_REPORT) writeFileSync(process.env.JOURNEYS_REPORT, JSON.stringify(report, null, 2));
});

// One bench scenario: what it measures (declared, so every metric prints a figure or "n/a: why"
// even when the scenario fails part way) and how.
import type { BrowserContext } from '@playwright/test';
import type { BenchEnv } from './env.js';
import { na, type Figure, type Unit } from './report.js';

export interface MetricSpec {
  metric: string;
  unit: Unit;
}

export interface ScenarioContext {
  /** Started on first use: the sizes scenario needs no browser. */
  env(): Promise<BenchEnv>;
  /** A fresh browser context with the probe; closed by the runner when the scenario ends, however it ends. */
  newContext(): Promise<BrowserContext>;
  /** Why the widget scenarios cannot run (dist/cdn/widget.js missing), or null when they can. */
  widgetMissing: string | null;
  /** Raw data for bench/results.json, by scenario id. */
  details: Record<string, unknown>;
  log(line: string): void;
}

export interface Scenario {
  /** For `npm run bench -- --only id,id`. */
  id: string;
  /** Shown in the table. */
  title: string;
  metrics: MetricSpec[];
  /** Needs the built widget (dist/cdn) and a page embedding it. */
  needsWidget: boolean;
  /** Upper bound; the scenario's remaining figures become n/a when it is exceeded. */
  timeoutMs: number;
  run(ctx: ScenarioContext, emit: (figure: Figure) => void): Promise<void>;
}

/** Runs one scenario; every declared metric ends up in the result, measured or n/a with a reason. */
export async function runScenario(scenario: Scenario, base: Omit<ScenarioContext, 'newContext'>): Promise<Figure[]> {
  const figures: Figure[] = [];
  const contexts: BrowserContext[] = [];
  const ctx: ScenarioContext = {
    ...base,
    async newContext() {
      const context = await (await base.env()).newContext();
      contexts.push(context);
      return context;
    },
  };
  const emit = (f: Figure): void => {
    figures.push({ ...f, scenario: scenario.title });
  };
  const fill = (reason: string): void => {
    for (const m of scenario.metrics) {
      if (!figures.some((f) => f.metric === m.metric)) figures.push(na(scenario.title, m.metric, reason, m.unit));
    }
  };
  if (scenario.needsWidget && ctx.widgetMissing) {
    fill(ctx.widgetMissing);
    return order(scenario, figures);
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      scenario.run(ctx, emit),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`did not finish within ${Math.round(scenario.timeoutMs / 1000)} s`)), scenario.timeoutMs);
      }),
    ]);
    fill('not measured (the scenario produced no figure for it)');
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    ctx.log(`  ${scenario.id} failed: ${message}`);
    fill(`scenario failed: ${message}`);
  } finally {
    clearTimeout(timer);
    await Promise.allSettled(contexts.map((c) => c.close()));
  }
  return order(scenario, figures);
}

function order(scenario: Scenario, figures: Figure[]): Figure[] {
  const rank = (f: Figure) => {
    const i = scenario.metrics.findIndex((m) => m.metric === f.metric);
    return i < 0 ? scenario.metrics.length : i;
  };
  return figures.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
}

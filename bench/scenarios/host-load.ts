// The customer's page loading with and without the chat snippet: load time, long tasks, layout shift,
// and what the loader fetches before anyone clicks. Several fresh visits each, alternating.
import type { Page } from '@playwright/test';
import { inPage, sleep } from '../page.js';
import { fig, median } from '../report.js';
import type { Scenario } from '../scenario.js';

const RUNS = 5;
/** After `load`: the loader reports configuration problems at idle time; let that happen. */
const SETTLE_MS = 2000;

interface Visit {
  loadMs: number;
  longTasks: number;
  longestTask: number;
  cls: number;
  launcherMs: number | null;
  scripts: { url: string; bytes: number }[];
}

async function visit(page: Page, url: string, withChat: boolean): Promise<Visit> {
  await page.goto(url, { waitUntil: 'load' });
  let launcherMs: number | null = null;
  if (withChat) {
    launcherMs = await inPage(page, (b) => b.waitFor('launcher', null, 10_000));
  }
  await sleep(SETTLE_MS);
  return inPage(page, (b, launcher) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.initiatorType === 'script' || r.name.includes('/cdn/'))
      .map((r) => ({ url: new URL(r.name).pathname, bytes: r.encodedBodySize }));
    return {
      loadMs: nav ? nav.loadEventEnd : NaN,
      longTasks: b.longTasks.length,
      longestTask: b.longTasks.reduce((m, t) => Math.max(m, t.duration), 0),
      cls: b.cls(),
      launcherMs: launcher,
      scripts,
    };
  }, launcherMs);
}

export const hostLoad: Scenario = {
  id: 'host-load',
  title: 'host page load',
  needsWidget: true,
  timeoutMs: 90_000,
  metrics: [
    { metric: 'load event, without chat', unit: 'ms' },
    { metric: 'load event, with loader', unit: 'ms' },
    { metric: 'long tasks, without chat', unit: 'count' },
    { metric: 'long tasks, with loader', unit: 'count' },
    { metric: 'longest task, with loader', unit: 'ms' },
    { metric: 'CLS, without chat', unit: 'score' },
    { metric: 'CLS, with loader', unit: 'score' },
    { metric: 'launcher drawn (from navigation)', unit: 'ms' },
    { metric: 'fetched by the loader before a click', unit: 'KB' },
  ],
  async run(ctx, emit) {
    const env = await ctx.env();
    const without: Visit[] = [];
    const withChat: Visit[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const chat of [false, true]) {
        const context = await ctx.newContext();
        const page = await context.newPage();
        const v = await visit(page, env.pageUrl(chat ? 'host-widget.html' : 'host.html'), chat);
        (chat ? withChat : without).push(v);
        await context.close();
      }
    }
    ctx.details['host-load'] = { runs: RUNS, without, withChat };
    const med = (vs: Visit[], k: 'loadMs' | 'longTasks' | 'longestTask' | 'cls') => median(vs.map((v) => v[k]));
    const maxOf = (vs: Visit[], k: 'longTasks' | 'longestTask' | 'cls') => Math.max(...vs.map((v) => v[k]));
    const runs = `median of ${RUNS} fresh visits`;
    emit(fig('', 'load event, without chat', med(without, 'loadMs'), 'ms', runs));
    emit(fig('', 'load event, with loader', med(withChat, 'loadMs'), 'ms', runs));
    emit(fig('', 'long tasks, without chat', maxOf(without, 'longTasks'), 'count', `most in any of ${RUNS} visits (load + ${SETTLE_MS / 1000} s)`));
    emit(fig('', 'long tasks, with loader', maxOf(withChat, 'longTasks'), 'count', `most in any of ${RUNS} visits (load + ${SETTLE_MS / 1000} s)`));
    emit(fig('', 'longest task, with loader', maxOf(withChat, 'longestTask'), 'ms', '0 = no task of 50 ms or more'));
    emit(fig('', 'CLS, without chat', maxOf(without, 'cls'), 'score', `worst of ${RUNS}`));
    emit(fig('', 'CLS, with loader', maxOf(withChat, 'cls'), 'score', `worst of ${RUNS}`));
    emit(fig('', 'launcher drawn (from navigation)', median(withChat.map((v) => v.launcherMs ?? NaN)), 'ms', runs));
    const last = withChat[withChat.length - 1];
    const chatScripts = last.scripts.filter((s) => s.url.startsWith('/cdn/') || s.url.endsWith('snippet.js'));
    emit(
      fig('', 'fetched by the loader before a click', chatScripts.reduce((n, s) => n + s.bytes, 0), 'KB',
        `as sent (gzip): ${chatScripts.map((s) => s.url.split('/').pop()).join(', ')}`),
    );
  },
};

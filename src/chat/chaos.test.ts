// The short chaos run inside the suite (the long one: `npm run test:chaos`).
import { describe, expect, it } from 'vitest';
import { runChaos, summaryLine } from './testing/chaos.js';

describe('chaos (short)', () => {
  it('loses, duplicates and reorders nothing through drops, failures, offline spells and reloads', async () => {
    const seed = Date.now() % 100_000; // a failure names its seed: npm run test:chaos -- --seed N
    const report = await runChaos({ seconds: 10, rate: 3, drop: 0.5, fail: 1, offline: 0.3, reload: 0.4, seed });
    console.log(`${summaryLine(report)} (seed ${seed}) ${JSON.stringify(report.faults)}`);
    expect(report.details).toEqual([]);
    expect(report.messages).toBeGreaterThan(20);
    expect(report.faults.reloads + report.faults.drops + report.faults.offlineSpells + report.faults.failBursts).toBeGreaterThan(3);
    expect({ lost: report.lost, duplicated: report.duplicated, outOfOrder: report.outOfOrder }).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0 });
  }, 90_000);
});

// The world the shots are taken in, in-process: the emulator (no demo bot; a plugin posts what each
// scene needs as the contact flow), a customer site (the page here, the bench's stylesheet) serving dist/cdn, and
// Chromium. Clocks are pinned so two runs draw the same pictures: the emulator's starts at BASE for
// every variant and runs ten times slower than real time (a variant stays inside one minute), the
// page's starts at BASE too (Playwright's clock).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startEmulator, type ContactHandle, type Emulator, type EmulatorPlugin } from '../../emulator/index.js';
import { startSiteServer, type SiteServer } from '../../emulator/site-server.js';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium-path.mjs';
import { landscape } from './png.js';
import type { Variant } from './variants.js';

/** Thursday 12 March 2026, 14:30:00 UTC: every run's "now". */
export const BASE = Date.UTC(2026, 2, 12, 14, 30, 0);

export interface ShotsEnv {
  emulator: Emulator;
  site: SiteServer;
  browser: Browser;
  /** Waits for the next chat to start and returns its contact flow's handle. */
  nextContact(): Promise<ContactHandle>;
  /** A page of a fresh context for `variant`, with the widget's snippet configured by `config`. */
  open(variant: Variant, config: Record<string, unknown>): Promise<{ context: BrowserContext; page: Page; url: string }>;
  /** POST /emulator/faults. */
  faults(body: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function startShotsEnv(outDir: string): Promise<ShotsEnv> {
  let t0 = Date.now();
  const waiting: ((c: ContactHandle) => void)[] = [];
  const plugin: EmulatorPlugin = {
    name: 'shots',
    onContactStarted(contact) {
      waiting.shift()?.(contact);
    },
  };
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', bot: false, plugins: [plugin], now: () => BASE + Math.floor((Date.now() - t0) / 10) });

  // Pictures the scenes send: an attachment photo and one per carousel card (same-origin, so the
  // page's strict CSP allows them).
  const assets = join(outDir, 'assets');
  mkdirSync(assets, { recursive: true });
  writeFileSync(join(assets, 'photo.png'), landscape(480, 320, [110, 170, 235], [250, 205, 160], [60, 120, 80]));
  writeFileSync(join(assets, 'lisbon.png'), landscape(320, 180, [90, 160, 230], [255, 200, 140], [200, 120, 80]));
  writeFileSync(join(assets, 'kyoto.png'), landscape(320, 180, [200, 120, 140], [250, 220, 200], [70, 100, 70]));
  writeFileSync(join(assets, 'reykjavik.png'), landscape(320, 180, [20, 40, 90], [40, 160, 130], [40, 50, 60]));

  const site = await startSiteServer({ port: 0, mounts: { '/': 'scripts/shots/pages', '/site/': 'bench/pages', '/cdn/': 'dist/cdn', '/assets/': assets } });
  const executablePath = chromiumPath();
  if (!executablePath) {
    await Promise.allSettled([emulator.close(), site.close()]);
    throw new Error("Chromium not found: set CHROMIUM_PATH or install Debian's chromium (/usr/bin/chromium)");
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });

  return {
    emulator,
    site,
    browser,
    nextContact: () => new Promise((ok) => waiting.push(ok)),
    async open(variant, config) {
      t0 = Date.now();
      const context = await browser.newContext({
        viewport: variant.viewport,
        isMobile: variant.mobile,
        hasTouch: variant.mobile,
        deviceScaleFactor: 1,
        colorScheme: variant.scheme,
        reducedMotion: 'no-preference',
        locale: 'en-US',
        timezoneId: 'UTC',
      });
      const page = await context.newPage();
      await page.clock.install({ time: BASE });
      const query = new URLSearchParams({ emulator: emulator.url, config: JSON.stringify(config) });
      // The customer page under the strict CSP of the site server (emulator/site-server.ts).
      const url = `${site.url}/csp/shop.html?${query}`;
      return { context, page, url };
    },
    async faults(body) {
      const r = await fetch(`${emulator.url}/emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!r.ok) throw new Error(`POST /emulator/faults ${JSON.stringify(body)}: ${r.status} ${await r.text()}`);
    },
    async close() {
      await browser.close().catch(() => {});
      await Promise.allSettled([emulator.close(), site.close()]);
    },
  };
}

// The bench's world, in-process: the emulator (with a small plugin that greets new chats and lets
// scenarios post as the contact flow), the "customer site" on another origin, and real Chromium.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { startEmulator, type ContactHandle, type Emulator, type EmulatorPlugin } from '../emulator/index.js';
import { startSiteServer, type SiteServer } from '../emulator/site-server.js';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import type { Baseline } from './baseline.js';

/** The script-tag build the bench serves and measures: dist/cdn, or BENCH_CDN_DIR (another build). */
export const CDN_DIR = process.env.BENCH_CDN_DIR || 'dist/cdn';

/** What the contact flow says as soon as a chat starts (the "first message" scenarios wait for it). */
export const GREETING = 'Hi! An agent will be with you in a moment.';

export interface BenchEnv {
  emulator: Emulator;
  site: SiteServer;
  browser: Browser;
  /** The contact flow's handle of a chat (posts as the SYSTEM participant), by ContactId. */
  contact(contactId: string): ContactHandle;
  /** ContactId of the most recently started chat. */
  latestContactId(): string;
  /** Whether new chats are greeted by the contact flow (on by default). */
  setGreeting(on: boolean): void;
  /** A fresh browser context (fresh storage) with the measuring script installed. */
  newContext(): Promise<BrowserContext>;
  /** The baseline build served at /base-cdn/ (bench/baseline.ts), or why there is none. */
  baseline: { commit: string } | { problem: string };
  /** URL of a bench page on the site, with the emulator's URL in the query string. */
  pageUrl(page: string, params?: Record<string, string>): string;
  close(): Promise<void>;
}

// The shared flags (scripts/chromium-path.mjs), plus: timers of a page that is not in front must not
// be throttled, since nothing is in front here.
const BENCH_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS,
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/**
 * What a CDN would send for the widget's files: hashed chunks for a year, the rest (loader.js,
 * widget.js, …: stable names) for five minutes; the bench's pages never from the cache. Each visit
 * has a fresh browser context, so its cache starts empty (a first visit), and a file fetched once in
 * the visit is served from it, as on a real site.
 */
export function cdnCacheControl(pathname: string): string | undefined {
  if (!/^\/(cdn|base-cdn|vendor)\//.test(pathname)) return undefined;
  return /\/chunks\//.test(pathname) ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
}

export async function startBenchEnv(initScript: string, baseline: Baseline | { problem: string } = { problem: 'not asked for' }): Promise<BenchEnv> {
  const handles = new Map<string, ContactHandle>();
  let latest: string | undefined;
  let greet = true;
  const plugin: EmulatorPlugin = {
    name: 'bench',
    onContactStarted(contact: ContactHandle) {
      handles.set(contact.contactId, contact);
      latest = contact.contactId;
      if (greet) contact.sendText(GREETING, { displayName: 'Contact flow' });
    },
  };
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', bot: false, plugins: [plugin] });
  // Scripts go gzipped, as a CDN sends them: the throttled timings weigh what a visitor downloads.
  const site = await startSiteServer({
    port: 0,
    gzip: true,
    cacheControl: cdnCacheControl,
    mounts: {
      '/': 'bench/pages',
      '/cdn/': CDN_DIR,
      '/vendor/chatjs/': 'node_modules/amazon-connect-chatjs/dist',
      ...('dir' in baseline ? { '/base-cdn/': baseline.dir } : {}),
    },
  });
  const executablePath = chromiumPath();
  if (!executablePath) {
    await Promise.allSettled([emulator.close(), site.close()]);
    throw new Error("Chromium not found: set CHROMIUM_PATH or install Debian's chromium (/usr/bin/chromium)");
  }
  const browser = await chromium.launch({ executablePath, args: BENCH_CHROMIUM_ARGS });
  return {
    emulator,
    site,
    browser,
    contact(contactId) {
      const handle = handles.get(contactId);
      if (!handle) throw new Error(`no chat ${contactId} was started on the bench emulator`);
      return handle;
    },
    latestContactId() {
      if (!latest) throw new Error('no chat has been started on the bench emulator yet');
      return latest;
    },
    baseline: 'dir' in baseline ? { commit: baseline.commit } : baseline,
    setGreeting: (on) => {
      greet = on;
    },
    async newContext() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript({ content: initScript });
      return context;
    },
    pageUrl(page, params = {}) {
      const query = new URLSearchParams({ emulator: emulator.url, ...params });
      return `${site.url}/${page}?${query}`;
    },
    async close() {
      await browser.close().catch(() => {});
      await Promise.allSettled([emulator.close(), site.close()]);
    },
  };
}

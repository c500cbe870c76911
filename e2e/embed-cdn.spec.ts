// dist/cdn served from a CDN on another origin than the page. loader.js is a classic script and loads
// anywhere; it imports widget.js (and validate.js, hours.js, chunks/) as ES modules, which browsers
// fetch in CORS mode from another origin. So the CDN must answer them with
// `Access-Control-Allow-Origin` (README, "4. CDN"): with it the widget works; without it the click
// gives the page one `error` event (load-failed) and a console error naming the file, the launcher
// stays, and nothing is thrown into the page.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startSiteServer, type SiteServer } from '../emulator/site-server.js';
import { EMULATOR_PORT, chatWindow, consoleErrors, events, loaderLauncher, startedContactId, waitForEvent } from './embed-support.js';

/** A plain static host for dist/cdn on its own origin (a free port), with the given headers. */
function cdn(headers: Record<string, string>): Promise<SiteServer> {
  return startSiteServer({ port: 0, mounts: { '/': 'dist/cdn' }, headers });
}

/** The session chunk's built name (it carries a hash), from the widget build's manifest. */
function sessionChunk(): string {
  const manifest = JSON.parse(readFileSync('dist/cdn/.vite/manifest.json', 'utf8')) as Record<string, { file: string }>;
  return manifest['src/chat/chat-session.ts'].file;
}

async function openWithCdn(page: Page, server: SiteServer): Promise<void> {
  const query = new URLSearchParams({ emu: String(EMULATOR_PORT), cdn: `${server.url}/` });
  await page.goto(`/embed-cdn.html?${query}`);
  await waitForEvent(page, 'ready');
}

test('from another origin that sends Access-Control-Allow-Origin, the widget loads and chats', async ({ page }) => {
  // README's headers: CORS, and a max-age, so the loader's fetch of a file serves its import.
  const server = await cdn({ 'Access-Control-Allow-Origin': '*', 'cache-control': 'public, max-age=300' });
  try {
    const errors = consoleErrors(page);
    const widgetFetch = page.waitForResponse((r) => r.url() === `${server.url}/widget.js`);
    // The session's chunk, which the loader fetches beside widget.js, comes through CORS as well.
    // Counted where it reaches the CDN: the browser's log also lists what its HTTP cache serves.
    const sessionPath = `/${sessionChunk()}`;
    const sessionFetches: number[] = [];
    server.server.on('request', (req) => req.url === sessionPath && sessionFetches.push(1));
    await openWithCdn(page, server);
    expect(new URL(page.url()).origin).not.toBe(server.url);
    await loaderLauncher(page).click();
    expect((await widgetFetch).status()).toBe(200);
    await expect(chatWindow(page)).toBeVisible();
    await startedContactId(page);
    expect(sessionFetches, 'the session chunk: downloaded once (the loader\'s fetch serves widget.js\'s import)').toEqual([1]);
    expect((await events(page)).filter((e) => e.name === 'error')).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await server.close();
  }
});

test('from another origin without Access-Control-Allow-Origin, the click reports load-failed and the page goes on', async ({ page }) => {
  const server = await cdn({});
  try {
    const errors = consoleErrors(page);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await openWithCdn(page, server);
    // loader.js itself is a classic script: it loads and draws the launcher without CORS.
    const placeholder = loaderLauncher(page);
    await expect(placeholder).toBeVisible();
    await placeholder.click();
    const [failed] = await waitForEvent(page, 'error');
    expect(failed.detail).toMatchObject({ code: 'load-failed' });
    expect(errors.some((e) => e.includes(`${server.url}/widget.js`))).toBe(true);
    await expect(chatWindow(page)).toHaveCount(0);
    // The launcher stays for another try, and the page's own script still runs.
    await expect(placeholder).toBeVisible();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(pageErrors).toEqual([]);
  } finally {
    await server.close();
  }
});

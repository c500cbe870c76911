// widget.js that could not be fetched once loads at the next attempt, on the same page. Chromium
// remembers a failed import() for the life of the page (the same URL fails again at once, without a
// request), and widget.js cannot be imported under another URL: its chunks import it back by its
// own. So loader.js fetches it first (on the launcher's intent and at the click) and imports it only
// once that fetch has succeeded; the import then comes from the HTTP cache. A failure at the click
// turns the window's shell into a card that says what to do; the next click, or the page coming back
// online, tries again. dist/cdn is served here from a CDN on another origin with README's headers
// (CORS, max-age) and every request that reaches it is counted. Run `npm run build` first.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { EMULATOR_PORT, cdn, chatWindow, events, loaderLauncher, startedContactId, waitForEvent, type Cdn } from './embed-support.js';

const SESSION = '/' + (JSON.parse(readFileSync('dist/cdn/.vite/manifest.json', 'utf8')) as Record<string, { file: string }>)['src/chat/chat-session.ts'].file;
const MESSAGE = 'The chat could not be loaded. Check your connection and try again.';

/** The loader's error: its shell turned into a card (an alert) above the launcher. */
const card = (page: Page) => page.locator('[data-connect-chat] .cw-shell[role=alert]');

/** Uncaught errors of the page: nothing may be thrown into the host page. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function openWithCdn(page: Page, server: Cdn): Promise<void> {
  await page.goto(`/embed-cdn.html?${new URLSearchParams({ emu: String(EMULATOR_PORT), cdn: `${server.url}/` })}`);
  await waitForEvent(page, 'ready');
  await expect(loaderLauncher(page)).toBeVisible();
}

/** The window is open and its chat connected. */
async function chatting(page: Page): Promise<void> {
  await expect(chatWindow(page)).toBeVisible();
  await startedContactId(page);
  await expect.poll(async () => (await events(page)).some((e) => e.name === 'connectionChange' && e.detail === 'connected')).toBe(true);
}

const count = (server: Cdn, path: string) => server.requests.filter((p) => p === path).length;

let server: Cdn;
test.beforeEach(async () => {
  server = await cdn();
});
test.afterEach(async () => {
  await server.close();
});

test('the pointer rests on the launcher while offline; back online, a click opens the window and chats, each file downloaded once', async ({ page, context }) => {
  const errors = pageErrors(page);
  await openWithCdn(page, server);
  await context.setOffline(true);
  const failed = page.waitForEvent('requestfailed', (r) => r.url() === `${server.url}/widget.js`);
  await loaderLauncher(page).hover();
  await failed;
  // Nothing to see: the intent draws nothing, and its failure says nothing.
  await expect(card(page)).toHaveCount(0);
  await context.setOffline(false);

  await loaderLauncher(page).click();
  await chatting(page);
  // The click fetched widget.js and imported it from the HTTP cache: one download each.
  expect(count(server, '/widget.js'), 'widget.js downloads').toBe(1);
  expect(count(server, SESSION), 'session chunk downloads').toBe(1);
  expect((await events(page)).filter((e) => e.name === 'error')).toEqual([]);
  expect(errors).toEqual([]);
});

test('a click while offline shows the error card, which says what to do; back online, the window opens by itself and chats', async ({ page, context }) => {
  const errors = pageErrors(page);
  await openWithCdn(page, server);
  await context.setOffline(true);
  await loaderLauncher(page).click();
  await expect(card(page)).toHaveText(MESSAGE);
  const [failed] = await waitForEvent(page, 'error');
  expect(failed.detail).toEqual({ code: 'load-failed', message: MESSAGE });
  // The launcher is given back (on a phone too: it shows beside the card), the window is not there.
  await expect(loaderLauncher(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(chatWindow(page)).toHaveCount(0);
  expect((await new AxeBuilder({ page }).include('[data-connect-chat]').analyze()).violations.map((v) => v.id)).toEqual([]);

  await context.setOffline(false);
  await chatting(page);
  await expect(card(page)).toHaveCount(0);
  expect(count(server, '/widget.js'), 'widget.js downloads').toBe(1);
  expect(errors).toEqual([]);
});

test('widget.js answered 503 at the click: the card, the next click asks again, and once it is there the window opens', async ({ page }) => {
  const errors = pageErrors(page);
  let answered = 0;
  let down = true;
  // Playwright's routes turn the HTTP cache off: widget.js is downloaded by the fetch, then by the import.
  await page.route(`${server.url}/widget.js`, (route) => {
    answered++;
    return down ? route.fulfill({ status: 503, headers: { 'Access-Control-Allow-Origin': '*' }, body: 'busy' }) : route.continue();
  });
  await openWithCdn(page, server);
  await page.mouse.move(1, 1);
  await loaderLauncher(page).click();
  await expect(card(page)).toHaveText(MESSAGE);
  const tries = answered;

  // The next click asks the CDN again (on main the browser answered from its memory of the failure).
  await loaderLauncher(page).click();
  await waitForEvent(page, 'error', 2);
  await expect(card(page)).toHaveText(MESSAGE);
  expect(answered).toBeGreaterThan(tries);

  down = false;
  await loaderLauncher(page).click();
  await chatting(page);
  await expect(card(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

// The script-tag widget's second file (the session and the message list, src/embed/session-chunk.ts):
// when it cannot load, the window stays usable and says the chat could not start, with Retry; Retry
// asks for the file anew (Chromium remembers a failed module fetch for the life of the page, so the
// same import() would fail again without a request) and the chat starts, its messages shown.
// Run `npm run build` first.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { EMULATOR_PORT, loaderLauncher, startedContactId } from './embed-support.js';
import { Agent } from './ui-support.js';

const w = (page: Page, selector: string) => page.locator(`[data-connect-chat] ${selector}`);

/** The session's chunk as the widget build's manifest names it (chunk names carry hashes). */
function sessionChunk(): string {
  const manifest = JSON.parse(readFileSync('dist/cdn/.vite/manifest.json', 'utf8')) as Record<string, { file: string }>;
  const chunk = manifest['src/chat/chat-session.ts'];
  if (!chunk) throw new Error('dist/cdn/.vite/manifest.json lists no session chunk; run node scripts/build.mjs');
  return `/dist/cdn/${chunk.file}`;
}

test('the session chunk that failed to load: the chat could not start, Retry fetches it anew and the chat starts', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const file = sessionChunk();
  const requests: string[] = [];
  let fail = true;
  await page.route((url) => url.pathname === file, async (route) => {
    // The imports (loader.js's fetch() of the file on the launcher's intent only warms the cache).
    if (route.request().resourceType() === 'script') requests.push(new URL(route.request().url()).search);
    if (fail) return route.abort('internetdisconnected');
    return route.continue();
  });
  const storageKey = `e2e-session-chunk-${Math.random().toString(36).slice(2)}`;
  await page.goto(`/embed-snippet.html?${new URLSearchParams({ emu: String(EMULATOR_PORT), config: JSON.stringify({ storageKey }) })}`);
  await loaderLauncher(page).click();
  // The window is usable without the session: typing works, and the start's failure shows with Retry.
  const composer = w(page, '.cw-ta');
  await expect(composer).toBeEditable();
  await composer.pressSequentially('Hello');
  await expect(composer).toHaveValue('Hello');
  await expect(w(page, '#cw-win [role=alert]')).toHaveText('The chat could not be started. Please try again.');
  const retry = w(page, '#cw-win').getByRole('button', { name: 'Retry' });
  fail = false;
  await retry.click();
  // The chat starts, and what it brings shows in the message list (which came in the same file).
  const agent = await Agent.join(await startedContactId(page));
  await agent.say('Your order left the warehouse');
  await expect(w(page, '.cw-bubble').filter({ hasText: 'Your order left the warehouse' })).toBeVisible();
  await expect(w(page, '#cw-win [role=alert]')).toHaveCount(0);
  await expect(composer).toHaveValue('Hello');
  // The first attempt had the file's own URL; the ones after it a URL of their own each.
  expect(requests[0]).toBe('');
  expect(requests.slice(1).every((q) => /^\?retry=\d+$/.test(q))).toBe(true);
  expect(new Set(requests).size).toBe(requests.length);
  expect(errors).toEqual([]);
});

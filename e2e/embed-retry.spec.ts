// A lazily loaded part whose chunk failed to load can be loaded by Retry: Chromium remembers a failed
// module fetch for the life of the page (the same import() fails again without a request), so the
// widget asks for the chunk again under a new URL (src/ui/import-again.ts). Run `npm run build` first.
import { expect, test, type Page } from '@playwright/test';
import { EMULATOR_PORT, loaderLauncher } from './embed-support.js';

const w = (page: Page, selector: string) => page.locator(`[data-connect-chat] ${selector}`);
const FORM = { preChatForm: { fields: [{ name: 'name', type: 'name', label: 'Name', required: true }] } };

test('the pre-chat form whose chunk failed to load comes with Retry, fetched anew', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const requests: string[] = [];
  let fail = true;
  await page.route((url) => url.pathname.startsWith('/dist/cdn/chunks/prechat-'), async (route) => {
    requests.push(new URL(route.request().url()).search);
    if (fail) return route.abort('internetdisconnected');
    return route.continue();
  });
  const storageKey = `e2e-retry-${Math.random().toString(36).slice(2)}`;
  await page.goto(`/embed-snippet.html?${new URLSearchParams({ emu: String(EMULATOR_PORT), config: JSON.stringify({ storageKey, ...FORM }) })}`);
  await loaderLauncher(page).click();
  const retry = w(page, '#cw-win').getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible();
  await expect(w(page, '#cw-win [role=alert]')).toBeVisible();
  fail = false;
  await retry.click();
  await expect(w(page, '#cw-win').getByLabel('Name')).toBeVisible();
  // Every attempt after the first had a URL of its own (the browser remembers a failed one), and
  // the one after Retry was the last.
  expect(requests[0]).toBe('');
  expect(requests.slice(1).every((q) => /^\?retry=\d+$/.test(q))).toBe(true);
  expect(new Set(requests).size).toBe(requests.length);
  expect(requests.length).toBeGreaterThanOrEqual(2);
  expect(errors).toEqual([]);
});

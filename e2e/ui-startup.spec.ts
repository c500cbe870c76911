// Starting against a start-chat back end that does not answer, and with options that cannot work:
// every wait ends in a visible error (with Retry where retrying can help), nothing throws into the
// page, and a bad endpoint never sends the visitor's token anywhere. (issue 11)
import { expect, test, type Page } from '@playwright/test';
import { EMULATOR_PORT, waitForEvent } from './embed-support.js';
import { buildHarness, openShop, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

test('a start-chat back end that never answers: "could not be started" with Retry after startTimeoutMs, and Retry works', async ({ page }) => {
  let silent = true;
  await page.route('**/start-chat', async (route) => {
    if (silent) return; // never answered
    await route.continue();
  });
  await openShop(page, { config: { startTimeoutMs: 1500 }, open: true });
  await expect(widget(page, '.cw-center [role=alert]')).toHaveText('The chat could not be started. Please try again.', { timeout: 10_000 });
  silent = false;
  await widget(page, '.cw-center').getByRole('button', { name: 'Retry' }).click();
  await expect(widget(page, '.cw-log')).toBeAttached();
});

function snippetUrl(config: Record<string, unknown>): string {
  return `/embed-snippet.html?${new URLSearchParams({ emu: String(EMULATOR_PORT), config: JSON.stringify({ storageKey: `e2e-cfg-${Math.random().toString(36).slice(2)}`, ...config }) })}`;
}

function watch(page: Page): { pageErrors: string[]; consoleErrors: string[]; awsRequests: string[] } {
  const seen = { pageErrors: [] as string[], consoleErrors: [] as string[], awsRequests: [] as string[] };
  page.on('pageerror', (e) => seen.pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && seen.consoleErrors.push(m.text()));
  page.on('request', (r) => /amazonaws\.com/.test(r.url()) && seen.awsRequests.push(r.url()));
  return seen;
}

for (const endpoint of ['not a url', 'ftp://participant.example.com']) {
  test(`endpoint ${JSON.stringify(endpoint)}: no exception in the page, the widget shows it cannot chat, nothing goes to AWS`, async ({ page }) => {
    const seen = watch(page);
    await page.goto(snippetUrl({ endpoint }));
    await page.locator('[data-connect-chat] button').first().click();
    await expect(page.locator('[data-connect-chat] .cw-center [role=alert]')).toHaveText('The chat is not available right now. Please try again later.');
    await expect(page.locator('[data-connect-chat] .cw-center').getByRole('button', { name: 'Retry' })).toHaveCount(0);
    const [error] = await waitForEvent(page, 'error');
    expect(error.detail).toMatchObject({ code: 'config-invalid' });
    expect(seen.pageErrors).toEqual([]);
    expect(seen.consoleErrors.join('\n')).toContain("invalid 'endpoint'");
    expect(seen.awsRequests).toEqual([]);
  });
}

// The connection banner with the real WebSocket manager: offline, reconnecting, back online — over
// the transcript, so nothing below it moves.
import { expect, test } from '@playwright/test';
import { axe, buildHarness, control, openShop, resetFaults, screenshot, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});
test.afterEach(async () => {
  await resetFaults();
});

test('offline, then back online: the banner says so and the layout does not move', async ({ page, context }) => {
  await openShop(page);
  const { agent } = await startChatWithAgent(page);
  await agent.say('Hello there');
  await expect(widget(page, '.cw-log')).toContainText('Hello there');
  // The window grows in from its corner on opening (a transform): measure once that has ended.
  await widget(page, '#cw-win').evaluate((win) => Promise.all(win.getAnimations().map((a) => a.finished)));
  const before = await widget(page, '.cw-log').boundingBox();
  const banner = widget(page, '.cw-banner');
  await expect(banner).toBeHidden();

  await context.setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  await expect(banner).toHaveText('You are offline. Messages will be sent when you are back online.');
  await expect(banner).toBeVisible();
  expect(await widget(page, '.cw-log').boundingBox()).toEqual(before);
  await expect(widget(page, '.cw-sr[aria-live=polite]')).toContainText('You are offline.');

  // Written while offline: kept, and sent once the connection is back.
  await widget(page, '.cw-ta').fill('sent from a tunnel');
  await widget(page, '.cw-ta').press('Enter');
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(banner).toHaveText('Back online');
  await expect(banner).toBeHidden({ timeout: 8000 });
  expect(await widget(page, '.cw-log').boundingBox()).toEqual(before);
  await expect(widget(page, '.cw-own').filter({ hasText: 'sent from a tunnel' }).locator('.cw-meta')).not.toContainText('Sending');
});

test('a dropped socket that cannot reconnect at once shows Reconnecting…', async ({ page }) => {
  await openShop(page);
  const { agent } = await startChatWithAgent(page);
  // Connected first (an agent message arrives over the socket): a drop before that is a first connect, not a reconnect.
  await agent.say('Connected?');
  await expect(widget(page, '.cw-log')).toContainText('Connected?');
  await control('faults', { fail: { operation: 'WebSocketConnect', status: 500, count: 4 }, dropSockets: true });
  const banner = widget(page, '.cw-banner');
  await expect(banner).toHaveText('Reconnecting…');
  expect(await axe(page)).toEqual([]); // the reconnecting state
  await screenshot(page, 'reconnecting');
  await expect(banner).toHaveText('Back online', { timeout: 30_000 });
});

// Theming and language in real Chromium: light, dark (also via prefers-color-scheme with 'auto'),
// right-to-left, the mobile full-screen layout — each with a screenshot for review and an axe scan.
import { expect, test } from '@playwright/test';
import { axe, buildHarness, openShop, screenshot, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

async function conversation(page: import('@playwright/test').Page) {
  const { agent } = await startChatWithAgent(page);
  await agent.say('Hello! I am Ana. How can I help you today?');
  await widget(page, '.cw-ta').fill('My order #1234 has not arrived yet.');
  await page.keyboard.press('Enter');
  await expect(widget(page, '.cw-own .cw-meta')).toBeVisible();
  await expect(widget(page, '.cw-own .cw-meta')).not.toContainText(/Sending|جارٍ/);
  await agent.say('Sorry to hear that. Let me check: **order 1234** shipped on Monday.\n\n- Tracking: [GL-1234](https://example.com/track)\n- Carrier: Post', 'text/markdown');
  await expect(widget(page, '.cw-log')).toContainText('shipped on Monday');
  await agent.typing();
  await expect(widget(page, '.cw-typing .cw-dots')).toBeVisible();
}

test('light theme (default)', async ({ page }) => {
  await openShop(page);
  await screenshot(page, 'closed-light');
  await conversation(page);
  expect(await axe(page)).toEqual([]);
  await screenshot(page, 'chat-light');
});

test('dark theme, and auto following prefers-color-scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openShop(page, { config: { theme: { mode: 'auto' } } });
  await conversation(page);
  const background = await widget(page, '.cw-win').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(23, 25, 28)'); // DEFAULT_DARK.background
  expect(await axe(page)).toEqual([]);
  await screenshot(page, 'chat-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => widget(page, '.cw-win').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
});

test('right-to-left for Arabic', async ({ page }) => {
  await openShop(page, { config: { locale: 'ar' } });
  await conversation(page);
  await expect(widget(page, '.cw')).toHaveAttribute('dir', 'rtl');
  await expect(widget(page, '#cw-title')).toHaveText('تحدث معنا');
  // Own messages sit at the inline end, which is the left in RTL.
  const own = await widget(page, '.cw-own .cw-bubble').first().boundingBox();
  const agentBubble = await widget(page, '.cw-agent .cw-bubble').first().boundingBox();
  expect(own!.x).toBeLessThan(agentBubble!.x);
  expect(await axe(page)).toEqual([]);
  await screenshot(page, 'chat-rtl');
});

test('mobile: the window fills the screen and the composer stays in view', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await openShop(page);
  await conversation(page);
  // The window grows in from its corner on opening (a transform): measure once that has ended.
  await widget(page, '#cw-win').evaluate((win) => Promise.all(win.getAnimations().map((a) => a.finished)));
  const box = await widget(page, '#cw-win').boundingBox();
  expect(box).toEqual({ x: 0, y: 0, width: 390, height: 740 });
  const composer = await widget(page, '.cw-comp').boundingBox();
  expect(composer!.y + composer!.height).toBeLessThanOrEqual(740);
  await expect(widget(page, '#cw-launch')).toBeHidden();
  expect(await axe(page)).toEqual([]);
  await screenshot(page, 'chat-mobile');
  await context.close();
});

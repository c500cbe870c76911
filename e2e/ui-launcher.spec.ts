// Launcher and window: closed state, opening starts a chat, Escape and focus, the unread badge and
// title flash while closed — real ChatSession, real emulator, real Chromium.
import { expect, test } from '@playwright/test';
import { axe, buildHarness, openShop, startChatWithAgent, watchProblems, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

test('closed: only the launcher, labelled, controlling the hidden window; axe clean', async ({ page }) => {
  const problems = watchProblems(page);
  await openShop(page);
  const launcher = widget(page, '#cw-launch');
  await expect(launcher).toBeVisible();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await expect(launcher).toHaveAttribute('aria-controls', 'cw-win');
  await expect(launcher).toHaveAccessibleName('Open chat');
  await expect(widget(page, '#cw-win')).toBeHidden();
  expect(await axe(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('keyboard only: Tab to the launcher, Enter opens and starts the chat, Escape closes and returns focus', async ({ page }) => {
  await openShop(page);
  await page.locator('a[href="#top"]').focus();
  await page.keyboard.press('Tab');
  await expect(widget(page, '#cw-launch')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget(page, '#cw-win')).toBeVisible();
  await expect(widget(page, '#cw-launch')).toHaveAttribute('aria-expanded', 'true');
  await expect(widget(page, '.cw-ta')).toBeFocused();
  await expect(widget(page, '.cw-log')).toBeVisible(); // the chat started against the emulator
  await page.keyboard.press('Escape');
  await expect(widget(page, '#cw-win')).toBeHidden();
  await expect(widget(page, '#cw-launch')).toBeFocused();
  await expect(widget(page, '#cw-launch')).toHaveAttribute('aria-expanded', 'false');
});

test('while closed, agent messages raise the badge and flash the title; opening clears both', async ({ page }) => {
  await openShop(page);
  const { agent } = await startChatWithAgent(page);
  await page.keyboard.press('Escape');
  await expect(widget(page, '#cw-win')).toBeHidden();
  const title = await page.title();
  await agent.say('Are you still there?');
  await agent.say('I can help with your order.');
  await expect(widget(page, '.cw-badge')).toHaveText('2');
  await expect(widget(page, '#cw-launch')).toHaveAccessibleName('Open chat. Unread messages: 2');
  await expect.poll(() => page.title(), { timeout: 5000 }).toBe('New message');
  await widget(page, '#cw-launch').click();
  await expect(widget(page, '.cw-badge')).toHaveCount(0);
  await expect(page).toHaveTitle(title);
  await expect(widget(page, '.cw-log')).toContainText('I can help with your order.');
});

test('every control in the window is reachable by Tab and shows a visible focus ring', async ({ page }) => {
  await openShop(page);
  const { agent } = await startChatWithAgent(page);
  await agent.say('Hello, [help](https://example.com/help)', 'text/markdown');
  await expect(widget(page, '.cw-log a')).toBeVisible();
  await widget(page, '.cw-ta').focus();
  const seen: { name: string; outline: string }[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Shift+Tab');
    const info = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || !el.closest('.cw')) return null;
      const style = getComputedStyle(el);
      return { name: el.getAttribute('aria-label') ?? el.className ?? el.tagName, outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });
    if (!info) break;
    seen.push(info);
  }
  const names = seen.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(['Attach files', 'Conversation', 'Minimize', 'Chat options']));
  for (const s of seen) expect(s.outline, s.name).toBe('solid 2px');
});

test('opt-in sound: a short tone for messages while closed, and none without the option', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { tones: number };
    w.tones = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
      w.tones++;
      return start.apply(this, args);
    };
  });
  const tones = () => page.evaluate(() => (window as unknown as { tones: number }).tones);
  for (const sound of [false, true]) {
    await openShop(page, { config: { sound } });
    const { agent } = await startChatWithAgent(page); // the click unlocks audio
    await page.keyboard.press('Escape');
    await agent.say('Ping');
    await expect(widget(page, '.cw-badge')).toHaveText('1');
    if (sound) await expect.poll(tones).toBeGreaterThan(0);
    else {
      await page.waitForTimeout(500);
      expect(await tones()).toBe(0);
    }
  }
});

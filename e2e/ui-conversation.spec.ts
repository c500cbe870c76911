// Who says what, at a glance: runs of one sender are grouped (the name once over the run, the avatar
// beside its last bubble, the time once under it and on hover inside it, close spacing within, more
// between), day separators, the bot and agents told apart, and the header naming the agent in the
// chat (and dropping "We usually reply…") from the moment one joins until they leave.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { Agent, axe, buildHarness, contactIdOf, control, openShop, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

/** Vertical gaps between consecutive rows' bubbles (bottom of one to top of the next), in px. */
async function gaps(rows: Locator): Promise<number[]> {
  const boxes = await rows.evaluateAll((els) => els.map((el) => el.querySelector('.cw-line')!.getBoundingClientRect()).map((r) => [r.top, r.bottom]));
  return boxes.slice(1).map(([top], i) => Math.round(top - boxes[i][1]));
}

async function say(page: Page, text: string): Promise<void> {
  await widget(page, '.cw-ta').fill(text);
  await widget(page, '.cw-ta').press('Enter');
  await expect(widget(page, '.cw-own .cw-meta').last()).not.toContainText('Sending');
}

test('runs of one sender: name once, avatar and time once per run, tight within and spaced between, time on hover; a day separator', async ({ page }) => {
  await openShop(page);
  const { agent } = await startChatWithAgent(page, 'Ana Lima');
  for (const text of ['Hi, I am Ana.', 'Let me look at your order.', 'One moment please.']) await agent.say(text);
  await expect(widget(page, '.cw-log')).toContainText('One moment please.');
  await say(page, 'Thanks!');
  await say(page, 'It is order 1234.');
  await agent.say('Found it: it ships today.');
  await expect(widget(page, '.cw-log')).toContainText('ships today');

  const rows = widget(page, '.cw-log .cw-row');
  await expect(rows).toHaveCount(6);
  // The sender's name once per run of theirs; none over the visitor's own bubbles.
  await expect(widget(page, '.cw-log .cw-name')).toHaveText(['Ana Lima', 'Ana Lima']);
  await expect(rows.nth(0).locator('.cw-name')).toHaveCount(1);
  await expect(rows.nth(3).locator('.cw-name')).toHaveCount(0);
  // One visible time per run (3 runs), under its last bubble.
  await expect(widget(page, '.cw-log .cw-meta time')).toHaveCount(3);
  for (const i of [2, 4, 5]) await expect(rows.nth(i).locator('.cw-meta time')).toHaveCount(1);
  // One avatar per agent run, beside its last bubble: the agent's initials in a circle.
  await expect(widget(page, '.cw-log .cw-av')).toHaveCount(2);
  await expect(rows.nth(2).locator('.cw-av')).toHaveText('AL');
  await expect(rows.nth(5).locator('.cw-av')).toHaveText('AL');
  expect(await rows.nth(2).locator('.cw-av').evaluate((el) => getComputedStyle(el).borderRadius)).toBe('50%');
  // Close together within a run, clearly apart between runs.
  const g = await gaps(rows);
  for (const i of [0, 1, 3]) expect(g[i], `gap inside a run (${g})`).toBeLessThanOrEqual(4);
  for (const i of [2, 4]) expect(g[i], `gap between runs (${g})`).toBeGreaterThanOrEqual(28); // time + spacing
  // Inside a run the time appears while the pointer is on the bubble (drawn by the stylesheet, not text of the row).
  const line = rows.nth(0).locator('.cw-line');
  const after = (prop: string) => line.evaluate((el, p) => getComputedStyle(el, '::after').getPropertyValue(p), prop);
  expect(await after('opacity')).toBe('0');
  expect(await after('content')).toMatch(/^"\d{1,2}:\d{2}\s?[AP]M"$/);
  await rows.nth(0).locator('.cw-bubble').hover();
  await expect.poll(() => after('opacity')).toBe('1');
  await expect(rows.nth(0)).toHaveText(/^Ana LimaHi, I am Ana\.$/);
  // The day the conversation is on, once, above it.
  await expect(widget(page, '.cw-log .cw-day')).toHaveText(['Today']);
  expect(await axe(page)).toEqual([]);
});

test('the header names the agent once one joins (with their avatar), and goes back when they leave; the bot looks different', async ({ page }) => {
  await openShop(page);
  await widget(page, '#cw-launch').click();
  const contactId = await contactIdOf(page);
  await control(`contacts/${contactId}/messages`, { Content: 'Hi, I am the assistant. How can I help?', DisplayName: 'BOT' });
  await expect(widget(page, '.cw-log')).toContainText('How can I help?');
  const title = widget(page, '.cw-titles');
  await expect(title.locator('h2')).toHaveText('Chat with us');
  await expect(title.locator('p')).toHaveText('We usually reply in a few minutes');
  // The bot: a rounded square with a symbol, not initials.
  const bot = widget(page, '.cw-bot .cw-av');
  await expect(bot).toHaveClass(/cw-av-bot/);
  await expect(bot).toHaveText('');
  await expect(bot.locator('svg')).toHaveCount(1);
  expect(await bot.evaluate((el) => getComputedStyle(el).borderRadius)).toBe('8px');

  const agent = await Agent.join(contactId, 'Ana Lima');
  await expect(widget(page, '.cw-log')).toContainText('Ana Lima joined');
  await expect(title.locator('h2')).toHaveText('Ana Lima');
  await expect(title).not.toContainText('We usually reply');
  await expect(widget(page, '.cw-head .cw-av')).toHaveText('AL');
  // The window keeps its name; the agent's name is the heading.
  await expect(widget(page, '#cw-win')).toHaveAccessibleName('Chat with us');
  await agent.say('Hello, how can I help?');
  await expect(widget(page, '.cw-agent .cw-av')).toHaveText('AL');
  expect(await axe(page)).toEqual([]);

  await agent.leave();
  await expect(widget(page, '.cw-log')).toContainText('Ana Lima left');
  await expect(title.locator('h2')).toHaveText('Chat with us');
  await expect(title.locator('p')).toHaveText('We usually reply in a few minutes');
  await expect(widget(page, '.cw-head .cw-av')).toHaveCount(0);
});

test('avatars: a picture that fails to load falls back to initials; avatars: false shows none', async ({ page }) => {
  await openShop(page, { config: { avatars: { agent: '/no-such-avatar.png' } } });
  const { agent } = await startChatWithAgent(page, 'Ana');
  await agent.say('Hi!');
  await expect(widget(page, '.cw-agent .cw-av')).toHaveText('A');
  await expect(widget(page, '.cw-head .cw-av')).toHaveText('A');

  await openShop(page, { config: { avatars: false } });
  const second = await startChatWithAgent(page, 'Ana');
  await second.agent.say('Hi again!');
  await expect(widget(page, '.cw-log')).toContainText('Hi again!');
  await expect(widget(page, '.cw-av')).toHaveCount(0);
  await expect(widget(page, '.cw-titles h2')).toHaveText('Ana'); // the name still shows
});

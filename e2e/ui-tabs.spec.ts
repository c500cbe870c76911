// Two tabs of one site: both show the conversation (one holds the socket, the other mirrors it);
// only the tab holding the conversation flashes its title; the other takes over when it closes.
import { expect, test, type Page } from '@playwright/test';
import { buildHarness, contactIdOf, openShop, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

const role = (page: Page) => page.evaluate(() => (window as unknown as { cw: { session: { tabRole: { value: string } } } }).cw.session.tabRole.value);

test('both tabs show the chat; only the leader tab flashes its title; the other takes over', async ({ context }) => {
  const first = await context.newPage();
  await openShop(first, { config: { storageKey: 'two-tabs' } });
  const { contactId, agent } = await startChatWithAgent(first);
  await agent.say('Hello from Ana');
  await expect(widget(first, '.cw-log')).toContainText('Hello from Ana');

  const second = await context.newPage();
  await openShop(second, { config: { storageKey: 'two-tabs' } });
  await expect.poll(() => role(second)).toBe('follower');
  expect(await role(first)).toBe('leader');
  await widget(second, '#cw-launch').click();
  await expect(widget(second, '.cw-log')).toContainText('Hello from Ana');
  expect(await contactIdOf(second)).toBe(contactId);

  // The follower sends through the leader.
  await widget(second, '.cw-ta').fill('typed in the second tab');
  await widget(second, '.cw-ta').press('Enter');
  await expect(widget(first, '.cw-log')).toContainText('typed in the second tab');

  // Both closed: the badge rises in both, but only the leader's title flashes.
  await widget(first, '#cw-launch').click();
  await expect(widget(first, '#cw-win')).toBeHidden();
  await widget(second, '#cw-launch').click();
  await expect(widget(second, '#cw-win')).toBeHidden();
  const secondTitle = await second.title();
  await agent.say('Ping while closed');
  await expect(widget(first, '.cw-badge')).toHaveText('1');
  await expect(widget(second, '.cw-badge')).toHaveText('1');
  await expect.poll(() => first.title(), { timeout: 5000 }).toBe('New message');
  for (let i = 0; i < 6; i++) {
    expect(await second.title()).toBe(secondTitle);
    await second.waitForTimeout(400);
  }

  // The leader tab closes: the second takes over and keeps the conversation going.
  await first.close();
  await expect.poll(() => role(second), { timeout: 15_000 }).toBe('leader');
  await agent.say('Still with you');
  await expect(widget(second, '.cw-badge')).toHaveText('2');
  await expect.poll(() => second.title(), { timeout: 5000 }).toBe('New message');
});

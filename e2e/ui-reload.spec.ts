// Reload-resume: the conversation is back at once after a reload (from IndexedDB), it is the same
// contact, and chatting goes on — messages sent while the page was away included.
import { expect, test } from '@playwright/test';
import { buildHarness, contactIdOf, openShop, record, reload, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

test('a reload resumes the same chat with its history, and what arrived meanwhile', async ({ page }) => {
  await openShop(page);
  const { contactId, agent } = await startChatWithAgent(page);
  await agent.say('Your refund is on its way.');
  await widget(page, '.cw-ta').fill('Thank you!');
  await widget(page, '.cw-ta').press('Enter');
  await expect(widget(page, '.cw-own .cw-meta')).not.toContainText('Sending');

  await page.goto('about:blank');
  await agent.say('Sent while you were away');
  await page.goBack();
  // The window was open when the visitor left: it is open again, onto the same chat.
  await expect(widget(page, '#cw-win')).toBeVisible();
  const log = widget(page, '.cw-log');
  await expect(log).toContainText('Your refund is on its way.');
  await expect(log).toContainText('Thank you!');
  await expect(log).toContainText('Sent while you were away');
  expect(await contactIdOf(page)).toBe(contactId);

  await reload(page);
  await expect(widget(page, '#cw-win')).toBeVisible();
  await expect(widget(page, '.cw-log')).toContainText('Sent while you were away');
  await widget(page, '.cw-ta').fill('Still here after two reloads');
  await widget(page, '.cw-ta').press('Enter');
  await expect
    .poll(async () => (await record(contactId)).Items.filter((i) => i.ParticipantRole === 'CUSTOMER' && i.Type === 'MESSAGE').map((i) => i.Content))
    .toEqual(['Thank you!', 'Still here after two reloads']);
  // Nothing shown twice.
  await expect(widget(page, '.cw-bubble').filter({ hasText: 'Your refund is on its way.' })).toHaveCount(1);
});

// Ending: "End chat" asks first, then the chat ends for real (DisconnectParticipant, chat.ended);
// the composer explains why it is disabled, the transcript downloads, and a new chat can start.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Agent, axe, buildHarness, contactIdOf, control, openShop, record, resetFaults, screenshot, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});
test.afterEach(async () => {
  await resetFaults();
});

test('End chat with confirmation, then download the transcript and start a new chat', async ({ page }) => {
  await openShop(page);
  const { contactId, agent } = await startChatWithAgent(page);
  await agent.say('Anything else I can do?');
  await widget(page, '.cw-ta').fill('No, thanks!');
  await widget(page, '.cw-ta').press('Enter');
  await expect(widget(page, '.cw-own')).toContainText('No, thanks!');

  await widget(page, '[aria-haspopup=menu]').click();
  await widget(page, '[role=menuitem]', ).filter({ hasText: 'End chat' }).click();
  const dialog = widget(page, '[role=alertdialog]');
  await expect(dialog).toContainText('End this chat?');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect((await record(contactId)).State).not.toBe('ENDED');

  await widget(page, '[aria-haspopup=menu]').click();
  await widget(page, '[role=menuitem]').filter({ hasText: 'End chat' }).click();
  await dialog.getByRole('button', { name: 'End chat' }).click();
  await expect(widget(page, '.cw-log')).toContainText('The chat has ended.');
  await expect(widget(page, '.cw-ta')).toBeDisabled();
  await expect(widget(page, '#cw-ended')).toHaveText('This chat has ended. Start a new chat to write again.');
  await expect.poll(async () => (await record(contactId)).Participants.find((p) => p.ParticipantRole === 'CUSTOMER')?.State).toBe('left'); // DisconnectParticipant reached the service
  expect(await axe(page)).toEqual([]); // the ended state
  await screenshot(page, 'ended');

  const [download] = await Promise.all([page.waitForEvent('download'), widget(page, '.cw-ended').getByRole('button', { name: 'Download transcript' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^chat-\d{4}-\d{2}-\d{2}\.txt$/);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).toMatch(/^Chat with us\n/);
  expect(text).toContain('Ana: Anything else I can do?');
  expect(text).toContain('You: No, thanks!');

  await widget(page, '.cw-ended').getByRole('button', { name: 'Start new chat' }).click();
  await expect(widget(page, '.cw-ta')).toBeEnabled();
  await expect.poll(() => contactIdOf(page)).not.toBe(contactId);
  await expect(widget(page, '.cw-log')).not.toContainText('Anything else I can do?');
});

test('the agent or flow ending the chat shows the same end state', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  // Once the chat is under way (a chat ended before it ever connected reads as "could not be started").
  await expect(widget(page, '.cw-log')).toBeAttached();
  await control(`contacts/${contactId}/end`);
  await expect(widget(page, '.cw-log')).toContainText('The chat has ended.');
  await expect(widget(page, '.cw-ta')).toBeDisabled();
  await expect(widget(page, '[aria-label="Attach files"]')).toHaveCount(0);
});

// issue 11: "Start new chat" after a chat whose log had scrolled threw "Cannot read properties of null
// (reading 'scrollTop')" into the host page (the emptied log fired a scroll after it was gone).
test('Start new chat after a long chat, with a pre-chat form: no error reaches the page', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await openShop(page, { config: { preChatForm: { fields: [{ name: 'name', type: 'name', label: 'Your name', required: true }] } } });
  await widget(page, '#cw-launch').click();
  await widget(page, '#cw-f-name').fill('Ada');
  await widget(page, '#cw-f-name').press('Enter');
  const contactId = await contactIdOf(page);
  const agent = await Agent.join(contactId);
  for (let i = 1; i <= 25; i++) await agent.say(`Line ${i}`);
  await expect(widget(page, '.cw-log')).toContainText('Line 25');
  await control(`contacts/${contactId}/end`);
  await expect(widget(page, '#cw-ended')).toBeVisible();
  await widget(page, '.cw-ended').getByRole('button', { name: 'Start new chat' }).click();
  await widget(page, '#cw-f-name').press('Enter');
  await expect.poll(() => contactIdOf(page)).not.toBe(contactId);
  await expect(widget(page, '.cw-ta')).toBeEnabled();
  // A scroll event of the emptied log arrives a frame later.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(problems).toEqual([]);
});

// issue 11: an unexpected end threw away the text in the box and the failed messages.
test('the agent ends the chat: the text in the box and a failed message survive into the new chat', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  await expect(widget(page, '.cw-log')).toBeAttached();
  await control('faults', { fail: { operation: 'SendMessage', status: 400, error: 'ValidationException', message: 'refused for the test', count: 1 } });
  await widget(page, '.cw-ta').fill('this one is refused');
  await widget(page, '.cw-ta').press('Enter');
  await expect(widget(page, '.cw-own').filter({ hasText: 'this one is refused' }).locator('.cw-fail')).toHaveText('Not sent');
  await widget(page, '.cw-ta').fill('still typing when it ended');
  await control(`contacts/${contactId}/end`);
  await expect(widget(page, '#cw-ended')).toBeVisible();
  await expect(widget(page, '.cw-ta')).toHaveValue('still typing when it ended');

  // Retry in the ended chat explains instead of spinning.
  const failed = widget(page, '.cw-own').filter({ hasText: 'this one is refused' });
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(widget(page, '.cw-alert')).toContainText('This chat has ended. Start a new chat; unsent messages are carried over to it.');
  await expect(failed.locator('.cw-fail')).toHaveText('Not sent');

  await widget(page, '.cw-ended').getByRole('button', { name: 'Start new chat' }).click();
  await expect.poll(() => contactIdOf(page)).not.toBe(contactId);
  const second = await contactIdOf(page);
  await expect(widget(page, '.cw-ta')).toHaveValue('still typing when it ended');
  const carried = widget(page, '.cw-own').filter({ hasText: 'this one is refused' });
  await expect(carried.locator('.cw-fail')).toHaveText('Not sent');
  await carried.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(async () => (await record(second)).Items.filter((i) => i.Content === 'this one is refused').length).toBe(1);
  await widget(page, '.cw-ta').press('Enter');
  await expect.poll(async () => (await record(second)).Items.filter((i) => i.Content === 'still typing when it ended').length).toBe(1);
});

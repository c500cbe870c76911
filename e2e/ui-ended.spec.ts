// Ending: "End chat" asks first, then the chat ends for real (DisconnectParticipant, chat.ended);
// the composer explains why it is disabled, the transcript downloads, and a new chat can start.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { axe, buildHarness, contactIdOf, control, openShop, record, screenshot, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
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

// Ordinary visitor flows that broke when tried by hand: a file sent while offline, and where the
// focus goes when what held it goes away (the chat ends, a new one starts).
import { expect, test } from '@playwright/test';
import { buildHarness, connectedOf, record, startChatWithAgent, openShop, widget, watchProblems } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

const customerFiles = async (contactId: string) =>
  (await record(contactId)).Items.filter((i) => i.Type === 'ATTACHMENT' && i.ParticipantRole === 'CUSTOMER').flatMap((i) => (i.Attachments ?? []).map((a) => a.AttachmentName));

test('a file sent while offline waits for the connection, as a message does, and goes once it is back', async ({ page, context }) => {
  const problems = watchProblems(page);
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  await connectedOf(page);
  await context.setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  await expect(widget(page, '.cw-banner')).toHaveText('You are offline. Messages will be sent when you are back online.');
  await widget(page, 'input[type=file]').setInputFiles([{ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('order 1234') }]);
  await widget(page, '.cw-ta').fill('my receipt');
  await widget(page, '.cw-send').click();
  // Queued, not failed: the text is "Sending…", the file waits in the tray with its Cancel.
  await expect(widget(page, '.cw-own').filter({ hasText: 'my receipt' }).locator('.cw-meta')).toContainText('Sending');
  await expect(widget(page, '.cw-tray li')).toHaveText(['receipt.txt']);
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect.poll(() => customerFiles(contactId), { timeout: 20_000 }).toEqual(['receipt.txt']);
  await expect(widget(page, '.cw-tray li')).toHaveCount(0);
  await expect(widget(page, '.cw-log')).toContainText('receipt.txt');
  await expect(widget(page, '.cw-alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});

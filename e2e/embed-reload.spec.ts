// A reload mid-chat through the script tag (CDN build) on a page with a pre-chat form: the stored
// chat comes back and everything works on it — Enter sends, read receipts go out, a second tab's
// send reaches the service, End chat ends the contact. (issue 11: the reloaded tab ran two engines,
// the chat on one and the commands on the other, so the composer was dead while it said connected.)
import { expect, test, type Page } from '@playwright/test';
import { EMULATOR_PORT, contactInfo, startedContactId } from './embed-support.js';
import { Agent, customerMessages, hasReadReceipt } from './ui-support.js';

const FORM = { preChatForm: { fields: [{ name: 'name', type: 'name', label: 'Your name', required: true }] } };

function snippetUrl(storageKey: string): string {
  const query = new URLSearchParams({ emu: String(EMULATOR_PORT), config: JSON.stringify({ storageKey, ...FORM }) });
  return `/embed-snippet.html?${query}`;
}

const w = (page: Page, selector: string) => page.locator(`[data-connect-chat] ${selector}`);

test('after a reload mid-chat on a pre-chat page: Enter sends, receipts go out, a second tab sends, End chat ends', async ({ page, context }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const key = `e2e-reload-${Math.random().toString(36).slice(2)}`;
  await page.goto(snippetUrl(key));
  await page.locator('[data-connect-chat] button').first().click();
  await w(page, '#cw-f-name').fill('Ada');
  await w(page, '#cw-f-name').press('Enter');
  const contactId = await startedContactId(page);
  await w(page, '.cw-ta').fill('before the reload');
  await w(page, '.cw-ta').press('Enter');
  await expect.poll(() => customerMessages(contactId)).toEqual(['before the reload']);
  const agent = await Agent.join(contactId);

  await page.reload();
  await expect(w(page, '#cw-win')).toBeVisible(); // it was open: it reopens by itself
  await expect(w(page, '.cw-log')).toContainText('before the reload');
  await w(page, '.cw-ta').fill('after the reload');
  await w(page, '.cw-ta').press('Enter');
  await expect(w(page, '.cw-ta')).toHaveValue('');
  await expect.poll(() => customerMessages(contactId)).toEqual(['before the reload', 'after the reload']);

  const id = await agent.say('Did you reload?');
  await expect(w(page, '.cw-log')).toContainText('Did you reload?');
  await expect.poll(() => hasReadReceipt(contactId, id), { timeout: 15_000 }).toBe(true);

  const second = await context.newPage();
  await second.goto(snippetUrl(key));
  await w(second, '#cw-launch').click();
  await expect(w(second, '.cw-log')).toContainText('Did you reload?');
  await w(second, '.cw-ta').fill('from the second tab');
  await w(second, '.cw-ta').press('Enter');
  await expect.poll(() => customerMessages(contactId)).toEqual(['before the reload', 'after the reload', 'from the second tab']);
  await expect(w(page, '.cw-log')).toContainText('from the second tab');
  await second.close();

  await w(page, '[aria-haspopup=menu]').click();
  await w(page, '[role="menuitem"]').filter({ hasText: 'End chat' }).click();
  await w(page, '.cw-danger').click();
  await expect.poll(async () => (await contactInfo(contactId)).State).toBe('ended');
  await expect(w(page, '#cw-ended')).toBeVisible();
  expect(problems).toEqual([]);
});

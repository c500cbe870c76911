// The transcript with the real session: receipts on the last own message, the "new messages" jump
// button, older history loaded at the top with the visitor's place kept, many messages windowed.
import { expect, test } from '@playwright/test';
import { Agent, buildHarness, contactIdOf, control, hasReadReceipt, openShop, record, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

test('Delivered, then Read, under the customer\'s last message only', async ({ page }) => {
  await openShop(page);
  const { contactId, agent } = await startChatWithAgent(page);
  for (const text of ['one', 'two']) {
    await widget(page, '.cw-ta').fill(text);
    await widget(page, '.cw-ta').press('Enter');
  }
  const ids = await expect
    .poll(async () => (await record(contactId)).Items.filter((i) => i.ParticipantRole === 'CUSTOMER' && i.Type === 'MESSAGE').map((i) => i.Id))
    .toHaveLength(2)
    .then(async () => (await record(contactId)).Items.filter((i) => i.ParticipantRole === 'CUSTOMER' && i.Type === 'MESSAGE').map((i) => i.Id));
  await agent.delivered(ids[1]);
  await expect(widget(page, '.cw-receipt')).toHaveText('Delivered');
  await agent.read(ids[1]);
  await expect(widget(page, '.cw-receipt')).toHaveText('Read');
  await expect(widget(page, '.cw-receipt')).toHaveCount(1);
  await expect(widget(page, '.cw-own').last().locator('.cw-receipt')).toHaveText('Read');
});

test('the customer\'s reading is reported: an agent message on screen gets a read receipt', async ({ page }) => {
  await openShop(page);
  const { contactId, agent } = await startChatWithAgent(page);
  const id = await agent.say('Can you see this?');
  await expect(widget(page, '.cw-log')).toContainText('Can you see this?');
  await expect.poll(() => hasReadReceipt(contactId, id), { timeout: 15_000 }).toBe(true);
});

test('scrolled up, new messages show a jump button with their count; it brings the visitor down', async ({ page }) => {
  await openShop(page);
  const { agent } = await startChatWithAgent(page);
  for (let i = 1; i <= 40; i++) await agent.say(`Line ${i} of the history`);
  await expect(widget(page, '.cw-log')).toContainText('Line 40 of the history');
  const log = widget(page, '.cw-log');
  await log.evaluate((el) => (el.scrollTop = 0));
  await page.waitForTimeout(100);
  await agent.say('A new message while you read');
  await agent.say('And another one');
  await expect(widget(page, '.cw-jump')).toHaveText('New messages (2)');
  await expect(log).not.toContainText('And another one'); // not scrolled away from what the visitor reads
  await widget(page, '.cw-jump').click();
  await expect(widget(page, '.cw-jump')).toHaveCount(0);
  await expect(log).toContainText('And another one');
  const atBottom = await log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight < 50);
  expect(atBottom).toBe(true);
});

test('scrolled up, what the visitor sends brings the log down to it (no jump button for it)', async ({ page }) => {
  await openShop(page);
  const { agent } = await startChatWithAgent(page);
  for (let i = 1; i <= 40; i++) await agent.say(`Line ${i} of the history`);
  const log = widget(page, '.cw-log');
  await expect(log).toContainText('Line 40 of the history');
  // Scrolled to the top, and the transcript has seen that scroll.
  await log.evaluate(
    (el) =>
      new Promise<void>((done) => {
        el.addEventListener('scroll', () => requestAnimationFrame(() => done()), { once: true });
        el.scrollTop = 0;
      }),
  );
  await expect(log).not.toContainText('Line 40 of the history'); // the list renders only what is near
  await widget(page, '.cw-ta').fill('My own question');
  await widget(page, '.cw-ta').press('Enter');
  const own = widget(page, '.cw-own').filter({ hasText: 'My own question' });
  await expect(own).toBeVisible();
  // On screen inside the log, not below its fold.
  await expect
    .poll(async () => {
      const [row, box] = await Promise.all([own.boundingBox(), log.boundingBox()]);
      return !!row && !!box && row.y >= box.y && row.y + row.height <= box.y + box.height + 1;
    })
    .toBe(true);
  await expect(widget(page, '.cw-jump')).toHaveCount(0);
});

test('older history of a continued (persistent) chat loads at the top, keeping the visitor\'s place', async ({ page, browser }) => {
  // The first contact: 150 messages, then it ends.
  await openShop(page);
  const first = await startChatWithAgent(page);
  for (let i = 1; i <= 150; i++) await first.agent.say(`Earlier message ${i}`);
  await expect(widget(page, '.cw-log')).toContainText('Earlier message 150');
  await control(`contacts/${first.contactId}/end`);
  await expect(widget(page, '.cw-ta')).toBeDisabled();

  // A new visit continues it: the earlier messages come in pages as the visitor scrolls up.
  const other = await browser.newPage();
  await openShop(other, { config: { persistentChat: { sourceContactId: first.contactId } }, open: true });
  const contactId = await contactIdOf(other);
  expect(contactId).not.toBe(first.contactId);
  const agent = await Agent.join(contactId, 'Bo');
  await agent.say('Welcome back!');
  const log = widget(other, '.cw-log');
  await expect(log).toContainText('Earlier message 150'); // the first page fills the view by itself
  await expect(log).toContainText('Welcome back!');
  const rowsInDom = await widget(other, '.cw-log > [data-key]').count();
  expect(rowsInDom).toBeLessThan(60); // windowed
  const has = (text: string) =>
    other.evaluate((t) => (window as unknown as { cw: { session: { transcript: { value: { content?: string }[] } } } }).cw.session.transcript.value.some((e) => e.content === t), text);
  expect(await has('Earlier message 1')).toBe(false); // one page so far, not everything

  // Scroll to the top: the next page is fetched (slowed down here so the moment can be seen), and
  // the message the visitor was looking at stays where it was.
  await control('faults', { latencyMs: 1500, latencyOperations: ['GetTranscript'] });
  await log.evaluate((el) => (el.scrollTop = 0));
  await expect(widget(other, '.cw-older')).toHaveText('Loading earlier messages…');
  const firstRow = widget(other, '.cw-row').filter({ hasText: /Earlier message \d+/ }).first();
  const anchorText = (await firstRow.locator('.cw-bubble').textContent())!.replace(/^Ana: /, '');
  const before = (await firstRow.boundingBox())!.y;
  await expect.poll(() => has('Earlier message 1'), { timeout: 15_000 }).toBe(true);
  await expect(widget(other, '.cw-older')).toHaveCount(0);
  await control('faults', { reset: true });
  const same = widget(other, '.cw-row').filter({ hasText: new RegExp(`${anchorText}$`) });
  await expect(same).toBeVisible();
  const after = (await same.boundingBox())!.y;
  expect(Math.abs(after - before)).toBeLessThan(40); // no jump to the top of the new page
  await other.close();
});

// The composer against the real session and emulator: Enter / Shift+Enter, the 1024 limit, typing
// events, the draft across a reload, and a failed send with Retry and Discard.
import { expect, test } from '@playwright/test';
import { buildHarness, control, openShop, record, reload, resetFaults, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});
test.afterEach(async () => {
  await resetFaults();
});

test('Enter sends, Shift+Enter breaks the line; the agent receives exactly what was typed', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  const box = widget(page, '.cw-ta');
  await box.click();
  await page.keyboard.type('first line');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('second line');
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue('');
  await expect(widget(page, '.cw-own .cw-bubble')).toContainText('first line\nsecond line');
  await expect
    .poll(async () => (await record(contactId)).Items.filter((i) => i.Type === 'MESSAGE' && i.ParticipantRole === 'CUSTOMER').map((i) => i.Content))
    .toEqual(['first line\nsecond line']);
  await expect(box).toBeFocused();
});

test('typing sends a typing event the agent sees', async ({ page }) => {
  await openShop(page);
  const { agent } = await startChatWithAgent(page);
  await agent.listen();
  // Keystrokes before the chat is connected send nothing (and use up no throttle window), so type on
  // until the agent sees the event: on a slow machine the first ones can land while still starting.
  await expect
    .poll(async () => {
      await widget(page, '.cw-ta').press('h');
      return agent.seen.some((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.typing' && i.ParticipantRole === 'CUSTOMER');
    })
    .toBe(true);
  agent.close();
});

test('character count near the limit; over it the send is refused and nothing is lost', async ({ page }) => {
  await openShop(page, { open: true });
  await expect(widget(page, '.cw-log')).toBeVisible();
  const box = widget(page, '.cw-ta');
  await box.fill('x'.repeat(1000));
  await expect(widget(page, '#cw-count')).toHaveText('Characters left: 24');
  await box.fill('y'.repeat(1030));
  await expect(widget(page, '#cw-count')).toHaveText('Too long by 6 characters.');
  await expect(widget(page, '.cw-send')).toBeDisabled();
  await box.press('Enter');
  await expect(box).toHaveValue('y'.repeat(1030));
});

test('the draft survives a reload', async ({ page }) => {
  await openShop(page, { open: true });
  await expect(widget(page, '.cw-log')).toBeVisible();
  await widget(page, '.cw-ta').fill('Half-written question about my order');
  await page.waitForTimeout(300); // the draft is written with the conversation (IndexedDB)
  await reload(page);
  await widget(page, '#cw-launch').click();
  await expect(widget(page, '.cw-ta')).toHaveValue('Half-written question about my order');
});

test('a send the service refuses shows Not sent, with Retry and Discard', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  await control('faults', { fail: { operation: 'SendMessage', status: 400, error: 'ValidationException', message: 'refused for the test', count: 1 } });
  await widget(page, '.cw-ta').fill('please retry me');
  await widget(page, '.cw-ta').press('Enter');
  const failed = widget(page, '.cw-own').filter({ hasText: 'please retry me' });
  await expect(failed.locator('.cw-fail')).toHaveText('Not sent');
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(failed.locator('.cw-fail')).toHaveCount(0);
  await expect
    .poll(async () => (await record(contactId)).Items.filter((i) => i.Content === 'please retry me').length)
    .toBe(1);

  await control('faults', { fail: { operation: 'SendMessage', status: 400, error: 'ValidationException', message: 'refused again', count: 1 } });
  await widget(page, '.cw-ta').fill('discard me');
  await widget(page, '.cw-ta').press('Enter');
  const second = widget(page, '.cw-own').filter({ hasText: 'discard me' });
  await expect(second.locator('.cw-fail')).toHaveText('Not sent');
  await second.getByRole('button', { name: 'Discard' }).click();
  await expect(widget(page, '.cw-own').filter({ hasText: 'discard me' })).toHaveCount(0);
  expect((await record(contactId)).Items.some((i) => i.Content === 'discard me')).toBe(false);
});

// issue 11: nothing capped the box; a 4 MB paste froze the page for seconds and went into the stored draft.
test('a 4 MB paste is cut to what the box holds, with a note; the page stays responsive and the draft stays small', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openShop(page, { open: true });
  await expect(widget(page, '.cw-log')).toBeVisible();
  const huge = 'paste '.repeat(700_000); // 4.2 MB
  await page.evaluate((text) => navigator.clipboard.writeText(text), huge);
  const box = widget(page, '.cw-ta');
  await box.fill('Before: ');
  const begun = Date.now();
  await box.press('Control+V');
  await expect(widget(page, '.cw-comp [role=alert]')).toContainText('The message box holds 4096 characters, so');
  // How long the page was busy: a task queued right after the paste runs once it is free again.
  const busy = await page.evaluate(() => new Promise<number>((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t), 0); }));
  console.log(`4 MB paste: note shown after ${Date.now() - begun} ms; a queued task waited ${busy.toFixed(0)} ms`);
  const value = await box.inputValue();
  expect([...value].length).toBe(4096);
  expect(value.startsWith('Before: paste paste')).toBe(true);
  await expect(widget(page, '#cw-count')).toHaveText(`Too long by ${4096 - 1024} characters.`);
  await page.waitForTimeout(300); // the draft is written with the conversation (IndexedDB)
  await reload(page);
  await widget(page, '#cw-launch').click();
  expect([...(await widget(page, '.cw-ta').inputValue())].length).toBe(4096);
});

// issue 11: the counter counted UTF-16 units, so 600 emoji read "too long"; the service counts characters.
test('600 emoji are 600 characters: no "too long", and they reach the service once', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  const text = '😀'.repeat(600);
  await widget(page, '.cw-ta').fill(text);
  await expect(widget(page, '#cw-count')).toHaveCount(0);
  await expect(widget(page, '.cw-send')).toBeEnabled();
  await widget(page, '.cw-ta').press('Enter');
  await expect.poll(async () => (await record(contactId)).Items.filter((i) => i.Content === text).length).toBe(1);
  await widget(page, '.cw-ta').fill('😀'.repeat(1000));
  await expect(widget(page, '#cw-count')).toHaveText('Characters left: 24');
});

// issue 11: the composer returned silently while the chat was ending (and when it had not started).
test('Enter while the chat is ending keeps the text and says why; the text carries into the next chat', async ({ page }) => {
  await openShop(page);
  await startChatWithAgent(page);
  await expect(widget(page, '.cw-log')).toBeAttached();
  await control('faults', { latencyMs: 3000, latencyOperations: ['DisconnectParticipant'] });
  await widget(page, '[aria-haspopup=menu]').click();
  await widget(page, '[role=menuitem]').filter({ hasText: 'End chat' }).click();
  await widget(page, '[role=alertdialog]').getByRole('button', { name: 'End chat' }).click();
  const box = widget(page, '.cw-ta');
  await box.fill('One more thing!');
  await box.press('Enter');
  await expect(widget(page, '[role=alert]')).toContainText('The chat is ending. Your message is kept for a new chat.');
  await expect(box).toHaveValue('One more thing!');
  await expect(widget(page, '#cw-ended')).toBeVisible({ timeout: 15_000 });
  await expect(box).toHaveValue('One more thing!');
  await widget(page, '.cw-ended').getByRole('button', { name: 'Start new chat' }).click();
  await expect(box).toBeEnabled();
  await expect(box).toHaveValue('One more thing!');
});

test('Enter when the chat could not be started keeps the text and says why; after Retry it sends', async ({ page }) => {
  let refuse = true;
  await page.route('**/start-chat', (route) => (refuse ? route.fulfill({ status: 503, body: '{"message":"down for the test"}' }) : route.continue()));
  await openShop(page, { open: true });
  await expect(widget(page, '.cw-center [role=alert]')).toHaveText('The chat could not be started. Please try again.');
  const box = widget(page, '.cw-ta');
  await box.fill('Are you there?');
  await box.press('Enter');
  await expect(widget(page, '.cw-comp [role=alert]')).toContainText('The chat has not started yet. Your message is kept');
  await expect(box).toHaveValue('Are you there?');
  refuse = false;
  await widget(page, '.cw-center').getByRole('button', { name: 'Retry' }).click();
  await expect(widget(page, '.cw-log')).toBeAttached();
  await box.press('Enter');
  await expect(box).toHaveValue('');
  const contactId = await page.evaluate(() => (window as unknown as { cw: { session: { contactId: { value: string } } } }).cw.session.contactId.value);
  await expect.poll(async () => (await record(contactId)).Items.filter((i) => i.Content === 'Are you there?').length).toBe(1);
});

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

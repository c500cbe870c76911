// The visitor's own message held by the service (MessageMetadata.MessageProcessingStatus): shown as
// checked while held, then not delivered with the reason and what to do: a blocked message goes back
// into the box to be rephrased, a failed one is sent again. The emulator's messageProcessing fault holds it.
import { expect, test } from '@playwright/test';
import { axe, buildHarness, control, openShop, record, resetFaults, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});
test.afterEach(async () => {
  await resetFaults();
});

const mine = (page: import('@playwright/test').Page, text: string) => widget(page, '.cw-own').filter({ hasText: text });

test('REJECTED: held, then "not delivered: blocked"; Edit puts the text back in the box', async ({ page }) => {
  await openShop(page);
  const { agent } = await startChatWithAgent(page);
  await expect(widget(page, '.cw-log')).toBeAttached();
  await control('faults', { messageProcessing: { status: 'REJECTED', delayMs: 800 } });
  await widget(page, '.cw-ta').fill('my password is hunter2');
  await widget(page, '.cw-ta').press('Enter');
  await expect(mine(page, 'my password is hunter2')).toContainText('Checking…');
  await expect(mine(page, 'my password is hunter2')).toContainText('Not delivered: this message was blocked.');
  await expect(mine(page, 'my password is hunter2')).toHaveClass(/cw-undelivered/);
  expect(await axe(page)).toEqual([]);
  await mine(page, 'my password is hunter2').getByRole('button', { name: 'Edit' }).click();
  await expect(widget(page, '.cw-ta')).toHaveValue('my password is hunter2');
  await expect(widget(page, '.cw-ta')).toBeFocused();
  agent.close();
});

test('FAILED: "not delivered: could not be processed"; Retry sends it again, and it is delivered', async ({ page }) => {
  await openShop(page);
  const { contactId, agent } = await startChatWithAgent(page);
  await expect(widget(page, '.cw-log')).toBeAttached();
  await control('faults', { messageProcessing: { status: 'FAILED', delayMs: 100 } });
  await widget(page, '.cw-ta').fill('where is order 10423?');
  await widget(page, '.cw-ta').press('Enter');
  const failed = mine(page, 'where is order 10423?');
  await expect(failed).toContainText('Not delivered: it could not be processed.');
  expect(await axe(page)).toEqual([]);
  await failed.getByRole('button', { name: 'Retry' }).click();
  // The fault was for one message: the second copy is delivered, the first stays marked.
  await expect(mine(page, 'where is order 10423?')).toHaveCount(2);
  await expect(mine(page, 'where is order 10423?').nth(1)).not.toContainText('Not delivered');
  // The second bubble shows as soon as it is sent: the service has it once SendMessage returns.
  await expect.poll(async () => (await record(contactId)).Items.filter((i) => i.Content === 'where is order 10423?').length).toBe(2);
  agent.close();
});

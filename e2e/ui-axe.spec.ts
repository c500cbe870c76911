// axe-core on the widget in each state a visitor meets: closed, pre-chat form, chatting (with
// markdown, a notice, typing, receipts), uploading, reconnecting, ended — zero violations each.
import { expect, test } from '@playwright/test';
import { Agent, axe, buildHarness, connectedOf, contactIdOf, control, openShop, resetFaults, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});
test.afterEach(async () => {
  await resetFaults();
});

test('zero axe violations: closed, pre-chat form, chatting, uploading, reconnecting, ended', async ({ page }) => {
  const preChatForm = { fields: [{ name: 'name', type: 'name', label: 'Name', required: true }, { name: 'topic', type: 'select', label: 'Topic', options: [{ value: 'a', label: 'Orders' }] }] };
  await openShop(page, { config: { preChatForm } });
  const states: Record<string, string[]> = {};

  states.closed = await axe(page);

  await widget(page, '#cw-launch').click();
  await expect(widget(page, '.cw-form')).toBeVisible();
  await widget(page, '.cw-form button[type=submit]').click(); // with its inline errors
  await expect(widget(page, '.cw-err')).toBeVisible();
  states.prechat = await axe(page);

  await widget(page, '#cw-f-name').fill('Kim');
  await widget(page, '.cw-form button[type=submit]').click();
  const contactId = await contactIdOf(page);
  const agent = await Agent.join(contactId, 'Ana');
  await connectedOf(page); // the agent's typing below reaches a connected socket only
  await agent.say('**Hi Kim**, how can I help?\n\n1. Orders\n2. Returns', 'text/markdown');
  await widget(page, '.cw-ta').fill('Where is my parcel?');
  await widget(page, '.cw-ta').press('Enter');
  await agent.typing();
  await expect(widget(page, '.cw-typing .cw-dots')).toBeVisible();
  await widget(page, '[aria-haspopup=menu]').click();
  await expect(widget(page, '[role=menu]')).toBeVisible();
  states.chatting = await axe(page);
  await page.keyboard.press('Escape');

  await control('faults', { latencyMs: 3000, latencyOperations: ['AttachmentUpload'] });
  await widget(page, 'input[type=file]').setInputFiles([
    { name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(1024 * 1024, 1) },
    { name: 'bad.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') },
  ]);
  await widget(page, '.cw-send').click();
  await expect(widget(page, '.cw-tray progress')).toBeVisible();
  states.uploading = await axe(page);
  await resetFaults();

  await control('faults', { fail: { operation: 'WebSocketConnect', status: 500, count: 3 }, dropSockets: true });
  await expect(widget(page, '.cw-banner')).toHaveText('Reconnecting…');
  states.reconnecting = await axe(page);
  await expect(widget(page, '.cw-banner')).toBeHidden({ timeout: 30_000 });

  await widget(page, '[aria-haspopup=menu]').click();
  await widget(page, '[role=menuitem]').filter({ hasText: 'End chat' }).click();
  await expect(widget(page, '[role=alertdialog]')).toBeVisible();
  states.confirm = await axe(page);
  await widget(page, '[role=alertdialog]').getByRole('button', { name: 'End chat' }).click();
  await expect(widget(page, '.cw-ta')).toBeDisabled();
  states.ended = await axe(page);

  expect(states).toEqual({ closed: [], prechat: [], chatting: [], uploading: [], reconnecting: [], confirm: [], ended: [] });
});

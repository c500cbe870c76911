// The pre-chat form: inline validation, then the values become the display name and contact
// attributes that reach the emulator's StartChatContact.
import { expect, test } from '@playwright/test';
import { axe, buildHarness, contactIdOf, EMULATOR, openShop, screenshot, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

const preChatForm = {
  fields: [
    { name: 'name', type: 'name', label: 'Your name', required: true },
    { name: 'email', type: 'email', label: 'Email', required: true },
    { name: 'order', type: 'text', label: 'Order number', pattern: 'GL-\\d{4}', patternMessage: 'Order numbers look like GL-1234.' },
    { name: 'topic', type: 'select', label: 'Topic', required: true, options: [{ value: 'delivery', label: 'Delivery' }, { value: 'refund', label: 'Refund' }] },
    { name: 'newsletter', type: 'checkbox', label: 'Send me the newsletter' },
  ],
};

test('errors show inline next to their fields; valid values start the chat with name and attributes', async ({ page }) => {
  await openShop(page, { config: { preChatForm }, open: true });
  await expect(widget(page, '#cw-f-name')).toBeFocused();
  expect(await axe(page)).toEqual([]);
  await widget(page, '#cw-f-email').fill('sam@');
  await widget(page, '#cw-f-order').fill('1234');
  await widget(page, '.cw-form button[type=submit]').click();
  await expect(widget(page, '#cw-f-name-e')).toHaveText('This field is required.');
  await expect(widget(page, '#cw-f-email-e')).toHaveText('Please enter a valid email address.');
  await expect(widget(page, '#cw-f-order-e')).toHaveText('Order numbers look like GL-1234.');
  await expect(widget(page, '#cw-f-topic-e')).toHaveText('This field is required.');
  await expect(widget(page, '#cw-f-email')).toHaveAttribute('aria-invalid', 'true');
  await expect(widget(page, '#cw-f-name')).toBeFocused();
  expect(await axe(page)).toEqual([]);
  await screenshot(page, 'prechat-errors');

  // Fixing a field clears its error as the visitor types.
  await widget(page, '#cw-f-name').fill('Sam Rivera');
  await expect(widget(page, '#cw-f-name-e')).toHaveCount(0);
  await widget(page, '#cw-f-email').fill('sam@example.com');
  await widget(page, '#cw-f-order').fill('GL-0042');
  await widget(page, '#cw-f-topic').selectOption('refund');
  await widget(page, '#cw-f-newsletter').check();
  await widget(page, '.cw-form button[type=submit]').click();
  await expect(widget(page, '.cw-ta')).toBeVisible();

  const contactId = await contactIdOf(page);
  const contact = (await (await fetch(`${EMULATOR}/emulator/contacts/${contactId}`)).json()) as { Attributes?: Record<string, string>; Participants: { ParticipantRole: string; DisplayName: string }[] };
  expect(contact.Participants.find((p) => p.ParticipantRole === 'CUSTOMER')?.DisplayName).toBe('Sam Rivera');
  expect(contact.Attributes).toMatchObject({ name: 'Sam Rivera', email: 'sam@example.com', order: 'GL-0042', topic: 'refund', newsletter: 'true' });
});

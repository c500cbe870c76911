// Customer authentication (GetAuthenticationUrl): the flow asks, the visitor signs in in a popup
// (the emulator's stand-in identity provider), the widget shows the progress and the result.
import { expect, test } from '@playwright/test';
import { buildHarness, control, openShop, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

test('sign in through the popup; the result and the new name appear in the chat', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  await control(`contacts/${contactId}/authentication`);
  await expect(widget(page, '.cw-notice').filter({ has: page.locator('.cw-auth') })).toContainText('Please sign in to continue.');
  const [popup] = await Promise.all([page.waitForEvent('popup'), widget(page, '.cw-auth').getByRole('button', { name: 'Sign in' }).click()]);
  await expect(widget(page, '.cw-auth')).toContainText('Waiting for you to sign in…');
  await popup.waitForURL(/\/emulator\/auth\//);
  await popup.getByLabel('Name after sign-in').fill('Sam Rivera (verified)');
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(widget(page, '.cw-log')).toContainText('You are signed in.');
  await expect(widget(page, '.cw-auth')).toHaveCount(0);
  await expect.poll(() => popup.isClosed()).toBe(true);
});

test('cancelling the sign-in tells the service and the chat says so', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  await control(`contacts/${contactId}/authentication`);
  const [popup] = await Promise.all([page.waitForEvent('popup'), widget(page, '.cw-auth').getByRole('button', { name: 'Sign in' }).click()]);
  await widget(page, '.cw-auth').getByRole('button', { name: 'Cancel' }).click();
  await expect(widget(page, '.cw-log')).toContainText('Sign-in was cancelled.');
  await expect.poll(() => popup.isClosed()).toBe(true);
});

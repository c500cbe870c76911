// The whole chat under the strict policy of emulator/site-server.ts (default-src 'self'; style-src
// 'self'; script-src 'self'; require-trusted-types-for 'script'; no nonce): start, send, markdown,
// a file both ways, end — and not one violation reported.
import { expect, test } from '@playwright/test';
import { buildHarness, openShop, PNG, record, startChatWithAgent, watchProblems, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

test('the whole chat works with zero CSP violations', async ({ page }) => {
  await fetch(`${test.info().project.use.baseURL}/csp-report`, { method: 'DELETE' });
  const problems = watchProblems(page);
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const response = await openShop(page, { csp: true }).then(() => page.evaluate(() => document.URL));
  expect(response).toContain('/csp/ui-shop.html');

  const { contactId, agent } = await startChatWithAgent(page);
  await agent.say('**Welcome!** See [our FAQ](https://example.com/faq).', 'text/markdown');
  await expect(widget(page, '.cw-log strong')).toHaveText('Welcome!');
  await widget(page, '.cw-ta').fill('Here is my receipt ');
  // The emoji picker (its chunks, styles and the canvas check of what the device draws) under the policy.
  await widget(page, 'button[aria-label="Emoji"]').click();
  await expect(widget(page, '#cw-emo .cw-emo-e').first()).toBeVisible();
  await widget(page, '#cw-emo').getByRole('button', { name: 'Flags' }).click();
  await widget(page, '#cw-emo input').fill('receipt');
  await widget(page, '#cw-emo .cw-emo-e').first().click();
  await expect(widget(page, '.cw-ta')).toHaveValue('Here is my receipt 🧾');
  await widget(page, '.cw-ta').press('Enter');
  await widget(page, 'input[type=file]').setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('order GL-1234') });
  await widget(page, '.cw-send').click();
  await expect.poll(async () => (await record(contactId)).Items.some((i) => i.Type === 'ATTACHMENT' && i.ParticipantRole === 'CUSTOMER')).toBe(true);
  await agent.sendFile('label.png', 'image/png', PNG);
  await expect(widget(page, '.cw-agent .cw-imgbtn canvas[role=img]')).toHaveAccessibleName('Image: label.png');
  await agent.typing();
  await expect(widget(page, '.cw-typing .cw-dots')).toBeVisible();
  await widget(page, '[aria-haspopup=menu]').click();
  await widget(page, '[role=menuitem]').filter({ hasText: 'End chat' }).click();
  await widget(page, '[role=alertdialog]').getByRole('button', { name: 'End chat' }).click();
  await expect(widget(page, '.cw-ta')).toBeDisabled();

  await page.waitForTimeout(500);
  const reported = (await (await fetch(`${test.info().project.use.baseURL}/csp-report`)).json()) as unknown[];
  expect(violations).toEqual([]);
  expect(reported).toEqual([]);
  expect(problems).toEqual([]);
});

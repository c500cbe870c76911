// Ordinary visitor flows that broke when tried by hand: a file sent while offline, a message the
// service got just before the chat ended, the focus when what held it goes away.
import { expect, test, type Page } from '@playwright/test';
import { buildHarness, connectedOf, contactIdOf, control, customerMessages, record, startChatWithAgent, openShop, widget, watchProblems } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

/** The page's current ContactId, or null (contactIdOf waits for one; this reads what there is). */
const currentContact = (page: Page) =>
  page.evaluate(() => (window as unknown as { cw: { session: { contactId: { value: string | null } } } }).cw.session.contactId.value);

/** Routes the files' PUTs: each waits for what `hold` returns for its body, then goes; `done` after it has gone. */
async function routeUploads(page: Page, hold: (body: string | null) => Promise<void> | undefined, done: (body: string | null) => unknown = () => {}) {
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (request.method() !== 'PUT') return route.fallback();
    await hold(request.postData());
    await route.fulfill({ response: await route.fetch() });
    done(request.postData());
  });
}

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

test('a message the service got just before the chat ended shows once, as sent, and is not carried into the next chat', async ({ page }) => {
  const problems = watchProblems(page);
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  // SendMessage reaches the service (its echo comes over the socket) but its answer is held until the
  // chat has ended: the answer the page stops waiting for when the chat ends.
  let answered: () => void = () => {};
  const held = new Promise<void>((resolve) => (answered = resolve));
  await page.route('**/participant/message', async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response }).catch(() => {});
  });
  await widget(page, '.cw-ta').fill('last words before the end');
  await widget(page, '.cw-ta').press('Enter');
  await expect.poll(() => customerMessages(contactId)).toEqual(['last words before the end']);
  const mine = widget(page, '.cw-own').filter({ hasText: 'last words before the end' });
  await expect(mine).toHaveCount(1);
  await control(`contacts/${contactId}/end`);
  await expect(widget(page, '.cw-ended').first()).toBeVisible();
  answered();
  await expect(mine).toHaveCount(1);
  await expect(mine.locator('.cw-fail')).toHaveCount(0);
  // A new chat starts empty: nothing to send again.
  await widget(page, '.cw-ended .cw-pri').click();
  let next: string | null = null;
  await expect.poll(async () => (next = await currentContact(page)) !== null && next !== contactId).toBe(true);
  await connectedOf(page);
  await expect(widget(page, '.cw-own')).toHaveCount(0);
  expect(await customerMessages(next!)).toEqual([]);
  expect(problems).toEqual([]);
});

/** What has the focus: inside the widget's shadow root if it is there. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a ? (a.getAttribute('aria-label') ?? a.textContent ?? a.tagName).trim() : null;
  });

test('the focus stays in the window when what held it goes: the end dialog closes, the chat ends under the box, a new chat asks for the form', async ({ page }) => {
  await openShop(page, { config: { preChatForm: { fields: [{ name: 'name', type: 'name', label: 'Your name', required: true }] } } });
  await widget(page, '#cw-launch').click();
  await expect(widget(page, '#cw-f-name')).toBeFocused();
  await page.keyboard.type('Ada');
  await page.keyboard.press('Enter');
  const contactId = await contactIdOf(page);
  await connectedOf(page);
  await expect(widget(page, '.cw-ta')).toBeFocused();

  // End chat → the dialog's Cancel (Enter): back in the message box, not on the page.
  await widget(page, '.cw-head').getByRole('button', { name: 'Chat options' }).click();
  await widget(page, '[role=menuitem]').filter({ hasText: 'End chat' }).click();
  await expect(widget(page, '[role=alertdialog]').getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget(page, '[role=alertdialog]')).toHaveCount(0);
  await expect.poll(() => focusedName(page)).toBe('Message');

  // The chat ends while the visitor is in the box (the box is disabled): "Start new chat" gets the focus.
  await control(`contacts/${contactId}/end`);
  await expect(widget(page, '.cw-ended .cw-pri')).toBeFocused();
  // Enter on it brings the pre-chat form back, with the focus in its first field.
  await page.keyboard.press('Enter');
  await expect(widget(page, '#cw-f-name')).toBeFocused();
});

test('files reach the chat in the order they were picked, even when the first is slower to upload', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  // The first file's PUT is held until the second's has finished.
  let secondUploaded: () => void = () => {};
  const second = new Promise<void>((resolve) => (secondUploaded = resolve));
  await routeUploads(
    page,
    (body) => (body === 'the first' ? second : undefined),
    (body) => body === 'the second' && secondUploaded(),
  );
  await widget(page, 'input[type=file]').setInputFiles([
    { name: 'first.txt', mimeType: 'text/plain', buffer: Buffer.from('the first') },
    { name: 'second.txt', mimeType: 'text/plain', buffer: Buffer.from('the second') },
  ]);
  await widget(page, '.cw-send').click();
  await expect.poll(() => customerFiles(contactId), { timeout: 20_000 }).toEqual(['first.txt', 'second.txt']);
  await expect(widget(page, '.cw-log .cw-own')).toHaveText([/first\.txt/, /second\.txt/]);
});

test('leaving the page while a file uploads asks first; once it is sent, the page leaves without asking', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await routeUploads(page, () => held);
  await widget(page, 'input[type=file]').setInputFiles([{ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('order 1234') }]);
  await widget(page, '.cw-send').click();
  await expect(widget(page, '.cw-tray li')).toHaveText(['receipt.txt']);
  // The browser's "Leave site?" question; the visitor stays.
  const asked = new Promise<string>((resolve) => {
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.dismiss();
    });
    page.once('close', () => resolve('closed without asking'));
  });
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  release();
  await expect.poll(() => customerFiles(contactId), { timeout: 20_000 }).toEqual(['receipt.txt']);
  await expect(widget(page, '.cw-tray li')).toHaveCount(0);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await page.reload();
  expect(dialogs).toEqual([]);
});

test('starting while offline says so, and the chat starts by itself once the network is back', async ({ page, context }) => {
  const problems = watchProblems(page);
  await openShop(page, { config: { preChatForm: { fields: [{ name: 'name', type: 'name', label: 'Your name', required: true }] } }, open: true });
  await widget(page, '#cw-f-name').fill('Ada');
  await context.setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  await widget(page, '#cw-f-name').press('Enter');
  // Not "could not be started, try again": what is wrong, and that nothing needs doing.
  await expect(widget(page, '.cw-center [role=alert]')).toHaveText('You are offline. Messages will be sent when you are back online.', { timeout: 30_000 });
  await expect(widget(page, '.cw-center').getByRole('button', { name: 'Retry' })).toBeVisible();
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  // No click: the chat starts.
  await contactIdOf(page);
  await expect(widget(page, '.cw-ta')).toBeEnabled();
  expect(problems).toEqual([]);
});

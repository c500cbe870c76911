// The message box at its limits: a huge paste, emoji (the service counts characters, not UTF-16
// units), files that cannot be sent (0 bytes, a name over 256 characters) explained in the tray at
// once, and names with right-to-left override characters that must not show a false extension.
import { record } from '../ui-support';
import { expect, journey, test } from './testing/journey';
import * as s from './testing/steps';
import { UI, attachFiles, typeText } from './testing/ui';

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

test('cdn: a 4 MB paste is capped: the page stays usable and the stored draft is not 4 MB', { tag: '@full' }, async ({ makeWorld }) => {
  const w = await makeWorld({ embed: 'cdn' });
  await w.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await journey(w, [s.visit(), s.openChat()]);
  const page = w.page();
  const huge = 'paste '.repeat(700_000); // 4.2 MB copied from somewhere else
  await page.evaluate((text) => navigator.clipboard.writeText(text), huge);
  await page.locator(UI.composer).click();
  await page.keyboard.press('Control+V');
  const length = await page.locator(UI.composer).evaluate((el: HTMLTextAreaElement) => el.value.length);
  expect(length, 'the box took the whole paste').toBeLessThan(huge.length);
  await expect(page.locator(UI.explanation).first()).toBeVisible();
  await journey(w, [s.reload()]);
  expect(await page.locator(UI.composer).evaluate((el: HTMLTextAreaElement) => el.value.length)).toBeLessThan(huge.length);
});

test('mount: 600 emoji are 600 characters: no "too long", and they reach the service once', { tag: '@short' }, async ({ makeWorld }) => {
  const w = await makeWorld({ embed: 'mount' });
  await journey(w, [s.visit(), s.openChat()]);
  const page = w.page();
  const token = w.token('m');
  const text = `${token} ${'😀'.repeat(600)}`;
  await typeText(page, text);
  await expect(page.locator('.cw-count.cw-over')).toHaveCount(0);
  await page.keyboard.press('Enter');
  w.sent.push({ token, text, n: 1, tab: w.active!.name, retried: false });
  await journey(w, [s.agentSays(1)]);
  expect((await record(w.currentContact()!)).Items.filter((i) => i.Content === text)).toHaveLength(1);
});

const unsendable = [
  { why: 'a 0-byte file', file: { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) } },
  { why: 'a name over 256 characters', file: { name: `${'long-name-'.repeat(27)}.txt`, mimeType: 'text/plain', buffer: Buffer.from('hello') } },
];

for (const u of unsendable) {
  test(`cdn: ${u.why} is explained in the tray at once, before Send`, { tag: '@full' }, async ({ makeWorld }) => {
    const w = await makeWorld({ embed: 'cdn' });
    await journey(w, [s.visit(), s.openChat()]);
    const page = w.page();
    await attachFiles(page, [u.file]);
    const item = page.locator(UI.tray).filter({ hasText: u.file.name.slice(0, 20) });
    await expect(item.locator(UI.trayError).first()).toBeVisible({ timeout: 2000 });
  });
}

test('cdn: a file name with a right-to-left override shows its real extension, in the tray and the transcript', { tag: '@full' }, async ({ makeWorld }) => {
  const w = await makeWorld({ embed: 'cdn' });
  await journey(w, [s.visit(), s.openChat()]);
  const page = w.page();
  const name = 'invoice\u202efdp.txt'; // reads "invoicetxt.pdf" when the override is honoured
  await attachFiles(page, [{ name, mimeType: 'text/plain', buffer: Buffer.from('not a pdf') }]);
  const tray = page.locator(UI.tray).first();
  await expect(tray).toBeVisible();
  expect(await tray.locator('.cw-fname').textContent()).not.toMatch(BIDI_CONTROLS);
  await page.locator(UI.send).click();
  const shown = page.locator(`${UI.log} .cw-att`).last();
  await expect(shown).toBeVisible({ timeout: 10_000 });
  expect(await shown.textContent()).not.toMatch(BIDI_CONTROLS);
});

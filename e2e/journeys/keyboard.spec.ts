// A first visit from the keyboard only: Tab to the launcher and Enter before widget.js has even
// arrived, type at once; with a pre-chat form, submit it with Enter and type the first message at
// once. Nothing typed may fall on the page's <body>.
import type { Page } from '@playwright/test';
import { checkInvariants, describeViolations } from './testing/invariants';
import { expect, journey, test } from './testing/journey';
import * as s from './testing/steps';
import { UI, composerText } from './testing/ui';
import type { World } from './testing/world';

/** Tab until the chat launcher (the loader's, in its shadow root) has the focus. */
async function tabToLauncher(page: Page): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.hasAttribute('data-connect-chat') ?? false)) return;
  }
  throw new Error('Tab never reached the chat launcher');
}

/** Types a message without touching the mouse, sends it with Enter, and records it as sent. */
async function typeAndEnter(w: World, words: string): Promise<void> {
  const token = w.token('m');
  await w.page().keyboard.type(`${token} ${words}`);
  const box = (await composerText(w.page())) ?? '';
  expect(box, `what the visitor typed went elsewhere (focus: ${await focused(w.page())})`).toContain(token);
  await w.page().keyboard.press('Enter');
  w.sent.push({ token, text: `${token} ${words}`, n: w.sent.length + 1, tab: w.active!.name, retried: false });
  const found = await checkInvariants(w);
  expect(found, describeViolations(found)).toEqual([]);
}

const focused = (page: Page) => page.evaluate(() => {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el ? `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}` : 'nothing';
});

test('cdn: Enter on the launcher before widget.js has loaded, then typing at once', { tag: '@short' }, async ({ makeWorld }) => {
  // A French site: the language loads with the widget, so the window renders a moment after it opens.
  // (With English, built in, the window renders at once and the focus happens to land in the box.)
  const w = await makeWorld({ embed: 'cdn', holdWidget: true, config: { locale: 'fr' } });
  await journey(w, [s.visit()]);
  const page = w.page();
  await tabToLauncher(page);
  await page.keyboard.press('Enter');
  w.releaseWidget();
  await page.locator(UI.window).waitFor({ state: 'visible', timeout: 20_000 });
  await typeAndEnter(w, 'hello, typed straight away');
});

/** Opens the window from the keyboard on a site with a pre-chat form. */
async function openFormByKeyboard(w: World): Promise<Page> {
  await journey(w, [s.visit()]);
  const page = w.page();
  await tabToLauncher(page);
  await page.keyboard.press('Enter');
  await page.locator(UI.form).waitFor({ state: 'visible', timeout: 20_000 });
  return page;
}

test('cdn: the pre-chat form opened from the keyboard has the focus in its first field', { tag: '@full' }, async ({ makeWorld }) => {
  const page = await openFormByKeyboard(await makeWorld({ embed: 'cdn', config: { preChatForm: s.PRE_CHAT_FORM } }));
  await expect.poll(() => focused(page), { message: 'the first field has the focus', timeout: 5000 }).toContain('input');
});

test('cdn: pre-chat form submitted with Enter, then the first message typed at once', { tag: '@full' }, async ({ makeWorld }) => {
  const w = await makeWorld({ embed: 'cdn', config: { preChatForm: s.PRE_CHAT_FORM } });
  const page = await openFormByKeyboard(w);
  // Into the first field from the keyboard (the test above covers whether it already has the focus).
  if (!(await focused(page)).startsWith('input')) await page.locator(UI.form).locator('input').first().focus();
  await page.keyboard.type(s.PRE_CHAT_VALUES[0]);
  await page.keyboard.press('Tab');
  await page.keyboard.type(s.PRE_CHAT_VALUES[1]);
  await page.keyboard.press('Enter');
  await page.locator(UI.composer).waitFor({ state: 'visible', timeout: 20_000 });
  await typeAndEnter(w, 'my first message');
});

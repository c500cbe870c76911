// A first visit with the keyboard only, through the script tag (CDN build): Enter on the loader's
// launcher before widget.js has arrived ends with the focus in the window, and submitting the
// pre-chat form with Enter puts it in the message box, so nothing the visitor types is lost. (issue 11)
import { expect, test, type Page } from '@playwright/test';
import { EMULATOR_PORT, loaderLauncher, startedContactId, holdBack } from './embed-support.js';
import { customerMessages } from './ui-support.js';

const FORM = { preChatForm: { fields: [{ name: 'name', type: 'name', label: 'Your name', required: true }] } };

function snippetUrl(config: Record<string, unknown>): string {
  return `/embed-snippet.html?${new URLSearchParams({ emu: String(EMULATOR_PORT), config: JSON.stringify({ storageKey: `e2e-kbd-${Math.random().toString(36).slice(2)}`, ...config }) })}`;
}

/** The element that has the focus, looking into shadow roots: tag, id and class. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${el.id}.${el.className}` : 'none';
  });

/** Holds widget.js back until the returned function is called. */
const holdWidget = (page: Page) => holdBack(page, '/dist/cdn/widget.js');

test('Enter on the launcher before widget.js has loaded: the pre-chat form gets the focus, then Enter on it the message box', async ({ page }) => {
  const release = await holdWidget(page);
  await page.goto(snippetUrl(FORM));
  await loaderLauncher(page).focus();
  await page.keyboard.press('Enter');
  release();
  await expect.poll(() => focused(page)).toBe('input#cw-f-name.cw-input');
  await page.keyboard.type('Ada');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatch(/^textarea#?\.cw-ta/);
  await page.keyboard.type('Typed right after the form');
  await page.keyboard.press('Enter');
  const contactId = await startedContactId(page);
  await expect
    .poll(() => customerMessages(contactId))
    .toEqual(['Typed right after the form']);
});

test('Enter on the launcher before widget.js has loaded, no pre-chat form: the message box gets the focus', async ({ page }) => {
  const release = await holdWidget(page);
  await page.goto(snippetUrl({}));
  await loaderLauncher(page).focus();
  await page.keyboard.press('Enter');
  release();
  await expect.poll(() => focused(page)).toMatch(/^textarea#?\.cw-ta/);
  await page.keyboard.type('Hello from the keyboard');
  await page.keyboard.press('Enter');
  const contactId = await startedContactId(page);
  await expect
    .poll(() => customerMessages(contactId))
    .toEqual(['Hello from the keyboard']);
});

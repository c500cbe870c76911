// The visitor's hands: everything a person does with the widget, by mouse and keyboard only, and the
// selectors it needs (in one place, so a change of markup is one edit). Playwright's locators pierce
// the widget's open shadow root, whichever way it was embedded.
import type { Locator, Page } from '@playwright/test';

export const UI = {
  /** The widget's launcher, or loader.js's before widget.js has arrived. */
  launcher: '#cw-launch:visible, [data-connect-chat] .cw-launch:visible',
  /** The widget once it has resumed what was stored (and reopened the window if it was open). */
  settled: '.cw[data-ready]',
  window: '#cw-win',
  composer: '.cw-ta',
  send: '.cw-send',
  log: '[role=log]',
  ownRow: '.cw-row.cw-own',
  menu: '[aria-haspopup=menu]',
  menuItem: '[role=menuitem]',
  confirm: '[role=alertdialog]',
  ended: '.cw-ended',
  form: '.cw-form',
  attach: '[aria-label="Attach files"]',
  tray: '.cw-tray li',
  trayError: '.cw-err, [role=alert]',
  /** What may explain, visibly, why a message did not go out. */
  explanation: '[role=alert]:visible, .cw-banner:visible, .cw-count.cw-over:visible, .cw-fail:visible',
} as const;

export const $ = (page: Page, selector: string): Locator => page.locator(selector);

const VISIBLE = { state: 'visible' as const, timeout: 10_000 };

export async function windowOpen(page: Page): Promise<boolean> {
  return page.locator(UI.window).isVisible();
}

/** Clicks the launcher unless the window is already open; resolves once it is. */
export async function openWindow(page: Page): Promise<void> {
  if (await windowOpen(page)) return;
  await page.locator(UI.launcher).first().click();
  await page.locator(UI.window).waitFor(VISIBLE);
}

export async function closeWindow(page: Page): Promise<void> {
  if (!(await windowOpen(page))) return;
  await page.locator(UI.launcher).first().click();
  await page.locator(UI.window).waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * Clicks into the message box, puts the caret at the end and enters `text` as one input (as a phone
 * keyboard's suggestion or an IME commits it). Key-by-key typing at machine speed loses characters in
 * a follower tab (a defect not on issue 11's list: see typing.spec.ts), which would hide every other
 * result of a journey behind it.
 */
export async function typeText(page: Page, text: string): Promise<void> {
  const box = page.locator(UI.composer);
  await box.click({ timeout: 10_000 });
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

/**
 * Types like typeText and says what the box itself received. Between the click and the keys the box
 * can be disabled (the end of the chat arrived): the keys then reach no text box, and nothing was
 * typed. Told by the box's own input events, so text that went in and was later lost still counts.
 */
export async function typeTextReceived(page: Page, text: string): Promise<string> {
  const box = page.locator(UI.composer);
  await box.click({ timeout: 10_000 });
  const handle = await box.elementHandle();
  await handle?.evaluate((el) => {
    const box = el as HTMLTextAreaElement & { cwReceived?: string; cwRecord?: (e: InputEvent) => void };
    box.cwReceived = '';
    box.cwRecord = (e) => (box.cwReceived += e.data ?? '');
    box.addEventListener('beforeinput', box.cwRecord);
  });
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
  return (
    (await handle
      ?.evaluate((el) => {
        const box = el as HTMLTextAreaElement & { cwReceived?: string; cwRecord?: (e: InputEvent) => void };
        if (box.cwRecord) box.removeEventListener('beforeinput', box.cwRecord);
        return box.cwReceived ?? '';
      })
      .catch(() => null)) ?? text // the box was replaced meanwhile: assume it all went in (the strict reading)
  );
}

export const composerText = (page: Page): Promise<string | null> =>
  page.locator(UI.composer).inputValue({ timeout: 2000 }).catch(() => null);

/** Fills the pre-chat form from the keyboard (the first field has the focus) and submits with Enter. */
export async function fillPreChat(page: Page, values: string[]): Promise<void> {
  const form = page.locator(UI.form);
  await form.waitFor(VISIBLE);
  await form.locator('input, select, textarea').first().focus();
  for (let i = 0; i < values.length; i++) {
    if (i > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(values[i]);
  }
  await page.keyboard.press('Enter');
}

/** Menu → End chat → confirm. */
export async function endChatFromMenu(page: Page): Promise<void> {
  await page.locator(UI.menu).click();
  await page.locator(UI.menuItem).filter({ hasText: 'End chat' }).click();
  await page.locator(UI.confirm).getByRole('button', { name: 'End chat' }).click();
}

export const newChatButton = (page: Page): Locator => page.locator(UI.ended).getByRole('button', { name: 'Start new chat' });

export const retryButton = (page: Page, token: string): Locator =>
  page.locator(UI.ownRow).filter({ hasText: token }).getByRole('button', { name: 'Retry' });

/** Opens the file chooser with the paper-clip button and picks `files`. */
export async function attachFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(UI.attach).click()]);
  await chooser.setFiles(files);
}

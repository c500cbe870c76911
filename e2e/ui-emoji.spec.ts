// The composer's emoji picker: nothing of it loads before the visitor opens it; then its two chunks
// (code and data) load from the widget's own origin; keyboard only: open, search, arrow into the
// grid, Enter inserts at the caret (over a selection), Escape closes and gives the caret back; the
// mouse: a group, a skin tone, recently used; axe clean while open; emojiPicker: false removes it.
import { expect, test, type Page } from '@playwright/test';
import { axe, buildHarness, openShop, record, reload, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

/** Script files the page fetched whose name says emoji. */
function emojiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const file = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (/emoji/i.test(file)) seen.push(file);
  });
  return seen;
}

const caret = (page: Page) => widget(page, '.cw-ta').evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd]);

test('keyboard only: search, arrow into the grid, Enter inserts at the caret; Escape closes; nothing loads before the first open', async ({ page }) => {
  const loaded = emojiRequests(page);
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  const box = widget(page, '.cw-ta');
  await box.fill('Thanks a lot!');
  await expect(widget(page, '.cw-ta')).toBeEnabled();
  expect(loaded, 'no emoji chunk before the picker is opened').toEqual([]);

  // The caret after "Thanks", then Shift+Tab to the emoji button (the keyboard user's way there).
  await box.focus();
  await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(6, 6));
  await page.keyboard.press('Shift+Tab');
  const button = widget(page, 'button[aria-label="Emoji"]');
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  const picker = widget(page, '[role=dialog][aria-label="Emoji"]');
  await expect(picker).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(picker.getByRole('searchbox', { name: 'Search emoji' })).toBeFocused();
  expect(loaded.map((f) => f.replace(/-[\w-]{8}\.js$/, '.js')).sort()).toEqual(['emoji-data.js', 'emoji-picker.js']);

  await page.keyboard.type('thumbs');
  const results = picker.getByRole('group', { name: 'Search emoji' }).getByRole('button');
  await expect(results.first()).toHaveText('👍️');
  await page.keyboard.press('ArrowDown');
  await expect(results.first()).toBeFocused();
  await expect(widget(page, '.cw-emo-name')).toHaveText('thumbs up');
  await page.keyboard.press('ArrowRight');
  await expect(results.nth(1)).toBeFocused(); // thumbs down
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('Thanks👍️ a lot!');
  expect(await caret(page)).toEqual([6 + '👍️'.length, 6 + '👍️'.length]);

  // Over a selection, from the search's Enter (the first result); then Escape leaves the text as it was.
  await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 6)); // "Thanks"
  await button.click();
  await page.keyboard.type('red heart');
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue('❤️👍️ a lot!');
  await button.click();
  await expect(picker).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(widget(page, '#cw-win')).toBeVisible(); // Escape closed the picker, not the window
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('❤️👍️ a lot!');

  await box.press('End');
  await box.press('Enter');
  await expect.poll(async () => (await record(contactId)).Items.filter((i) => i.ParticipantRole === 'CUSTOMER' && i.Type === 'MESSAGE').map((i) => i.Content)).toEqual(['❤️👍️ a lot!']);
  expect(loaded).toHaveLength(2); // loaded once
});

test('mouse: a group, a skin tone, recently used first; no match says so; axe clean while open', async ({ page }) => {
  await openShop(page);
  await startChatWithAgent(page);
  const box = widget(page, '.cw-ta');
  const button = widget(page, 'button[aria-label="Emoji"]');
  await button.click();
  const picker = widget(page, '#cw-emo');
  await expect(picker.locator('.cw-emo-e').first()).toBeVisible();
  expect(await axe(page)).toEqual([]);

  await picker.getByRole('button', { name: 'Flags' }).click();
  const flags = picker.getByRole('group', { name: 'Flags' });
  await expect(flags).toBeInViewport();
  // Country flags are named in the visitor's language by the browser.
  const germany = flags.getByRole('button', { name: '🇩🇪' });
  await germany.hover();
  await expect(widget(page, '.cw-emo-name')).toHaveText('Germany');
  await germany.click();
  await expect(box).toHaveValue('🇩🇪');

  await button.click();
  await expect(picker.getByRole('group', { name: 'Recently used' }).getByRole('button')).toHaveText(['🇩🇪']);
  // Skin tone: the hand cycles through the tones; emoji that take one get it.
  const tone = picker.getByRole('button', { name: /^Skin tone/ });
  await tone.click();
  await tone.click();
  await tone.click(); // medium
  await expect(tone).toHaveText('✋🏽');
  await picker.getByRole('searchbox').fill('waving hand');
  await picker.getByRole('group', { name: 'Search emoji' }).getByRole('button').first().click();
  await expect(box).toHaveValue('🇩🇪👋🏽');

  await button.click();
  await picker.getByRole('searchbox').fill('zzqx');
  await expect(picker.getByText('No emoji found')).toBeVisible();
  expect(await axe(page)).toEqual([]);
  // A click outside closes it (here on the header; the picker covers the transcript's middle).
  await widget(page, '.cw-titles').click();
  await expect(picker).toBeHidden();
  await expect(box).toHaveValue('🇩🇪👋🏽');

  // The tone and the recently used survive a reload (stored with the widget's key).
  await reload(page);
  await expect(widget(page, '#cw-win')).toBeVisible(); // it was open: it reopens by itself
  await widget(page, 'button[aria-label="Emoji"]').click();
  await expect(picker.getByRole('button', { name: /^Skin tone/ })).toHaveText('✋🏽');
  await expect(picker.getByRole('group', { name: 'Recently used' }).getByRole('button')).toHaveText(['👋🏽', '🇩🇪']);
});

test('emojiPicker: false shows no emoji button', async ({ page }) => {
  await openShop(page, { config: { emojiPicker: false } });
  await startChatWithAgent(page);
  await expect(widget(page, '.cw-ta')).toBeEnabled();
  await expect(widget(page, 'button[aria-label="Emoji"]')).toHaveCount(0);
});

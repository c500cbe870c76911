// The script-tag widget (dist/cdn: loader.js, widget.js) as a visitor meets it, measured in Chromium:
// one launcher from loader.js through the widget's load, in look and in motion (issue 14 item 12);
// state within a frame of the click, a progress bar, a pre-chat window sized to its form (item 14);
// the window open again after a reload (item 6). Run `npm run build` first.
import { expect, test, type Page } from '@playwright/test';
import { EMULATOR_PORT, launcher, loaderLauncher, startedContactId, holdBack } from './embed-support.js';
import AxeBuilder from '@axe-core/playwright';

function snippetUrl(config: Record<string, unknown>): string {
  const storageKey = `e2e-look-${Math.random().toString(36).slice(2)}`;
  return `/embed-snippet.html?${new URLSearchParams({ emu: String(EMULATOR_PORT), config: JSON.stringify({ storageKey, ...config }) })}`;
}
const w = (page: Page, selector: string) => page.locator(`[data-connect-chat] ${selector}`);
/** axe-core on the widget's host (the snippet's, not the UI harness's). */
const axe = async (page: Page): Promise<string[]> =>
  (await new AxeBuilder({ page }).include('[data-connect-chat]').analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
const FORM = { preChatForm: { fields: [{ name: 'name', type: 'name', label: 'Name', required: true }] } };

/** Holds widget.js back until the returned function is called. */
const holdWidget = (page: Page) => holdBack(page, '/dist/cdn/widget.js');

/** What a visitor sees of a launcher, once its motion has settled and the pointer is away. */
interface Look {
  rect: number[];
  background: string;
  color: string;
  radius: string;
  shadow: string;
  cursor: string;
  focusRing: string;
  glyphs: { d?: string | null; opacity: string; fill: string; size: number[] }[];
}
async function looks(page: Page, selector: 'loader' | 'widget'): Promise<Look> {
  const el = selector === 'loader' ? loaderLauncher(page) : launcher(page);
  await page.mouse.move(1, 1);
  await el.evaluate((b) => Promise.all([b, ...b.querySelectorAll('svg')].flatMap((x) => x.getAnimations().map((a) => a.finished))));
  return el.evaluate((b) => {
    const s = getComputedStyle(b);
    const r = b.getBoundingClientRect();
    const glyphs = [...b.querySelectorAll('svg')].map((g) => {
      const box = g.getBoundingClientRect();
      return { d: g.querySelector('path')?.getAttribute('d'), opacity: getComputedStyle(g).opacity, fill: getComputedStyle(g).fill, size: [box.width, box.height].map(Math.round) };
    });
    // The focus ring, as the stylesheets give it to :focus-visible (without moving the focus).
    const rules = (b.getRootNode() as ShadowRoot).adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
    const focusRing = [...new Set(rules.filter((rule) => rule instanceof CSSStyleRule && rule.selectorText === '.cw-launch:focus-visible').map((rule) => (rule as CSSStyleRule).style.cssText))].join(' | ');
    return { rect: [r.x, r.y, r.width, r.height].map(Math.round), background: s.backgroundColor, color: s.color, radius: s.borderRadius, shadow: s.boxShadow, cursor: s.cursor, focusRing, glyphs };
  });
}

const THEMES: [string, Record<string, unknown>, 'light' | 'dark'][] = [
  ['default', {}, 'light'],
  ['dark, following the system', { theme: { mode: 'auto' } }, 'dark'],
  ['a light brand colour', { theme: { light: { primary: '#ffd43b' } } }, 'light'],
  ['a saturated brand colour, left side, big', { theme: { light: { primary: '#e6007e' }, launcherSize: 64 }, position: { side: 'left', offsetX: 32 } }, 'light'],
  ['a dark brand colour in dark mode', { theme: { mode: 'dark', light: { primary: '#0b1f3a' } } }, 'dark'],
];

for (const [name, config, scheme] of THEMES) {
  test(`one launcher from loader.js to the widget: same place, shape, colours and icon (${name}) (item 12)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(snippetUrl(config));
    await expect(loaderLauncher(page)).toBeVisible();
    const before = await looks(page, 'loader');
    await loaderLauncher(page).click();
    await expect(w(page, '#cw-win')).toBeVisible();
    await expect(loaderLauncher(page)).toHaveCount(0);
    const open = await looks(page, 'widget');
    await launcher(page).click();
    await expect(w(page, '#cw-win')).toBeHidden();
    const after = await looks(page, 'widget');
    expect(after).toEqual(before);
    // Open, the same launcher shows the chevron instead of the bubble.
    expect(before.glyphs.map((g) => g.opacity)).toEqual(['1', '0']);
    const [bubble, chevron] = before.glyphs;
    expect(open.glyphs).toEqual([{ ...bubble, opacity: '0', size: chevron.size }, { ...chevron, opacity: '1', size: bubble.size }]);
  });
}

test('state within a frame of the click: the launcher turns and the window shell is drawn where the window will be, while widget.js is still on its way (item 14)', async ({ page }) => {
  await page.goto(snippetUrl({}));
  const closed = await looks(page, 'loader');
  const release = await holdWidget(page);
  // The click and the frame after it, measured in the page: checked in a requestAnimationFrame
  // callback, so what it finds is what that frame paints.
  const frame = await page.evaluate(async () => {
    const root = document.querySelector('[data-connect-chat]')!.shadowRoot!;
    const button = root.querySelector<HTMLElement>('.cw-launch')!;
    button.click();
    return new Promise((done) =>
      requestAnimationFrame(() => {
        const shell = root.querySelector<HTMLElement>('.cw-shell');
        const box = shell?.getBoundingClientRect();
        done({
          expanded: button.getAttribute('aria-expanded'),
          shell: shell && { height: Math.round(box!.height) > 100, bar: getComputedStyle(shell, '::after').animationName, header: getComputedStyle(shell).borderTopWidth },
        });
      }),
    );
  });
  expect(frame).toEqual({ expanded: 'true', shell: { height: true, bar: 'cw-bar', header: '60px' } });
  const shellBox = await w(page, '.cw-shell').boundingBox();
  const opening = await looks(page, 'loader');
  expect(await axe(page)).toEqual([]);
  // The widget arrives: its window takes the shell's place exactly, the shell goes, and its launcher
  // is the loader's, open as it was.
  release();
  await expect(w(page, '#cw-win')).toBeVisible();
  await expect(w(page, '.cw-shell')).toHaveCount(0);
  expect(await w(page, '#cw-win').boundingBox()).toEqual(shellBox);
  expect(await looks(page, 'widget')).toEqual(opening);
  expect(opening.rect).toEqual(closed.rect);
  await startedContactId(page);
});

test('on a phone the shell fills the screen and the launcher steps aside, as the window does (item 14)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(snippetUrl({}));
  const release = await holdWidget(page);
  await loaderLauncher(page).click();
  expect(await w(page, '.cw-shell').boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
  await expect(loaderLauncher(page)).toBeHidden();
  release();
  await expect(w(page, '#cw-win')).toBeVisible();
  expect(await w(page, '#cw-win').boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
});

test('a pre-chat shell is about as tall as the form window that replaces it, in the same place (item 14)', async ({ page }) => {
  await page.goto(snippetUrl({ preChatForm: { fields: [{ name: 'name', type: 'name', label: 'Name', required: true }, { name: 'email', type: 'email', label: 'Email' }] } }));
  const release = await holdWidget(page);
  await loaderLauncher(page).click();
  const shell = (await w(page, '.cw-shell').boundingBox())!;
  release();
  await expect(w(page, '.cw-form')).toBeVisible();
  const win = (await w(page, '#cw-win').boundingBox())!;
  expect([shell.x, shell.y + shell.height, shell.width]).toEqual([win.x, win.y + win.height, win.width]);
  expect(Math.abs(shell.height - win.height)).toBeLessThanOrEqual(24);
});

test('a window that cannot load gives the launcher back, not expanded; the shell turns into a card that says so, without its bar (item 14)', async ({ page }) => {
  await page.goto(snippetUrl({}));
  await expect(loaderLauncher(page)).toBeVisible();
  await page.route('**/dist/cdn/widget.js', (route) => route.abort());
  await loaderLauncher(page).click();
  const shell = w(page, '.cw-shell');
  await expect(shell).toHaveText('The chat could not be loaded. Check your connection and try again.');
  await expect(shell).toHaveAttribute('role', 'alert');
  expect(await shell.evaluate((el) => [getComputedStyle(el, '::after').content, getComputedStyle(el).borderTopWidth])).toEqual(['none', '0px']);
  await expect(loaderLauncher(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(loaderLauncher(page)).toBeVisible();
});

test('a stored chat whose widget.js cannot be loaded still leaves a launcher to click (item 12)', async ({ page }) => {
  const url = snippetUrl({});
  const storageKey = (JSON.parse(new URL(url, 'http://x').searchParams.get('config')!) as { storageKey: string }).storageKey;
  await page.addInitScript((key) => localStorage.setItem(`connect-chat-widget:${key}:active`, '1'), storageKey);
  await page.route('**/dist/cdn/widget.js', (route) => route.abort());
  await page.goto(url);
  await expect(loaderLauncher(page)).toBeVisible();
  await expect(loaderLauncher(page)).toHaveAttribute('aria-expanded', 'false');
});

test('the launcher does not wait for validate.js: it opens the chat when validate.js cannot be loaded (item 12)', async ({ page }) => {
  await page.route('**/dist/cdn/validate.js', (route) => route.abort());
  await page.goto(snippetUrl({}));
  await loaderLauncher(page).click();
  await startedContactId(page);
});

test('starting: a progress bar under the header while the chat connects; the pre-chat window fits its form (item 14)', async ({ page }) => {
  await page.goto(snippetUrl(FORM));
  await loaderLauncher(page).click();
  await expect(w(page, '.cw-form')).toBeVisible();
  // No empty area under the form: the window ends where the form does.
  const gap = await w(page, '#cw-win').evaluate((win) => win.getBoundingClientRect().bottom - win.querySelector('.cw-form')!.getBoundingClientRect().bottom);
  expect(gap).toBeLessThanOrEqual(2);
  await fetch(`http://127.0.0.1:${EMULATOR_PORT}/emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: 2000, latencyOperations: ['StartChat'] }) });
  try {
    await w(page, '#cw-f-name').fill('Kim');
    await w(page, '#cw-f-name').press('Enter');
    await expect(w(page, '.cw-body .cw-bar')).toBeVisible();
    await expect(w(page, '.cw-center [role=status]')).toHaveText('Connecting you…');
    expect(await axe(page)).toEqual([]);
  } finally {
    await fetch(`http://127.0.0.1:${EMULATOR_PORT}/emulator/faults`, { method: 'DELETE' });
  }
  await startedContactId(page);
  await expect(w(page, '.cw-body .cw-bar')).toHaveCount(0);
});

test('the window opens again after a reload when it was open, without taking the focus; closed stays closed (item 6)', async ({ page }) => {
  await page.goto(snippetUrl({}));
  await loaderLauncher(page).click();
  await startedContactId(page);
  await expect(w(page, '.cw-ta')).toBeEnabled();
  await page.reload();
  await expect(w(page, '#cw-win')).toBeVisible();
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'true');
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  // Closed, it stays closed.
  await launcher(page).click();
  await expect(w(page, '#cw-win')).toBeHidden();
  await page.reload();
  await expect(w(page, '.cw[data-ready]')).toBeAttached(); // the stored chat brings the widget at once, and it has settled
  await expect(w(page, '#cw-win')).toBeHidden();
});

test('a pre-chat form open before a reload is there again; an ended chat does not start a new one by reopening (item 6)', async ({ page }) => {
  await page.goto(snippetUrl(FORM));
  await loaderLauncher(page).click();
  await expect(w(page, '.cw-form')).toBeVisible();
  await page.reload();
  await expect(w(page, '.cw-form')).toBeVisible();

  await page.goto(snippetUrl({}));
  await loaderLauncher(page).click();
  const contactId = await startedContactId(page);
  await fetch(`http://127.0.0.1:${EMULATOR_PORT}/emulator/contacts/${contactId}/end`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  await expect(w(page, '.cw-ta')).toBeDisabled();
  const starts: string[] = [];
  page.on('request', (r) => r.url().endsWith('/start-chat') && starts.push(r.url()));
  await page.reload();
  await expect(w(page, '.cw[data-ready]')).toBeAttached(); // the window was open: the widget loads at once, and has settled
  await expect(w(page, '#cw-win')).toBeHidden();
  await expect(w(page, '.cw-shell')).toHaveCount(0); // the shell drawn at once for the reopening goes with nothing to show
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
  expect(starts).toEqual([]);
});

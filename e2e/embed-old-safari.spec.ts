// Safari 15.4 to 16.3 (README's oldest supported) has no constructable style sheets: `new
// CSSStyleSheet()` throws and shadow roots have no adoptedStyleSheets. There loader.js, hours.js and
// the widget put their CSS in <style> elements: nothing is thrown into the page, and the launcher and
// the window look as they do elsewhere. Run `npm run build` first.
import { expect, test, type Page } from '@playwright/test';
import { EMULATOR_PORT, launcher, loaderLauncher } from './embed-support.js';

const BRAND = { theme: { light: { primary: '#e6007e' }, launcherSize: 64 }, position: { side: 'left', offsetX: 32 } };
const CLOSED = { ...BRAND, availability: '/hours-closed.json' };
const w = (page: Page, selector: string) => page.locator(`[data-connect-chat] ${selector}`);

/** Makes this page's Chromium lack constructable style sheets, as Safari 16.3 does. */
async function asOldSafari(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Real = CSSStyleSheet;
    const Illegal = function CSSStyleSheet() {
      throw new TypeError('Illegal constructor');
    };
    Illegal.prototype = Real.prototype;
    (window as unknown as { CSSStyleSheet: unknown }).CSSStyleSheet = Illegal;
    delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    delete (Document.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
  });
}

/** What a visitor sees: the loader's launcher, the widget's launcher and open window, the page's errors. */
async function visit(page: Page, config: Record<string, unknown>): Promise<{ errors: string[]; looks: unknown[] }> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const storageKey = `e2e-old-safari-${Math.random().toString(36).slice(2)}`;
  await page.goto(`/embed-snippet.html?${new URLSearchParams({ emu: String(EMULATOR_PORT), config: JSON.stringify({ storageKey, ...config }) })}`);
  await expect(loaderLauncher(page)).toBeVisible();
  await page.mouse.move(1, 1);
  const look = (selector: string) =>
    w(page, selector).evaluate((el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const dot = getComputedStyle(el, '::after');
      return { rect: [r.x, r.y, r.width, r.height].map(Math.round), background: s.backgroundColor, color: s.color, radius: s.borderRadius, shadow: s.boxShadow, position: s.position, dot: dot.backgroundColor };
    });
  if (config.availability) {
    // hours.js marks the launcher "away": its grey dot comes from hours.js's own style sheet.
    await expect(loaderLauncher(page)).toHaveClass(/away/);
    return { errors, looks: [await look('.cw-launch:not(#cw-launch)')] };
  }
  const looks = [await look('.cw-launch:not(#cw-launch)')];
  await loaderLauncher(page).click();
  await expect(w(page, '#cw-win')).toBeVisible();
  await expect(loaderLauncher(page)).toHaveCount(0);
  await w(page, '#cw-win').evaluate((el) => Promise.all((el.getRootNode() as ShadowRoot).getAnimations().map((a) => a.finished.catch(() => undefined))));
  looks.push(await look('#cw-win'), await look('.cw-head'), await look('.cw-ta'));
  // The composer takes what the visitor types.
  await w(page, '.cw-ta').pressSequentially('Hello');
  await expect(w(page, '.cw-ta')).toHaveValue('Hello');
  await launcher(page).click();
  await expect(w(page, '#cw-win')).toBeHidden();
  await page.mouse.move(1, 1);
  await launcher(page).evaluate((b) => Promise.all([b, ...b.querySelectorAll('svg')].flatMap((x) => x.getAnimations().map((a) => a.finished.catch(() => undefined)))));
  looks.push(await look('#cw-launch'));
  return { errors, looks };
}

test('without constructable style sheets (Safari 15.4-16.3) the launcher, the away dot and the window look as elsewhere, and nothing is thrown into the page', async ({ browser }) => {
  for (const config of [BRAND, CLOSED]) {
    const today = await browser.newPage();
    const modern = await visit(today, config);
    await today.close();
    const old = await browser.newPage();
    await asOldSafari(old);
    const safari = await visit(old, config);
    // The simulation holds: this page cannot construct a style sheet, and the CSS is in <style>s.
    expect(await old.evaluate(() => { try { new CSSStyleSheet(); return 'constructed'; } catch { return 'throws'; } })).toBe('throws');
    expect(await w(old, 'style').count()).toBeGreaterThan(0);
    await old.close();
    expect(modern.errors).toEqual([]);
    expect(safari.errors).toEqual([]);
    expect(safari.looks).toEqual(modern.looks);
  }
});

// The script tag: the README's snippet with calls made before loader.js arrives, the loader's
// promises (no layout shift, no widget chunk before the first open unless a chat is stored), the
// one console error for bad options, and the whole API and its events through ConnectChat(...).
import { expect, test, type Page, type Request } from '@playwright/test';
import {
  EMULATOR_PORT,
  callChat,
  chatWindow,
  clearFaults,
  consoleErrors,
  contactInfo,
  driveApiAndEvents,
  eventNames,
  launcher,
  loaderLauncher,
  setFaults,
  startedContactId,
  waitForEvent,
} from './embed-support.js';

function snippetUrl(options: { config?: Record<string, unknown>; calls?: unknown[][] } = {}): string {
  const query = new URLSearchParams({ emu: String(EMULATOR_PORT) });
  if (options.config) query.set('config', JSON.stringify(options.config));
  if (options.calls) query.set('calls', JSON.stringify(options.calls));
  return `/embed-snippet.html?${query}`;
}

/** Every request for the widget chunk (widget.js) the page makes. */
function watchWidgetFetches(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/dist/cdn/widget.js') seen.push(r);
  });
  return seen;
}

/** The page's cumulative layout shift so far (all layout-shift entries, buffered). */
function cumulativeLayoutShift(page: Page): Promise<{ cls: number; entries: number }> {
  return page.evaluate(
    () =>
      new Promise<{ cls: number; entries: number }>((resolve) => {
        let cls = 0;
        let entries = 0;
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) {
            cls += e.value;
            entries++;
          }
        });
        observer.observe({ type: 'layout-shift', buffered: true });
        // Buffered entries arrive in the first callback; give it a frame.
        requestAnimationFrame(() => setTimeout(() => {
          observer.disconnect();
          resolve({ cls, entries });
        }, 50));
      }),
  );
}

test.afterEach(async () => {
  await clearFaults();
});

test('calls made before loader.js arrives are replayed in order', async ({ page }) => {
  const errors = consoleErrors(page);
  // Hold loader.js until the page has queued its calls (and the visitor clicked the site's own button).
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/dist/cdn/loader.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(
    snippetUrl({
      config: { storageKey: 'e2e-early', displayName: 'Early Eve' },
      calls: [['setAttributes', { queued: 'before-init' }], ['init'], ['setLocale', 'de']],
    }),
    { waitUntil: 'domcontentloaded' },
  );
  await page.locator('#own-button').click();

  const queued = await page.evaluate(() => (window as unknown as { ConnectChat: { q?: IArguments[] } }).ConnectChat.q?.map((a) => Array.from(a)[0]));
  expect(queued).toEqual([...Array(9).fill('on'), 'setAttributes', 'init', 'setLocale', 'open']);
  await expect(page.locator('[data-connect-chat]')).toHaveCount(0);
  expect(await eventNames(page)).toEqual([]);

  release();
  // The queued open loaded the widget and started the chat with the queued attributes and language.
  await expect(chatWindow(page)).toBeVisible();
  await expect(launcher(page)).toHaveAttribute('aria-label', 'Chat schließen');
  const contactId = await startedContactId(page);
  const info = await contactInfo(contactId);
  expect(info.Attributes).toMatchObject({ queued: 'before-init' });
  expect(info.Participants.find((p) => p.ParticipantRole === 'CUSTOMER')?.DisplayName).toBe('Early Eve');
  const names = await eventNames(page);
  expect(names[0]).toBe('ready');
  expect(names[1]).toBe('open');
  expect(names).toContain('chatStarted');
  // The queue was taken over: later calls run at once.
  expect(await page.evaluate(() => (window as unknown as { ConnectChat: { q?: unknown } }).ConnectChat.q)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('loader.js shifts no layout and fetches the widget only on first open', async ({ page }) => {
  const widgetFetches = watchWidgetFetches(page);
  const validateFetch = page.waitForRequest((r) => new URL(r.url()).pathname === '/dist/cdn/validate.js');
  await page.goto(snippetUrl({ config: { storageKey: 'e2e-lazy' } }));
  await waitForEvent(page, 'ready');
  const placeholder = loaderLauncher(page);
  await expect(placeholder).toBeVisible();
  await expect(placeholder).toHaveAttribute('aria-label', 'Open chat');
  // The launcher is fixed in the corner: 56 px, 20 px from the right and bottom edges.
  const box = (await placeholder.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.width).toBe(56);
  expect(Math.round(viewport.width - box.x - box.width)).toBe(20);
  expect(Math.round(viewport.height - box.y - box.height)).toBe(20);
  // The configuration report comes at idle time; the widget chunk does not.
  await validateFetch;
  await page.waitForLoadState('networkidle');
  expect(widgetFetches).toHaveLength(0);
  expect(await cumulativeLayoutShift(page)).toEqual({ cls: 0, entries: 0 });

  // First open: the widget chunk arrives, takes over the launcher, and still nothing moves.
  await placeholder.click();
  await expect(chatWindow(page)).toBeVisible();
  // loader.js fetches widget.js first (a failed fetch leaves the next attempt free; this server sends
  // no-store, so the fetch and the import both reach it), then imports it: one module, after a fetch.
  expect(widgetFetches.filter((r) => r.resourceType() === 'script'), 'imports of widget.js').toHaveLength(1);
  expect(widgetFetches[0].resourceType()).toBe('fetch');
  await expect(placeholder).toHaveCount(0);
  await expect(launcher(page)).toBeVisible();
  await startedContactId(page);
  expect(await cumulativeLayoutShift(page)).toEqual({ cls: 0, entries: 0 });
});

test('a stored chat makes the loader fetch the widget at once and resume it', async ({ page }) => {
  await page.goto(snippetUrl({ config: { storageKey: 'e2e-resume' } }));
  await loaderLauncher(page).click();
  const contactId = await startedContactId(page);
  expect(await page.evaluate(() => localStorage.getItem('connect-chat-widget:e2e-resume:active'))).toBe('1');

  const widgetFetches = watchWidgetFetches(page);
  await page.reload();
  // No click: the widget loads because a conversation is stored, and reconnects to the same contact.
  await expect.poll(() => widgetFetches.length).toBe(1);
  await expect.poll(async () => (await page.evaluate(() => (window as unknown as { __events: { name: string; detail: unknown }[] }).__events)).some((e) => e.name === 'connectionChange' && e.detail === 'connected')).toBe(true);
  await expect(launcher(page)).toBeVisible();
  expect((await contactInfo(contactId)).State).toBe('active');
  // The conversation is there when the visitor opens the window.
  await launcher(page).click();
  await expect(chatWindow(page)).toBeVisible();
  expect(await eventNames(page)).not.toContain('chatStarted');

  // Ending the chat clears the marker: the next page load waits for a click again.
  await callChat(page, 'endChat');
  await waitForEvent(page, 'chatEnded');
  expect(await page.evaluate(() => localStorage.getItem('connect-chat-widget:e2e-resume:active'))).toBeNull();
  const later = watchWidgetFetches(page);
  await page.reload();
  await waitForEvent(page, 'ready');
  await page.waitForLoadState('networkidle');
  expect(later).toHaveLength(0);
});

test("persistence 'tab' keeps the marker in sessionStorage", async ({ page }) => {
  await page.goto(snippetUrl({ config: { storageKey: 'e2e-tab', persistence: 'tab' }, calls: [['init'], ['startChat']] }));
  await startedContactId(page);
  expect(await page.evaluate(() => [sessionStorage.getItem('connect-chat-widget:e2e-tab:active'), localStorage.getItem('connect-chat-widget:e2e-tab:active')])).toEqual(['1', null]);
  const widgetFetches = watchWidgetFetches(page);
  await page.reload();
  await expect.poll(() => widgetFetches.length).toBe(1);
});

test('unknown and invalid options: one console error naming them, and the widget still works', async ({ page }) => {
  const errors = consoleErrors(page);
  await page.goto(snippetUrl({ config: { storageKey: 'e2e-bad', colour: 'red', zIndex: 'very high', theme: { mode: 'neon' } } }));
  await expect.poll(() => errors.length).toBe(1);
  expect(errors[0]).toContain("unknown option 'colour'");
  expect(errors[0]).toContain("invalid 'zIndex'");
  expect(errors[0]).toContain("invalid 'theme.mode'");
  // The defaults stand in: the chat opens and starts, and nothing more is printed.
  await loaderLauncher(page).click();
  await startedContactId(page);
  await expect(launcher(page)).toHaveCSS('z-index', '10000');
  expect(errors).toHaveLength(1);
});

test('a misspelt brand colour: one console error naming it, and the default colour instead of a broken look', async ({ page }) => {
  const errors = consoleErrors(page);
  await page.goto(snippetUrl({ config: { storageKey: 'e2e-bad-colour', theme: { light: { primary: 'greenish' } } } }));
  await expect.poll(() => errors.length).toBe(1);
  expect(errors[0]).toContain("invalid 'theme.light.primary': expected a CSS colour");
  await loaderLauncher(page).click();
  await startedContactId(page);
  // The widget's own launcher and header in the default brand colour (#1d5bb8), not transparent.
  await expect(launcher(page)).toHaveCSS('background-color', 'rgb(29, 91, 184)');
  expect(errors).toHaveLength(1);
});

test('bad options are reported once also when the widget loads at once (autoOpen)', async ({ page }) => {
  const errors = consoleErrors(page);
  await page.goto(snippetUrl({ config: { storageKey: 'e2e-bad-auto', autoOpen: true, sound: 'loud' } }));
  await expect(chatWindow(page)).toBeVisible();
  await startedContactId(page);
  await page.waitForLoadState('networkidle');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain("invalid 'sound'");
});

test('the whole API and every event through ConnectChat(...)', async ({ page }) => {
  const errors = consoleErrors(page);
  await page.goto(snippetUrl({ config: { storageKey: 'e2e-snippet-api' } }));
  await driveApiAndEvents(page, 'e2e-snippet-api', errors);
});

test('a failed start fires error; an unknown method fires error and changes nothing', async ({ page }) => {
  const errors = consoleErrors(page);
  await setFaults({ fail: { operation: 'StartChat', count: 20, status: 500 } });
  await page.goto(snippetUrl({ config: { storageKey: 'e2e-errors' } }));
  await callChat(page, 'open');
  const [failed] = await waitForEvent(page, 'error');
  expect(failed.detail).toMatchObject({ code: 'start-failed' });
  await clearFaults();

  await callChat(page, 'frobnicate', 1);
  const all = await waitForEvent(page, 'error', 2);
  expect(all[1].detail).toMatchObject({ code: 'invalid-call' });
  expect((all[1].detail as { message: string }).message).toContain('"frobnicate"');
  expect(errors.some((e) => e.includes('"frobnicate"'))).toBe(true);
  await expect(chatWindow(page)).toBeVisible();
});

test('destroy before the widget loaded removes the launcher; init works again afterwards', async ({ page }) => {
  const widgetFetches = watchWidgetFetches(page);
  await page.goto(snippetUrl({ config: { storageKey: 'e2e-destroy-early' } }));
  await waitForEvent(page, 'ready');
  await callChat(page, 'destroy');
  await expect(page.locator('[data-connect-chat]')).toHaveCount(0);
  expect(widgetFetches).toHaveLength(0);

  // A single-page app showing the chat again on another route.
  await page.evaluate((port) => {
    const emulator = `http://127.0.0.1:${port}`;
    (window as unknown as { ConnectChat: (...a: unknown[]) => void }).ConnectChat('init', { startChat: `${emulator}/start-chat`, endpoint: emulator, storageKey: 'e2e-destroy-early' });
  }, EMULATOR_PORT);
  await waitForEvent(page, 'ready', 2);
  await loaderLauncher(page).click();
  await startedContactId(page);
  await callChat(page, 'destroy');
  await expect(page.locator('[data-connect-chat]')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('connect-chat-widget:e2e-destroy-early:active'))).toBeNull();
});

test('works under a strict Content-Security-Policy with Trusted Types (no violations)', async ({ page, request }) => {
  await request.delete('/csp-report');
  const errors = consoleErrors(page);
  await page.goto(`/csp${snippetUrl({ config: { storageKey: 'e2e-csp' } })}`);
  await loaderLauncher(page).click();
  await expect(chatWindow(page)).toBeVisible();
  await startedContactId(page);
  await expect(launcher(page)).toHaveCSS('background-color', 'rgb(29, 91, 184)'); // the stylesheets applied
  await page.waitForLoadState('networkidle');
  expect(await (await request.get('/csp-report')).json()).toEqual([]);
  expect(errors).toEqual([]);
});

// The npm package in apps: mount(), <connect-chat> and the Preact component, each on a plain page
// whose app is bundled against the built package (see e2e/embed-support.ts), driving the whole API
// and every event; plus what each way adds (unmount keeps the chat, attributes and props change it).
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import {
  EMULATOR_PORT,
  buildApps,
  callChat,
  chatWindow,
  consoleErrors,
  contactInfo,
  driveApiAndEvents,
  eventNames,
  launcher,
  startedContactId,
  waitForEvent,
} from './embed-support.js';

test.beforeAll(async () => {
  await buildApps();
});

const pageUrl = (name: string, config?: Record<string, unknown>) =>
  `/embed-${name}.html?${new URLSearchParams({ emu: String(EMULATOR_PORT), ...(config ? { config: JSON.stringify(config) } : {}) })}`;

/** Events named `name` heard so far. */
const count = async (page: Page, name: string) => (await eventNames(page)).filter((n) => n === name).length;

test.describe('package', () => {
  test('exports resolve to ESM files with type declarations; only the element entry has side effects', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      exports: Record<string, { types?: string; import?: string } | string>;
      sideEffects: string[];
    };
    for (const sub of ['.', './client', './session', './element']) {
      const entry = pkg.exports[sub];
      expect(entry, `package.json exports ${sub}`).toBeTruthy();
      if (typeof entry === 'string') continue;
      expect(existsSync(entry.import!), entry.import).toBe(true);
      expect(existsSync(entry.types!), entry.types).toBe(true);
    }
    expect(pkg.sideEffects).toContain('./dist/element.js');
    expect(pkg.sideEffects).not.toContain('./dist/index.js');
    // Self-reference by name, as an app's `import` resolves it (Node follows "exports").
    const main = (await import('connect-chat-widget' as string)) as Record<string, unknown>;
    for (const name of ['ConnectChat', 'mount', 'defineConnectChat', 'validateConfig', 'DEFAULT_CONFIG', 'EVENT_NAMES']) expect(typeof main[name], name).not.toBe('undefined');
    // Dependencies stay external in the npm build.
    const index = readFileSync('dist/index.js', 'utf8');
    expect(index).toMatch(/from\s*"preact\/hooks"/);
    expect(index).not.toContain('DOMPurify.sanitize = ');
  });
});

test.describe('mount()', () => {
  test('the whole API and every event through the handle', async ({ page }) => {
    const errors = consoleErrors(page);
    await page.goto(pageUrl('mount'));
    await driveApiAndEvents(page, 'e2e-mount', errors);
  });

  test('unmount() keeps the conversation for the next mount; bad options give one console error', async ({ page }) => {
    const errors = consoleErrors(page);
    await page.goto(pageUrl('mount', { storageKey: 'e2e-mount-keep', colour: 'teal' }));
    await waitForEvent(page, 'ready');
    await callChat(page, 'startChat');
    const contactId = await startedContactId(page);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("unknown option 'colour'");

    await page.evaluate(() => (window as unknown as { remount: () => Promise<void> }).remount());
    await expect(page.locator('[data-connect-chat]')).toHaveCount(1);
    await waitForEvent(page, 'ready', 2);
    await expect.poll(async () => (await page.evaluate(() => (window as unknown as { __events: { name: string; detail: unknown }[] }).__events)).filter((e) => e.name === 'connectionChange' && e.detail === 'connected').length).toBe(2);
    expect(await count(page, 'chatStarted')).toBe(1); // resumed, not started again
    expect((await contactInfo(contactId)).State).toBe('active');
    await callChat(page, 'open');
    await expect(chatWindow(page)).toBeVisible();
    // A second mount() with the same bad options is a second widget: it reports for itself, once.
    expect(errors).toHaveLength(2);
  });

  test('works under a strict Content-Security-Policy with Trusted Types (no violations)', async ({ page, request }) => {
    await request.delete('/csp-report');
    const errors = consoleErrors(page);
    await page.goto(`/csp${pageUrl('mount', { storageKey: 'e2e-mount-csp' })}`);
    await callChat(page, 'startChat');
    await startedContactId(page);
    await expect(chatWindow(page)).toBeVisible();
    await expect(launcher(page)).toHaveCSS('background-color', 'rgb(29, 91, 184)');
    await page.waitForLoadState('networkidle');
    expect(await (await request.get('/csp-report')).json()).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test.describe('<connect-chat>', () => {
  test('the whole API and every event (as connect-chat:* DOM events)', async ({ page }) => {
    const errors = consoleErrors(page);
    await page.goto('/embed-element.html');
    await driveApiAndEvents(page, 'e2e-element', errors);
    await expect(page.locator('connect-chat')).toHaveCount(0); // destroy() removes the element too
  });

  test('attributes configure it; changing them updates or re-mounts it; removal keeps the chat', async ({ page }) => {
    const errors = consoleErrors(page);
    await page.goto('/embed-element.html');
    await waitForEvent(page, 'ready');
    await page.mouse.move(600, 10);
    await expect.poll(async () => Math.round((await launcher(page).boundingBox())!.x)).toBe(20); // position='{"side":"left"}'
    await launcher(page).click();
    const contactId = await startedContactId(page);
    const info = await contactInfo(contactId);
    expect(info.Attributes).toMatchObject({ source: 'element' });
    expect(info.Participants.find((p) => p.ParticipantRole === 'CUSTOMER')?.DisplayName).toBe('Elle Element');

    // locale changes in place.
    await page.locator('connect-chat').evaluate((el) => el.setAttribute('locale', 'de'));
    await expect(launcher(page)).toHaveAttribute('aria-label', 'Chat schließen');
    expect(await count(page, 'ready')).toBe(1);

    // z-index needs a new widget: it re-mounts and resumes the same chat.
    await page.locator('connect-chat').evaluate((el) => el.setAttribute('z-index', '777'));
    await waitForEvent(page, 'ready', 2);
    await expect(launcher(page)).toHaveCSS('z-index', '777');
    expect(await count(page, 'chatStarted')).toBe(1);

    // Taken off the page and put back (a framework re-rendering): same conversation.
    await page.evaluate(() => {
      const el = document.querySelector('connect-chat')!;
      (window as unknown as { parked: Element }).parked = el;
      el.remove();
    });
    await expect(launcher(page)).toHaveCount(0);
    expect((await contactInfo(contactId)).State).toBe('active');
    await page.evaluate(() => document.body.append((window as unknown as { parked: Element }).parked));
    await waitForEvent(page, 'ready', 3);
    await expect(launcher(page)).toBeVisible();
    expect(await count(page, 'chatStarted')).toBe(1);
    expect(errors).toEqual([]);
  });

  test('an unknown attribute is named in one console error; global attributes are not options', async ({ page }) => {
    const errors = consoleErrors(page);
    await page.goto('/embed-element.html');
    await waitForEvent(page, 'ready');
    expect(errors).toEqual([]); // id, class on the element are not options
    await page.locator('connect-chat').evaluate((el) => el.setAttribute('strat-chat', '/typo'));
    await waitForEvent(page, 'ready', 2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("unknown option 'stratChat'");
  });
});

test.describe('<ConnectChat> (Preact)', () => {
  test('the whole API and every event through apiRef and on* props', async ({ page }) => {
    const errors = consoleErrors(page);
    await page.goto(pageUrl('preact'));
    await driveApiAndEvents(page, 'e2e-preact', errors);
  });

  test('props change it in place or re-mount it; unmounting keeps the chat', async ({ page }) => {
    const errors = consoleErrors(page);
    await page.goto(pageUrl('preact'));
    await waitForEvent(page, 'ready');
    await callChat(page, 'startChat');
    const contactId = await startedContactId(page);

    await page.evaluate(() => (window as unknown as { setAppLocale: (l: string) => void }).setAppLocale('fr'));
    await expect(launcher(page)).toHaveAttribute('aria-label', 'Fermer le chat');
    await expect(page.getByText('Language: fr')).toBeVisible();
    expect(await count(page, 'ready')).toBe(1);

    await page.evaluate(() => (window as unknown as { setAppZIndex: (z: number) => void }).setAppZIndex(555));
    await waitForEvent(page, 'ready', 2);
    await expect(launcher(page)).toHaveCSS('z-index', '555');

    await page.evaluate(() => (window as unknown as { setShowChat: (v: boolean) => void }).setShowChat(false));
    await expect(launcher(page)).toHaveCount(0);
    // (Effect clean-ups may run after the DOM is gone.)
    await expect.poll(() => page.evaluate(() => (window as unknown as { apiRef: { current: unknown } }).apiRef.current === null)).toBe(true);
    await page.evaluate(() => (window as unknown as { setShowChat: (v: boolean) => void }).setShowChat(true));
    await waitForEvent(page, 'ready', 3);
    await expect(launcher(page)).toBeVisible();
    expect(await count(page, 'chatStarted')).toBe(1);
    expect((await contactInfo(contactId)).State).toBe('active');
    expect(errors).toEqual([]);
  });
});

test.describe('npm demo page (public/demo/npm.html)', () => {
  test('mounts the widget from the built package and logs the events of the API buttons', async ({ page }) => {
    // The demo's own site layout (what `npm start` serves), on a free port, against the e2e emulator.
    const { startSiteServer } = await import('../emulator/site-server.js');
    const site = await startSiteServer({ port: 0, mounts: { '/public/': 'public', '/dist/': 'dist' } });
    try {
      const errors = consoleErrors(page);
      await page.goto(`${site.url}/public/demo/npm.html?emulator=${encodeURIComponent(`http://127.0.0.1:${EMULATOR_PORT}`)}`);
      const log = page.locator('#event-log');
      await expect(log).toContainText('ready');
      await page.getByRole('button', { name: 'startChat()' }).click();
      await expect(chatWindow(page)).toBeVisible();
      await expect(log).toContainText('chatStarted');
      await page.getByRole('button', { name: "setLocale('de')" }).click();
      await expect(launcher(page)).toHaveAttribute('aria-label', 'Chat schließen');
      await page.getByRole('button', { name: 'close()' }).click();
      await expect(log.locator('li').first()).toContainText('close');
      await page.getByRole('button', { name: 'destroy()' }).click();
      await expect(launcher(page)).toHaveCount(0);
      expect(errors).toEqual([]);
    } finally {
      await site.close();
    }
  });
});

// What the script-tag widget downloads, read from the browser's network log (or counted at a CDN): after the click, one
// file (widget.js) stands between the visitor and a usable window (the session's chunk comes beside
// it, and the window does not wait for it); the markdown renderer and its
// sanitizer (marked + DOMPurify, the widget's largest chunk) are fetched only when a message needs
// them — never in a plain-text chat — and a markdown message shown as plain text until they arrive
// is formatted in place once they do.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { EMULATOR_PORT, cdn, chatWindow, holdBack, clearFaults, consoleErrors, events, startedContactId, storedKeys } from './embed-support.js';
import { Agent, customerMessages } from './ui-support.js';

const CDN = '/dist/cdn/';

/** The built file of a source module, from the widget build's manifest (chunk names carry hashes). */
function builtFile(source: string): string {
  const manifest = JSON.parse(readFileSync('dist/cdn/.vite/manifest.json', 'utf8')) as Record<string, { file: string }>;
  const chunk = manifest[source];
  if (!chunk) throw new Error(`dist/cdn/.vite/manifest.json lists no ${source}; run node scripts/build.mjs`);
  return CDN + chunk.file;
}

/** Every path under dist/cdn/ the page requests from now on, in order. */
function cdnRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith(CDN)) seen.push(path);
  });
  return seen;
}

/** Waits until the widget's socket is connected (what an agent says before that comes in as history). */
async function connectedOf(page: Page): Promise<void> {
  await expect.poll(async () => (await events(page)).some((e) => e.name === 'connectionChange' && e.detail === 'connected')).toBe(true);
}

/** Resolves once the widget's animations (a new row sliding in) have finished, so boxes can be compared. */
async function settled(inside: Locator): Promise<void> {
  await inside.evaluate((el) => Promise.all((el.getRootNode() as ShadowRoot).getAnimations().map((a) => a.finished.catch(() => undefined))));
}

const w = (page: Page, selector: string) => page.locator(`[data-connect-chat] ${selector}`);

async function openSnippetPage(page: Page, storageKey: string): Promise<void> {
  const query = new URLSearchParams({ emu: String(EMULATOR_PORT), config: JSON.stringify({ storageKey }) });
  await page.goto(`/embed-snippet.html?${query}`);
  await expect(w(page, '.cw-launch:not(#cw-launch)')).toBeVisible();
  // The loader's idle-time configuration report is fetched before any click.
  await page.waitForLoadState('networkidle');
}

/**
 * Opens the window with the session's chunk held back: the composer is there to type into, the
 * session is not. `release` lets the chunk through; `arrived` says whether it has come.
 */
async function openWithSessionHeld(page: Page, storageKey: string): Promise<{ composer: Locator; release: () => void; arrived: () => boolean }> {
  const session = builtFile('src/chat/chat-session.ts');
  const release = await holdBack(page, session);
  await openSnippetPage(page, storageKey);
  let arrived = false;
  page.on('requestfinished', (r) => (arrived ||= new URL(r.url()).pathname === session));
  await w(page, '.cw-launch:not(#cw-launch)').click();
  const composer = w(page, '.cw-ta');
  await expect(composer).toBeEditable();
  return { composer, release, arrived: () => arrived };
}

test.afterEach(async () => {
  await clearFaults();
});

test('the window is usable from widget.js alone, the session chunk arriving beside it, and what was typed meanwhile is kept; a plain-text chat never fetches markdown', async ({ page }) => {
  const errors = consoleErrors(page);
  // The session (client, socket, store, engine) is held back: the window must not need it.
  const session = builtFile('src/chat/chat-session.ts');
  const release = await holdBack(page, session);
  await openSnippetPage(page, 'e2e-loading-plain');
  const requests = cdnRequests(page);
  await w(page, '.cw-launch:not(#cw-launch)').click();
  const composer = w(page, '.cw-ta');
  await expect(composer).toBeEditable();
  await composer.pressSequentially('hello');
  await expect(composer).toHaveValue('hello');
  // After the click: widget.js, and the session's chunk asked for at once, in parallel. (Playwright's
  // routes turn the HTTP cache off, so widget.js shows up again as the loader imports what it fetched;
  // on a CDN with a max-age the import is served from the cache: embed-load-again counts it there.)
  expect([...new Set(requests)], 'files asked for between the click and a usable window').toEqual([`${CDN}widget.js`, session]);

  release();
  // A new chat has no older history: neither the code that pages back (chat/older.ts) nor a page.
  const older = builtFile('src/chat/older.ts');
  const contactId = await startedContactId(page);
  await connectedOf(page);
  const agent = await Agent.join(contactId);
  // The session took over without wiping what the visitor typed while it loaded.
  await expect(composer).toHaveValue('hello');
  await composer.press('Enter');
  await agent.say('Plain text, with a link: https://example.com/help');
  await expect(w(page, '.cw-bubble').filter({ hasText: 'Plain text, with a link' })).toBeVisible();
  await expect(w(page, '.cw-bubble a[href="https://example.com/help"]')).toBeVisible();
  await expect(w(page, '.cw-bubble').filter({ hasText: 'hello' })).toBeVisible();
  const markdown = builtFile('src/ui/content/markdown.ts');
  expect(requests).not.toContain(markdown);
  expect(requests).not.toContain(older);
  expect(requests.filter((p) => p.startsWith(`${CDN}chunks/`) && p !== session), 'other chunks a plain-text chat fetched').toEqual([]);
  expect(errors).toEqual([]);
});

for (const [intent, show] of [
  ['the pointer on the launcher', (launcher: Locator) => launcher.hover()],
  ['the focus on the launcher', (launcher: Locator) => launcher.focus()],
] as const) {
  test(`${intent} fetches widget.js, then the session chunk, before the click; nothing is drawn until the click, which downloads neither again`, async ({ page }) => {
    const errors = consoleErrors(page);
    // From a CDN with README's headers (CORS, max-age), which counts what reaches it.
    const server = await cdn();
    try {
      const session = builtFile('src/chat/chat-session.ts').slice(CDN.length - 1);
      await page.goto(`/embed-cdn.html?${new URLSearchParams({ emu: String(EMULATOR_PORT), cdn: `${server.url}/` })}`);
      const launcher = w(page, '.cw-launch:not(#cw-launch)');
      await expect(launcher).toBeVisible();
      await page.waitForLoadState('networkidle');
      const before = server.requests.length;
      const sessionArrived = page.waitForResponse((r) => r.url() === server.url + session);
      await show(launcher);
      expect((await sessionArrived).status()).toBe(200);
      expect(server.requests.slice(before), 'files fetched on the intent, in order').toEqual(['/widget.js', session]);
      // Fetched, not shown: the loader's launcher, closed, and no window or shell.
      await expect(launcher).toHaveAttribute('aria-expanded', 'false');
      await expect(w(page, '.cw-shell')).toHaveCount(0);
      await expect(chatWindow(page)).toHaveCount(0);

      await launcher.click();
      await expect(w(page, '.cw-ta')).toBeEditable();
      await startedContactId(page);
      await connectedOf(page);
      // The loader imports widget.js, and widget.js the session chunk, from the HTTP cache.
      expect(server.requests.filter((p) => p === '/widget.js' || p === session), 'widget.js and the session chunk: downloaded once each').toEqual(['/widget.js', session]);
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });
}

test('the first markdown message fetches the renderer once; it shows as plain text until then and is formatted in place', async ({ page }) => {
  const errors = consoleErrors(page);
  const markdown = builtFile('src/ui/content/markdown.ts');
  const release = await holdBack(page, markdown);
  await openSnippetPage(page, 'e2e-loading-markdown');
  const requests = cdnRequests(page);
  await w(page, '.cw-launch:not(#cw-launch)').click();
  await expect(chatWindow(page)).toBeVisible();
  const agent = await Agent.join(await startedContactId(page));
  await connectedOf(page);
  expect(requests).not.toContain(markdown);

  await agent.say('Your order **A-1042** has _shipped_.\n\nTrack it [here](https://example.com/t) or reply `help`.', 'text/markdown');
  const bubble = w(page, '.cw-bubble').filter({ hasText: 'A-1042' });
  // Until the renderer is there the text shows without its markers: nothing is parsed, nothing is lost.
  await expect(bubble).toHaveText(/^\s*Your order A-1042 has shipped\.\s*Track it here or reply help\.\s*$/);
  await expect(bubble.locator('strong, a, code')).toHaveCount(0);
  await expect.poll(() => requests.filter((p) => p === markdown).length).toBe(1);
  await settled(bubble);
  const before = await bubble.boundingBox();

  release();
  await expect(bubble.locator('strong')).toHaveText('A-1042');
  await expect(bubble.locator('em')).toHaveText('shipped');
  await expect(bubble.locator('a[href="https://example.com/t"]')).toHaveText('here');
  await expect(bubble).toHaveText(/^\s*Your order A-1042 has shipped\.\s*Track it here or reply help\.\s*$/);
  // In place, without a jump: the same row, where it was, the same height.
  await settled(bubble);
  const after = await bubble.boundingBox();
  expect(Math.abs((after?.y ?? NaN) - (before?.y ?? NaN)), 'the row moved').toBeLessThanOrEqual(1);
  expect(Math.abs((after?.height ?? NaN) - (before?.height ?? NaN)), 'the row changed height').toBeLessThanOrEqual(1);

  // A second markdown message uses the loaded renderer at once: no second fetch.
  await agent.say('- one\n- two', 'text/markdown');
  await expect(w(page, '.cw-bubble li')).toHaveText(['one', 'two']);
  expect(requests.filter((p) => p === markdown)).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('text typed right after the click, before the session chunk arrives, becomes the session draft and survives a reload', async ({ page }) => {
  const errors = consoleErrors(page);
  const storageKey = 'e2e-loading-draft';
  const { composer, release, arrived } = await openWithSessionHeld(page, storageKey);
  await composer.pressSequentially('typed before the session');
  await expect(composer).toHaveValue('typed before the session');
  expect(arrived(), 'the session chunk was held back while the visitor typed').toBe(false);

  release();
  await startedContactId(page);
  await connectedOf(page);
  await expect(composer).toHaveValue('typed before the session');
  // The session has it: it stores the draft with the conversation (IndexedDB), and the UI keeps no copy in Web Storage.
  const drafts = async () => (await storedKeys(page, storageKey)).filter((k) => k.endsWith(':draft'));
  await expect.poll(drafts).toEqual([expect.stringMatching(/^idb:/)]);

  await page.reload();
  await w(page, '#cw-launch').click();
  await expect(w(page, '.cw-ta')).toHaveValue('typed before the session');
  expect(errors).toEqual([]);
});

test('Enter before the session chunk has arrived: the message waits in the box and goes out, once, when the chat starts', async ({ page }) => {
  const errors = consoleErrors(page);
  const { composer, release, arrived } = await openWithSessionHeld(page, 'e2e-loading-early-enter');
  await composer.pressSequentially('sent before the session');
  await composer.press('Enter');
  // Nothing can go out yet: the text stays where the visitor sees it, and no error is shown.
  await expect(composer).toHaveValue('sent before the session');
  expect(arrived(), 'the session chunk was held back when Enter was pressed').toBe(false);
  await expect(w(page, '[role=alert]')).toHaveCount(0);

  release();
  const contactId = await startedContactId(page);
  await expect(composer).toHaveValue('');
  await expect(w(page, '.cw-bubble').filter({ hasText: 'sent before the session' })).toBeVisible();
  await expect.poll(() => customerMessages(contactId)).toEqual(['sent before the session']);
  expect(errors).toEqual([]);
});

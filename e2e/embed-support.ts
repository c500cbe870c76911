// Shared by the embedding specs (e2e/embed-*.spec.ts).
//
// npm-style pages: e2e/pages/embed-*-app.js are apps that import 'connect-chat-widget' like a
// customer's app. They are bundled here (once per worker) the way the customer's bundler would:
// the package as built by `node scripts/build.mjs` (dist/, resolved through package.json
// "exports"), with its dependencies from node_modules. Output: dist/embed-e2e/{mount,element,preact}.js.
import { expect, type Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { startSiteServer } from '../emulator/site-server.js';
import { packageSelf } from '../vite.demo.config.js';

export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 18787);

/** Holds the responses for `path` until the returned function is called (a slow network for one file). */
export async function holdBack(page: Page, path: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**${path}`, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
export const EMULATOR = `http://127.0.0.1:${EMULATOR_PORT}`;

export interface Cdn {
  /** Its origin, e.g. http://127.0.0.1:41234 (dist/cdn's files at its root). */
  url: string;
  /** A copy of dist/cdn that it serves (a test may take a file away for a while). */
  dir: string;
  /** The path of every request that reached it, in order (a file served from the HTTP cache never does). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * dist/cdn from a CDN on its own origin, as README's "CDN" section asks: CORS, and `max-age` so a
 * file the browser has is not downloaded again. embed-cdn.html loads the snippet from it.
 */
export async function cdn(): Promise<Cdn> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-cdn-'));
  cpSync('dist/cdn', dir, { recursive: true });
  const site = await startSiteServer({ port: 0, mounts: { '/': dir }, headers: { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=300' } });
  const requests: string[] = [];
  site.server.on('request', (req) => requests.push(new URL(req.url ?? '/', site.url).pathname));
  return {
    url: site.url,
    dir,
    requests,
    async close() {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** embed-data(-bad).html and embed-element.html name the emulator as 127.0.0.1:18787 in their markup; e2e/serve.ts writes the real port in. */

let built: Promise<unknown> | undefined;

export function buildApps(): Promise<unknown> {
  if (!existsSync('dist/index.js') || !existsSync('dist/cdn/widget.js')) {
    throw new Error('dist/ is missing the package or the script-tag widget: run `node scripts/build.mjs` before the embed specs.');
  }
  built ??= build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [packageSelf()],
    build: {
      outDir: 'dist/embed-e2e',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      lib: {
        entry: { mount: 'e2e/pages/embed-mount-app.js', element: 'e2e/pages/embed-element-app.js', preact: 'e2e/pages/embed-preact-app.js' },
        formats: ['es'],
      },
      rolldownOptions: { output: { minify: false, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  });
  return built;
}

export interface RecordedEvent {
  name: string;
  detail: unknown;
}

/** Every event the page heard so far, in order. */
export const events = (page: Page): Promise<RecordedEvent[]> =>
  page.evaluate(() => (window as unknown as { __events: RecordedEvent[] }).__events);

export const eventNames = async (page: Page): Promise<string[]> => (await events(page)).map((e) => e.name);

/** Waits until the page heard `name` (at least `count` times). */
export async function waitForEvent(page: Page, name: string, count = 1): Promise<RecordedEvent[]> {
  await expect.poll(async () => (await eventNames(page)).filter((n) => n === name).length, { message: `event ${name}` }).toBeGreaterThanOrEqual(count);
  return (await events(page)).filter((e) => e.name === name);
}

/** Calls an API method the way the page's embedding does (ConnectChat(...), handle.x(), el.x()). */
export function callChat(page: Page, method: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ([m, a]) => (window as unknown as { callChat: (m: string, ...a: unknown[]) => unknown }).callChat(m as string, ...(a as unknown[])),
    [method, args] as const,
  );
}

/** The widget's launcher (Playwright pierces open shadow roots). */
export const launcher = (page: Page) => page.locator('#cw-launch');
/** loader.js's launcher, before the widget's own (#cw-launch) replaces it. */
export const loaderLauncher = (page: Page) => page.locator('[data-connect-chat] .cw-launch:not(#cw-launch)');
export const chatWindow = (page: Page) => page.locator('#cw-win');

export interface ContactInfo {
  State: 'active' | 'ended';
  Attributes: Record<string, string>;
  Participants: { ParticipantRole: string; DisplayName: string }[];
}

/** The emulator's view of a contact (control API). */
export async function contactInfo(contactId: string): Promise<ContactInfo> {
  const r = await fetch(`${EMULATOR}/emulator/contacts/${contactId}`);
  expect(r.status).toBe(200);
  return (await r.json()) as ContactInfo;
}

/** The bot posts a message into the contact (emulator control API). */
export async function botSays(contactId: string, content: string): Promise<void> {
  const r = await fetch(`${EMULATOR}/emulator/contacts/${contactId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Content: content }),
  });
  expect(r.status, await r.text()).toBe(200);
}

export async function setFaults(body: unknown): Promise<void> {
  const r = await fetch(`${EMULATOR}/emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status, await r.text()).toBe(200);
}

export const clearFaults = () => fetch(`${EMULATOR}/emulator/faults`, { method: 'DELETE' });

/** Keys in the widget's IndexedDB store (connect-chat-widget/kv) and Web Storage that belong to `storageKey`. */
export function storedKeys(page: Page, storageKey: string): Promise<string[]> {
  return page.evaluate(async (key) => {
    const found: string[] = [];
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) if (storage.key(i)?.includes(key)) found.push(`webstorage:${storage.key(i)}`);
    }
    const dbs = await indexedDB.databases();
    if (dbs.some((d) => d.name === 'connect-chat-widget')) {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('connect-chat-widget');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      if (db.objectStoreNames.contains('kv')) {
        const keys = await new Promise<IDBValidKey[]>((ok, fail) => {
          const r = db.transaction('kv').objectStore('kv').getAllKeys();
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        for (const k of keys) if (String(k).includes(key)) found.push(`idb:${String(k)}`);
      }
      db.close();
    }
    return found;
  }, storageKey);
}

/** The ContactId of the chat the page started (from its chatStarted event). */
export async function startedContactId(page: Page): Promise<string> {
  const [started] = await waitForEvent(page, 'chatStarted');
  return (started.detail as { contactId: string }).contactId;
}

/** Console errors of the page (what site owners see). */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/**
 * The whole API and every event, driven the way the page embeds the widget. Starts on a page where
 * the widget was never opened (no chat yet); ends with destroy(). `errors` (consoleErrors(), set up
 * before the page loaded) must end up holding just the one error of the deliberately bad call.
 */
export async function driveApiAndEvents(page: Page, storageKey: string, errors: string[]): Promise<void> {
  await waitForEvent(page, 'ready');

  // Launcher: hide / show.
  await callChat(page, 'hide');
  await expect(page.locator('.cw-launch:visible')).toHaveCount(0);
  await callChat(page, 'show');
  await expect(page.locator('.cw-launch:visible').first()).toBeVisible();

  // Attributes before the start; open starts the chat (no pre-chat form).
  await callChat(page, 'setAttributes', { tier: 'gold' });
  await callChat(page, 'open');
  await waitForEvent(page, 'open');
  await expect(chatWindow(page)).toBeVisible();
  const first = await startedContactId(page);
  expect((await contactInfo(first)).Attributes).toMatchObject({ tier: 'gold' });
  await expect.poll(async () => (await events(page)).some((e) => e.name === 'connectionChange' && e.detail === 'connected')).toBe(true);

  // Language and theme in place.
  await callChat(page, 'setLocale', 'de');
  await expect(launcher(page)).toHaveAttribute('aria-label', 'Chat schließen');
  await callChat(page, 'setLocale', 'en');
  await expect(launcher(page)).toHaveAttribute('aria-label', 'Close chat');
  await callChat(page, 'setTheme', { mode: 'light', light: { primary: 'rgb(200, 0, 0)' } });
  await expect(launcher(page)).toHaveCSS('background-color', 'rgb(200, 0, 0)');

  // close / toggle.
  await callChat(page, 'close');
  await waitForEvent(page, 'close');
  await expect(chatWindow(page)).toBeHidden();
  await callChat(page, 'toggle');
  await waitForEvent(page, 'open', 2);
  await expect(chatWindow(page)).toBeVisible();
  await callChat(page, 'toggle');
  await waitForEvent(page, 'close', 2);
  await expect(chatWindow(page)).toBeHidden();

  // A message while closed: message + unreadChange; opening reads it.
  await botSays(first, 'Your order has shipped.');
  const [msg] = (await waitForEvent(page, 'message')).filter((e) => (e.detail as { content?: string }).content === 'Your order has shipped.');
  expect(msg.detail).toMatchObject({ kind: 'message', role: 'SYSTEM', own: false });
  const unread = await waitForEvent(page, 'unreadChange');
  expect(unread.at(-1)!.detail).toEqual({ count: 1 });
  await expect(launcher(page)).toHaveAttribute('aria-label', /1/);
  await callChat(page, 'open');
  await expect.poll(async () => (await waitForEvent(page, 'unreadChange')).at(-1)!.detail).toEqual({ count: 0 });

  // A bad call: one error event, nothing changed.
  await callChat(page, 'setLocale', 'not a language!');
  const [invalid] = await waitForEvent(page, 'error');
  expect(invalid.detail).toMatchObject({ code: 'invalid-call' });
  expect((invalid.detail as { message: string }).message).toContain('locale');

  // endChat, then startChat starts a new one.
  await callChat(page, 'endChat');
  const [ended] = await waitForEvent(page, 'chatEnded');
  expect(ended.detail).toMatchObject({ contactId: first });
  await expect.poll(async () => (await contactInfo(first)).State).toBe('ended');
  await callChat(page, 'startChat');
  const started = await waitForEvent(page, 'chatStarted', 2);
  const second = (started[1].detail as { contactId: string }).contactId;
  expect(second).not.toBe(first);
  await expect.poll(() => storedKeys(page, storageKey)).not.toEqual([]);

  // destroy: nothing left on the page or in storage, the chat is over for the agent.
  await callChat(page, 'destroy');
  await expect(page.locator('[data-connect-chat], .cw-launch, #cw-win')).toHaveCount(0);
  await expect.poll(() => storedKeys(page, storageKey)).toEqual([]);
  await expect.poll(async () => (await contactInfo(second)).State).toBe('ended');
  expect(errors).toEqual([expect.stringContaining('setLocale')]);
}

// The widget in Chromium pointed at connect-chat-widget/server (README "Going to production"): chats
// start through the back end, a later visit continues the chat with the signed id the widget handed
// out, and someone else's bare ContactId is refused (the start fails, the error says why).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { createStartChatHandler, toNodeListener } from '../src/server/index.js';
import { Agent, buildHarness, contactIdOf, control, EMULATOR, openShop, record, widget } from './ui-support';

const SITE = `http://127.0.0.1:${process.env.E2E_SITE_PORT ?? 18788}`;
let server: Server;
let startChat = '';

test.beforeAll(async () => {
  await buildHarness();
  const handler = createStartChatHandler({
    instanceId: 'emulator-instance',
    contactFlowId: 'emulator-contact-flow',
    region: 'us-east-1',
    endpoint: EMULATOR,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    allowedOrigins: [SITE],
    persistentChat: { secret: 'e2e-secret-that-is-longer-than-32-characters' },
    log: () => {},
  });
  server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  startChat = `http://127.0.0.1:${(server.address() as AddressInfo).port}/start-chat`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Starts recording the page's chatEnded event (resolves once listening); `read` gives its detail. */
async function recordChatEnded(page: Page): Promise<{ read: () => Promise<{ contactId?: string; signedContactId?: string }> }> {
  await page.evaluate(() => {
    const w = window as unknown as { cw: { session: { on(e: string, f: (d: unknown) => void): () => void } }; chatEndedDetail?: unknown };
    w.cw.session.on('chatEnded', (detail) => (w.chatEndedDetail = detail));
  });
  return {
    read: async () => {
      const value = () => page.evaluate(() => (window as unknown as { chatEndedDetail?: unknown }).chatEndedDetail ?? null);
      await expect.poll(value).not.toBeNull();
      return (await value()) as { contactId?: string; signedContactId?: string };
    },
  };
}

test('chats start through the back end; the next visit continues the chat with the signed id, a bare ContactId is refused', async ({ page, browser }) => {
  await openShop(page, { config: { startChat }, open: true });
  const contactId = await contactIdOf(page);
  const agent = await Agent.join(contactId, 'Ana');
  await agent.say('Your parcel left the warehouse.');
  await widget(page, '.cw-ta').fill('Thank you!');
  await page.keyboard.press('Enter');
  // Stored by the service (not only shown as sending) before the chat ends.
  await expect.poll(async () => (await record(contactId)).Items.some((i) => i.Content === 'Thank you!')).toBe(true);
  const ended = await recordChatEnded(page);
  await control(`contacts/${contactId}/end`);
  const { signedContactId } = await ended.read();
  expect(signedContactId).toMatch(new RegExp(`^${contactId}\\.`));

  // The site stored the signed id (chatEnded) and passes it back on the next visit.
  const later = await browser.newPage();
  await openShop(later, { config: { startChat, persistentChat: { sourceContactId: signedContactId } }, open: true });
  expect(await contactIdOf(later)).not.toBe(contactId);
  await expect(widget(later, '.cw-log')).toContainText('Your parcel left the warehouse.');
  await expect(widget(later, '.cw-log')).toContainText('Thank you!');
  await later.close();

  // Someone else's ContactId (seen in a screenshot, say) continues nothing.
  const other = await browser.newPage();
  await openShop(other, { config: { startChat, persistentChat: { sourceContactId: contactId } }, open: true });
  await expect(widget(other, '.cw')).toContainText('The chat could not be started');
  const reason = await other.evaluate(() => (window as unknown as { cw: { session: { lastError: { value: { message: string } | null } } } }).cw.session.lastError.value?.message);
  expect(reason).toMatch(/answered HTTP 400: PersistentChat\.SourceContactId .*a bare ContactId is never accepted/);
  await other.close();
});

test("persistentChat 'auto': the widget keeps the signed id itself and continues the chat; a tampered value starts a new one", async ({ page }) => {
  const storageKey = `e2e-auto-${Math.random().toString(36).slice(2)}`;
  const config = { startChat, persistentChat: 'auto', storageKey };
  const continueKey = `connect-chat-widget:${storageKey}:continue`;
  await openShop(page, { config, open: true });
  const contactId = await contactIdOf(page);
  const agent = await Agent.join(contactId, 'Ana');
  await agent.say('Your parcel is on its way.');
  await expect(widget(page, '.cw-log')).toContainText('Your parcel is on its way.');
  const ended = await recordChatEnded(page);
  await control(`contacts/${contactId}/end`);
  const { signedContactId } = await ended.read();
  // The widget stored it itself (the page does nothing), where persistence 'browser' keeps things.
  const stored = await page.evaluate((key) => localStorage.getItem(key), continueKey);
  expect(stored).toBe(signedContactId);
  expect(stored).toMatch(new RegExp(`^${contactId}\\.`));

  // The next visit (this tab is gone: an open tab would keep showing its ended chat to the others)
  // continues the chat: the earlier messages load as older history.
  const context = page.context();
  await page.close();
  const later = await context.newPage();
  await openShop(later, { config, open: true });
  const continued = await contactIdOf(later);
  expect(continued).not.toBe(contactId);
  await expect(widget(later, '.cw-log')).toContainText('Your parcel is on its way.');
  expect(((await (await fetch(`${EMULATOR}/emulator/contacts/${continued}`)).json()) as { PreviousContactId?: string }).PreviousContactId).toBe(contactId);
  const endedLater = await recordChatEnded(later);
  await control(`contacts/${continued}/end`);
  await endedLater.read();

  // Altered in storage (by hand, by a script): the back end refuses it, the widget forgets it and starts a new chat.
  const value = (await later.evaluate((key) => localStorage.getItem(key), continueKey)) as string;
  await later.evaluate(([key, tampered]) => localStorage.setItem(key, tampered), [continueKey, `${value.slice(0, -4)}AAAA`]);
  await later.close();
  const third = await context.newPage();
  await openShop(third, { config, open: true });
  const fresh = await contactIdOf(third);
  await expect(widget(third, '.cw-ta')).toBeEnabled();
  expect(((await (await fetch(`${EMULATOR}/emulator/contacts/${fresh}`)).json()) as { PreviousContactId?: string }).PreviousContactId).toBeUndefined();
  await expect(widget(third, '.cw-log')).not.toContainText('Your parcel is on its way.');
  await expect.poll(() => third.evaluate((key) => localStorage.getItem(key), continueKey)).toBeNull();
  agent.close();
  await third.close();
});

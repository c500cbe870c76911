// Business hours (availability) and leaving a message while closed, in Chromium: the launcher says
// "we're away" (the loader's too, before widget.js loads), the window shows the site's message and the
// next opening, and the leave-message form posts to connect-chat-widget/server's
// createLeaveMessageHandler, which makes an Amazon Connect task in the emulator with the visitor's
// fields. Open hours chat as before; 'hide' shows no launcher; a failed check counts as open.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { createLeaveMessageHandler, toNodeListener } from '../src/server/index.js';
import type { TaskContact } from '../emulator/index.js';
import { EMULATOR_PORT } from './embed-support.js';
import { axe, buildHarness, contactIdOf, EMULATOR, openShop, widget } from './ui-support';

const SITE = `http://127.0.0.1:${process.env.E2E_SITE_PORT ?? 18788}`;
let server: Server;
let strictServer: Server;
let submit = '';
let strictSubmit = '';

async function listen(handler: ReturnType<typeof createLeaveMessageHandler>): Promise<{ server: Server; url: string }> {
  const s = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { server: s, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/leave-message` };
}

test.beforeAll(async () => {
  await buildHarness();
  const options = {
    instanceId: 'emulator-instance',
    contactFlowId: 'offline-messages',
    region: 'us-east-1',
    endpoint: EMULATOR,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    allowedOrigins: [SITE],
    allowedAttributes: ['plan'],
    rateLimit: false as const,
    log: () => {},
  };
  ({ server, url: submit } = await listen(createLeaveMessageHandler(options)));
  // A back end stricter than the page: the message may be 20 characters at most.
  ({ server: strictServer, url: strictSubmit } = await listen(
    createLeaveMessageHandler({ ...options, fields: { name: {}, email: { type: 'email', required: true }, message: { required: true, maxLength: 20 } } }),
  ));
});
test.afterAll(async () => {
  for (const s of [server, strictServer]) await new Promise<void>((resolve) => s.close(() => resolve()));
});

const tasks = async (): Promise<TaskContact[]> => ((await (await fetch(`${EMULATOR}/emulator/tasks`)).json()) as { Tasks: TaskContact[] }).Tasks;
const closed = (extra: Record<string, unknown> = {}) => ({ availability: '/hours-closed.json', whenClosed: 'leave-message', leaveMessage: { submit }, ...extra });

async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) await widget(page, '.cw-leave').getByLabel(label).fill(value);
}

test('closed: "we\'re away" on the launcher, the form in the window, the message becomes a task with the visitor\'s fields', async ({ page }) => {
  const starts: string[] = [];
  page.on('request', (r) => r.url().endsWith('/start-chat') && starts.push(r.url()));
  await openShop(page, { config: closed({ attributes: { plan: 'gold' } }) });
  const launcher = widget(page, '#cw-launch');
  await expect(launcher).toHaveAttribute('aria-label', "Open chat. We're away");
  await expect(launcher.locator('.cw-dot')).toBeVisible();
  await launcher.click();
  const away = widget(page, '.cw-awayv');
  await expect(away.getByRole('heading', { name: "We're away" })).toBeVisible();
  await expect(away).toContainText('We are closed for the holidays.');
  await expect(away).toContainText('Open again:');
  // The view came after the window opened (its chunk, the check): the focus is in its first field.
  await expect(widget(page, '#cw-f-name')).toBeFocused();
  expect(await axe(page)).toEqual([]); // the away view with its form

  // Nothing typed: the required fields say so and the first one takes the focus.
  await away.getByRole('button', { name: 'Send message' }).click();
  await expect(widget(page, '#cw-f-email')).toBeFocused();
  await expect(widget(page, '#cw-f-email-e')).toHaveText('This field is required.');
  await expect(widget(page, '#cw-f-message-e')).toHaveText('This field is required.');
  expect(await axe(page)).toEqual([]); // the form with its errors

  await fill(page, { 'Name': 'Ada Lovelace', 'Email (required)': 'ada@example.com', 'Message (required)': 'Can I change the address of order 10423?' });
  await widget(page, '#cw-f-message').press('Tab');
  await expect(away.getByRole('button', { name: 'Send message' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(away.getByRole('status')).toHaveText('Thank you. We got your message and will reply soon.');
  // The form and its button are gone: the focus is on the thanks that replaced them.
  await expect(away.getByRole('status')).toBeFocused();
  const task = (await tasks()).find((t) => t.Description === 'Can I change the address of order 10423?');
  expect(task).toMatchObject({
    ContactFlowId: 'offline-messages',
    Name: 'Message from Ada Lovelace',
    References: { name: { Type: 'STRING', Value: 'Ada Lovelace' }, email: { Type: 'EMAIL', Value: 'ada@example.com' } },
    Attributes: { plan: 'gold' },
  });
  // No chat was started while closed.
  expect(starts).toEqual([]);
});

test('a field the back end refuses is marked, and nothing typed is lost', async ({ page }) => {
  await openShop(page, { config: closed({ leaveMessage: { submit: strictSubmit } }), open: true });
  const away = widget(page, '.cw-awayv');
  await fill(page, { 'Email (required)': 'bea@example.com', 'Message (required)': 'A message longer than twenty characters' });
  await away.getByRole('button', { name: 'Send message' }).click();
  await expect(away.getByRole('alert')).toHaveText('Your message could not be sent. Please try again.');
  await expect(widget(page, '#cw-f-message')).toHaveAttribute('aria-invalid', 'true');
  await expect(widget(page, '#cw-f-message')).toBeFocused();
  await expect(widget(page, '#cw-f-message')).toHaveValue('A message longer than twenty characters');
  await widget(page, '#cw-f-message').fill('Call me, please');
  await away.getByRole('button', { name: 'Send message' }).click();
  await expect(away.getByRole('status')).toBeVisible();
  expect((await tasks()).some((t) => t.Description === 'Call me, please' && t.Name === 'Message from bea@example.com')).toBe(true);
});

test('open: the chat starts as before, no away mark', async ({ page }) => {
  await openShop(page, { config: closed({ availability: '/hours-open.json' }) });
  const launcher = widget(page, '#cw-launch');
  await expect(launcher).toHaveAttribute('aria-label', 'Open chat');
  await launcher.click();
  await contactIdOf(page);
  await expect(widget(page, '.cw-ta')).toBeEnabled();
  await expect(widget(page, '.cw-awayv')).toHaveCount(0);
});

test("whenClosed 'hide': no launcher while closed; 'away' without a form just says when", async ({ page }) => {
  await openShop(page, { config: { availability: '/hours-closed.json', whenClosed: 'hide' } });
  await expect.poll(() => page.evaluate(() => (window as unknown as { cw: { ctl: { ui: { availability: { value: { status: string } } } } } }).cw.ctl.ui.availability.value.status)).toBe('closed');
  await expect(widget(page, '#cw-launch')).toHaveCount(0);
  await openShop(page, { config: { availability: '/hours-closed.json' }, open: true });
  await expect(widget(page, '.cw-awayv')).toContainText('We are closed for the holidays.');
  await expect(widget(page, '.cw-leave')).toHaveCount(0);
  await expect(widget(page, '.cw-awayv h3')).toBeFocused(); // no form: the heading has the focus
});

test('a check that fails counts as open: the chat starts, the console says why', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await openShop(page, { config: { availability: '/no-such-hours.json' }, open: true });
  await contactIdOf(page);
  expect(warnings.some((w) => /availability check failed: .*HTTP 404 \(counted as open\)/.test(w))).toBe(true);
});

test("the loader's launcher shows the hours before widget.js loads", async ({ page }) => {
  const widgetFetches: string[] = [];
  page.on('request', (r) => new URL(r.url()).pathname === '/dist/cdn/widget.js' && widgetFetches.push(r.url()));
  const url = (config: Record<string, unknown>) => `/embed-snippet.html?${new URLSearchParams({ emu: String(EMULATOR_PORT), config: JSON.stringify(config) })}`;
  await page.goto(url({ storageKey: 'e2e-hours-away', availability: '/hours-closed.json' }));
  const placeholder = page.locator('[data-connect-chat] .cw-launch:not(#cw-launch)');
  await expect(placeholder).toHaveAttribute('aria-label', "Open chat. We're away");
  await expect(placeholder).toHaveClass(/away/);
  expect(widgetFetches).toEqual([]);
  // whenClosed 'hide': drawn hidden, and still hidden once hours.js has checked the hours.
  const checked = page.waitForResponse((r) => new URL(r.url()).pathname === '/hours-closed.json');
  await page.goto(url({ storageKey: 'e2e-hours-hide', availability: '/hours-closed.json', whenClosed: 'hide' }));
  await checked;
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[data-connect-chat] .cw-launch:not(#cw-launch)')).toBeHidden();
  await page.goto(url({ storageKey: 'e2e-hours-open', availability: '/hours-open.json', whenClosed: 'hide' }));
  await expect(page.locator('[data-connect-chat] .cw-launch:not(#cw-launch)')).toBeVisible();
});

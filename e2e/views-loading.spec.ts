// How views load: the renderer chunk is fetched only when a view arrives (never on a page without
// views); a DescribeView failure (the emulator's fault API) shows the fallback with "Try again",
// keeps the chat usable, and trying again works; a view's row remounting while the customer
// scrolls does not call DescribeView again. One chat for the whole file.
import { expect, test, type Page } from '@playwright/test';
import { panel, quickReply } from '../emulator/bot/templates.js';
import { sampleViewData } from '../emulator/views/index.js';
import { type Agent, axe, buildHarness, control, openShop, resetFaults, startChatWithAgent, watchProblems, widget } from './ui-support';
import {
  Replies,
  expectFocused,
  homeKeyboard,
  sendTemplate,
  showView,
  tabTo,
  text,
  viewReply,
  watchDescribeView,
} from './interactive-support';

test.describe.configure({ mode: 'serial' });

let page: Page;
let agent: Agent;
let contactId: string;
let replies: Replies;
let problems: string[];
/** Script URLs the page requested, in order. */
const scripts: string[] = [];
/** View tokens of the DescribeView requests the page made, in order. */
let describes: string[];

/** The lazily loaded view renderer (chunk name from the harness build: chunks/renderer-HASH.js). */
const isRenderer = (url: string) => /\/renderer-[\w-]+\.js(\?|$)/.test(url);

test.beforeAll(async ({ browser }) => {
  await buildHarness();
  page = await (await browser.newContext({ locale: 'en-US' })).newPage();
  problems = watchProblems(page);
  describes = watchDescribeView(page);
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await openShop(page);
  const chat = await startChatWithAgent(page);
  agent = chat.agent;
  contactId = chat.contactId;
  replies = new Replies(contactId);
  await expect(widget(page, '.cw-ta')).toBeEnabled();
});

test.afterAll(async () => {
  await resetFaults(); // failures a failed test left unconsumed must not reach the next spec
  await page?.context().close();
});

test('a page without views never downloads the renderer; the first view does, once', async () => {
  await agent.say('Hello, how can I help?');
  await sendTemplate(agent, quickReply());
  await widget(page, '.cw-im-quickreply-message').getByRole('button', { name: 'Okay' }).click();
  await replies.expectNext(text('Okay')); // (before the agent goes on: the service orders by arrival)
  await sendTemplate(agent, panel());
  await expect(widget(page, '.cw-im-panel-message')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0); // (the page's own scripts were seen)
  expect(scripts.filter(isRenderer)).toEqual([]);
  expect(describes).toEqual([]);

  await replies.mark();
  await showView(contactId, 'confirmation', sampleViewData('confirmation'));
  const done = widget(page, '.cw-view-message').getByRole('button', { name: 'Done' });
  await expect(done).toBeVisible();
  expect(scripts.filter(isRenderer)).toHaveLength(1);
  expect(describes).toHaveLength(1);
  await done.click();
  await replies.expectNext(viewReply('Next', { Label: 'Done' }));

  await showView(contactId, 'list', sampleViewData('list'));
  await expect(widget(page, '.cw-view-message').getByRole('button', { name: /^Order #10423/ })).toBeVisible();
  expect(scripts.filter(isRenderer)).toHaveLength(1); // loaded once for every later view
});

test('DescribeView fails: the fallback shows, the chat stays usable, and Try again works', async () => {
  // Three 500s: every attempt the client makes for one DescribeView call fails.
  await control('faults', { fail: { operation: 'DescribeView', count: 3, status: 500 } });
  const before = describes.length;
  await replies.mark();
  const token = await showView(contactId, 'detail', sampleViewData('detail'));
  const failed = widget(page, '.cw-view-failed');
  await expect(failed).toContainText('This content could not be loaded.');
  expect(describes.slice(before).every((t) => t === token)).toBe(true);
  expect(await axe(page)).toEqual([]); // with the fallback on screen
  await expect(widget(page, '.cw-ta')).toBeEnabled();
  const failedCalls = describes.length - before;

  // A failure is not kept: Try again asks the service again and the view appears.
  await failed.getByRole('button', { name: 'Try again' }).click();
  const v = widget(page, '.cw-view-message .cw-view');
  await expect(v.getByRole('heading', { name: 'Order #10423' })).toBeVisible();
  expect(describes.length).toBe(before + failedCalls + 1);
  await v.getByRole('button', { name: 'Leave with a neighbour' }).click();
  await replies.expectNext(viewReply('ActionSelected', { actionName: 'Leave with a neighbour' }));
});

test('DescribeView fails again: Try again from the keyboard; typed text still goes through meanwhile', async () => {
  await control('faults', { fail: { operation: 'DescribeView', count: 3, status: 500 } });
  await replies.mark();
  await showView(contactId, 'list', sampleViewData('list'));
  const failed = widget(page, '.cw-view-failed');
  await expect(failed).toBeVisible();

  // Keyboard only: from the composer back to Try again.
  await homeKeyboard(page);
  await tabTo(page, failed.getByRole('button', { name: 'Try again' }), { backward: true });
  await page.keyboard.press('Enter');
  const item = widget(page, '.cw-view-message').getByRole('button', { name: /^Order #10388/ });
  await expect(item).toBeVisible();
  await homeKeyboard(page);
  await tabTo(page, item, { backward: true });
  await page.keyboard.press('Enter');
  await replies.expectNext(viewReply('ActionSelected', { Id: 'order-10388' }));

  // A view that stays broken does not block the chat: the customer's text is sent (as the view's
  // free-text response, §3.2), the agent's answer arrives, and plain text works afterwards.
  await control('faults', { fail: { operation: 'DescribeView', count: 3, status: 500 } });
  await showView(contactId, 'cards', sampleViewData('cards'));
  await expect(widget(page, '.cw-view-failed')).toBeVisible();
  await widget(page, '.cw-ta').fill('The form does not load');
  await widget(page, '.cw-ta').press('Enter');
  await replies.expectNext(viewReply(' ', { content: 'The form does not load' }));
  await agent.say('No problem, tell me here.');
  await expect(widget(page, '.cw-log')).toContainText('No problem, tell me here.');
  await widget(page, '.cw-ta').fill('I need a refund');
  await widget(page, '.cw-ta').press('Enter');
  await replies.expectNext(text('I need a refund'));
});

test('a view row that remounts while scrolling does not call DescribeView again', async () => {
  for (let i = 1; i <= 40; i++) await agent.say(`Earlier line ${i} to scroll past`);
  await expect(widget(page, '.cw-log')).toContainText('Earlier line 40 to scroll past');
  const before = describes.length;
  await showView(contactId, 'confirmation', sampleViewData('confirmation'));
  const view = widget(page, '.cw-view-message');
  await expect(view.getByRole('button', { name: 'Done' })).toBeVisible();
  expect(describes.length).toBe(before + 1);
  await view.evaluate((el) => Object.assign(el, { e2eMark: true }));

  const log = widget(page, '.cw-log');
  await log.evaluate((el) => (el.scrollTop = 0));
  await expect(view).toHaveCount(0); // scrolled out of the window: the row is unmounted
  await log.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(view.getByRole('button', { name: 'Done' })).toBeVisible();
  expect(await view.evaluate((el) => 'e2eMark' in el)).toBe(false); // a new element: it remounted
  expect(describes.length).toBe(before + 1);

  await view.getByRole('button', { name: 'Done' }).focus();
  await expectFocused(view.getByRole('button', { name: 'Done' }));
  await replies.mark();
  await page.keyboard.press('Enter');
  await replies.expectNext(viewReply('Next', { Label: 'Done' }));
});

test('no page errors on the way', async () => {
  expect(problems).toEqual([]);
});

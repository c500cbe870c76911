// Interactive templates end to end, on the strict-CSP page: the agent sends each template the demo
// bot and the agent console send (emulator/bot/templates.ts) through the real participant API; the
// customer operates it once with the mouse and once with the keyboard only; the exact reply
// (chat-protocol.md §3.2) is read from the emulator's record. One chat for the whole file.
import { expect, test, type Page } from '@playwright/test';
import { CAROUSEL_CARDS, carousel, panel, quickReply, servicesListPage, timePicker } from '../emulator/bot/templates.js';
import { type Agent, axe, buildHarness, openShop, startChatWithAgent, watchProblems, widget } from './ui-support';
import {
  INTERACTIVE,
  INTERACTIVE_RESPONSE,
  Replies,
  cspReports,
  expectFocused,
  homeKeyboard,
  sendTemplate,
  tabTo,
  text,
  type Reply,
} from './interactive-support';

test.describe.configure({ mode: 'serial' });

let page: Page;
let agent: Agent;
let replies: Replies;
let problems: string[];

test.beforeAll(async ({ browser }) => {
  await buildHarness();
  // A fixed zone and language: TimePicker labels and day groups depend on them.
  // (A page of its own context: axe needs one.)
  page = await (await browser.newContext({ timezoneId: 'UTC', locale: 'en-US' })).newPage();
  problems = watchProblems(page);
  await openShop(page, { csp: true });
  const chat = await startChatWithAgent(page);
  agent = chat.agent;
  replies = new Replies(chat.contactId);
  await expect(widget(page, '.cw-ta')).toBeEnabled();
});

test.afterAll(async () => {
  await page?.context().close();
});

/** The one actionable message of a template type. */
const live = (type: string) => widget(page, `.cw-im-${type.toLowerCase()}-message`);
/** Rows of the transcript whose text contains `title`. */
const rowsWith = (title: string) => widget(page, '.cw-row').filter({ hasText: title });
/** The customer's own bubbles. */
const ownBubbles = () => widget(page, '.cw-own .cw-bubble');
/** The last own bubble shows `shown` (after the screen-reader-only sender name). */
const expectOwnBubble = (shown: string) => expect(ownBubbles().last()).toHaveText(`You: ${shown}`);

const paging = (action: 'SHOW_MORE' | 'PREVIOUS_OPTIONS', preIndex: number, nextIndex: number, referenceId: string): Reply => ({
  ContentType: INTERACTIVE_RESPONSE,
  Content: JSON.stringify({
    version: '1.0',
    data: { actionName: action, preIndex, nextIndex, listId: 'serviceList', templateType: 'ListPicker', referenceId },
    action,
  }),
});

/** The message just answered is collapsed to its title and the answer. */
async function expectCollapsed(title: string, answer: string): Promise<void> {
  const collapsed = widget(page, '.cw-im-collapsed').filter({ hasText: title }).last();
  await expect(collapsed.locator('.cw-im-title')).toHaveText(title);
  await expect(collapsed.locator('.cw-im-answer')).toHaveText(`Your answer: ${answer}`);
  await expect(collapsed.getByRole('button')).toHaveCount(0);
}

/** SHOW_MORE / PREVIOUS_OPTIONS: the reply is the paging request, the list is replaced in place, no bubble. */
async function pageList(operate: () => Promise<void>, expected: Reply, nextStart: number, referenceId: string, subtitle: string): Promise<void> {
  const rowsBefore = await rowsWith('What can we help you with?').count();
  const bubblesBefore = await ownBubbles().count();
  await operate();
  await replies.expectNext(expected);
  await sendTemplate(agent, servicesListPage(nextStart, referenceId));
  await expect(live('ListPicker').locator('.cw-im-subtitle')).toHaveText(subtitle);
  // Replaced, not added: as many list rows as before, and the paging request is no bubble.
  await expect(rowsWith('What can we help you with?')).toHaveCount(rowsBefore);
  await expect(ownBubbles()).toHaveCount(bubblesBefore);
  await expect(widget(page, '.cw-log')).not.toContainText('SHOW_MORE');
  await expect(widget(page, '.cw-log')).not.toContainText('PREVIOUS_OPTIONS');
}

test('ListPicker with the mouse: Show more and Previous options page in place, then a choice', async () => {
  const ref = crypto.randomUUID();
  await replies.mark();
  await sendTemplate(agent, servicesListPage(0, ref));
  const list = live('ListPicker');
  await expect(list.locator('.cw-im-subtitle')).toHaveText('Topics 1–4 of 10');
  await expect(list.getByRole('list')).toHaveAccessibleName('What can we help you with?');
  expect(await axe(page)).toEqual([]);

  await pageList(() => list.getByRole('button', { name: 'Show more' }).click(), paging('SHOW_MORE', -1, 4, ref), 4, ref, 'Topics 5–8 of 10');
  await expect(list.getByRole('button', { name: /^Gift cards/ })).toBeVisible();
  await pageList(() => list.getByRole('button', { name: 'Previous options' }).click(), paging('PREVIOUS_OPTIONS', 0, 8, ref), 0, ref, 'Topics 1–4 of 10');

  await list.getByRole('button', { name: /^Delivery/ }).click();
  await replies.expectNext(text('Delivery'));
  await expectOwnBubble('Delivery');
  await expectCollapsed('What can we help you with?', 'Delivery');
});

test('ListPicker with the keyboard only: Show more, then a choice on the next page', async () => {
  const ref = crypto.randomUUID();
  await replies.mark();
  await sendTemplate(agent, servicesListPage(0, ref));
  const list = live('ListPicker');
  await expect(list.locator('.cw-im-subtitle')).toHaveText('Topics 1–4 of 10');

  await pageList(
    async () => {
      await homeKeyboard(page);
      await tabTo(page, list.getByRole('button', { name: 'Show more' }), { backward: true });
      await page.keyboard.press('Enter');
    },
    paging('SHOW_MORE', -1, 4, ref),
    4,
    ref,
    'Topics 5–8 of 10',
  );
  // The new page took the place of the old one, and the focus with it: on its first option.
  await expectFocused(list.getByRole('button', { name: /^Warranty/ }));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expectFocused(list.getByRole('button', { name: /^Gift cards/ }));
  await page.keyboard.press('Enter');
  await replies.expectNext(text('Gift cards'));
  await expectCollapsed('What can we help you with?', 'Gift cards');
});

test('Panel with the mouse; its hyperlink element is a link, not a reply', async () => {
  await replies.mark();
  await sendTemplate(agent, panel());
  const p = live('Panel');
  await expect(p.locator('.cw-im-title')).toHaveText('How can I help with your order?');
  const link = p.getByRole('link', { name: /Delivery FAQ/ });
  await expect(link).toHaveAttribute('href', 'https://example.com/faq/delivery');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  expect(await axe(page)).toEqual([]);
  await p.getByRole('button', { name: 'Track my order' }).click();
  await replies.expectNext(text('Track my order'));
  await expectCollapsed('How can I help with your order?', 'Track my order');
});

test('Panel with the keyboard only (Space)', async () => {
  await replies.mark();
  await sendTemplate(agent, panel());
  const p = live('Panel');
  await expect(p).toBeVisible();
  await homeKeyboard(page);
  await tabTo(page, p.getByRole('button', { name: 'Change my address' }), { backward: true });
  await page.keyboard.press('Space');
  await replies.expectNext(text('Change my address'));
  await expectCollapsed('How can I help with your order?', 'Change my address');
});

test('QuickReply with the mouse, then with the keyboard only', async () => {
  await replies.mark();
  await sendTemplate(agent, quickReply());
  let q = live('QuickReply');
  await expect(q.getByRole('list')).toHaveAccessibleName('How was your experience today?');
  expect(await axe(page)).toEqual([]);
  await q.getByRole('button', { name: 'Great' }).click();
  await replies.expectNext(text('Great'));
  await expectCollapsed('How was your experience today?', 'Great');

  await sendTemplate(agent, quickReply());
  q = live('QuickReply');
  await expect(q).toBeVisible();
  await homeKeyboard(page);
  await tabTo(page, q.getByRole('button', { name: 'Not good' }), { backward: true });
  await page.keyboard.press('Enter');
  await replies.expectNext(text('Not good'));
  await expectCollapsed('How was your experience today?', 'Not good');
});

test('text typed while a QuickReply is pending goes as text and never becomes "Your answer" on the card', async () => {
  await replies.mark();
  await sendTemplate(agent, quickReply());
  const q = live('QuickReply');
  await expect(q).toBeVisible();
  await widget(page, '.cw-ta').pressSequentially('Can I talk to a person?');
  await expect(q.getByRole('button', { name: 'Great' })).toBeEnabled(); // typing changes nothing on the card
  await widget(page, '.cw-ta').press('Enter');
  await replies.expectNext(text('Can I talk to a person?'));
  await expectOwnBubble('Can I talk to a person?');
  // The card is no longer the latest item: collapsed to its title, with no answer (it got none).
  const card = widget(page, '.cw-im-collapsed').filter({ hasText: 'How was your experience today?' }).last();
  await expect(card.locator('.cw-im-title')).toHaveText('How was your experience today?');
  await expect(card.locator('.cw-im-answer')).toHaveCount(0);
  await expect(card).not.toContainText('Your answer');
});

test('TimePicker with the mouse: the slot date exactly as received; the bubble shows it in words', async () => {
  const template = timePicker(Date.now());
  const slots = (template.data.content.timeslots as { date: string }[]).map((s) => s.date);
  await replies.mark();
  await sendTemplate(agent, template);
  const tp = live('TimePicker');
  const radios = tp.getByRole('radio');
  await expect(radios).toHaveCount(3);
  await expect(tp.getByRole('radiogroup')).toHaveAccessibleName(/^Available times on /);
  expect(await axe(page)).toEqual([]);
  await radios.nth(1).click();
  await expect(radios.nth(1)).toHaveAttribute('aria-checked', 'true');
  await expect(radios.nth(0)).toHaveAttribute('aria-checked', 'false');
  await tp.getByRole('button', { name: 'Confirm' }).click();
  await replies.expectNext(text(slots[1]));
  // On the wire the raw value (e.g. 2026-12-07T11:00+00:00); in the bubble the visitor's words for it.
  const day = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(slots[1]));
  await expectOwnBubble(`${day}, 11:00 AM UTC`);
  await expect(ownBubbles().last()).not.toContainText('+00:00');
  await expectCollapsed('Schedule a call back', `${day}, 11:00 AM UTC`);
});

test('TimePicker with the keyboard only, with a timeZoneOffset: next day, arrow keys, Confirm', async () => {
  const offset = -420;
  const template = timePicker(Date.now());
  template.data.content.timeZoneOffset = offset;
  const slots = (template.data.content.timeslots as { date: string }[]).map((s) => s.date);
  // chat-protocol.md §3.2: the instant moved by the offset, ISO string minus its last two characters.
  const expected = `${new Date(Date.parse(slots[4]) + offset * 60_000).toISOString().slice(0, -2)}+00:00`;
  await replies.mark();
  await sendTemplate(agent, template);
  const tp = live('TimePicker');
  await expect(tp.getByRole('radio').first()).toContainText('(UTC-07:00)');
  const firstDay = await tp.locator('.cw-im-tp-day').textContent();

  await homeKeyboard(page);
  await tabTo(page, tp.getByRole('button', { name: 'Next day' }), { backward: true });
  await page.keyboard.press('Enter');
  await expect(tp.locator('.cw-im-tp-day')).not.toHaveText(firstDay ?? '');
  await page.keyboard.press('Tab'); // into the radio group: one tab stop
  await expectFocused(tp.getByRole('radio').first());
  await page.keyboard.press('ArrowDown');
  await expectFocused(tp.getByRole('radio').nth(1));
  await expect(tp.getByRole('radio').nth(1)).toHaveAttribute('aria-checked', 'true');
  await tabTo(page, tp.getByRole('button', { name: 'Confirm' }));
  await page.keyboard.press('Enter');
  await replies.expectNext(text(expected));
  // The slot as the picker showed it: the template's offset, in words.
  await expect(ownBubbles().last()).toContainText('(UTC-07:00)');
  await expect(ownBubbles().last()).not.toContainText(expected);
});

test('Carousel with the mouse: Next card, then an option sends the carousel JSON', async () => {
  const kyoto = CAROUSEL_CARDS[1];
  await replies.mark();
  await sendTemplate(agent, carousel());
  const c = live('Carousel');
  await expect(c.locator('.cw-im-carousel-position')).toHaveText('1 of 3');
  await expect(c.getByRole('group', { name: '1 of 3' })).toBeVisible();
  await expect(c.getByRole('group')).toHaveCount(3); // the others beside it
  expect(await axe(page)).toEqual([]);
  await c.getByRole('button', { name: 'Next' }).click();
  await expect(c.locator('.cw-im-carousel-position')).toHaveText('2 of 3');
  await c.getByRole('button', { name: 'Book a trip' }).click();
  await replies.expectNext(text(JSON.stringify({ templateIdentifier: kyoto.templateIdentifier, listTitle: 'Kyoto', selectionText: 'Book a trip' })));
  await expectOwnBubble('Kyoto - Book a trip');
  await expectCollapsed('Pick a destination', 'Kyoto - Book a trip');
});

test('Carousel with the keyboard only: arrow keys move between cards', async () => {
  const last = CAROUSEL_CARDS[2];
  await replies.mark();
  await sendTemplate(agent, carousel());
  const c = live('Carousel');
  await expect(c.locator('.cw-im-carousel-position')).toHaveText('1 of 3');
  await homeKeyboard(page);
  await tabTo(page, c.getByRole('button', { name: 'Next' }), { backward: true });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(c.locator('.cw-im-carousel-position')).toHaveText('3 of 3');
  await tabTo(page, c.getByRole('button', { name: `More about ${last.title}` }));
  await page.keyboard.press('Enter');
  await replies.expectNext(text(JSON.stringify({ templateIdentifier: last.templateIdentifier, listTitle: last.title, selectionText: `More about ${last.title}` })));
});

test('unknown, malformed and hostile templates fall back or render inert; the chat goes on', async () => {
  await replies.mark();
  await agent.say(JSON.stringify({ templateType: 'Map', version: '1.0', data: { content: { title: 'Where are you?' } } }), INTERACTIVE);
  const unknown = widget(page, '.cw-im-fallback').filter({ hasText: 'Where are you?' });
  await expect(unknown).toContainText('This message cannot be shown here.');
  await agent.say('{"templateType":"ListPicker","version":"1.0"}', INTERACTIVE); // no data: nothing to show
  await expect(widget(page, '.cw-im-fallback').last()).toHaveText('This type of message is not supported.');
  await sendTemplate(agent, {
    templateType: 'QuickReply',
    version: '1.0',
    data: {
      content: {
        title: '<img src=x onerror="alert(1)">**Rate** [us](javascript:alert(1))',
        elements: [{ title: '<script>alert(2)</script>Fine' }, { title: '<svg onload=alert(3)>Bad' }],
      },
    },
  });
  const q = live('QuickReply');
  await expect(q.locator('.cw-im-title')).toContainText('Rate');
  await expect(q.locator('img, script, svg, a[href^="javascript"]')).toHaveCount(0);
  expect(await axe(page)).toEqual([]);
  await q.getByRole('button', { name: 'Fine' }).click();
  await replies.expectNext(text('<script>alert(2)</script>Fine')); // the element title, exactly as sent
  await widget(page, '.cw-ta').fill('Still here');
  await widget(page, '.cw-ta').press('Enter');
  await replies.expectNext(text('Still here'));
});

test('no CSP or Trusted Types violation and no page error on the way', async () => {
  expect(await cspReports(page)).toEqual([]);
  expect(problems).toEqual([]);
});

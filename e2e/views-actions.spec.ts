// Views end to end, on the strict-CSP page: the agent side shows each view with the sample data
// the demo bot and the agent console use (POST /emulator/contacts/{id}/views); the widget calls
// DescribeView and renders it; the customer operates it once with the mouse and once with the
// keyboard only; the exact interactive.response (chat-protocol.md §3.2) is read from the
// emulator's record. One chat for the whole file.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { sampleViewData } from '../emulator/views/index.js';
import { axe, buildHarness, openShop, reload, startChatWithAgent, watchProblems, widget } from './ui-support';
import {
  Replies,
  cspReports,
  expectFocused,
  homeKeyboard,
  showView,
  tabTo,
  viewReply,
} from './interactive-support';

test.describe.configure({ mode: 'serial' });

let page: Page;
let contactId: string;
let replies: Replies;
let problems: string[];

test.beforeAll(async ({ browser }) => {
  await buildHarness();
  // A page of its own context (axe needs one); a fixed language for the date fields' key order.
  page = await (await browser.newContext({ timezoneId: 'UTC', locale: 'en-US' })).newPage();
  problems = watchProblems(page);
  await openShop(page, { csp: true });
  const chat = await startChatWithAgent(page);
  contactId = chat.contactId;
  replies = new Replies(contactId);
  await expect(widget(page, '.cw-ta')).toBeEnabled();
});

test.afterAll(async () => {
  await page?.context().close();
});

/** Shows `view` (sample data merged with `overrides`) and waits until it is rendered and actionable. */
async function show(view: string, overrides: Record<string, unknown> = {}): Promise<Locator> {
  await replies.mark();
  await showView(contactId, view, { ...sampleViewData(view), ...overrides });
  const rendered = widget(page, '.cw-view-message .cw-view');
  await expect(rendered).toHaveCount(1);
  await expect(rendered.getByRole('button').first()).toBeVisible();
  return rendered;
}

/** The view just answered is collapsed to its heading and the answer (none: no answer line at all). */
async function expectCollapsed(heading: string, answer: string | null): Promise<void> {
  await expect(widget(page, '.cw-view-message')).toHaveCount(0);
  const collapsed = widget(page, '.cw-im-collapsed').filter({ hasText: heading }).last();
  if (answer === null) await expect(collapsed.locator('.cw-im-answer')).toHaveCount(0);
  else await expect(collapsed.locator('.cw-im-answer')).toHaveText(`Your answer: ${answer}`);
}

/** The customer's newest bubble reads `shown` (after the screen-reader-only sender name). */
const expectOwnBubble = (shown: string) => expect(widget(page, '.cw-own .cw-bubble').last()).toHaveText(`You: ${shown}`);

const button = (within: Locator, name: string | RegExp) => within.getByRole('button', { name, exact: typeof name === 'string' });

test('cards with the mouse: a card opens its detail in place, an action sends ActionSelected', async () => {
  const v = await show('cards');
  await expect(v.getByRole('heading', { name: 'What can we help you with?' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await button(v, /^Billing/).click();
  await expect(v.getByRole('heading', { name: 'Billing' })).toBeVisible();
  await replies.expectNone(); // opening a card is local
  expect(await axe(page)).toEqual([]);
  await button(v, 'Get a refund').click();
  await replies.expectNext(viewReply('ActionSelected', { actionName: 'Get a refund' }));
  await expectCollapsed('What can we help you with?', 'Get a refund');
});

test('cards with the keyboard only: detail and back (focus follows), then None of these', async () => {
  const v = await show('cards');
  await homeKeyboard(page);
  await tabTo(page, button(v, /^Delivery/), { backward: true });
  await page.keyboard.press('Enter');
  await expectFocused(v.getByRole('heading', { name: 'Delivery' }));
  await tabTo(page, button(v, 'Back'));
  await page.keyboard.press('Enter');
  await expectFocused(button(v, /^Delivery/));
  await replies.expectNone();
  await tabTo(page, button(v, 'None of these'));
  await page.keyboard.press('Enter');
  await replies.expectNext(viewReply('NoMatchFound', {}));
});

test('detail with the mouse: an action', async () => {
  const v = await show('detail');
  await expect(v.getByRole('heading', { name: 'Order #10423' })).toBeVisible();
  await expect(v.getByRole('link', { name: /Parcelo/ })).toHaveAttribute('href', 'https://example.com/track/10423');
  expect(await axe(page)).toEqual([]);
  await button(v, 'Reschedule').click();
  await replies.expectNext(viewReply('ActionSelected', { actionName: 'Reschedule' }));
});

test('detail with the keyboard only: Back', async () => {
  const v = await show('detail');
  await homeKeyboard(page);
  await tabTo(page, button(v, 'Back'), { backward: true });
  await page.keyboard.press('Enter');
  await replies.expectNext(viewReply('Back', {}));
});

test('list with the mouse, then with the keyboard only: the item Id', async () => {
  let v = await show('list');
  expect(await axe(page)).toEqual([]);
  await button(v, /^Order #10388/).click();
  await replies.expectNext(viewReply('ActionSelected', { Id: 'order-10388' }));
  // The hosted widget shows a view response's action name (§3.3); this widget shows what was pressed.
  await expectOwnBubble('Order #10388');
  await expectCollapsed('Your recent orders', 'Order #10388');

  v = await show('list');
  await homeKeyboard(page);
  await tabTo(page, button(v, /^Order #10301/), { backward: true });
  await page.keyboard.press('Space');
  await replies.expectNext(viewReply('ActionSelected', { Id: 'order-10301' }));
});

test('form with the mouse: a validation error keeps the reply back, then Next sends the FormData', async () => {
  const v = await show('form');
  await expect(v.getByRole('alert').filter({ hasText: 'Check the form' })).toBeVisible(); // the flow's ErrorText
  expect(await axe(page)).toEqual([]);
  await v.getByLabel('Serial number').click();
  await v.getByLabel('Serial number').pressSequentially('SN12345678');
  await v.getByLabel('Model').selectOption('t2');
  await v.getByLabel('Preferred date').fill('2030-06-01');
  await v.getByLabel('Email').fill('not-an-email');
  await button(v, 'Book').click();

  const email = v.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Enter a valid email address.');
  await expect(v.getByText('Please correct the highlighted fields.')).toBeVisible();
  await expectFocused(email);
  expect(await axe(page)).toEqual([]); // with the errors on screen
  await replies.expectNone();

  await email.fill('jane@example.org');
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  await button(v, 'Book').click();
  await replies.expectNext(
    viewReply('Next', { FormData: { serial: 'SN12345678', model: ['t2'], date: '2030-06-01', email: 'jane@example.org' } }),
  );
  // The wire says the action ("Next"); the visitor sees the button they pressed.
  await expectOwnBubble('Book');
  await expectCollapsed('Book a repair', 'Book');
});

test('form wizard with the mouse: an earlier step sends Step with its name', async () => {
  const v = await show('form', { CurrentStep: 2 });
  const steps = v.locator('.cw-view-steps');
  await expect(steps).toHaveAccessibleName('Step 3 of 3');
  await expect(steps.locator('[aria-current="step"]')).toContainText('Review');
  expect(await axe(page)).toEqual([]);
  await button(steps, 'Appointment').click();
  await replies.expectNext(viewReply('Step', { StepName: 'Appointment' }));
});

test('form with the keyboard only: fields, the error, the fix, and Book', async () => {
  const v = await show('form', { CurrentStep: 1, ErrorText: null });
  await homeKeyboard(page);
  await tabTo(page, v.getByLabel('Serial number'), { backward: true, max: 60 });
  await page.keyboard.type('SN-0042');
  await page.keyboard.press('Tab');
  await expectFocused(v.getByLabel('Model'));
  await page.keyboard.press('ArrowDown'); // Kettle K1 -> Toaster T2
  await page.keyboard.press('Tab');
  await expectFocused(v.getByLabel('Preferred date'));
  await page.keyboard.type('07042030'); // mm dd yyyy in en-US
  const email = v.getByLabel('Email');
  await tabTo(page, email); // (Tab may first visit the date's own parts)
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('jane@');
  await page.keyboard.press('Enter'); // submits the form from a text field
  await expectFocused(email);
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await replies.expectNone();

  await page.keyboard.type('example.org');
  await tabTo(page, button(v, 'Book'));
  await page.keyboard.press('Enter');
  await replies.expectNext(viewReply('Next', { FormData: { serial: 'SN-0042', model: ['t2'], date: '2030-07-04', email: 'jane@example.org' } }));
});

test('form wizard with the keyboard only: Step back to the first step', async () => {
  const v = await show('form', { CurrentStep: 1 });
  await homeKeyboard(page);
  await tabTo(page, button(v.locator('.cw-view-steps'), 'Device'), { backward: true, max: 60 });
  await page.keyboard.press('Enter');
  await replies.expectNext(viewReply('Step', { StepName: 'Device' }));
});

test('confirmation with the mouse, then with the keyboard only', async () => {
  let v = await show('confirmation');
  await expect(v.getByRole('heading', { name: 'Repair booked' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await button(v, 'Done').click();
  await replies.expectNext(viewReply('Next', { Label: 'Done' }));
  await expectOwnBubble('Done');
  await expectCollapsed('Repair booked', 'Done');

  v = await show('confirmation');
  await homeKeyboard(page);
  await tabTo(page, button(v, 'Done'), { backward: true });
  await page.keyboard.press('Enter');
  await replies.expectNext(viewReply('Next', { Label: 'Done' }));
});

test('custom view DeliveryOptions with the mouse: a bound card sends its Output', async () => {
  const v = await show('DeliveryOptions');
  await expect(v.getByRole('heading', { name: 'How should we deliver order #10423?' })).toBeVisible();
  await expect(v.getByText('12 High Street')).toBeVisible(); // DataSection
  expect(await axe(page)).toEqual([]);
  await button(v, /^Evening/).click();
  await replies.expectNext(viewReply('OptionSelected', { OptionId: 'evening' }));
  await expectCollapsed('How should we deliver order #10423?', 'Evening');
});

test('custom view DeliveryOptions with the keyboard only: a ButtonGroup item', async () => {
  const v = await show('DeliveryOptions');
  await homeKeyboard(page);
  await tabTo(page, button(v, 'Talk to an agent'), { backward: true });
  await page.keyboard.press('Enter');
  await replies.expectNext(viewReply('Agent', {}));
});

test('custom view ReturnRequest with the mouse: the form submits its FormData', async () => {
  const v = await show('ReturnRequest');
  await expect(v.getByLabel('Order number')).toHaveValue('10423'); // bound DefaultValue
  expect(await axe(page)).toEqual([]);
  await v.getByLabel('Reason').selectOption('damaged');
  await v.getByLabel('Pickup date').fill('2030-05-20');
  await v.getByLabel('Anything else?').fill('The box is dented');
  await button(v, 'Request return').click();
  await replies.expectNext(
    viewReply('Submit', { FormData: { orderNumber: '10423', reason: ['damaged'], pickupDate: '2030-05-20', comment: 'The box is dented' } }),
  );
});

test('custom view ReturnRequest with the keyboard only', async () => {
  const v = await show('ReturnRequest');
  await homeKeyboard(page);
  await tabTo(page, v.getByLabel('Reason'), { backward: true, max: 60 });
  await page.keyboard.press('ArrowDown'); // Too small -> Too large
  await page.keyboard.press('Tab');
  await expectFocused(v.getByLabel('Pickup date'));
  await page.keyboard.type('06022030');
  await tabTo(page, v.getByLabel('Anything else?'));
  await page.keyboard.type('Thanks');
  await tabTo(page, button(v, 'Request return'));
  await page.keyboard.press('Enter');
  await replies.expectNext(
    viewReply('Submit', { FormData: { orderNumber: '10423', reason: ['too-large'], pickupDate: '2030-06-02', comment: 'Thanks' } }),
  );
});

test('free text typed while a view is the latest message goes as the view response', async () => {
  await show('confirmation');
  await widget(page, '.cw-ta').fill('Actually, one more thing');
  await widget(page, '.cw-ta').press('Enter');
  await replies.expectNext(viewReply(' ', { content: 'Actually, one more thing' }));
  await expectOwnBubble('Actually, one more thing');
  // Typed text is no answer to the view: the card keeps its heading alone (no "Your answer: …").
  await expectCollapsed('Repair booked', null);
});

test('after a reload the bubbles still show the buttons pressed, not the actions sent', async () => {
  const ownTexts = async () => {
    // Rows are windowed: walk the log from the top to the bottom and read every own bubble on the way.
    await expect(widget(page, '.cw-log .cw-own').last()).toBeVisible();
    return widget(page, '.cw-log').evaluate(async (log) => {
      const seen = new Map<string, string>();
      const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      for (let top = 0; ; top += log.clientHeight / 2) {
        log.scrollTop = top;
        await frame();
        for (const row of log.querySelectorAll<HTMLElement>('.cw-own[data-key]')) seen.set(row.dataset.key!, row.querySelector('.cw-bubble')?.textContent ?? '');
        if (log.scrollTop + log.clientHeight >= log.scrollHeight - 1) break;
      }
      return [...seen.values()];
    });
  };
  const before = await ownTexts();
  expect(before.filter((t) => t === 'You: Book')).toHaveLength(2);
  expect(before.filter((t) => t === 'You: Done')).toHaveLength(2);
  await reload(page);
  await expect(widget(page, '#cw-win')).toBeVisible(); // it was open: it reopens by itself
  expect(await ownTexts()).toEqual(before);
  expect(before.filter((t) => t === 'You: Next')).toEqual([]);
});

test('no CSP or Trusted Types violation and no page error on the way', async () => {
  expect(await cspReports(page)).toEqual([]);
  expect(problems).toEqual([]);
});

// Colours and focus as the visitor sees them, measured from computed styles in real Chromium, for
// the default theme and three brand colours (a light, a dark and a saturated one) in both schemes:
// the send button at rest and under the pointer (issue 14 item 1), the menu's focus ring and its
// first item (item 2), the dark scheme's header and own bubbles, and the bot bubble taking the
// brand's hue (item 7), the form view's layout (item 8), the ended composer (item 9), the carousel
// (item 15); every state with zero axe violations.
import { expect, test, type Page } from '@playwright/test';
import { contrastOf, seen } from './colour-support';
import { axe, buildHarness, control, openShop, startChatWithAgent, widget } from './ui-support';
import { luminance } from '../src/theme/contrast';
import { sampleViewData } from '../emulator/views/index';
import { carousel } from '../emulator/bot/templates';

test.beforeAll(async () => {
  await buildHarness();
});

const THEMES = ['light', 'dark'].flatMap((mode) =>
  [undefined, '#ffd43b', '#0b1f3a', '#e6007e'].map((primary) => ({
    name: `${mode} ${primary ?? 'default'}`,
    mode,
    theme: { mode, light: primary ? { primary } : {}, dark: primary ? { primary } : {} },
  })),
);

/** A chat with a bot message, an agent message and an own message. */
async function chat(page: Page): Promise<void> {
  await openShop(page);
  const { contactId, agent } = await startChatWithAgent(page);
  await control(`contacts/${contactId}/messages`, { Content: 'Hi, I am the assistant.', DisplayName: 'Bot' });
  await agent.say('Hello, Ana here.');
  await widget(page, '.cw-ta').fill('Where is my parcel?');
  await widget(page, '.cw-ta').press('Enter');
  await expect(widget(page, '.cw-own .cw-bubble')).toBeVisible();
  await expect(widget(page, '.cw-bot .cw-bubble')).toBeVisible();
  await expect(widget(page, '.cw-agent .cw-bubble')).toBeVisible();
}

async function setTheme(page: Page, theme: unknown): Promise<void> {
  await page.evaluate((t) => (window as unknown as { cw: { ctl: { setTheme(t: unknown): unknown[] } } }).cw.ctl.setTheme(t), theme);
}

const round = (n: number) => Math.round(n * 100) / 100;
/** LOOK_FIGURES=1 prints what each test measured, for the record. */
const figure = (line: string) => process.env.LOOK_FIGURES && console.log(line);

test('send button: its arrow keeps 4.5:1 at rest and under the pointer, in every theme (item 1)', async ({ page }) => {
  await chat(page);
  await widget(page, '.cw-ta').fill('Thanks');
  const send = widget(page, '.cw-send');
  const failures: string[] = [];
  for (const t of THEMES) {
    await setTheme(page, t.theme);
    await page.mouse.move(0, 0);
    const rest = await contrastOf(send);
    await send.hover();
    const hover = await contrastOf(send);
    const hoverFill = await seen(send, 'background-color');
    const composer = await seen(widget(page, '.cw-comp'), 'background-color');
    figure(`send ${t.name}: rest ${round(rest)}:1, hover ${round(hover)}:1`);
    if (rest < 4.5 || hover < 4.5 || hoverFill === composer) failures.push(`${t.name}: rest ${round(rest)}, hover ${round(hover)}, hover fill ${hoverFill} on ${composer}`);
  }
  expect(failures).toEqual([]);
});

test('menu: a visible focus ring on the focused item, no highlight on an item nobody pointed at (item 2)', async ({ page }) => {
  await chat(page);
  const button = widget(page, '[aria-haspopup=menu]');
  const items = widget(page, '[role=menuitem]');
  const failures: string[] = [];
  for (const t of THEMES) {
    await setTheme(page, t.theme);
    // By keyboard: the first item takes the focus and shows a ring that stands out from the menu.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(items.first()).toBeFocused();
    const ring = await items.first().evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: parseFloat(getComputedStyle(el).outlineWidth) }));
    const ringContrast = await contrastOf(items.first(), 'outline-color', widget(page, '.cw-menu'));
    const textContrast = await contrastOf(items.first());
    figure(`menu ${t.name}: ring ${ring.style} ${ring.width}px ${round(ringContrast)}:1`);
    if (ring.style === 'none' || ring.width < 2 || ringContrast < 3 || textContrast < 4.5)
      failures.push(`${t.name} keyboard: ring ${ring.style} ${ring.width}px at ${round(ringContrast)}:1, text ${round(textContrast)}:1`);
    await page.keyboard.press('Escape');
    await expect(button).toBeFocused();
    // By mouse (a visitor who last clicked in the transcript): the focus goes to the first item too
    // (the menu pattern), but it is not highlighted.
    await widget(page, '.cw-log').click({ position: { x: 5, y: 5 } });
    await button.click();
    await expect(items.first()).toBeFocused();
    await page.mouse.move(0, 0);
    const first = await seen(items.first(), 'background-color');
    const menu = await seen(widget(page, '.cw-menu'), 'background-color');
    const outline = await items.first().evaluate((el) => getComputedStyle(el).outlineStyle);
    if (first !== menu || outline !== 'none') failures.push(`${t.name} mouse: first item ${first} on menu ${menu}, outline ${outline}`);
    // Under the pointer an item is highlighted.
    await items.last().hover();
    if ((await seen(items.last(), 'background-color')) === menu) failures.push(`${t.name}: no hover highlight`);
    await page.keyboard.press('Escape');
  }
  expect(failures).toEqual([]);
});

test('dark scheme: header and own bubbles are deep tones, the bot bubble takes the brand hue, all text reads (item 7)', async ({ page }) => {
  await chat(page);
  const head = widget(page, '.cw-head');
  const title = widget(page, '#cw-title');
  const own = widget(page, '.cw-own .cw-bubble').last();
  const bot = widget(page, '.cw-bot .cw-bubble').last();
  const agentBubble = widget(page, '.cw-agent .cw-bubble').last();
  const failures: string[] = [];
  const bots = new Map<string, string>();
  for (const t of THEMES) {
    await setTheme(page, t.theme);
    const header = await seen(head, 'background-color');
    const ownFill = await seen(own, 'background-color');
    const botFill = await seen(bot, 'background-color');
    bots.set(t.name, botFill);
    const texts = { title: await contrastOf(title, 'color', head), own: await contrastOf(own), bot: await contrastOf(bot), agent: await contrastOf(agentBubble) };
    figure(`${t.name}: header ${header} L ${round(luminance(header))}, own ${ownFill} L ${round(luminance(ownFill))}, bot ${botFill}, text ${Object.entries(texts).map(([k, v]) => `${k} ${round(v)}`).join(' ')}`);
    for (const [k, v] of Object.entries(texts)) if (v < 4.5) failures.push(`${t.name}: ${k} text ${round(v)}:1`);
    if (t.mode === 'dark' && (luminance(header) > 0.121 || luminance(ownFill) > 0.121)) failures.push(`${t.name}: header ${header} (L ${round(luminance(header))}), own ${ownFill} (L ${round(luminance(ownFill))})`);
    // The minimize button's focus ring on the header.
    await widget(page, '.cw-head > button').last().focus();
    const ring = await contrastOf(widget(page, '.cw-head > button').last(), 'outline-color', head);
    if (ring < 3) failures.push(`${t.name}: header focus ring ${round(ring)}:1`);
    expect(await axe(page), t.name).toEqual([]);
  }
  // Each brand colour gives the bot bubble its own tint (not one fixed blue or navy).
  for (const mode of ['light', 'dark']) expect(new Set(THEMES.filter((t) => t.mode === mode).map((t) => bots.get(t.name))).size, mode).toBe(4);
  expect(failures).toEqual([]);
});

test('form view: no boxes within boxes, no error before anything was typed, a one-line stepper, even buttons, links in line (item 8)', async ({ browser }) => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await openShop(page);
    const { contactId } = await startChatWithAgent(page);
    const { ErrorText: _, ...form } = sampleViewData('form')!;
    await control(`contacts/${contactId}/views`, { view: 'form', viewData: form });
    const view = widget(page, '.cw-view-message .cw-view').last();
    const serial = view.getByLabel('Serial number');
    await expect(serial).toBeVisible();
    const at = `${viewport.width}px`;

    // Between the bubble and a field, nothing draws a box (before: the view, the form and the section).
    const boxes = await serial.evaluate((el) => {
      const out: string[] = [];
      for (let e = el.parentElement; e && !e.classList.contains('cw-bubble'); e = e.parentElement) {
        const s = getComputedStyle(e);
        if (['Top', 'Right', 'Bottom', 'Left'].every((side) => parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 && s.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none'))
          out.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
      }
      return out;
    });
    expect(boxes, at).toEqual([]);
    // Nothing typed, nothing to correct.
    await expect(view.getByRole('alert').filter({ hasText: /\S/ }), at).toHaveCount(0);
    // The stepper keeps to one line, clear of the bubble's edge.
    const steps = await view.locator('.cw-view-steps > li').evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().top + li.getBoundingClientRect().height / 2)));
    expect(new Set(steps).size, `${at}: step centres ${steps}`).toBe(1);
    const gap = await view.locator('.cw-view-steps').evaluate((ol) => ol.getBoundingClientRect().top - ol.closest('.cw-bubble')!.getBoundingClientRect().top);
    expect(gap, at).toBeGreaterThanOrEqual(8);
    // Back, Cancel and Book share one row in equal widths.
    const widths = await view.locator('.cw-view-buttons').last().getByRole('button').evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().width)));
    expect(widths.length, at).toBe(3);
    expect(Math.max(...widths) - Math.min(...widths), `${at}: widths ${widths}`).toBeLessThanOrEqual(1);
    expect(await axe(page), at).toEqual([]);

    // A link-style action ("Cancel delivery") starts where the text does.
    await control(`contacts/${contactId}/views`, { view: 'DeliveryOptions', viewData: sampleViewData('DeliveryOptions') });
    const delivery = widget(page, '.cw-view-message .cw-view').last();
    const link = delivery.getByRole('button', { name: 'Cancel delivery' });
    await expect(link).toBeVisible();
    const offset = await link.evaluate((b) => {
      const range = document.createRange();
      range.selectNodeContents(b);
      return range.getBoundingClientRect().left - b.closest('.cw-view')!.getBoundingClientRect().left;
    });
    expect(Math.abs(offset), `${at}: link text ${offset}px from the view's edge`).toBeLessThanOrEqual(2);
    // The detail view's actions: full-width choices of one width.
    await control(`contacts/${contactId}/views`, { view: 'detail', viewData: sampleViewData('detail') });
    const detail = widget(page, '.cw-view-message .cw-view').last();
    await expect(detail.getByRole('button', { name: 'Reschedule' })).toBeVisible();
    const choices = detail.locator('.cw-view-choices').getByRole('button');
    await expect(choices).toHaveCount(2);
    const sizes = await choices.evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().width)));
    expect(Math.abs(sizes[0] - sizes[1]), `${at}: ${sizes}`).toBeLessThanOrEqual(1);
    expect(await axe(page), at).toEqual([]);
    await context.close();
  }
});

test('ended: the disabled message box no longer invites typing, and does again in a new chat (item 9)', async ({ page }) => {
  await openShop(page);
  await startChatWithAgent(page);
  const box = widget(page, '.cw-ta');
  await expect(box).toHaveAttribute('placeholder', 'Type your message…');
  await widget(page, '[aria-haspopup=menu]').click();
  await widget(page, '[role=menuitem]').filter({ hasText: 'End chat' }).click();
  await widget(page, '[role=alertdialog]').getByRole('button', { name: 'End chat' }).click();
  await expect(box).toBeDisabled();
  await expect(box).toHaveAttribute('placeholder', 'The chat has ended.');
  expect(await axe(page)).toEqual([]);
  await widget(page, '.cw-ended').getByRole('button', { name: 'Start new chat' }).click();
  await expect(box).toBeEnabled();
  await expect(box).toHaveAttribute('placeholder', 'Type your message…');
});

/** The demo bot's carousel with a picture on each card, served by the test site (same origin: the strict CSP allows it). */
function pictureCarousel(site: string): string {
  const template = carousel() as unknown as { data: { content: { elements: { data: { content: Record<string, unknown> } }[] } } };
  const pictures = ['lisbon', 'kyoto', 'reykjavik'];
  template.data.content.elements.forEach((card, i) =>
    Object.assign(card.data.content, { imageType: 'URL', imageData: `${site}/pictures/${pictures[i]}.svg`, imageDescription: `A view of ${String(card.data.content.title)}` }),
  );
  return JSON.stringify(template);
}

test('carousel: the pictures the cards carry, the next card peeking in, Next / swipe / a click on a peeking card move card by card (item 15)', async ({ page, baseURL }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  await control(`contacts/${contactId}/messages`, { Content: pictureCarousel(baseURL!), ContentType: 'application/vnd.amazonaws.connect.message.interactive', DisplayName: 'Bot' });
  const c = widget(page, '.cw-im-carousel').last();
  const track = c.locator('.cw-im-carousel-track');
  const slides = c.locator('[aria-roledescription="slide"]');
  await expect(slides).toHaveCount(3);
  // Each card shows its picture (loaded, described).
  const pictures = c.locator('img.cw-im-hero');
  await expect(pictures).toHaveCount(3);
  await expect(pictures.first()).toHaveAttribute('alt', 'A view of Lisbon');
  await expect.poll(() => pictures.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0))).toEqual([true, true, true]);

  /** Where each card starts, from the track's start (px), and how much of the second shows. */
  const layout = () =>
    track.evaluate((t) => {
      const r = t.getBoundingClientRect();
      const cards = Array.from(t.children).map((s) => s.getBoundingClientRect());
      return { starts: cards.map((s) => Math.round(s.left - r.left)), secondVisible: Math.round(Math.min(r.right, cards[1].right) - Math.max(r.left, cards[1].left)), width: Math.round(cards[0].width) };
    });
  const first = await layout();
  expect(first.secondVisible, 'the next card peeks in').toBeGreaterThanOrEqual(16);
  expect(first.secondVisible, 'but only peeks').toBeLessThan(first.width / 3);
  await expect(slides.nth(1).locator('[inert]')).toHaveCount(1); // not current: out of the tab order
  expect(await axe(page)).toEqual([]);

  // Next: the second card slides to the start.
  await c.getByRole('button', { name: 'Next' }).click();
  await expect(c.locator('.cw-im-carousel-position')).toHaveText('2 of 3');
  await expect.poll(async () => (await layout()).starts[1]).toBe(12); // where the first card was: the strip's start padding
  await expect(slides.nth(1).locator('[inert]')).toHaveCount(0);
  await expect(slides.nth(0).locator('[inert]')).toHaveCount(1);
  // A swipe (the strip scrolled by hand) to the last card makes it current.
  await track.evaluate((t) => t.scrollBy({ left: t.scrollWidth, behavior: 'auto' }));
  await expect(c.locator('.cw-im-carousel-position')).toHaveText('3 of 3');
  // A click on the card peeking in from the start brings it forward.
  await slides.nth(1).click({ position: { x: 20, y: 60 } });
  await expect(c.locator('.cw-im-carousel-position')).toHaveText('2 of 3');
  await c.getByRole('button', { name: 'Book a trip' }).click();
  await expect(widget(page, '.cw-own .cw-bubble').last()).toContainText('Kyoto - Book a trip');
});

/** Records the CSS animations that start in the widget, and the transitions the window runs. */
async function watchMotion(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('#chat-widget')!.shadowRoot!;
    const w = window as unknown as { motion: string[] };
    w.motion = [];
    root.addEventListener('animationstart', (e) => w.motion.push((e as AnimationEvent).animationName), true);
    root.addEventListener('transitionrun', (e) => (e.target as Element).id === 'cw-win' && w.motion.push(`window ${(e as TransitionEvent).propertyName}`), true);
  });
}
const motion = (page: Page) => page.evaluate(() => (window as unknown as { motion: string[] }).motion.splice(0));

for (const reduced of [false, true]) {
  test(`motion${reduced ? ', reduced on request' : ''}: the window opens and closes, a new message slides in, typing fades in; history and scrolling do not move (item 16)`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: reduced ? 'reduce' : 'no-preference' });
    await openShop(page);
    await watchMotion(page);
    const { agent } = await startChatWithAgent(page);
    await expect(widget(page, '.cw-ta')).toBeEnabled();
    // The join is drawn before the message comes: rows drawn with the first ones of a chat count as
    // history (they do not slide in), so a message arriving in the join's frame would not move.
    await expect(widget(page, '.cw-log')).toContainText('Ana joined the chat');
    const opened = await motion(page);
    await agent.say('A new message');
    await expect(widget(page, '.cw-agent .cw-bubble').last()).toHaveText('A new message');
    await agent.typing();
    await expect(widget(page, '.cw-typing .cw-dots')).toBeVisible();
    await expect.poll(async () => (reduced ? 'n/a' : (await page.evaluate(() => (window as unknown as { motion: string[] }).motion)).join())).toMatch(reduced ? 'n/a' : /cw-fade/);
    const arrived = await motion(page);
    // Closing: the window stays drawn while it shrinks, then is gone.
    await widget(page, '.cw-head > button').last().click();
    const closing = await widget(page, '#cw-win').evaluate((el) => getComputedStyle(el).display);
    await expect(widget(page, '#cw-win')).toBeHidden();
    const closed = await motion(page);
    // Opening again draws the history already there: nothing slides in.
    await widget(page, '#cw-launch').click();
    await expect(widget(page, '.cw-agent .cw-bubble').last()).toBeVisible();
    await widget(page, '.cw-log').evaluate((el) => el.scrollTo({ top: 0 }));
    await widget(page, '.cw-log').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const reopened = (await motion(page)).filter((m) => m.startsWith('cw-arrive'));
    if (reduced) {
      expect([...opened, ...arrived, ...closed]).toEqual([]);
      expect(closing).toBe('none');
    } else {
      expect(opened).toContain('window opacity');
      expect(opened).toContain('window transform');
      expect(arrived).toEqual(expect.arrayContaining(['cw-arrive', 'cw-fade']));
      expect(arrived.filter((m) => m === 'cw-arrive')).toHaveLength(1); // the one message, once
      expect(closing).toBe('flex');
      expect(closed).toContain('window opacity');
    }
    expect(reopened).toEqual([]);
  });
}

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { carousel, panel, quickReply, servicesListPage, timePicker, SERVICES, LIST_PAGE_SIZE, PANEL_OPTIONS, QUICK_REPLIES } from '../../../emulator/bot/templates';
import { HOSTILE_LIST_PICKER, LIST_PICKER_FULL, MALFORMED, TIME_PICKER_OFFSET } from '../testing/interactive-fixtures';
import { InteractiveMessage } from './interactive-message';
import { InteractiveStringsContext, type InteractiveLocale } from './strings';
import { buttonByText, click, mount, press, tabOrder, type Mounted } from '../testing/interactive';
import { INTERACTIVE_RESPONSE_CONTENT_TYPE, type InteractiveReply } from './types';

const UTC: InteractiveLocale = { locale: 'en-US', timeZone: 'UTC' };
let mounted: Mounted | undefined;

afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

function show(content: unknown, props: { actionable?: boolean; answered?: string; locale?: InteractiveLocale } = {}) {
  const replies: InteractiveReply[] = [];
  const json = typeof content === 'string' ? content : JSON.stringify(content);
  mounted = mount(
    <InteractiveStringsContext.Provider value={props.locale ?? UTC}>
      <InteractiveMessage content={json} actionable={props.actionable ?? true} answered={props.answered} onReply={(r) => replies.push(r)} />
    </InteractiveStringsContext.Provider>,
  );
  return { root: mounted.container, replies };
}

function expectInert(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    expect(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE']).not.toContain(el.tagName);
    for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on'), `${el.tagName}[${attr.name}]`).toBe(false);
    if (el.tagName === 'A') expect(el.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
    if (el.tagName === 'IMG') expect(el.getAttribute('src')).toMatch(/^https?:/);
  }
}

describe('ListPicker', () => {
  it('renders a labelled list of native buttons and replies with the title as text/plain', () => {
    const { root, replies } = show(servicesListPage(0, 'ref-1'));
    const list = root.querySelector('ul[role="list"]');
    expect(list).not.toBeNull();
    const label = root.querySelector(`[id="${list?.getAttribute('aria-labelledby')}"]`);
    expect(label?.textContent).toBe('What can we help you with?');
    expect(list?.querySelectorAll('li')).toHaveLength(LIST_PAGE_SIZE + 1);
    click(buttonByText(root, `${SERVICES[1]}Help with ${SERVICES[1]?.toLowerCase()}`));
    expect(replies).toEqual([{ contentType: 'text/plain', content: SERVICES[1] }]);
  });

  it('SHOW_MORE sends the hidden paging reply with every paging field', () => {
    const { root, replies } = show(servicesListPage(0, 'ref-1'));
    click(buttonByText(root, 'Show more'));
    expect(replies).toEqual([
      {
        contentType: INTERACTIVE_RESPONSE_CONTENT_TYPE,
        content: `{"version":"1.0","data":{"actionName":"SHOW_MORE","preIndex":-1,"nextIndex":${LIST_PAGE_SIZE},"listId":"serviceList","templateType":"ListPicker","referenceId":"ref-1"},"action":"SHOW_MORE"}`,
        hidden: true,
      },
    ]);
  });

  it('PREVIOUS_OPTIONS on a later page', () => {
    const { root, replies } = show(servicesListPage(LIST_PAGE_SIZE, 'ref-1'));
    click(buttonByText(root, 'Previous options'));
    expect(JSON.parse(replies[0]?.content ?? '{}')).toEqual({
      version: '1.0',
      data: { actionName: 'PREVIOUS_OPTIONS', preIndex: 0, nextIndex: LIST_PAGE_SIZE * 2, listId: 'serviceList', templateType: 'ListPicker', referenceId: 'ref-1' },
      action: 'PREVIOUS_OPTIONS',
    });
  });

  it('images carry alt text from imageDescription (empty when decorative); hyperlink elements are links, not replies', () => {
    const { root, replies } = show(LIST_PICKER_FULL);
    const imgs = Array.from(root.querySelectorAll('img'));
    expect(imgs.map((i) => [i.getAttribute('src'), i.getAttribute('alt')])).toEqual([
      ['https://img.example/hero.png', 'Our help desk'],
      ['https://img.example/billing.png', 'A receipt'],
      ['https://img.example/ship.png', ''],
    ]);
    expect(imgs.every((i) => i.getAttribute('referrerpolicy') === 'no-referrer')).toBe(true);
    const link = root.querySelector('a.cw-im-option-link');
    expect(link?.getAttribute('href')).toBe('https://docs.example/help');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.textContent).toContain('(opens in a new tab)');
    click(link);
    expect(replies).toEqual([]);
  });

  it('only one reply: a second choice is ignored and options report aria-disabled but stay focusable', () => {
    const { root, replies } = show(quickReply());
    click(buttonByText(root, 'Great'));
    click(buttonByText(root, 'Okay'));
    expect(replies).toHaveLength(1);
    const buttons = Array.from(root.querySelectorAll('button'));
    expect(buttons.every((b) => b.getAttribute('aria-disabled') === 'true' && !b.disabled)).toBe(true);
  });

  it('a failed SHOW_MORE can be tried again (paging does not lock the list)', () => {
    const { root, replies } = show(servicesListPage(0, 'ref-1'));
    click(buttonByText(root, 'Show more'));
    click(buttonByText(root, 'Show more'));
    expect(replies).toHaveLength(2);
  });

  it('hostile content renders inert', () => {
    const { root } = show(HOSTILE_LIST_PICKER);
    expectInert(root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('Evil link');
    expect(root.querySelectorAll('a')).toHaveLength(0);
  });
});

describe('Panel', () => {
  it('renders options and the FAQ link; replies with the title', () => {
    const { root, replies } = show(panel());
    for (const title of PANEL_OPTIONS) expect(buttonByText(root, title)).toBeTruthy();
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://example.com/faq/delivery');
    click(buttonByText(root, PANEL_OPTIONS[0] ?? ''));
    expect(replies).toEqual([{ contentType: 'text/plain', content: PANEL_OPTIONS[0] }]);
  });

  it('does not render element subtitles or images', () => {
    const content = JSON.parse(LIST_PICKER_FULL) as { templateType: string };
    content.templateType = 'Panel';
    const { root } = show(content);
    expect(root.querySelector('.cw-im-option-subtitle')).toBeNull();
    expect(root.querySelectorAll('img')).toHaveLength(1); // the panel's own image only
  });
});

describe('QuickReply', () => {
  it('renders chips and replies with the option title', () => {
    const { root, replies } = show(quickReply());
    expect(Array.from(root.querySelectorAll('.cw-im-chip')).map((b) => b.textContent)).toEqual([...QUICK_REPLIES]);
    click(buttonByText(root, 'Not good'));
    expect(replies).toEqual([{ contentType: 'text/plain', content: 'Not good' }]);
  });

  it('every option is reachable with Tab in order', () => {
    const { root } = show(quickReply());
    expect(tabOrder(root).map((el) => el.textContent)).toEqual([...QUICK_REPLIES]);
  });
});

describe('TimePicker', () => {
  const slots = () => Array.from(mounted?.container.querySelectorAll<HTMLElement>('[role="radio"]') ?? []);
  const checked = () => slots().filter((s) => s.getAttribute('aria-checked') === 'true').map((s) => s.textContent);

  it('is a radio group: select, confirm, exact reply (no offset: the slot date as received)', () => {
    const { root, replies } = show(timePicker(Date.UTC(2030, 0, 1)));
    expect(root.querySelector('[role="radiogroup"]')?.getAttribute('aria-label')).toBe('Available times on Wednesday, January 2');
    expect(slots().map((s) => s.textContent)).toEqual(['9:00 AM UTC60 min', '11:00 AM UTC60 min', '2:00 PM UTC60 min']);
    const confirm = buttonByText(root, 'Confirm');
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    click(confirm);
    expect(replies).toEqual([]);
    click(slots()[1]);
    expect(checked()).toEqual(['11:00 AM UTC60 min']);
    click(buttonByText(root, 'Confirm'));
    expect(replies).toEqual([{ contentType: 'text/plain', content: '2030-01-02T11:00+00:00', display: 'Wednesday, January 2, 11:00 AM UTC' }]);
  });

  it('keyboard: one tab stop; arrows move and check across pages; Home/End', () => {
    show(TIME_PICKER_OFFSET);
    const tabbable = () => slots().filter((s) => s.tabIndex === 0);
    expect(tabbable()).toHaveLength(1);
    const first = slots()[0];
    first?.focus();
    const down = press(first, 'ArrowDown');
    expect(down.defaultPrevented).toBe(true);
    expect(checked()).toEqual(['12:00 PM (UTC-07:00)60 min']);
    expect(document.activeElement?.textContent).toBe('12:00 PM (UTC-07:00)60 min');
    press(document.activeElement, 'ArrowDown');
    press(document.activeElement, 'ArrowDown');
    // The fourth slot is on the second page: the page turned and focus followed.
    expect(slots().map((s) => s.textContent)).toEqual(['2:00 PM (UTC-07:00)30 min']);
    expect(document.activeElement?.textContent).toBe('2:00 PM (UTC-07:00)30 min');
    expect(tabbable()).toHaveLength(1);
    press(document.activeElement, 'ArrowDown'); // wraps to the first
    expect(checked()).toEqual(['11:00 AM (UTC-07:00)60 min']);
    press(document.activeElement, 'End');
    expect(checked()).toEqual(['2:00 PM (UTC-07:00)30 min']);
    press(document.activeElement, 'Home');
    expect(checked()).toEqual(['11:00 AM (UTC-07:00)60 min']);
    press(document.activeElement, 'ArrowUp'); // wraps to the last
    expect(checked()).toEqual(['2:00 PM (UTC-07:00)30 min']);
  });

  it('with timeZoneOffset the reply is the shifted value; days and Earlier/Later page', () => {
    const { root, replies } = show(TIME_PICKER_OFFSET);
    expect(root.querySelector('.cw-im-tp-day')?.textContent).toBe('Saturday, October 31');
    expect(buttonByText(root, 'Earlier').getAttribute('aria-disabled')).toBe('true');
    click(buttonByText(root, 'Later'));
    expect(slots().map((s) => s.textContent)).toEqual(['2:00 PM (UTC-07:00)30 min']);
    expect(buttonByText(root, 'Later').getAttribute('aria-disabled')).toBe('true');
    click(root.querySelector('[aria-label="Next day"]'));
    expect(root.querySelector('.cw-im-tp-day')?.textContent).toBe('Sunday, November 1');
    expect(root.querySelector('[aria-label="Next day"]')?.getAttribute('aria-disabled')).toBe('true');
    click(slots()[0]);
    click(buttonByText(root, 'Confirm'));
    expect(replies).toEqual([
      { contentType: 'text/plain', content: '2020-11-01T10:00:00.00+00:00', display: 'Sunday, November 1, 10:00 AM (UTC-07:00)' },
    ]);
  });

  it('Clear selection unchecks; changing day clears the selection', () => {
    const { root } = show(TIME_PICKER_OFFSET);
    click(slots()[0]);
    click(buttonByText(root, 'Clear selection'));
    expect(checked()).toEqual([]);
    click(slots()[0]);
    click(root.querySelector('[aria-label="Next day"]'));
    click(root.querySelector('[aria-label="Previous day"]'));
    expect(checked()).toEqual([]);
  });

  it('collapsed: the chosen slot is described in words', () => {
    const { root } = show(TIME_PICKER_OFFSET, { actionable: false, answered: '2020-10-31T11:00:00.00+00:00' });
    expect(root.textContent).toBe('Schedule appointmentYour answer: Saturday, October 31, 11:00 AM (UTC-07:00)');
    expect(root.querySelector('button')).toBeNull();
  });
});

describe('Carousel', () => {
  it('cards side by side, one current (the others inert); Previous/Next buttons; live "n of total" position; slide semantics', () => {
    const { root } = show(carousel());
    const region = root.querySelector('section[aria-roledescription="carousel"]');
    expect(region).not.toBeNull();
    expect(root.querySelector(`[id="${region?.getAttribute('aria-labelledby')}"]`)?.textContent).toBe('Pick a destination');
    const position = () => root.querySelector('.cw-im-carousel-position');
    const slides = () => Array.from(root.querySelectorAll('[aria-roledescription="slide"]'));
    const slide = () => slides().find((s) => !s.querySelector('[inert]'));
    expect(slides().map((s) => s.getAttribute('aria-label'))).toEqual(['1 of 3', '2 of 3', '3 of 3']);
    expect(slides().filter((s) => s.querySelector('[inert]'))).toHaveLength(2);
    expect(position()?.getAttribute('aria-live')).toBe('polite');
    expect(position()?.textContent).toBe('1 of 3');
    expect(slide()?.getAttribute('aria-label')).toBe('1 of 3');
    expect(slide()?.textContent).toContain('Lisbon');
    expect(root.querySelector('[aria-label="Previous"]')?.getAttribute('aria-disabled')).toBe('true');
    click(root.querySelector('[aria-label="Next"]'));
    expect(position()?.textContent).toBe('2 of 3');
    expect(slide()?.textContent).toContain('Kyoto');
    click(root.querySelector('[aria-label="Next"]'));
    click(root.querySelector('[aria-label="Next"]'));
    expect(position()?.textContent).toBe('3 of 3');
    expect(root.querySelector('[aria-label="Next"]')?.getAttribute('aria-disabled')).toBe('true');
  });

  it('a click on a card that peeks in brings it forward, without choosing anything', () => {
    const { root, replies } = show(carousel());
    const third = root.querySelectorAll('[aria-roledescription="slide"]')[2];
    click(third);
    expect(root.querySelector('.cw-im-carousel-position')?.textContent).toBe('3 of 3');
    expect(third.querySelector('[inert]')).toBeNull();
    expect(replies).toEqual([]);
  });

  it('reply is the Carousel JSON with the card identifier and titles', () => {
    const { root, replies } = show(carousel());
    click(root.querySelector('[aria-label="Next"]'));
    click(buttonByText(root, 'More about Kyoto'));
    expect(replies).toEqual([
      {
        contentType: 'text/plain',
        content: '{"templateIdentifier":"b1d1a9c0-5b1e-4c1b-9a57-0c1a2b3c4d02","listTitle":"Kyoto","selectionText":"More about Kyoto"}',
        display: 'Kyoto - More about Kyoto',
      },
    ]);
  });

  it('keyboard: arrow keys move between cards and focus follows into the new slide; RTL mirrors', () => {
    const { root } = show(carousel());
    const option = buttonByText(root, 'Book a trip');
    option.focus();
    press(option, 'ArrowRight');
    expect(root.querySelector('.cw-im-carousel-position')?.textContent).toBe('2 of 3');
    expect(document.activeElement?.getAttribute('aria-roledescription')).toBe('slide');
    expect(document.activeElement?.textContent).toContain('Kyoto');
    press(document.activeElement, 'ArrowLeft');
    expect(root.querySelector('.cw-im-carousel-position')?.textContent).toBe('1 of 3');
    root.setAttribute('dir', 'rtl');
    press(root.querySelector('section'), 'ArrowLeft');
    expect(root.querySelector('.cw-im-carousel-position')?.textContent).toBe('2 of 3');
  });

  it('tab order: previous, next, then the card options', () => {
    const { root } = show(carousel());
    expect(tabOrder(root).map((el) => el.getAttribute('aria-label') ?? el.textContent)).toEqual(['Previous', 'Next', 'Book a trip', 'More about Lisbon']);
  });
});

describe('not actionable: collapsed to title and answer', () => {
  it('shows the title (markdown) and the answer, no controls', () => {
    const { root } = show(servicesListPage(0, 'r'), { actionable: false, answered: 'Billing' });
    expect(root.textContent).toBe('What can we help you with?Your answer: Billing');
    expect(root.querySelectorAll('button, a')).toHaveLength(0);
  });

  it('without an answer, only the title', () => {
    const { root } = show(quickReply(), { actionable: false });
    expect(root.textContent).toBe('How was your experience today?');
  });
});

describe('malformed and unknown templates: a fallback, never a crash', () => {
  for (const fixture of MALFORMED) {
    it(fixture.name, () => {
      const { root } = show(fixture.content);
      expect(root.querySelector('.cw-im-fallback')).not.toBeNull();
      expect(root.querySelector('.cw-im-notice')?.textContent).toMatch(/cannot be shown|not supported/);
      if (fixture.title) expect(root.querySelector('.cw-im-title')?.textContent).toBe(fixture.title);
      expect(root.querySelectorAll('button')).toHaveLength(0);
    });
  }

  it('a ViewResource without describeView falls back', () => {
    const { root } = show({ templateType: 'ViewResource', data: { content: { viewToken: 't' } } });
    expect(root.querySelector('.cw-im-fallback')).not.toBeNull();
  });
});

describe('strings come from the context or the prop', () => {
  it('uses translated strings', () => {
    const locale: InteractiveLocale = { locale: 'de-DE', timeZone: 'UTC', strings: { confirm: 'Bestätigen', earlier: 'Früher', later: 'Später', yourAnswer: 'Ihre Antwort: {answer}' } };
    const { root } = show(TIME_PICKER_OFFSET, { locale });
    expect(buttonByText(root, 'Bestätigen')).toBeTruthy();
    expect(buttonByText(root, 'Später')).toBeTruthy();
    mounted?.unmount();
    const collapsed = show(quickReply(), { actionable: false, answered: 'Great', locale });
    expect(collapsed.root.textContent).toContain('Ihre Antwort: Great');
  });
});

// Shared by the interactive-message and view specs (e2e/interactive-*.spec.ts, e2e/views-*.spec.ts):
// the agent side sends what the demo bot and the agent console send (emulator/bot/templates.ts,
// emulator/views via the control API), the customer's replies are read from the emulator's record,
// keyboard-only operation moves focus with Tab / Shift+Tab from where a keyboard user types, and CSP
// reports of one page are collected from the site server.
import { expect, type Locator, type Page } from '@playwright/test';
import type { InteractiveTemplate } from '../emulator/bot/templates.js';
import { type Agent, EMULATOR, control, record, widget } from './ui-support';

export const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';
export const INTERACTIVE_RESPONSE = 'application/vnd.amazonaws.connect.message.interactive.response';

/** What the customer sent, as the agent side sees it in the emulator's record. */
export interface Reply {
  ContentType: string;
  Content: string;
}

/** The agent sends an interactive template through SendMessage (what the agent console does). */
export async function sendTemplate(agent: Agent, template: InteractiveTemplate): Promise<string> {
  return agent.say(JSON.stringify(template), INTERACTIVE);
}

/** Shows a view through the control API (what the agent console and the demo bot do). */
export async function showView(contactId: string, view: string, viewData: unknown): Promise<string> {
  const answer = await control(`contacts/${contactId}/views`, { view, viewData });
  return String(answer.viewToken);
}

/**
 * The customer's messages in the record, in order. `expectNext` checks that exactly the given
 * replies arrived since the previous check (nothing more, e.g. no double send).
 */
export class Replies {
  private seen = 0;

  constructor(private readonly contactId: string) {}

  async all(): Promise<Reply[]> {
    const items = (await record(this.contactId)).Items;
    return items
      .filter((i) => i.ParticipantRole === 'CUSTOMER' && i.Type === 'MESSAGE')
      .map((i) => ({ ContentType: i.ContentType ?? '', Content: i.Content ?? '' }));
  }

  /** Starts counting from now (replies already sent are not checked again). */
  async mark(): Promise<void> {
    this.seen = (await this.all()).length;
  }

  async expectNext(...expected: Reply[]): Promise<void> {
    let fresh: Reply[] = [];
    await expect
      .poll(async () => {
        fresh = (await this.all()).slice(this.seen);
        return fresh.length;
      }, { message: `waiting for ${expected.length} customer repl${expected.length === 1 ? 'y' : 'ies'}` })
      .toBeGreaterThanOrEqual(expected.length);
    expect(fresh).toEqual(expected);
    this.seen += fresh.length;
  }

  /** Nothing new was sent (checked after `ms`, long enough for a send to reach the record). */
  async expectNone(ms = 400): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
    expect((await this.all()).slice(this.seen)).toEqual([]);
  }
}

/** A text/plain reply. */
export const text = (content: string): Reply => ({ ContentType: 'text/plain', Content: content });

/** A view response (chat-protocol.md §3.2), written out with the keys in the wire order. */
export const viewReply = (action: string, data: unknown): Reply => ({
  ContentType: INTERACTIVE_RESPONSE,
  Content: JSON.stringify({ action, data, templateType: 'ViewResource', version: '1.0' }),
});

/** The element the keyboard is on, described by the widget's shadow root. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"` : 'nothing';
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; fails when it
 * is not reached within `max` presses (the control is not in the tab order).
 */
export async function tabTo(page: Page, target: Locator, { backward = false, max = 40 } = {}): Promise<void> {
  const key = backward ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === (el.getRootNode() as ShadowRoot | Document).activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} ×${max} did not reach ${target}; the focus is on ${await focused(page)}`);
}

/** The keyboard user's home position: the composer (reached from the page with Tab; set directly here). */
export async function homeKeyboard(page: Page): Promise<void> {
  await widget(page, '.cw-ta').focus();
}

/** Asserts that `locator` holds the keyboard focus. */
export async function expectFocused(locator: Locator): Promise<void> {
  const page = locator.page();
  await expect
    .poll(async () => ((await locator.evaluate((el) => el === (el.getRootNode() as ShadowRoot | Document).activeElement)) ? 'focused' : await focused(page)))
    .toBe('focused');
}

/** The latest row of the transcript that holds an interactive message or view. */
export const liveMessage = (page: Page): Locator => widget(page, '.cw-row .cw-im').last();

/**
 * CSP reports the site server received from this page: its URL carries a unique storage key
 * (openShop), which the report's document-uri repeats, so other pages' reports do not count.
 */
export async function cspReports(page: Page): Promise<unknown[]> {
  const url = new URL(page.url());
  const key = String((JSON.parse(url.searchParams.get('config') ?? '{}') as { storageKey?: string }).storageKey ?? '');
  expect(key, 'the page was opened by openShop (it has a storage key)').not.toBe('');
  const all = (await (await fetch(`${url.origin}/csp-report`)).json()) as unknown[];
  return all.filter((report) => JSON.stringify(report).includes(key));
}

/** Requests for DescribeView this page made (GET /participant/views/{token}). */
export function watchDescribeView(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === EMULATOR && url.pathname.startsWith('/participant/views/') && request.method() === 'GET') seen.push(url.pathname.slice('/participant/views/'.length));
  });
  return seen;
}

// A visitor on the bench's customer page who opens the chat: the steps most widget scenarios share.
import type { BrowserContext, Page } from '@playwright/test';
import { GREETING } from './env.js';
import { inPage } from './page.js';
import type { ScenarioContext } from './scenario.js';

export interface OpenChat {
  context: BrowserContext;
  page: Page;
  contactId: string;
  /** performance.now() in the page at each step, from the click on the launcher. */
  times: { click: number; frame: number; dialog: number; composer: number; connected: number; started: number | null; greeting: number };
}

/** Loads the page with the snippet, clicks the launcher, waits until connected and greeted. */
export async function openChat(ctx: ScenarioContext, config: Record<string, unknown> = {}): Promise<OpenChat> {
  const env = await ctx.env();
  const context = await ctx.newContext();
  const page = await context.newPage();
  const params: Record<string, string> = Object.keys(config).length ? { config: JSON.stringify(config) } : {};
  await page.goto(env.pageUrl('host-widget.html', params), { waitUntil: 'load' });
  await inPage(page, (b) => b.waitFor('launcher', null, 15_000));
  const times = await inPage(
    page,
    async (b, greeting) => {
      b.listen();
      const click = b.clickLauncher();
      // All waits start at the click, so each resolves at the first frame its condition held.
      const [frame, dialog, composer, , greeted] = await Promise.all([
        b.waitFor('frame', null, 20_000),
        b.waitFor('dialog', null, 20_000),
        b.waitFor('composer', null, 20_000),
        b.waitFor('connected', null, 20_000),
        b.waitFor('text', greeting, 20_000),
      ]);
      return {
        click,
        frame,
        dialog,
        composer,
        connected: b.eventAt('connectionChange', 'connected') ?? NaN,
        started: b.eventAt('chatStarted'),
        greeting: greeted,
      };
    },
    GREETING,
  );
  const started = await inPage(page, (b) => b.events.find((e) => e.name === 'chatStarted')?.detail as { contactId?: string } | undefined);
  const contactId = started?.contactId;
  if (!contactId) throw new Error('the widget connected, but its chatStarted event carried no contactId');
  return { context, page, contactId, times };
}

/** Sends `count` texts as the contact flow, `perTick` at a time every `tickMs` (0 = as fast as possible). */
export async function postMany(
  send: (text: string) => void,
  texts: string[],
  perTick: number,
  tickMs: number,
): Promise<{ first: number; last: number }> {
  const first = Date.now();
  for (let i = 0; i < texts.length; i += perTick) {
    for (const text of texts.slice(i, i + perTick)) send(text);
    const due = first + ((i / perTick + 1) * tickMs);
    // Yield even at tickMs 0, so the emulator's sockets flush between batches.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
  }
  return { first, last: Date.now() };
}

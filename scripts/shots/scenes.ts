// The states a visitor meets, in the order a visit goes through them. Each scene brings the widget
// into its state through the real page (mouse and keyboard) and the emulator (the contact flow's
// handle, an agent through the Participant Service, faults), and resolves once that state is drawn:
// the shot is taken after it.
import { expect, type Locator, type Page } from '@playwright/test';
import type { ContactHandle } from '../../emulator/index.js';
import { sampleTemplate } from '../../emulator/bot/templates.js';
import { TEXT } from '../../emulator/bot/script.js';
import { sampleViewData } from '../../emulator/views/index.js';
import { joinAsAgent, type Agent } from '../../bench/agent.js';
import { BASE, type ShotsEnv } from './env.js';
import type { Variant } from './variants.js';

export interface SceneContext {
  env: ShotsEnv;
  page: Page;
  url: string;
  variant: Variant;
  /** Inside the widget's shadow root. */
  w(selector: string): Locator;
  contact?: ContactHandle;
  pendingContact?: Promise<ContactHandle>;
  agent?: Agent;
  /** The reconnecting scene left the emulator refusing sockets. */
  reconnecting?: boolean;
  /** Where the sample pictures are served (same origin as the page). */
  assets: string;
}

export interface Scene {
  name: string;
  /** Taken for the brand variants too (they show colour; the others are layout). */
  brand?: boolean;
  /** The scene put the pointer where it means it to be (otherwise it is moved out of the way). */
  pointer?: boolean;
  /** The newest message may be taller than the transcript: a second picture (`NAME-top`) shows its top. */
  tall?: boolean;
  /** Brings the widget into the state; resolves once it is drawn. */
  act(ctx: SceneContext): Promise<void>;
}

const BOT = { displayName: 'Support bot' };
const contactOf = (ctx: SceneContext): ContactHandle => {
  if (!ctx.contact) throw new Error('no chat started yet: the "greeting" scene must run first');
  return ctx.contact;
};
/** The newest row of the transcript, once it contains `text`. */
const lastRow = (ctx: SceneContext, text: string | RegExp) => expect(ctx.w('.cw-log .cw-row').last()).toContainText(text);

export const SCENES: Scene[] = [
  {
    name: 'closed',
    brand: true,
    async act(ctx) {
      await ctx.page.goto(ctx.url);
      await expect(ctx.page.locator('[data-connect-chat] button').first()).toBeVisible();
    },
  },
  {
    name: 'prechat',
    brand: true,
    async act(ctx) {
      await ctx.page.locator('[data-connect-chat] button').first().click();
      await expect(ctx.w('.cw-form')).toBeVisible();
    },
  },
  {
    name: 'prechat-errors',
    async act(ctx) {
      await ctx.w('.cw-form button[type=submit]').click();
      await expect(ctx.w('.cw-err').first()).toBeVisible();
    },
  },
  {
    name: 'starting',
    brand: true,
    async act(ctx) {
      // StartChatContact held for 4 s: what a slow network shows between the click and the chat.
      await ctx.env.faults({ reset: true, latencyMs: 4000, latencyOperations: ['StartChat'] });
      ctx.pendingContact = ctx.env.nextContact();
      await ctx.w('#cw-f-name').fill(ctx.variant.rtl ? 'ليلى' : 'Kim Lee');
      await ctx.w('#cw-f-email').fill('kim@example.com');
      await ctx.w('.cw-form button[type=submit]').click();
      await expect(ctx.w('.cw-form')).toBeHidden();
      await expect(ctx.w('.cw-center [role=status]')).toBeVisible();
    },
  },
  {
    name: 'greeting',
    brand: true,
    async act(ctx) {
      await ctx.env.faults({ reset: true });
      ctx.contact = await ctx.pendingContact!;
      ctx.contact.sendMarkdown("Hi, I'm the **virtual assistant**. How can I help you today?", BOT);
      await lastRow(ctx, 'virtual assistant');
      await expect(ctx.w('.cw-ta')).toBeEnabled();
    },
  },
  {
    name: 'text',
    brand: true,
    async act(ctx) {
      await ctx.w('.cw-ta').fill(ctx.variant.rtl ? 'مرحبا، لم يصل طردي بعد.' : "Hi! My parcel hasn't arrived yet.");
      await ctx.w('.cw-ta').press('Enter');
      await expect(ctx.w('.cw-own .cw-meta').last()).not.toContainText(/Sending|جارٍ/);
      contactOf(ctx).sendText("Sorry to hear that. Let me look it up: what's your order number?", BOT);
      await lastRow(ctx, 'order number');
    },
  },
  {
    name: 'markdown',
    tall: true,
    async act(ctx) {
      contactOf(ctx).sendMarkdown(TEXT.markdown, BOT);
      await lastRow(ctx, 'a code block');
    },
  },
  ...(['ListPicker', 'Panel', 'QuickReply', 'TimePicker'] as const).map(
    (type): Scene => ({
      name: `im-${type.toLowerCase()}`,
      brand: type === 'QuickReply',
      tall: true,
      async act(ctx) {
        const template = sampleTemplate(type, { now: BASE, referenceId: 'shots' });
        contactOf(ctx).sendInteractive(template, BOT);
        await expect(ctx.w('.cw-log .cw-row').last().locator('.cw-im')).toBeVisible();
        await expect(ctx.w('.cw-log .cw-row').last().locator('.cw-im')).toContainText((template.data.content as { title: string }).title);
      },
    }),
  ),
  {
    name: 'im-carousel',
    brand: true,
    async act(ctx) {
      const template = sampleTemplate('Carousel', { now: BASE, referenceId: 'shots' }) as unknown as { data: { content: { elements: { data: { content: Record<string, unknown> } }[] } } };
      // The template's cards carry pictures (imageType URL), as the protocol allows.
      const pictures = ['lisbon', 'kyoto', 'reykjavik'];
      template.data.content.elements.forEach((card, i) => Object.assign(card.data.content, { imageType: 'URL', imageData: `${ctx.assets}/${pictures[i]}.png`, imageDescription: `A view of ${String(card.data.content.title)}` }));
      contactOf(ctx).sendInteractive(template, BOT);
      await expect(ctx.w('.cw-log .cw-row').last().locator('.cw-im-carousel')).toBeVisible();
    },
  },
  ...(['cards', 'form', 'DeliveryOptions', 'detail', 'confirmation'] as const).map(
    (view): Scene => ({
      name: `view-${view.toLowerCase()}`,
      brand: view === 'form',
      tall: true,
      async act(ctx) {
        // As a flow shows it the first time: a form's ErrorText belongs to a re-showing.
        const { ErrorText: _, ...data } = sampleViewData(view) ?? {};
        contactOf(ctx).showView(view, data, BOT);
        const row = ctx.w('.cw-log .cw-row').last();
        await expect(row.locator('.cw-view')).toBeVisible();
        await expect(row.locator('[aria-busy=true]')).toHaveCount(0);
      },
    }),
  ),
  {
    name: 'attachments',
    async act(ctx) {
      const photo = await (await fetch(`${ctx.env.site.url}/assets/photo.png`)).arrayBuffer();
      contactOf(ctx).sendAttachment({ name: 'invoice-10423.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4 shots') }, BOT);
      contactOf(ctx).sendAttachment({ name: 'label.png', contentType: 'image/png', bytes: new Uint8Array(photo) }, BOT);
      await ctx.w('input[type=file]').setInputFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: Buffer.from(photo) });
      await ctx.w('.cw-send').click();
      await expect(ctx.w('.cw-log canvas[role=img]')).toHaveCount(2, { timeout: 15_000 });
    },
  },
  {
    name: 'agent-typing',
    brand: true,
    async act(ctx) {
      const contact = contactOf(ctx);
      ctx.agent = await joinAsAgent(ctx.env.emulator.url, contact.contactId, 'emulator-instance', 'Ana');
      await ctx.agent.send("Hi Kim, I'm Ana. I can see order #1234: it left our warehouse on Monday.");
      await lastRow(ctx, 'warehouse');
      await ctx.agent.typing();
      await expect(ctx.w('.cw-typing .cw-dots')).toBeVisible();
    },
  },
  {
    name: 'emoji-picker',
    brand: true,
    pointer: true,
    async act(ctx) {
      await ctx.w('button[aria-label="Emoji"], button[aria-label="الرموز التعبيرية"]').click();
      await expect(ctx.w('#cw-emo .cw-emo-e').first()).toBeVisible();
      await ctx.w('#cw-emo .cw-emo-e').nth(2).hover();
    },
  },
  {
    name: 'emoji-search',
    async act(ctx) {
      await ctx.w('#cw-emo input').fill('heart');
      await expect(ctx.w('#cw-emo .cw-emo-e').first()).toBeVisible();
      await ctx.page.keyboard.press('ArrowDown');
    },
  },
  {
    name: 'menu',
    brand: true,
    async act(ctx) {
      await ctx.page.keyboard.press('Escape'); // the emoji picker
      await expect(ctx.w('#cw-emo')).toBeHidden();
      // By keyboard, as the focus ring matters here.
      await ctx.w('[aria-haspopup=menu]').focus();
      await ctx.page.keyboard.press('Enter');
      await expect(ctx.w('[role=menuitem]').first()).toBeFocused();
    },
  },
  {
    name: 'send-hover',
    brand: true,
    pointer: true,
    async act(ctx) {
      await ctx.page.keyboard.press('Escape');
      await expect(ctx.w('[role=menu]')).toBeHidden();
      await ctx.w('.cw-ta').fill(ctx.variant.rtl ? 'شكرا!' : 'Thanks!');
      await ctx.w('.cw-send').hover();
    },
  },
  {
    name: 'reconnecting',
    async act(ctx) {
      await ctx.w('.cw-ta').fill('');
      await ctx.env.faults({ reset: true, fail: { operation: 'WebSocketConnect', status: 500, count: 1000 }, dropSockets: true });
      await expect(ctx.w('.cw-banner.cw-show')).toBeVisible();
      ctx.reconnecting = true;
    },
  },
  {
    name: 'confirm-end',
    brand: true,
    async act(ctx) {
      if (ctx.reconnecting) {
        await ctx.env.faults({ reset: true });
        await expect(ctx.w('.cw-banner.cw-ok')).toBeVisible({ timeout: 30_000 }); // "Back online", for 3 s
        await expect(ctx.w('.cw-banner.cw-show')).toBeHidden();
        ctx.reconnecting = false;
      }
      await ctx.w('[aria-haspopup=menu]').click();
      await ctx.w('[role=menuitem]').last().click();
      await expect(ctx.w('[role=alertdialog]')).toBeVisible();
    },
  },
  {
    name: 'ended',
    brand: true,
    async act(ctx) {
      await ctx.w('[role=alertdialog] .cw-danger').click();
      await expect(ctx.w('.cw-ta')).toBeDisabled();
    },
  },
  {
    name: 'closed-widget',
    brand: true,
    async act(ctx) {
      await ctx.w('.cw-head > button').last().click(); // minimize
      await expect(ctx.w('.cw-win')).toBeHidden();
    },
  },
];

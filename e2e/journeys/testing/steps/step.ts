// What every step shares: the Step type, the time bounds the journeys hold the widget to, waiting
// for a condition, and the preconditions the random mode checks.
import type { Page } from '@playwright/test';
import { EMULATOR, record } from '../../../ui-support';
import { UI, openWindow, windowOpen } from '../ui';
import type { World } from '../world';

export interface Step {
  name: string;
  run(w: World): Promise<void>;
  /** Whether the step makes sense now (random mode only draws steps that do). */
  when?(w: World): Promise<boolean>;
}

/** How long a send may take to go out or be explained, visibly (the "within 10 s"). */
export const EXPLAIN_WITHIN_MS = 10_000;
/** How long an end, a start or a reconnect may take before the wait counts as stuck. */
export const SETTLE_WITHIN_MS = 20_000;
/** How long a start that cannot succeed may take to say so (the widget's own start timeout is 20 s). */
export const START_ERROR_WITHIN_MS = 30_000;

export const PRE_CHAT_FORM = {
  fields: [
    { name: 'name', type: 'name', label: 'Your name', required: true },
    { name: 'email', type: 'email', label: 'Email', required: true },
  ],
};
/** What the visitor types into PRE_CHAT_FORM, field by field. */
export const PRE_CHAT_VALUES = ['Robin Journey', 'robin@example.com'];

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns something truthy or `ms` passes (then undefined). */
export async function within<T>(ms: number, check: () => Promise<T> | T): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  let delay = 50;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) return undefined;
    await sleep(delay);
    delay = Math.min(delay * 2, 500);
  }
}

/** The world's latest contact is still active at the service. */
export async function contactActive(w: World): Promise<boolean> {
  const id = w.currentContact();
  return !!id && (await record(id)).State === 'active';
}

/** The latest contact is active and the visitor's side holds a socket to it (the chat got connected). */
export async function customerConnected(w: World): Promise<boolean> {
  const id = w.currentContact();
  if (!id) return false;
  const contact = (await (await fetch(`${EMULATOR}/emulator/contacts/${id}`)).json()) as { State: string; Participants: { ParticipantRole: string; Sockets?: number }[] };
  return contact.State === 'active' && contact.Participants.some((p) => p.ParticipantRole === 'CUSTOMER' && (p.Sockets ?? 0) > 0);
}

export const hasTab = async (w: World) => w.tabs.length > 0;
export const chatShown = async (w: World) => !!w.active && (await w.page().locator(UI.log).isVisible());
/** The conversation is on screen and the box takes text (not ended). */
export const canWrite = async (w: World) => (await chatShown(w)) && (await w.page().locator(UI.composer).isEnabled());

/** The chat shown in these pages has ended (the end note is there, shown or in the closed window). */
export async function endedIn(pages: Page[]): Promise<boolean> {
  for (const page of pages) if ((await page.locator(UI.ended).count()) > 0) return true;
  return false;
}

/** The visitor opens the window of the tab they look at (if it is not open). */
export async function reopen(w: World): Promise<void> {
  await openWindow(w.page());
}

/**
 * When the window is open, the end must show there (a wait that ends). `beforeConnected`: the chat
 * ended before the page had connected to it — from the visitor's side a start that failed, so the
 * start's error with Retry is as right as the end.
 */
export async function endShown(w: World, what: string, beforeConnected = false): Promise<void> {
  if (!w.active || !(await windowOpen(w.page()))) return;
  const page = w.page();
  const startFailed = async () =>
    beforeConnected && (await page.locator(`${UI.window} [role=alert]:visible`).count()) > 0 && (await page.locator(UI.window).getByRole('button', { name: 'Retry' }).first().isVisible());
  const shown = await within(SETTLE_WITHIN_MS, async () => (await page.locator(UI.ended).isVisible()) || (await startFailed()));
  if (!shown) w.violate({ kind: 'stuck', key: `end ${w.steps.length}`, detail: `${what}, but the window does not show the end within ${SETTLE_WITHIN_MS / 1000} s` });
}

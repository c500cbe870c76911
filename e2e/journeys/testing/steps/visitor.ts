// The visitor's steps: opening the chat, writing and sending, ending it, starting again.
import type { Page } from '@playwright/test';
import { UI, closeWindow, composerText, endChatFromMenu, fillPreChat, newChatButton, openWindow, retryButton, typeText, typeTextReceived } from '../ui';
import { storedSomewhere } from '../observe';
import type { World } from '../world';
import { EXPLAIN_WITHIN_MS, PRE_CHAT_VALUES, SETTLE_WITHIN_MS, canWrite, chatShown, contactActive, endShown, endedIn, hasTab, within, type Step } from './step';

/** Goes to the site (a new tab); the page shows the launcher. */
export const visit = (): Step => ({ name: 'visit the site', run: async (w) => void (await w.openTab()) });

/**
 * Opens the chat: a click on the launcher; with a pre-chat form, fills it from the keyboard and
 * submits with Enter. Waits until the conversation is on screen (or a visible error, which the
 * invariants and the journey judge).
 */
export const openChat = (): Step => ({
  name: 'open the chat',
  when: hasTab,
  run: async (w) => {
    const page = w.page();
    await openWindow(page);
    if (await page.locator(UI.form).isVisible()) await fillPreChat(page, PRE_CHAT_VALUES);
    await page.locator(`${UI.log}, [role=alert]`).first().waitFor({ state: 'visible', timeout: SETTLE_WITHIN_MS });
  },
});

export const closeChatWindow = (): Step => ({ name: 'close the window', when: hasTab, run: async (w) => closeWindow(w.page()) });

/**
 * Types a message (after what is already in the box) and sends it with Enter or the Send button.
 * The composer is never dead: within 10 s the message is on screen, or the text is still in the box
 * with a visible reason.
 */
export const send = (words?: string, via: 'enter' | 'button' = 'enter'): Step => ({
  name: via === 'enter' ? 'send (Enter)' : 'send (button)',
  when: canWrite,
  run: async (w) => {
    const page = w.page();
    await openWindow(page);
    const token = w.draftToken || w.token('m');
    // Continuing a draft that carries its token, or a new message (after whatever is in the box).
    const typed = w.draftToken ? ` ${words ?? w.words()}` : `${w.draft ? ' ' : ''}${token} ${words ?? w.words()}`;
    await typeText(page, typed);
    const text = `${w.draft}${typed}`.trim();
    if (via === 'enter') await page.keyboard.press('Enter');
    else await page.locator(UI.send).click();
    w.draft = '';
    w.draftToken = '';
    await judgeSend(w, page, token, text, via === 'enter' ? 'Enter' : 'Send');
  },
});

/**
 * The composer is never dead: after Enter/Send the message shows (sending, sent or failed) within
 * 10 s, or it is still in the box with a visible reason. Records the message as sent when it went out.
 */
export async function judgeSend(w: World, page: Page, token: string, text: string, how: string): Promise<void> {
  const outcome = await within(EXPLAIN_WITHIN_MS, async () => {
    if ((await page.locator(UI.ownRow).filter({ hasText: token }).count()) > 0) return 'out';
    const box = (await composerText(page)) ?? '';
    if (box.includes(token) && (await page.locator(UI.explanation).count()) > 0) return 'explained';
    return undefined;
  });
  if (outcome === 'out') {
    w.sent.push({ token, text, n: w.sent.length + 1, tab: w.active!.name, retried: false });
    return;
  }
  // Not sent: the text is the visitor's draft again (when it is still in the box at all).
  const box = (await composerText(page)) ?? '';
  if (box.includes(token)) {
    w.draft = box;
    w.draftToken = token;
  }
  if (!outcome) {
    w.violate({
      kind: 'stuck',
      key: `send ${token}`,
      detail: `"${text}": after ${how} the message was neither shown nor explained within ${EXPLAIN_WITHIN_MS / 1000} s (box: "${box.slice(0, 60)}")`,
    });
    if (!box.includes(token)) {
      // Maybe it went out all the same: the invariants then find it at the service, or report it lost.
      w.sent.push({ token, text, n: w.sent.length + 1, tab: w.active!.name, retried: false });
    }
  }
}

/** Types without sending: the text must survive whatever comes next. */
export const typeDraft = (words?: string): Step => ({
  name: 'type without sending',
  when: canWrite,
  run: async (w) => {
    const page = w.page();
    await openWindow(page);
    // After the end the box is disabled: nothing can be typed, so nothing can be lost.
    if (!(await page.locator(UI.composer).isEnabled())) return;
    const token = w.draftToken || w.token('m');
    const typed = w.draftToken ? ` ${words ?? w.words()}` : `${w.draft ? ' ' : ''}${token} ${words ?? w.words()}`;
    try {
      // The end can disable the box between the click and the keys: then they reached no box.
      if ((await typeTextReceived(page, typed)) !== typed && !(await page.locator(UI.composer).isEnabled())) return;
    } catch (error) {
      if (await page.locator(UI.composer).isEnabled()) throw error;
      return; // the box was disabled under the visitor's fingers (the end arrived): nothing was typed
    }
    w.draft += typed;
    w.draftToken = token;
    // A person pauses after typing; the draft is kept by then (a reload in the same instant is its own
    // test: typing.spec.ts). Nothing is kept where storage is broken or after the end: nothing to wait for.
    if ((w.options.storage ?? 'ok') === 'ok' && !(await endedIn([page]))) await within(5000, () => storedSomewhere(page, w.draft.trim()).catch(() => false));
  },
});

/** Presses Retry on the first message that failed. */
export const retryFailed = (): Step => ({
  name: 'retry a failed message',
  // A person presses what they see: the window must be open (a closed one still holds the rows).
  when: async (w) => (await chatShown(w)) && (await w.page().locator(`${UI.ownRow} .cw-fail`).count()) > 0,
  run: async (w) => {
    const page = w.page();
    const row = page.locator(UI.ownRow).filter({ has: page.locator('.cw-fail') }).first();
    const token = (await row.textContent())?.match(/#[a-z0-9]+-m\d+#/)?.[0];
    if (!token) return;
    const sent = w.sent.find((s) => s.token === token);
    if (sent) sent.retried = true;
    await retryButton(page, token).click();
  },
});

/** Menu → End chat → confirm; the end shows. */
export const visitorEnds = (): Step => ({
  name: 'visitor ends the chat',
  when: async (w) => (await chatShown(w)) && (await contactActive(w)) && !(await w.page().locator(UI.ended).isVisible()),
  run: async (w) => {
    await endChatFromMenu(w.page());
    await endShown(w, 'the visitor ended the chat');
  },
});

/** "Start new chat" after an end (and the pre-chat form, when there is one). */
export const startNewChat = (): Step => ({
  name: 'start a new chat',
  when: async (w) => !!w.active && (await newChatButton(w.page()).isVisible()),
  run: async (w) => {
    const page = w.page();
    const before = w.contacts().length;
    await newChatButton(page).click();
    if (await within(1000, () => page.locator(UI.form).isVisible())) await fillPreChat(page, PRE_CHAT_VALUES);
    const started = await within(SETTLE_WITHIN_MS, async () => w.contacts().length > before && (await page.locator(UI.composer).isEnabled()));
    if (!started) w.violate({ kind: 'stuck', key: `new chat ${w.steps.length}`, detail: `"Start new chat" did not start a chat within ${SETTLE_WITHIN_MS / 1000} s` });
  },
});

/** A click on the launcher (and the pre-chat form, when there is one); the start is judged by the next step. */
export const clickLauncher = (): Step => ({
  name: 'click the launcher',
  when: hasTab,
  run: async (w) => {
    const page = w.page();
    await openWindow(page);
    if (await within(1000, () => page.locator(UI.form).isVisible())) await fillPreChat(page, PRE_CHAT_VALUES);
  },
});

// The step library: what a visitor, the agent, the network and the browser do in a journey. Each step
// acts only through the page as a person would (mouse, keyboard, tabs, reloads, the network switch)
// or through the other side as it really happens (the agent's Participant Service calls, the
// emulator's fault switches). Journeys are lists of steps; the random mode draws them.
import { Agent, EMULATOR, control, record } from '../../ui-support';
import { UI, composerText, endChatFromMenu, fillPreChat, newChatButton, openWindow, closeWindow, retryButton, typeText, windowOpen } from './ui';
import { delivered } from './invariants';
import { storedSomewhere } from './observe';
import type { Page } from '@playwright/test';
import type { BackendMode } from './backend';
import type { World } from './world';

export interface Step {
  name: string;
  run(w: World): Promise<void>;
  /** Whether the step makes sense now (random mode only draws steps that do). */
  when?(w: World): Promise<boolean>;
}

/** How long a send may take to go out or be explained, visibly (the issue's "within 10 s"). */
export const EXPLAIN_WITHIN_MS = 10_000;
/** How long an end, a start or a reconnect may take before the wait counts as stuck. */
export const SETTLE_WITHIN_MS = 20_000;

export const PRE_CHAT_FORM = {
  fields: [
    { name: 'name', type: 'name', label: 'Your name', required: true },
    { name: 'email', type: 'email', label: 'Email', required: true },
  ],
};
export const PRE_CHAT_VALUES = ['Robin Journey', 'robin@example.com'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

async function contactActive(w: World): Promise<boolean> {
  const id = w.currentContact();
  return !!id && (await record(id)).State === 'active';
}

const hasTab = async (w: World) => w.tabs.length > 0;
const chatShown = async (w: World) => !!w.active && (await w.page().locator(UI.log).isVisible());
/** The conversation is on screen and the box takes text (not ended). */
const canWrite = async (w: World) => (await chatShown(w)) && (await w.page().locator(UI.composer).isEnabled());

// ---------------------------------------------------------------- the visitor

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
async function judgeSend(w: World, page: Page, token: string, text: string, how: string): Promise<void> {
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
      await typeText(page, typed);
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
  when: async (w) => !!w.active && (await w.page().locator(`${UI.ownRow} .cw-fail`).count()) > 0,
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

// ---------------------------------------------------------------- tabs and the browser

/** Reloads the tab the visitor looks at, and reopens the window if it was open. */
export const reload = (): Step => ({
  name: 'reload',
  when: hasTab,
  run: async (w) => {
    const page = w.page();
    const wasOpen = await windowOpen(page);
    await w.pageGone(await endedIn([page]), (token) => delivered(w, token));
    await page.reload();
    await page.locator(UI.launcher).first().waitFor({ state: 'visible', timeout: SETTLE_WITHIN_MS });
    if (wasOpen) await reopen(w);
  },
});

/** Another tab of the same site, with the chat window open there; it becomes the active tab. */
export const newTab = (): Step => ({
  name: 'open another tab',
  when: async (w) => w.tabs.length > 0 && w.tabs.length < 3,
  run: async (w) => {
    await w.openTab();
    await reopen(w);
  },
});

/** The visitor looks at another of their tabs. */
export const switchTab = (): Step => ({
  name: 'switch tab',
  when: async (w) => w.tabs.length > 1,
  run: async (w) => {
    const i = w.tabs.indexOf(w.active!);
    w.active = w.tabs[(i + 1) % w.tabs.length];
    await w.page().bringToFront();
    await reopen(w);
  },
});

/** Closes the active tab abruptly (no beforeunload), when another tab remains. */
export const closeTab = (): Step => ({
  name: 'close a tab',
  when: async (w) => w.tabs.length > 1,
  run: async (w) => {
    const closing = w.active!;
    await closing.page.close({ runBeforeUnload: false });
    w.forget(closing);
    await w.page().bringToFront();
    await reopen(w);
  },
});

/** The tab holding the conversation crashes (its renderer dies); the visitor carries on in another. */
export const crashLeader = (): Step => ({
  name: 'crash the leader tab',
  when: async (w) => w.tabs.length > 1 && !!w.leader(),
  run: async (w) => {
    const leader = w.leader();
    if (!leader) return;
    const cdp = await w.context.newCDPSession(leader.page);
    void cdp.send('Page.crash').catch(() => {}); // never answers: the renderer is gone
    await within(10_000, () => leader.crashed);
    await leader.page.close().catch(() => {});
    w.forget(leader);
    await w.page().bringToFront();
    await reopen(w);
  },
});

/**
 * The visitor is writing in a tab that does not hold the conversation when the tab holding it crashes;
 * they press Enter right after (a person sees nothing of the crash in this tab).
 */
export const crashLeaderWhileWriting = (): Step => ({
  name: 'the leader tab crashes while the visitor writes in another',
  when: async (w) => w.tabs.length > 1 && !!w.leader() && w.leader() !== w.active && (await canWrite(w)),
  run: async (w) => {
    const leader = w.leader();
    if (!leader || leader === w.active) return;
    const page = w.page();
    const token = w.token('m');
    const text = `${token} ${w.words()}`;
    await typeText(page, text);
    const cdp = await w.context.newCDPSession(leader.page);
    void cdp.send('Page.crash').catch(() => {});
    await page.keyboard.press('Enter');
    await within(10_000, () => leader.crashed);
    await leader.page.close().catch(() => {});
    w.forget(leader);
    await judgeSend(w, page, token, text, 'Enter, as the tab holding the chat crashed');
  },
});

/** All tabs closed, then the visitor comes back in a new one later. */
export const leaveAndComeBack = (): Step => ({
  name: 'leave the site and come back',
  when: hasTab,
  run: async (w) => {
    await w.pageGone(await endedIn(w.tabs.map((t) => t.page)), (token) => delivered(w, token));
    for (const tab of [...w.tabs]) {
      await tab.page.close({ runBeforeUnload: false });
      w.forget(tab);
    }
    await w.openTab();
    await reopen(w);
  },
});

/** The chat shown in these pages has ended (the end note is there, shown or in the closed window). */
async function endedIn(pages: Page[]): Promise<boolean> {
  for (const page of pages) if ((await page.locator(UI.ended).count()) > 0) return true;
  return false;
}

async function reopen(w: World): Promise<void> {
  const page = w.page();
  await openWindow(page);
}

// ---------------------------------------------------------------- the network

/**
 * The network drops (the browser goes offline and the emulator cuts the socket, as a real cut does);
 * the visitor writes `sends` messages meanwhile and the agent `agent`; then the network comes back.
 */
export const offlineSpell = (sends = 1, agent = 1): Step => ({
  name: `offline spell (${sends} sent, ${agent} received meanwhile)`,
  when: async (w) => (await chatShown(w)) && (await contactActive(w)),
  run: async (w) => {
    await w.context.setOffline(true);
    w.online = false;
    try {
      await control('faults', { dropSockets: true });
      for (let i = 0; i < sends; i++) await send().run(w);
      if (agent > 0) await agentSays(agent).run(w);
      await sleep(1000);
    } finally {
      await w.context.setOffline(false);
      w.online = true;
    }
  },
});

/** The socket is cut (no close frame), the browser stays online. */
export const dropSockets = (): Step => ({
  name: 'socket cut',
  when: contactActive,
  run: async () => void (await control('faults', { dropSockets: true })),
});

/** The service refuses the current connection tokens from now on (403), as when they expire. */
export const expireTokens = (): Step => ({
  name: 'connection token refused',
  when: contactActive,
  run: async (w) => void (await control('faults', { expireConnectionTokens: { contactId: w.currentContact() } })),
});

// ---------------------------------------------------------------- the agent

/** The agent (joined through the Participant API) sends `n` messages back to back. */
export const agentSays = (n = 1): Step => ({
  name: n > 5 ? `agent burst of ${n}` : `agent says ${n}`,
  when: contactActive,
  run: async (w) => {
    const contactId = w.currentContact();
    if (!contactId) return;
    const agent: Agent = await w.agentOf(contactId);
    for (let i = 0; i < n; i++) {
      const token = w.token('a');
      const text = `${token} ${n > 5 ? `update ${i + 1} of ${n}` : 'Let me check that for you.'}`;
      await agent.say(text).catch(async (error: Error) => {
        if (error.name !== 'AccessDeniedException') throw error;
        await agent.refresh(); // the service refused the agent's token too (expireConnectionTokens)
        await agent.say(text);
      });
      w.said.push({ token, contactId });
    }
  },
});

/** The agent side stops the contact (StopContact), or the contact flow ends it (emulator). */
export const agentEnds = (how: 'stop-contact' | 'flow' = 'stop-contact'): Step => ({
  name: how === 'stop-contact' ? 'agent ends the chat (StopContact)' : 'the flow ends the chat',
  when: contactActive,
  run: async (w) => {
    const contactId = w.currentContact()!;
    if (how === 'flow') await control(`contacts/${contactId}/end`);
    else {
      const r = await fetch(`${EMULATOR}/contact/stop`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ InstanceId: 'emulator-instance', ContactId: contactId }),
      });
      if (r.status !== 200) throw new Error(`StopContact answered ${r.status}: ${await r.text()}`);
    }
    await endShown(w, 'the agent side ended the chat');
  },
});

/** When the window is open, the end must show there (a wait that ends). */
async function endShown(w: World, what: string): Promise<void> {
  if (!w.active || !(await windowOpen(w.page()))) return;
  const shown = await within(SETTLE_WITHIN_MS, () => w.page().locator(UI.ended).isVisible());
  if (!shown) w.violate({ kind: 'stuck', key: `end ${w.steps.length}`, detail: `${what}, but the window does not show the end within ${SETTLE_WITHIN_MS / 1000} s` });
}

// ---------------------------------------------------------------- failures of the service and the back end

/** The visitor sends a message the service refuses (400): it shows as failed, with Retry. */
export const sendRefused = (): Step => ({
  name: 'send a message the service refuses',
  when: async (w) => (await canWrite(w)) && (await contactActive(w)),
  run: async (w) => {
    // The fault is for the next SendMessage of anyone: nothing else sends until it is used up.
    await control('faults', { fail: { operation: 'SendMessage', count: 1, status: 400, error: 'ValidationException', message: 'refused by the journey' } });
    await send().run(w);
    const usedUp = await within(SETTLE_WITHIN_MS, async () => ((await (await fetch(`${EMULATOR}/emulator/faults`)).json()) as { fail: unknown[] }).fail.length === 0);
    if (!usedUp) await control('faults', { reset: true });
  },
});

/** The chat ends while the socket is down: the page learns it only when it reconnects. */
export const serviceForgets = (): Step => ({
  name: 'the chat ends while the socket is down; the visitor types on',
  when: contactActive,
  run: async (w) => {
    await control('faults', { dropSockets: true, fail: { operation: 'WebSocketConnect', status: 503, count: 2 } });
    await control(`contacts/${w.currentContact()}/end`);
    if (await chatShown(w)) await typeDraft().run(w);
    await endShown(w, 'the chat ended while the socket was down');
  },
});

/** Confirms End chat and keeps typing while the chat ends. */
export const endWhileTyping = (): Step => ({
  name: 'end the chat and keep typing while it ends',
  when: async (w) => (await chatShown(w)) && (await contactActive(w)),
  run: async (w) => {
    const page = w.page();
    // A slow service: the end takes a moment, and the visitor writes meanwhile.
    await control('faults', { latencyMs: 1500, latencyOperations: ['DisconnectParticipant'] });
    try {
      await endChatFromMenu(page);
      await typeDraft().run(w);
      await endShown(w, 'the visitor ended the chat');
    } finally {
      await control('faults', { latencyMs: 0, latencyOperations: null });
    }
  },
});

export const backendMode = (mode: BackendMode): Step => ({
  name: `the start-chat back end: ${mode}`,
  run: async (w) => w.backend.setMode(w.id, mode),
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

/** How long a start that cannot succeed may take to say so (the widget's own start timeout is 20 s). */
export const START_ERROR_WITHIN_MS = 30_000;

/** The start cannot succeed: the window says so, with Retry, in time — not "ended", not "Connecting…" forever. */
export const startFailsVisibly = (): Step => ({
  name: 'the start fails visibly, with Retry',
  run: async (w) => {
    const page = w.page();
    const shown = await within(START_ERROR_WITHIN_MS, async () => (await page.locator(`${UI.window} [role=alert]:visible`).count()) > 0 && (await retryStart(page).isVisible()));
    if (!shown) {
      const text = (await page.locator(UI.window).innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 160);
      w.violate({ kind: 'stuck', key: `start ${w.steps.length}`, detail: `no visible error with Retry within ${START_ERROR_WITHIN_MS / 1000} s; the window reads: "${text}"` });
    }
    if (await page.locator(UI.ended).isVisible()) w.violate({ kind: 'stuck', key: `start-ended ${w.steps.length}`, detail: 'a chat that could not be started reads as "ended"' });
  },
});

const retryStart = (page: Page) => page.locator(UI.window).getByRole('button', { name: 'Retry' }).first();

/** Retry after a failed start: a chat starts. */
export const retryTheStart = (): Step => ({
  name: 'press Retry',
  run: async (w) => {
    const page = w.page();
    const before = w.contacts().length;
    await retryStart(page).click({ timeout: 10_000 });
    const started = await within(SETTLE_WITHIN_MS, async () => w.contacts().length > before && (await page.locator(UI.log).isVisible()));
    if (!started) w.violate({ kind: 'stuck', key: `retry ${w.steps.length}`, detail: `Retry did not start a chat within ${SETTLE_WITHIN_MS / 1000} s` });
  },
});

// Tabs and the browser: reloads, more tabs, switching, closing and crashing them, leaving the site.
import { delivered } from '../invariants';
import { UI, typeText, windowOpen } from '../ui';
import { SETTLE_WITHIN_MS, canWrite, endedIn, hasTab, reopen, within, type Step } from './step';
import { judgeSend } from './visitor';

/**
 * Reloads the tab the visitor looks at. A window that was open reopens by itself onto a stored chat
 * or the pre-chat form (issue 14 item 6): once the widget has settled, the visitor opens it if not.
 */
export const reload = (): Step => ({
  name: 'reload',
  when: hasTab,
  run: async (w) => {
    const page = w.page();
    const wasOpen = await windowOpen(page);
    await w.pageGone(await endedIn([page]), (token) => delivered(w, token), w.tabs.length === 1);
    await page.reload();
    await page.locator(UI.launcher).first().waitFor({ state: 'visible', timeout: SETTLE_WITHIN_MS });
    if (!wasOpen) return;
    await page.locator(UI.settled).waitFor({ state: 'attached', timeout: SETTLE_WITHIN_MS });
    await reopen(w);
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

/**
 * Closes the active tab when another tab remains: as a person does (its pagehide runs), or abruptly
 * (the browser ends it without running the page's handlers).
 */
export const closeTab = (how: 'normally' | 'abruptly' = 'abruptly'): Step => ({
  name: `close a tab ${how}`,
  when: async (w) => w.tabs.length > 1,
  run: async (w) => {
    const closing = w.active!;
    await closing.page.close({ runBeforeUnload: how === 'normally' });
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
    await w.pageGone(await endedIn(w.tabs.map((t) => t.page)), (token) => delivered(w, token), true);
    for (const tab of [...w.tabs]) {
      await tab.page.close({ runBeforeUnload: false });
      w.forget(tab);
    }
    await w.openTab();
    await reopen(w);
  },
});

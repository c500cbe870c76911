// Desktop notifications: offered by the site (notifications: true), turned on by the visitor in the
// menu, which is when (and only when) the browser is asked; then shown for messages that arrive while
// the page is hidden, by the tab that holds the chat only; a click brings the chat back open.
//
// Headless Chromium keeps every page visible and never shows a prompt, so the page is given two
// stand-ins before it loads: document.visibilityState follows __setHidden(), and the permission reads
// 'default' until Notification.requestPermission() is called, which then answers what the context
// granted. Notifications themselves are the browser's own (constructed for real), recorded on the way.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { buildHarness, contactIdOf, openShop, startChatWithAgent, widget, type Agent } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

interface Recorded {
  notes: { title: string; body?: string; tag?: string }[];
  asked: { withGesture: boolean }[];
}

async function instrument(page: Page, answer: NotificationPermission): Promise<void> {
  await page.addInitScript((answer: NotificationPermission) => {
    const w = window as unknown as { __rec: Recorded; __setHidden(h: boolean): void; __click(): void; Notification: typeof Notification };
    w.__rec = { notes: [], asked: [] };
    const Real = window.Notification;
    // The browser's answer is per site, for every tab: kept where all tabs of the context see it.
    const asked = () => localStorage.getItem('e2e-notifications-asked') === '1';
    let last: Notification | undefined;
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        w.__rec.notes.push({ title, body: options?.body, tag: options?.tag });
        last = this;
      }
      static override get permission(): NotificationPermission {
        return asked() ? (answer === 'granted' ? Real.permission : answer) : answer === 'denied' ? 'denied' : 'default';
      }
      static override requestPermission(): Promise<NotificationPermission> {
        w.__rec.asked.push({ withGesture: navigator.userActivation.isActive });
        localStorage.setItem('e2e-notifications-asked', '1');
        return Promise.resolve(Recording.permission);
      }
    }
    w.Notification = Recording;
    let hidden = false;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    w.__setHidden = (h) => {
      hidden = h;
      document.dispatchEvent(new Event('visibilitychange'));
    };
    w.__click = () => last?.dispatchEvent(new Event('click'));
  }, answer);
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __rec: Recorded }).__rec);
const setHidden = (page: Page, hidden: boolean) => page.evaluate((h) => (window as unknown as { __setHidden(h: boolean): void }).__setHidden(h), hidden);

async function menuItem(page: Page, name: string | RegExp) {
  await widget(page, '[aria-haspopup=menu]').click();
  return widget(page, '[role=menuitem]').filter({ hasText: name });
}

const tabRole = (page: Page) => page.evaluate(() => (window as unknown as { cw: { session: { tabRole: { value: string } } } }).cw.session.tabRole.value);

async function grant(context: BrowserContext): Promise<void> {
  await context.grantPermissions(['notifications'], { origin: test.info().project.use.baseURL });
}

/** The agent says `text` and the page has it (so any notification for it has been decided). */
async function say(page: Page, agent: Agent, text: string): Promise<void> {
  await agent.say(text);
  await expect.poll(() => page.evaluate((t) => (window as unknown as { cw: { session: { transcript: { value: { content?: string }[] } } } }).cw.session.transcript.value.some((e) => e.content === t), text)).toBe(true);
}

test('asked only from the menu click; shown only while the page is hidden; a click opens the chat; turned off, none', async ({ page, context }) => {
  await grant(context);
  await instrument(page, 'granted');
  await openShop(page, { config: { notifications: true } });
  const { agent } = await startChatWithAgent(page);

  await setHidden(page, true);
  await say(page, agent, 'Before turning them on');
  await setHidden(page, false);
  expect(await recorded(page)).toEqual({ notes: [], asked: [] }); // nothing shown, nothing asked

  await (await menuItem(page, 'Turn on notifications')).click();
  await expect.poll(async () => (await recorded(page)).asked).toEqual([{ withGesture: true }]);

  await say(page, agent, 'While you look at the page'); // visible: the chat itself shows it
  await setHidden(page, true);
  await say(page, agent, 'Your parcel is on its way');
  // Exactly this one: anything shown for the earlier messages would come before it.
  await expect.poll(async () => (await recorded(page)).notes).toEqual([{ title: 'Ana', body: 'Your parcel is on its way', tag: expect.stringMatching(/^connect-chat:/) }]);

  // The window closed and the page hidden: the click on the notification brings the chat back open.
  await setHidden(page, false);
  await widget(page, '[aria-label=Minimize]').click();
  await expect(widget(page, '#cw-win')).toBeHidden();
  await setHidden(page, true);
  await say(page, agent, 'Are you still there?');
  await expect.poll(async () => (await recorded(page)).notes.map((n) => n.body)).toEqual(['Your parcel is on its way', 'Are you still there?']);
  await page.evaluate(() => (window as unknown as { __click(): void }).__click());
  await expect(widget(page, '#cw-win')).toBeVisible();

  await setHidden(page, false);
  await (await menuItem(page, 'Turn off notifications')).click();
  await setHidden(page, true);
  await say(page, agent, 'After turning them off');
  // The code that shows them is loaded by now, so one would have been shown at once.
  expect((await recorded(page)).notes).toHaveLength(2);
  expect((await recorded(page)).asked).toHaveLength(1);
});

test('two tabs: turned on in either, only the one that holds the chat shows it; blocked in the browser, the menu says what to do', async ({ page, context }) => {
  await grant(context);
  await instrument(page, 'granted');
  await openShop(page, { config: { notifications: true } });
  const { agent } = await startChatWithAgent(page);

  const second = await context.newPage();
  await instrument(second, 'granted');
  await second.goto(page.url());
  await widget(second, '#cw-launch').click();
  expect(await contactIdOf(second)).toBe(await contactIdOf(page));
  await expect.poll(() => tabRole(second)).toBe('follower');
  // Turned on in the tab that does not hold the chat: the one that does follows.
  await (await menuItem(second, 'Turn on notifications')).click();
  await expect.poll(async () => (await recorded(second)).asked).toEqual([{ withGesture: true }]);
  await expect(await menuItem(page, 'Turn off notifications')).toBeVisible();
  await page.keyboard.press('Escape');

  // The tab that holds the chat is in view: the visitor sees it there, no tab shows one.
  await setHidden(second, true);
  await say(second, agent, 'While you look at the other tab');
  await setHidden(page, true);
  await say(second, agent, 'One message, one notification');
  await expect.poll(async () => (await recorded(page)).notes.map((n) => n.body)).toEqual(['One message, one notification']);
  expect((await recorded(page)).asked).toEqual([]); // asked once, in the tab where the visitor clicked

  // The tab that held the chat closes: the other takes over and shows the next message, and only
  // that one: anything it had shown before (as a follower, or again on catching up after the
  // takeover) would come before it.
  await page.close();
  await expect.poll(() => tabRole(second)).not.toBe('follower');
  await say(second, agent, 'Now from the other tab');
  await expect.poll(async () => (await recorded(second)).notes.map((n) => n.body)).toEqual(['Now from the other tab']);
  await second.close();

  const blocked = await context.newPage();
  await instrument(blocked, 'denied');
  await openShop(blocked, { config: { notifications: true } });
  await startChatWithAgent(blocked);
  const item = await menuItem(blocked, /blocked/);
  await expect(item).toHaveText('Notifications are blocked for this site. Allow them in your browser settings.');
  await expect(item).toHaveAttribute('aria-disabled', 'true');
  await item.click({ force: true }); // aria-disabled: a click does nothing (the page cannot ask again)
  expect((await recorded(blocked)).asked).toEqual([]);
});

test('without the notifications option the menu offers none', async ({ page, context }) => {
  await grant(context);
  await instrument(page, 'granted');
  await openShop(page);
  await startChatWithAgent(page);
  await widget(page, '[aria-haspopup=menu]').click();
  await expect(widget(page, '[role=menuitem]')).toHaveText(['Download transcript', 'End chat']);
});

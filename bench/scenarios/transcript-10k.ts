// A chat with 10,000 messages: opening its window, the JS heap it costs, and scrolling it from the
// newest message to the oldest. The messages arrive live while the window is closed; then, with the
// window open on them, more arrive one at a time.
import { heapAfterGc, inPage } from '../page.js';
import { fig, na } from '../report.js';
import type { Scenario } from '../scenario.js';
import { openChat, postMany } from '../widget.js';

const COUNT = 10_000;
/** Pixels per frame: a fast fling, or dragging the scroll bar. */
const SCROLL_STEP = 3000;
/** Messages posted one at a time into the open 10,000-message transcript. */
const LIVE = 20;

export const transcript10k: Scenario = {
  id: 'transcript-10k',
  title: 'transcript of 10,000',
  needsWidget: true,
  timeoutMs: 180_000,
  metrics: [
    { metric: 'received over the socket', unit: 'ms' },
    { metric: 'open the window → newest shown', unit: 'ms' },
    { metric: 'JS heap with 10,000 messages', unit: 'MB' },
    { metric: 'JS heap added by the 10,000', unit: 'MB' },
    { metric: 'longest task while scrolling to the top', unit: 'ms' },
    { metric: 'longest animation frame while scrolling', unit: 'ms' },
    { metric: 'one more message, window open → shown', unit: 'ms' },
    { metric: 'longest task while they arrive', unit: 'ms' },
  ],
  async run(ctx, emit) {
    const env = await ctx.env();
    const chat = await openChat(ctx);
    const { page, context } = chat;
    const heapBefore = await heapAfterGc(context, page);
    await page.evaluate(() => (window as unknown as { ConnectChat: (...a: unknown[]) => void }).ConnectChat('close'));
    await inPage(page, (b) => new Promise<void>((resolve) => {
      const check = () => (b.dialog() === null ? resolve() : requestAnimationFrame(check));
      check();
    }));
    const flow = env.contact(chat.contactId);
    // Varied lengths, like a real conversation; some wrap over several lines.
    const texts = Array.from({ length: COUNT }, (_, i) =>
      `message ${i + 1}: ${'lorem ipsum dolor sit amet '.repeat(1 + (i % 5))}`.trim());
    const base = await inPage(page, (b) => b.messages.length);
    const sent = await postMany((t) => flow.sendText(t, { displayName: 'Agent' }), texts, 500, 0);
    const received = await inPage(page, async (b, n) => {
      await b.waitFor('messages', n, 120_000);
      return performance.timeOrigin + performance.now();
    }, base + COUNT);
    emit(fig('', 'received over the socket', received - sent.first, 'ms', `${COUNT} messages posted in ${sent.last - sent.first} ms while the window was closed`));

    const open = await inPage(page, async (b, last) => {
      const click = b.clickLauncher();
      const shown = await b.waitFor('text', last, 30_000);
      return shown - click;
    }, texts[COUNT - 1].slice(0, 40));
    emit(fig('', 'open the window → newest shown', open, 'ms', 'click on the launcher until the newest message is rendered'));

    const heap = await heapAfterGc(context, page);
    emit(fig('', 'JS heap with 10,000 messages', heap, 'MB', 'after garbage collection (DevTools Runtime.getHeapUsage)'));
    emit(fig('', 'JS heap added by the 10,000', heap - heapBefore, 'MB', `over the same chat with only the greeting (${(heapBefore / 1024 / 1024).toFixed(1)} MB)`));

    const scroll = await inPage(page, (b, step) => b.scrollTranscript(step), SCROLL_STEP);
    const reachedOldest = await inPage(page, (b) => b.shows('message 1: '));
    ctx.details['transcript-10k'] = { heapBefore, heap, scroll, reachedOldest };
    const note = `${scroll.steps} steps of ${SCROLL_STEP} px in ${Math.round(scroll.ms)} ms; oldest message reached: ${reachedOldest ? 'yes' : 'no'}`;
    emit(fig('', 'longest task while scrolling to the top', scroll.longestTask, 'ms', `${scroll.longTasks} task(s) of 50 ms or more; ${note}`));
    if (scroll.frames.frames === 0) emit(na('', 'longest animation frame while scrolling', 'no animation frame was observed'));
    else {
      const top = scroll.slowest?.scripts?.[0];
      const where = top ? `; the longest ran ${top.invoker}${top.fn ? ` (${top.fn})` : ''} for ${top.duration} ms` : '';
      emit(fig('', 'longest animation frame while scrolling', scroll.longestFrame, 'ms', `${scroll.longFrames} frame(s) of 50 ms or more in ${scroll.frames.frames}; 0 = none${where}`));
    }
    // Back at the newest message, with the window open: what each new one costs to show. (After the
    // scroll, so that figure stays as it was before this one was added.)
    await inPage(page, (b) => new Promise<void>((resolve) => {
      const log = b.log() as HTMLElement;
      log.scrollTop = log.scrollHeight;
      requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    }));
    const since = await inPage(page, (b) => b.startFrames());
    const live: number[] = [];
    for (let i = 1; i <= LIVE; i++) {
      const text = `live message ${i} of ${LIVE}`;
      const posted = Date.now();
      await flow.sendText(text, { displayName: 'Agent' });
      const at = await inPage(page, (b, t) => b.waitFor('text', t, 10_000), text);
      live.push((await page.evaluate((t) => performance.timeOrigin + t, at)) - posted);
    }
    const liveTasks = await inPage(page, (b, from) => {
      b.stopFrames();
      const tasks = b.longTasksSince(from);
      return { longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0), count: tasks.length };
    }, since);
    const sorted = [...live].sort((a, b) => a - b);
    ctx.details['transcript-10k-live'] = { live, liveTasks };
    emit(fig('', 'one more message, window open → shown', sorted[Math.floor(LIVE / 2)], 'ms', `median of ${LIVE} posted one at a time (max ${Math.round(sorted[LIVE - 1])} ms): emulator → socket → session → rendered`));
    emit(fig('', 'longest task while they arrive', liveTasks.longest, 'ms', `${liveTasks.count} task(s) of 50 ms or more; 0 = none`));
  },
};

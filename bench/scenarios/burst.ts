// 1,000 messages arrive within one second while the visitor watches the open chat: how long the page
// freezes at worst, and whether every message is shown.
import { inPage } from '../page.js';
import { fig, na } from '../report.js';
import type { Scenario } from '../scenario.js';
import { openChat, postMany } from '../widget.js';

const COUNT = 1000;
const TICK_MS = 10;
const PER_TICK = COUNT / (1000 / TICK_MS);

export const burst: Scenario = {
  id: 'burst',
  title: '1,000 messages in 1 s',
  needsWidget: true,
  timeoutMs: 90_000,
  metrics: [
    { metric: 'messages shown', unit: 'messages' },
    { metric: 'longest task', unit: 'ms' },
    { metric: 'longest animation frame', unit: 'ms' },
    { metric: 'first sent → last shown', unit: 'ms' },
  ],
  async run(ctx, emit) {
    const env = await ctx.env();
    const chat = await openChat(ctx);
    const flow = env.contact(chat.contactId);
    const texts = Array.from({ length: COUNT }, (_, i) => `burst message ${i + 1} of ${COUNT}`);
    const since = await inPage(chat.page, (b) => b.startFrames());
    const sent = await postMany((t) => flow.sendText(t, { displayName: 'Agent' }), texts, PER_TICK, TICK_MS);
    let lastShownEpoch: number | null = null;
    try {
      const at = await inPage(chat.page, (b, last) => b.waitFor('text', last, 30_000), texts[COUNT - 1]);
      lastShownEpoch = await chat.page.evaluate((t) => performance.timeOrigin + t, at);
    } catch {
      lastShownEpoch = null;
    }
    // Let the last renders finish before reading the frame statistics.
    await chat.page.waitForTimeout(500);
    const stats = await inPage(
      chat.page,
      (b, arg) => {
        const frames = b.stopFrames();
        const tasks = b.longTasksSince(arg.since);
        const longFrames = b.longFramesSince(arg.since);
        const wanted = new Set(arg.texts);
        const ids = new Set(b.messages.filter((m) => wanted.has(m.content)).map((m) => m.id));
        return { frames, longestFrame: longFrames.reduce((m, f) => Math.max(m, f.duration), 0), longFrames: longFrames.length, longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0), tasks: tasks.length, received: ids.size, lastInDom: b.shows(arg.texts[arg.texts.length - 1]) };
      },
      { since, texts },
    );
    ctx.details.burst = { sentInMs: sent.last - sent.first, ...stats };
    emit(fig('', 'messages shown', stats.received, 'messages', `of ${COUNT} sent in ${sent.last - sent.first} ms (distinct message events; the newest is in the rendered transcript: ${stats.lastInDom ? 'yes' : 'no'})`));
    emit(fig('', 'longest task', stats.longest, 'ms', `${stats.tasks} task(s) of 50 ms or more; 0 = none`));
    emit(fig('', 'longest animation frame', stats.longestFrame, 'ms', `${stats.longFrames} frame(s) of 50 ms or more; longest gap between frames ${Math.round(stats.frames.maxGap)} ms`));
    if (lastShownEpoch === null) emit(na('', 'first sent → last shown', 'the last message was not shown within 30 s'));
    else emit(fig('', 'first sent → last shown', lastShownEpoch - sent.first, 'ms'));
  },
};

// The chat's WebSocket is dropped abruptly (no close frame, like a network loss; the emulator's
// dropSockets fault) and the contact flow posts 5 messages before the widget can be back: how long
// until it is connected again and until those messages are shown (gap fill via GetTranscript).
import type { Page } from '@playwright/test';
import { inPage } from '../page.js';
import { fig, median, na } from '../report.js';
import type { Scenario } from '../scenario.js';
import { openChat } from '../widget.js';

const RUNS = 3;
const GAP = 5;
/**
 * Time between a reconnect and the next drop. A socket that drops again within the manager's
 * stableAfterMs (5 s) of connecting counts as flapping and backs off further, so drops closer than
 * that measure the anti-flapping policy, not recovery (3 drops 0.5 s apart measured 265, 882, 1858 ms).
 */
const SETTLE_MS = 5500;

export const socketDrop: Scenario = {
  id: 'socket-drop',
  title: 'socket drop',
  needsWidget: true,
  timeoutMs: 120_000,
  metrics: [
    { metric: 'drop → connected again', unit: 'ms' },
    { metric: 'drop → missed messages shown', unit: 'ms' },
    { metric: 'messages lost', unit: 'messages' },
  ],
  async run(ctx, emit) {
    const env = await ctx.env();
    const chat = await openChat(ctx);
    const page: Page = chat.page;
    const flow = env.contact(chat.contactId);
    const runs: { connectedMs: number | null; shownMs: number | null; shown: number }[] = [];
    for (let r = 0; r < RUNS; r++) {
      const gap = Array.from({ length: GAP }, (_, i) => `missed ${i + 1} of ${GAP}, drop ${r + 1}`);
      // Start watching before the drop so each wait resolves at the first frame its condition held.
      await inPage(page, (b, texts) => {
        const w = window as unknown as { __drop?: Promise<number | null> };
        w.__drop = b.waitFor('allTexts', texts, 30_000).catch(() => null);
      }, gap);
      const dropped = Date.now();
      const response = await fetch(`${env.emulator.url}/emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ dropSockets: { contactId: chat.contactId } }),
      });
      for (const text of gap) flow.sendText(text, { displayName: 'Agent' });
      const body = (await response.json()) as { socketsDropped?: number };
      if (!body.socketsDropped) throw new Error(`the emulator dropped no socket of ${chat.contactId}: ${JSON.stringify(body)}`);
      const result = await inPage(page, async (b, since) => {
        const shownAt = await (window as unknown as { __drop: Promise<number | null> }).__drop;
        // The first "connected" after the drop (page time of the drop = since, in epoch ms).
        const dropAt = since - performance.timeOrigin;
        const connected = b.events.find((e) => e.name === 'connectionChange' && e.detail === 'connected' && e.at > dropAt);
        return {
          shownMs: shownAt === null ? null : shownAt - dropAt,
          connectedMs: connected ? connected.at - dropAt : null,
        };
      }, dropped);
      const shown = await inPage(page, (b, texts) => texts.filter((t) => b.shows(t)).length, gap);
      runs.push({ ...result, shown });
      if (r < RUNS - 1) await page.waitForTimeout(SETTLE_MS);
    }
    ctx.details['socket-drop'] = runs;
    const connected = runs.map((r) => r.connectedMs).filter((v): v is number => v !== null);
    const shownTimes = runs.map((r) => r.shownMs).filter((v): v is number => v !== null);
    if (connected.length === RUNS) emit(fig('', 'drop → connected again', median(connected), 'ms', `median of ${RUNS} drops ${SETTLE_MS / 1000} s apart (each: ${connected.map((v) => Math.round(v)).join(', ')} ms)`));
    else emit(na('', 'drop → connected again', `no "connected" event after ${RUNS - connected.length} of ${RUNS} drops (within 30 s)`));
    if (shownTimes.length === RUNS) emit(fig('', 'drop → missed messages shown', median(shownTimes), 'ms', `median of ${RUNS}; ${GAP} messages posted while disconnected`));
    else emit(na('', 'drop → missed messages shown', `the missed messages were not all shown within 30 s in ${RUNS - shownTimes.length} of ${RUNS} drops`));
    emit(fig('', 'messages lost', runs.reduce((n, r) => n + (GAP - r.shown), 0), 'messages', `of ${GAP * RUNS} posted while disconnected`));
  },
};

// Reload with a conversation going on: how soon the history is visible again. The emulator holds
// GetTranscript back for 5 s meanwhile, so history shown sooner came from the browser's storage
// (IndexedDB), not from the service.
import { inPage } from '../page.js';
import { fig, median, na } from '../report.js';
import type { Scenario } from '../scenario.js';
import { openChat, postMany } from '../widget.js';

const MESSAGES = 50;
const RUNS = 3;
const HOLD_MS = 5000;

async function faults(emulatorUrl: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${emulatorUrl}/emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST /emulator/faults ${JSON.stringify(body)} answered ${response.status}: ${await response.text()}`);
}

export const reload: Scenario = {
  id: 'reload',
  title: 'reload',
  needsWidget: true,
  timeoutMs: 120_000,
  metrics: [
    { metric: 'navigation → history visible', unit: 'ms' },
    { metric: 'navigation → connected again', unit: 'ms' },
  ],
  async run(ctx, emit) {
    const env = await ctx.env();
    const chat = await openChat(ctx);
    const { page } = chat;
    const flow = env.contact(chat.contactId);
    const texts = Array.from({ length: MESSAGES }, (_, i) => `history ${i + 1} of ${MESSAGES}`);
    await postMany((t) => flow.sendText(t, { displayName: 'Agent' }), texts, MESSAGES, 0);
    const last = texts[MESSAGES - 1];
    await inPage(page, (b, text) => b.waitFor('text', text, 15_000), last);
    await page.waitForTimeout(1000); // let the widget finish writing to IndexedDB
    const runs: { visible: number; connected: number | null; clicked: number | null }[] = [];
    try {
      await faults(env.emulator.url, { latencyMs: HOLD_MS, latencyOperations: ['GetTranscript'] });
      for (let i = 0; i < RUNS; i++) {
        await page.reload({ waitUntil: 'commit' });
        const run = await inPage(page, async (b, text) => {
          await b.waitFor('launcher', null, 15_000);
          b.listen();
          // The window may come back open by itself; if not, the visitor clicks the launcher as soon
          // as it is drawn (the loader is already fetching the widget for the stored chat).
          const clicked = b.dialog() === null ? b.clickLauncher() : null;
          const visible = await b.waitFor('text', text, 20_000);
          return { visible, clicked };
        }, last);
        const connected = await inPage(page, (b) => b.waitFor('connected', null, 20_000).then(() => b.eventAt('connectionChange', 'connected')).catch(() => null));
        runs.push({ ...run, connected });
      }
    } finally {
      await faults(env.emulator.url, { latencyMs: 0, latencyOperations: null });
    }
    ctx.details.reload = { holdMs: HOLD_MS, runs };
    const visible = median(runs.map((r) => r.visible));
    const clicked = runs.filter((r) => r.clicked !== null);
    const source = visible < HOLD_MS ? `from IndexedDB (GetTranscript was held ${HOLD_MS / 1000} s)` : `not before GetTranscript answered (held ${HOLD_MS / 1000} s): not from storage`;
    emit(fig('', 'navigation → history visible', visible, 'ms', `median of ${RUNS}, ${MESSAGES} messages, ${source}${clicked.length ? `; the window was reopened by a click on the launcher as soon as it was drawn (${Math.round(median(clicked.map((r) => r.clicked ?? NaN)))} ms)` : '; the window reopened by itself'}`));
    const connected = runs.map((r) => r.connected).filter((c): c is number => c !== null);
    if (connected.length === runs.length) emit(fig('', 'navigation → connected again', median(connected), 'ms', `median of ${RUNS}`));
    else emit(na('', 'navigation → connected again', `no "connected" event after ${runs.length - connected.length} of ${RUNS} reloads`));
  },
};

// A first-time visitor opens the chat: click on the launcher → the widget chunk loads, the window
// shows, the chat starts and connects, and the contact flow's greeting appears. Fresh visits.
import { inPage } from '../page.js';
import { fig, median, na } from '../report.js';
import type { Scenario } from '../scenario.js';
import { openChat, type OpenChat } from '../widget.js';

const RUNS = 5;

export const openChatScenario: Scenario = {
  id: 'open-chat',
  title: 'open the chat',
  needsWidget: true,
  timeoutMs: 120_000,
  metrics: [
    { metric: 'click → window frame shown', unit: 'ms' },
    { metric: 'click → window shown', unit: 'ms' },
    { metric: 'click → composer ready', unit: 'ms' },
    { metric: 'click → connected', unit: 'ms' },
    { metric: 'chat started → first message shown', unit: 'ms' },
    { metric: 'click → first message shown', unit: 'ms' },
    { metric: 'longest task, click → first message', unit: 'ms' },
  ],
  async run(ctx, emit) {
    const runs: (OpenChat['times'] & { longestTask: number })[] = [];
    for (let i = 0; i < RUNS; i++) {
      const chat = await openChat(ctx);
      const longestTask = await inPage(chat.page, (b, since) => b.longTasksSince(since).reduce((m, t) => Math.max(m, t.duration), 0), chat.times.click);
      runs.push({ ...chat.times, longestTask });
      await chat.context.close();
    }
    ctx.details['open-chat'] = runs;
    const med = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
    const note = `median of ${RUNS} first visits (widget chunk not cached)`;
    emit(fig('', 'click → window frame shown', med((r) => r.frame - r.click), 'ms', 'the shell loader.js draws on the click, or the window itself'));
    emit(fig('', 'click → window shown', med((r) => r.dialog - r.click), 'ms', note));
    emit(fig('', 'click → composer ready', med((r) => r.composer - r.click), 'ms', note));
    emit(fig('', 'click → connected', med((r) => r.connected - r.click), 'ms', 'StartChatContact, CreateParticipantConnection, WebSocket subscribe'));
    if (runs.every((r) => r.started !== null)) {
      emit(fig('', 'chat started → first message shown', med((r) => r.greeting - (r.started ?? NaN)), 'ms', 'from the chatStarted event; the contact flow greets at once'));
    } else {
      emit(na('', 'chat started → first message shown', 'the widget emitted no chatStarted event'));
    }
    emit(fig('', 'click → first message shown', med((r) => r.greeting - r.click), 'ms', note));
    emit(fig('', 'longest task, click → first message', Math.max(...runs.map((r) => r.longestTask)), 'ms', `worst of ${RUNS}; 0 = no task of 50 ms or more`));
  },
};

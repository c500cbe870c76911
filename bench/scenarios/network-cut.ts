// Messages lost across a 10-second network cut, this widget next to amazon-connect-chatjs.
//
// Each client chats on its own contact; an agent joins through the Participant Service. The browser
// context goes offline (Playwright setOffline = DevTools network emulation) and the chat's socket is
// lost (the emulator's dropSockets fault): Chromium's emulation alone holds an open WebSocket's
// frames and delivers them later, while a real cut loses the connection (Wi-Fi/cellular switch, NAT
// or gateway timeout). The agent sends one message a second for ten seconds, the network comes
// back, the agent sends one more. A message counts as received when the client shows it: the
// widget's rendered transcript; chatjs's onMessage (plus getTranscript in the "README re-fetch"
// variant), which the page renders as a list.
import type { BrowserContext, Page } from '@playwright/test';
import { joinAsAgent, type Agent } from '../agent.js';
import { inPage, sleep } from '../page.js';
import { fig, na, type Figure } from '../report.js';
import type { Scenario, ScenarioContext } from '../scenario.js';

const CUT_MS = 10_000;
const DURING = 10;
/** After the network is back: how long a client gets to show what it missed. */
const GRACE_MS = 20_000;
/** The agent's next message, this long after the network is back, checks that live delivery resumed. */
const AFTER_MS = 2000;

interface Client {
  key: string;
  label: string;
  widget: boolean;
  page: string;
  /** Starts the chat in the page; resolves with the ContactId once connected. */
  start(page: Page): Promise<string>;
  /** Contents the client shows (deduplicated by the client itself). */
  shown(page: Page): Promise<string[]>;
}

const chatjs = (variant: 'readme' | 'refetch', label: string): Client => ({
  key: `chatjs-${variant}`,
  label,
  widget: false,
  page: 'chatjs.html',
  start: (page) => page.evaluate(`window.__chatjs.start(${JSON.stringify(variant)})`) as Promise<string>,
  shown: (page) => page.evaluate('window.__chatjs.messages.map((m) => m.content)') as Promise<string[]>,
});

const widget: Client = {
  key: 'widget',
  label: 'this widget',
  widget: true,
  page: 'host-widget.html',
  async start(page) {
    await inPage(page, (b) => b.waitFor('launcher', null, 15_000));
    await inPage(page, (b) => {
      b.listen();
      b.clickLauncher();
    });
    await inPage(page, (b) => b.waitFor('connected', null, 20_000));
    const started = await inPage(page, (b) => b.events.find((e) => e.name === 'chatStarted')?.detail as { contactId?: string } | undefined);
    if (!started?.contactId) throw new Error('the widget connected but its chatStarted event carried no contactId');
    return started.contactId;
  },
  // Rows are windowed; a dozen short messages all fit in the rendered window.
  shown: (page) => inPage(page, (b) => [b.dialog() ? b.logText() : '']),
};

interface CutResult {
  client: string;
  sentDuring: number;
  receivedDuring: number;
  afterShown: boolean;
  /** From the network coming back to every message shown; null when some never were. */
  recoveredMs: number | null;
  missing: string[];
}

function countShown(shown: string[], markers: string[], widgetText: boolean): string[] {
  if (widgetText) {
    const text = shown.join('\n');
    return markers.filter((m) => text.includes(m));
  }
  return markers.filter((m) => shown.includes(m));
}

async function cut(ctx: ScenarioContext, client: Client): Promise<CutResult> {
  const env = await ctx.env();
  const context: BrowserContext = await ctx.newContext();
  const page = await context.newPage();
  await page.goto(env.pageUrl(client.page), { waitUntil: 'load' });
  const contactId = await client.start(page);
  const agent: Agent = await joinAsAgent(env.emulator.url, contactId);
  const tag = `${client.key}-${Date.now().toString(36)}`;
  const before = `before the cut ${tag}`;
  await agent.send(before);
  await waitShown(page, client, [before], 15_000);

  const during = Array.from({ length: DURING }, (_, i) => `during the cut ${i + 1} ${tag}`);
  await context.setOffline(true);
  const cutStarted = Date.now();
  await dropSockets(env.emulator.url, contactId);
  for (let i = 0; i < DURING; i++) {
    await agent.send(during[i]);
    const next = cutStarted + ((i + 1) * CUT_MS) / DURING;
    await sleep(Math.max(0, next - Date.now()));
  }
  await context.setOffline(false);
  const restored = Date.now();
  const after = `after the cut ${tag}`;
  const afterSent = sleep(AFTER_MS).then(() => agent.send(after));
  const shownAt = await waitShown(page, client, during, GRACE_MS);
  await afterSent;
  const afterShownAt = await waitShown(page, client, [after], 10_000);
  const shown = countShown(await client.shown(page), [...during, after], client.widget);
  return {
    client: client.label,
    sentDuring: DURING,
    receivedDuring: shown.filter((m) => during.includes(m)).length,
    afterShown: afterShownAt !== null,
    recoveredMs: shownAt === null ? null : shownAt - restored,
    missing: during.filter((m) => !shown.includes(m)).map((m) => m.replace(` ${tag}`, '').replace('during the cut ', '#')),
  };
}

async function dropSockets(emulatorUrl: string, contactId: string): Promise<void> {
  const response = await fetch(`${emulatorUrl}/emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dropSockets: { contactId } }),
  });
  const body = (await response.json()) as { socketsDropped?: number };
  if (!response.ok || !body.socketsDropped) throw new Error(`dropping the sockets of ${contactId} failed: ${response.status} ${JSON.stringify(body)}`);
}

/** Polls until every marker is shown; returns Date.now() then, or null after `timeoutMs`. */
async function waitShown(page: Page, client: Client, markers: string[], timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (countShown(await client.shown(page), markers, client.widget).length === markers.length) return Date.now();
    await sleep(100);
  }
  return null;
}

function figures(result: CutResult, label: string): Figure[] {
  const lost = result.sentDuring - result.receivedDuring;
  return [
    fig('', `messages lost, ${label}`, lost, 'messages', `${result.receivedDuring}/${result.sentDuring} sent during the cut shown${result.missing.length ? ` (missing ${result.missing.join(' ')})` : ''}; a message ${AFTER_MS / 1000} s after the cut: ${result.afterShown ? 'shown' : 'NOT shown'}`),
    result.recoveredMs === null
      ? na('', `all shown after reconnect, ${label}`, `not all within ${GRACE_MS / 1000} s (missing ${result.missing.length})`)
      : fig('', `all shown after reconnect, ${label}`, result.recoveredMs, 'ms', 'from the network coming back'),
  ];
}

const CLIENTS: { client: Client; label: string }[] = [
  { client: widget, label: 'this widget' },
  { client: chatjs('readme', 'chatjs (README quick start)'), label: 'chatjs (README quick start)' },
  { client: chatjs('refetch', 'chatjs + README getTranscript(15) on reconnect'), label: 'chatjs + README re-fetch' },
];

export const networkCut: Scenario = {
  id: 'network-cut',
  title: '10 s network cut',
  needsWidget: false,
  timeoutMs: 3 * (CUT_MS + GRACE_MS + 25_000),
  metrics: CLIENTS.flatMap(({ label }) => [
    { metric: `messages lost, ${label}`, unit: 'messages' as const },
    { metric: `all shown after reconnect, ${label}`, unit: 'ms' as const },
  ]),
  async run(ctx, emit) {
    const results: CutResult[] = [];
    for (const { client, label } of CLIENTS) {
      if (client.widget && ctx.widgetMissing) {
        emit(na('', `messages lost, ${label}`, ctx.widgetMissing, 'messages'));
        emit(na('', `all shown after reconnect, ${label}`, ctx.widgetMissing));
        continue;
      }
      try {
        const result = await cut(ctx, client);
        results.push(result);
        for (const f of figures(result, label)) emit(f);
      } catch (error) {
        const reason = `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
        emit(na('', `messages lost, ${label}`, reason, 'messages'));
        emit(na('', `all shown after reconnect, ${label}`, reason));
      }
    }
    ctx.details['network-cut'] = results;
  },
};

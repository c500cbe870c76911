// The chaos run: a customer ChatSession and an agent exchange messages against the emulator while
// sockets drop, requests fail in bursts, the network goes away for a while and the customer's page
// reloads (the in-memory session is closed without clearing storage and a new one resumes from the
// same store). At the end both sides' transcripts are compared with the emulator's record: every
// message written must be stored once, shown once on each side, in the record's order.
// Used by scripts/chaos.ts (`npm run test:chaos`) and, short, by chaos.test.ts.
import 'fake-indexeddb/auto';
import type { ChatSession } from '../chat-session.js';
import { mulberry32 } from './mulberry32.js';
import { AgentPeer, customerSession, sleep, startTestEmulator, TestNetwork, type TestEmulator } from './harness.js';
import type { ChatItem } from '../transcript.js';
import type { MessageEntry } from '../types.js';

export interface ChaosOptions {
  /** How long messages are written, in seconds. */
  seconds: number;
  /** Messages per second written by each side. */
  rate: number;
  /** Per second: chance of dropping every socket. */
  drop: number;
  /** Per second: chance of a burst of failing requests (429/500/503). */
  fail: number;
  /** Per second: chance of an offline spell (0.5–3 s) of the customer. */
  offline: number;
  /** Per second: chance of a reload of the customer's page. */
  reload: number;
  /** Seed of the random choices (timing still varies). */
  seed: number;
}

export const CHAOS_DEFAULTS: ChaosOptions = { seconds: 60, rate: 2, drop: 0.15, fail: 0.3, offline: 0.08, reload: 0.08, seed: 1 };

export interface ChaosReport {
  messages: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  faults: Record<string, number>;
  details: string[];
}

export function summaryLine(r: ChaosReport): string {
  return `chaos: ${r.messages} messages, ${r.lost} lost, ${r.duplicated} duplicated, ${r.outOfOrder} out of order`;
}

/** Count of positions where a sequence steps back in the reference order. */
function inversions(sequence: readonly number[]): number {
  let n = 0;
  for (let i = 1; i < sequence.length; i++) if (sequence[i] < sequence[i - 1]) n++;
  return n;
}

export async function runChaos(input: Partial<ChaosOptions> = {}, log: (line: string) => void = () => {}): Promise<ChaosReport> {
  const o: ChaosOptions = { ...CHAOS_DEFAULTS, ...input };
  const random = mulberry32(o.seed);
  const chance = (perSecond: number, dtSeconds: number): boolean => random() < perSecond * dtSeconds;
  const emu: TestEmulator = await startTestEmulator();
  const network = new TestNetwork();
  const storageKey = `chaos-${o.seed}-${Date.now()}`;
  const faults: Record<string, number> = { drops: 0, failBursts: 0, offlineSpells: 0, reloads: 0 };
  const details: string[] = [];
  const newSession = (): ChatSession =>
    customerSession({ emu, network, options: { persistence: 'browser', storageKey, tabs: false, receipts: { throttleMs: 1000 } } });

  let session = newSession();
  let agent: AgentPeer | null = null;
  try {
    await session.start();
    const contactId = session.contactId.value as string;
    agent = await AgentPeer.join(emu, contactId);
    const customerWritten: string[] = [];
    const agentWritten: string[] = [];
    let agentChain: Promise<unknown> = Promise.resolve();
    const pendingCustomer: Promise<unknown>[] = [];
    let offlineUntil = 0;
    let reloading: Promise<void> | null = null;

    const started = Date.now();
    const deadline = started + o.seconds * 1000;
    let lastTick = started;
    let lastReport = started;
    while (Date.now() < deadline) {
      await sleep(50 + Math.floor(random() * 100));
      const now = Date.now();
      const dt = (now - lastTick) / 1000;
      lastTick = now;

      if (offlineUntil && now >= offlineUntil) {
        network.set(true);
        offlineUntil = 0;
      }
      if (chance(o.rate, dt) && !reloading) {
        const text = `customer ${customerWritten.length}`;
        customerWritten.push(text);
        // send() resolves once the message is queued and stored; sending happens in the background.
        pendingCustomer.push(session.send(text).catch((error: unknown) => details.push(`customer send "${text}" refused: ${String(error)}`)));
      }
      if (chance(o.rate, dt)) {
        const text = `agent ${agentWritten.length}`;
        agentWritten.push(text);
        const peer = agent;
        agentChain = agentChain.then(() => peer.send(text)).catch((error: unknown) => details.push(`agent send "${text}" failed: ${String(error)}`));
      }
      if (chance(o.drop, dt)) {
        faults.drops++;
        await emu.faults({ dropSockets: true }).catch(() => {});
      }
      if (chance(o.fail, dt)) {
        faults.failBursts++;
        const operation = ['SendMessage', 'GetTranscript', 'CreateParticipantConnection', 'SendEvent', '*'][Math.floor(random() * 5)];
        const status = [429, 500, 503][Math.floor(random() * 3)];
        await emu.faults({ fail: { operation, status, count: 1 + Math.floor(random() * 4) } }).catch(() => {});
      }
      if (!offlineUntil && chance(o.offline, dt)) {
        faults.offlineSpells++;
        network.set(false);
        offlineUntil = now + 500 + Math.floor(random() * 2500);
      }
      if (!reloading && chance(o.reload, dt)) {
        faults.reloads++;
        // A reload: this page's session goes away without clearing storage; a new one resumes.
        const old = session;
        reloading = (async () => {
          await Promise.allSettled(pendingCustomer.splice(0));
          await old.close();
          session = newSession();
          const resumed = await session.resume();
          if (!resumed) details.push('a reload found no stored conversation');
        })().finally(() => {
          reloading = null;
        });
      }
      // The customer reads what the agent wrote.
      const lastAgent = [...session.transcript.value].reverse().find((e) => e.kind === 'message' && !e.own);
      if (lastAgent) session.markRead(lastAgent.id);
      if (now - lastReport > 10_000) {
        lastReport = now;
        log(`chaos: ${Math.round((now - started) / 1000)} s, written ${customerWritten.length} + ${agentWritten.length}, faults ${JSON.stringify(faults)}`);
      }
    }

    // Calm: no more faults, network back; let everything settle.
    if (reloading) await reloading;
    network.set(true);
    await emu.faults({ reset: true });
    await Promise.allSettled(pendingCustomer.splice(0));
    await agentChain;
    const everything = customerWritten.length + agentWritten.length;
    const settleBy = Date.now() + 30_000;
    let record: ChatItem[] = [];
    for (;;) {
      record = (await emu.items(contactId)).filter((i) => i.Type === 'MESSAGE');
      const shown = session.transcript.value.filter((e): e is MessageEntry => e.kind === 'message');
      const pending = shown.some((e) => e.id.startsWith('local:'));
      const customerHasAll = record.every((i) => shown.some((e) => e.id === i.Id));
      if ((record.length >= everything && !pending && customerHasAll && session.connection.value === 'connected') || Date.now() > settleBy) break;
      await sleep(200);
    }
    await agent.catchUp();

    // ---- compare
    const recordIds = record.map((i) => i.Id as string);
    const position = new Map(recordIds.map((id, i) => [id, i]));
    let lost = 0;
    let duplicated = 0;
    let outOfOrder = 0;

    const storedContents = record.map((i) => i.Content ?? '');
    for (const text of [...customerWritten, ...agentWritten]) {
      const copies = storedContents.filter((c) => c === text).length;
      if (copies === 0) {
        lost++;
        details.push(`never stored: "${text}"`);
      } else if (copies > 1) {
        duplicated += copies - 1;
        details.push(`stored ${copies} times: "${text}"`);
      }
    }
    // Each writer's messages are stored in the order they were written.
    for (const [who, written] of [['customer', customerWritten], ['agent', agentWritten]] as const) {
      const order = written.map((t) => storedContents.indexOf(t)).filter((i) => i >= 0);
      const n = inversions(order);
      if (n) details.push(`${who}'s messages stored out of the order written: ${n}`);
      outOfOrder += n;
    }
    const sides: [string, string[]][] = [
      ['customer', session.transcript.value.filter((e): e is MessageEntry => e.kind === 'message').map((e) => e.id)],
      ['agent', agent.transcript.rows.filter((r) => r.entry.kind === 'message').map((r) => r.entry.id)],
    ];
    for (const [side, ids] of sides) {
      const missing = recordIds.filter((id) => !ids.includes(id));
      lost += missing.length;
      if (missing.length) details.push(`${side} misses ${missing.length}: ${missing.slice(0, 5).join(', ')}`);
      const extra = ids.length - new Set(ids).size;
      duplicated += extra;
      if (extra) details.push(`${side} shows ${extra} duplicates`);
      const unknown = ids.filter((id) => !position.has(id));
      lost += unknown.filter((id) => id.startsWith('local:')).length;
      if (unknown.length) details.push(`${side} shows ${unknown.length} messages the service does not have: ${unknown.slice(0, 5).join(', ')}`);
      const n = inversions(ids.filter((id) => position.has(id)).map((id) => position.get(id) as number));
      if (n) details.push(`${side} shows ${n} messages out of the service's order`);
      outOfOrder += n;
    }
    return { messages: everything, lost, duplicated, outOfOrder, faults, details };
  } finally {
    agent?.close();
    await session.close().catch(() => {});
    await emu.close();
  }
}

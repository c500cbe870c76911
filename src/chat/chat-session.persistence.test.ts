// Reloads: a session is closed without clearing storage and a new one resumes from the same store
// (IndexedDB via fake-indexeddb, or sessionStorage for 'tab'), against the real emulator.
import 'fake-indexeddb/auto';
import { createStore, type UseStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientLogEvent } from '../client/index.js';
import type { ChatSession } from './chat-session.js';
import type { ChatSessionOptions } from './options.js';
import { AgentPeer, customerSession, eventually, sleep, startTestEmulator, TestNetwork, until, type TestEmulator } from './testing/harness.js';
import { startChatBody } from './start.js';
import type { MessageEntry, StartChatDetails, StartChatRequest, TranscriptEntry } from './types.js';

let emu: TestEmulator;
const cleanup: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  emu = await startTestEmulator();
});

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await emu.close();
});

const messages = (t: readonly TranscriptEntry[]): MessageEntry[] => t.filter((e): e is MessageEntry => e.kind === 'message');
const texts = (t: readonly TranscriptEntry[]): string[] => messages(t).map((e) => e.content);
let keyCounter = 0;

function persisted(storageKey: string, network?: TestNetwork, extra: ChatSessionOptions = {}): ChatSession {
  const session = customerSession({ emu, ...(network ? { network } : {}), options: { persistence: 'browser', storageKey, tabs: false, ...extra } });
  cleanup.push(() => session.close());
  return session;
}

describe('ChatSession reloads (persistence)', () => {
  it('shows the stored transcript at once, then reconnects and fills the gap', async () => {
    const key = `reload-${keyCounter++}`;
    const first = persisted(key);
    await first.start();
    const agent = await AgentPeer.join(emu, first.contactId.value as string);
    cleanup.push(() => agent.close());
    await first.send('mine 1');
    await agent.send('agent 1');
    await until(first.transcript, (t) => texts(t).includes('agent 1') && messages(t).every((m) => !m.id.startsWith('local:')));
    first.setDraft('half-written');
    const before = texts(first.transcript.value);
    expect([...before].sort()).toEqual(['agent 1', 'mine 1']);
    await first.close();

    await agent.send('agent 2 (while reloading)');
    const second = persisted(key);
    const resumed = second.resume();
    expect(await resumed).toBe(true);
    // Shown from storage before any reconnect happened.
    expect(texts(second.transcript.value)).toEqual(before);
    expect(second.phase.value).toBe('active');
    expect(second.draft.value).toBe('half-written');
    expect(second.contactId.value).toBe(first.contactId.value);
    const t = await until(second.transcript, (t) => texts(t).includes('agent 2 (while reloading)'), 8000, 'gap filled after reload');
    expect(texts(t)).toEqual([...before, 'agent 2 (while reloading)']);
    expect(new Set(t.map((e) => e.id)).size).toBe(t.length);
    await second.send('mine 2');
    await until(second.transcript, (t) => messages(t).some((m) => m.content === 'mine 2' && !m.id.startsWith('local:')));
  });

  it("keeps an own message's display text (the button pressed) through the acknowledgement and a reload; the wire keeps the content", async () => {
    const key = `display-${keyCounter++}`;
    const first = persisted(key);
    await first.start();
    const view = JSON.stringify({ action: 'Next', data: {}, templateType: 'ViewResource', version: '1.0' });
    const RESPONSE = 'application/vnd.amazonaws.connect.message.interactive.response';
    await first.send(view, RESPONSE, { display: 'Book' });
    const sent = (t: readonly TranscriptEntry[]) => messages(t).find((m) => m.content === view);
    expect(sent(first.transcript.value)?.display).toBe('Book'); // at once, while it is sending
    // Through the echo (which may beat the response) and the acknowledgement's claim.
    await until(first.transcript, (t) => !!sent(t)?.clientToken && sent(t)!.status === 'sent' && !sent(t)!.id.startsWith('local:'));
    expect(sent(first.transcript.value)).toMatchObject({ display: 'Book', status: 'sent' });
    await first.close();
    const second = persisted(key);
    expect(await second.resume()).toBe(true);
    expect(sent(second.transcript.value)?.display).toBe('Book');
    const items = await emu.items(first.contactId.value as string);
    expect(items.filter((i) => i.ContentType === RESPONSE).map((i) => i.Content)).toEqual([view]);
  });

  it('resends the stored outbox after a reload, once, with the same ClientToken', async () => {
    const key = `outbox-${keyCounter++}`;
    const network = new TestNetwork();
    const first = persisted(key, network);
    await first.start();
    const contactId = first.contactId.value as string;
    network.set(false);
    await emu.faults({ dropSockets: true });
    await first.send('queued offline');
    const token = messages(first.transcript.value).find((m) => m.content === 'queued offline')?.clientToken;
    expect(token).toBeTruthy();
    await first.close();

    const second = persisted(key, network);
    expect(await second.resume()).toBe(true);
    const pending = messages(second.transcript.value).find((m) => m.content === 'queued offline');
    expect(pending).toMatchObject({ status: 'sending', clientToken: token });
    network.set(true);
    await until(second.transcript, (t) => messages(t).some((m) => m.content === 'queued offline' && !m.id.startsWith('local:')), 8000, 'sent after reload');
    const stored = (await emu.items(contactId)).filter((i) => i.Content === 'queued offline');
    expect(stored).toHaveLength(1);
  });

  it('does not duplicate a send that reached the service just before the reload', async () => {
    const key = `inflight-${keyCounter++}`;
    const first = persisted(key);
    await first.start();
    const contactId = first.contactId.value as string;
    await emu.faults({ latencyMs: 400, latencyOperations: ['SendMessage'] });
    await first.send('in flight');
    await sleep(100); // the request is on its way; the page goes away before the answer
    await first.close();
    await emu.faults({ latencyMs: 0 });
    const resent: string[] = [];
    const second = persisted(key, undefined, { clientOptions: { logger: (e) => void (e.type === 'request' && resent.push(e.operation)) } });
    expect(await second.resume()).toBe(true);
    await until(second.transcript, (t) => messages(t).some((m) => m.content === 'in flight' && !m.id.startsWith('local:')) && !t.some((e) => e.id.startsWith('local:')), 8000, 'settled');
    await sleep(300);
    expect(texts(second.transcript.value).filter((x) => x === 'in flight')).toHaveLength(1);
    const stored = (await emu.items(contactId)).filter((i) => i.Content === 'in flight');
    expect(stored).toHaveLength(1);
    expect(resent).toContain('SendMessage'); // it was sent again after the reload, and deduplicated
  });

  it('clears storage when the chat ends, so nothing is resumed afterwards', async () => {
    const key = `ended-${keyCounter++}`;
    const first = persisted(key);
    await first.start();
    await first.send('hello');
    await until(first.transcript, (t) => texts(t).includes('hello'));
    await first.end();
    expect(first.phase.value).toBe('ended');
    await first.close();
    const second = persisted(key);
    expect(await second.resume()).toBe(false);
    expect(second.transcript.value).toEqual([]);
  });

  it('ends a resumed chat that ended while the page was away (403), and clears storage', async () => {
    const key = `away-${keyCounter++}`;
    const first = persisted(key);
    await first.start();
    const contactId = first.contactId.value as string;
    await first.close();
    await emu.stopContact(contactId);
    const second = persisted(key);
    expect(await second.resume()).toBe(true);
    await until(second.phase, (p) => p === 'ended', 8000, 'ended on resume');
    expect(second.lastError.value).toBeNull();
    await second.close();
    const third = persisted(key);
    expect(await third.resume()).toBe(false);
  });

  it('connects a new chat while its session is written, and start() resolves once it is stored', async () => {
    // IndexedDB whose writes wait for `release` (reads go through).
    const real = createStore(`held-writes-${keyCounter}`, 'kv');
    let release = (): void => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const idbStore: UseStore = (mode, callback) => (mode === 'readwrite' ? gate.then(() => real(mode, callback)) : real(mode, callback));
    const calls: ClientLogEvent[] = [];
    const key = `held-${keyCounter++}`;
    const first = persisted(key, undefined, { store: { idbStore }, clientOptions: { logger: (e) => calls.push(e) } });
    let resolved = false;
    const started = first.start().then(() => (resolved = true));
    await eventually(async () => calls.some((e) => e.type === 'response' && e.operation === 'CreateParticipantConnection') || undefined, 8000, 'the connection asked for while the write waits');
    expect(resolved, 'start() waits for the stored session').toBe(false);
    release();
    await started;
    await first.close();
    const second = persisted(key, undefined, { store: { idbStore } });
    expect(await second.resume()).toBe(true);
    expect(second.contactId.value).toBe(first.contactId.value);
  });

  it("persistence 'tab' keeps the chat in sessionStorage", async () => {
    const data = new Map<string, string>();
    const sessionStorage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
      key: (i: number) => [...data.keys()][i] ?? null,
      get length() {
        return data.size;
      },
      clear: () => data.clear(),
    };
    const key = `tab-${keyCounter++}`;
    const first = persisted(key, undefined, { persistence: 'tab', store: { sessionStorage } });
    await first.start();
    await first.send('in this tab');
    await until(first.transcript, (t) => messages(t).some((m) => m.content === 'in this tab' && !m.id.startsWith('local:')));
    await first.close();
    expect(data.size).toBeGreaterThan(0);
    const second = persisted(key, undefined, { persistence: 'tab', store: { sessionStorage } });
    expect(await second.resume()).toBe(true);
    expect(texts(second.transcript.value)).toContain('in this tab');
  });

  it("keeps the back end's SignedContactId through a reload, hands it out on start and end, and never pages history with it", async () => {
    // A back end that signs contact ids (as connect-chat-widget/server does) and checks them on the way back.
    const sign = (id: string): string => `${id}.signed`;
    const startChat = async (request: StartChatRequest): Promise<StartChatDetails> => {
      const source = request.persistentChat?.SourceContactId;
      if (source !== undefined && !source.endsWith('.signed')) throw new Error('unsigned SourceContactId');
      const body = startChatBody({ ...request, ...(source ? { persistentChat: { ...request.persistentChat!, SourceContactId: source.slice(0, -'.signed'.length) } } : {}) });
      const answer = (await (await fetch(`${emu.url}/start-chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as {
        data: { startChatResult: StartChatDetails };
      };
      return { ...answer.data.startChatResult, SignedContactId: sign(answer.data.startChatResult.ContactId) };
    };
    const key = `signed-${keyCounter++}`;
    const first = persisted(key, undefined, { startChat });
    const started = new Promise<unknown>((resolve) => first.on('chatStarted', resolve));
    await first.start();
    const contactId = first.contactId.value as string;
    expect(await started).toEqual({ contactId, participantId: first.participantId.value, signedContactId: sign(contactId) });
    await first.send('before the end');
    await until(first.transcript, (t) => messages(t).some((m) => m.content === 'before the end' && !m.id.startsWith('local:')));
    await first.close();

    const second = persisted(key, undefined, { startChat });
    expect(await second.resume()).toBe(true);
    const ended = new Promise<unknown>((resolve) => second.on('chatEnded', resolve));
    await second.end();
    expect(await ended).toEqual({ contactId, signedContactId: sign(contactId) });

    const pagedContacts: unknown[] = [];
    const recording: typeof fetch = (input, init) => {
      if (String(input).endsWith('/participant/transcript')) pagedContacts.push((JSON.parse(String(init?.body)) as { ContactId?: string }).ContactId);
      return fetch(input, init);
    };
    const third = persisted(`signed-${keyCounter++}`, undefined, {
      startChat,
      persistentChat: { SourceContactId: sign(contactId), RehydrationType: 'ENTIRE_PAST_SESSION' },
      clientOptions: { requestTimeout: 5000, fetch: recording },
    });
    await third.start();
    while (third.hasOlder.value) await third.loadOlder();
    expect(texts(third.transcript.value)).toContain('before the end');
    expect(third.lastError.value).toBeNull();
    // Older history asks for the real earlier contact (the back end's ContinuedFromContactId), never the signed value.
    expect(pagedContacts).toContain(contactId);
    expect(pagedContacts).not.toContain(sign(contactId));
  });

  it('stores a bounded transcript and loads the rest on demand after a reload', async () => {
    const key = `bounded-${keyCounter++}`;
    const first = persisted(key, undefined, { storedTranscriptLimit: 10, pageSize: 10 });
    await first.start();
    const agent = await AgentPeer.join(emu, first.contactId.value as string);
    cleanup.push(() => agent.close());
    for (let i = 0; i < 30; i++) await agent.send(`n${i}`);
    await until(first.transcript, (t) => texts(t).includes('n29'));
    await first.close();
    const second = persisted(key, undefined, { storedTranscriptLimit: 10, pageSize: 10 });
    expect(await second.resume()).toBe(true);
    expect(second.transcript.value.length).toBeLessThanOrEqual(10);
    expect(texts(second.transcript.value).at(-1)).toBe('n29');
    await until(second.connection, (c) => c === 'connected');
    expect(second.hasOlder.value).toBe(true);
    while (second.hasOlder.value) await second.loadOlder();
    expect(texts(second.transcript.value)).toEqual(Array.from({ length: 30 }, (_, i) => `n${i}`));
    await eventually(async () => second.loadingOlder.value === false, 1000);
  });
});

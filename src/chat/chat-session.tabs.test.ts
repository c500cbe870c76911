// Two tabs of one site: one holds the connection, the other mirrors it and sends through it; when
// the holder closes, the other takes over. Real BroadcastChannel (Node 20), shared fake-indexeddb,
// Web Locks from the in-memory lock manager (Node has no navigator.locks), the real emulator.
import 'fake-indexeddb/auto';
import { createStore, type UseStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatSession } from './chat-session.js';
import { failingStore, freshIdb, quotaError } from '../store/testing/stores.js';
import { createMemoryLocks, type ChannelLike, type LockManagerLike, type TabMessage } from './tabs.js';
import { AgentPeer, customerSession, eventually, startTestEmulator, TestNetwork, until, type TestEmulator } from './testing/harness.js';
import type { MessageEntry, TranscriptEntry } from './types.js';

let emu: TestEmulator;
const cleanup: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  emu = await startTestEmulator();
});

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await emu.close();
});

const texts = (t: readonly TranscriptEntry[]): string[] => t.filter((e): e is MessageEntry => e.kind === 'message').map((e) => e.content);

function tab(key: string, locks: LockManagerLike, log?: (event: string) => void): ChatSession {
  const session = customerSession({ emu, options: { persistence: 'browser', storageKey: key, tabs: { locks, callTimeoutMs: 5000 }, ...(log ? { log } : {}) } });
  cleanup.push(() => session.close());
  return session;
}

describe('ChatSession across tabs', () => {
  it("start() after resume() found nothing reads storage again only where another tab could have written it (no lock held)", async () => {
    const reads = { count: 0 };
    const real = createStore(`reads-${Math.random()}`, 'kv');
    const idbStore: UseStore = (mode, callback) => {
      if (mode === 'readonly') reads.count += 1;
      return real(mode, callback);
    };
    const readsOfStart = async (tabs: Parameters<typeof customerSession>[0]['options']): Promise<number> => {
      const session = customerSession({ emu, options: { persistence: 'browser', storageKey: `reads-${Math.random()}`, store: { idbStore }, ...tabs } });
      cleanup.push(() => session.close());
      expect(await session.resume()).toBe(false);
      const before = reads.count;
      await session.start();
      return reads.count - before;
    };
    expect(await readsOfStart({ tabs: { locks: createMemoryLocks() } }), 'the leader (it holds the lock)').toBe(0);
    expect(await readsOfStart({ tabs: false }), 'tabs not shared').toBeGreaterThan(0);
  });

  it('mirrors the leader, relays sends, and hands over when the leader closes', async () => {
    const key = `tabs-${Math.random()}`;
    const locks = createMemoryLocks();
    const a = tab(key, locks);
    await a.start();
    expect(a.tabRole.value).toBe('leader');
    const agent = await AgentPeer.join(emu, a.contactId.value as string);
    cleanup.push(() => agent.close());

    const b = tab(key, locks);
    expect(await b.resume()).toBe(true);
    expect(b.tabRole.value).toBe('follower');
    expect(b.contactId.value).toBe(a.contactId.value);
    expect(b.connection.value).toBe('connected');

    const seenInB: string[] = [];
    b.on('message', (e) => {
      if (e.kind === 'message') seenInB.push(e.content);
    });
    await b.send('sent from tab B');
    await agent.send('agent reply');
    await until(a.transcript, (t) => texts(t).includes('sent from tab B') && texts(t).includes('agent reply'), 5000, 'leader has both');
    await until(b.transcript, (t) => texts(t).includes('agent reply') && texts(t).includes('sent from tab B'), 5000, 'follower mirrors both');
    expect(seenInB).toContain('agent reply');
    await expect(b.send('x'.repeat(2000))).rejects.toMatchObject({ code: 'message-too-long' });

    // The leader's tab closes: B takes over the conversation from storage.
    await a.close();
    await until(b.tabRole, (r) => r === 'leader', 5000, 'B leads');
    await until(b.connection, (c) => c === 'connected', 8000, 'B connected');
    await agent.send('after the handover');
    await b.send('B as leader');
    const t = await until(b.transcript, (t) => texts(t).includes('after the handover') && texts(t).includes('B as leader') && !t.some((e) => e.id.startsWith('local:')), 8000, 'B works alone');
    expect(new Set(t.map((e) => e.id)).size).toBe(t.length);
    const stored = (await emu.items(b.contactId.value as string)).filter((i) => i.Type === 'MESSAGE' && i.ParticipantRole === 'CUSTOMER').map((i) => i.Content);
    expect(stored).toEqual(['sent from tab B', 'B as leader']);
  });

  it('the leader posts its state only while another tab mirrors it; a tab that comes gets it at once, then every change', async () => {
    const key = `tabs-${Math.random()}`;
    const locks = createMemoryLocks();
    const statePosts = { count: 0 };
    const openChannel = (name: string): ChannelLike => {
      const channel = new BroadcastChannel(name);
      return {
        postMessage(message) {
          if ((message as TabMessage).t === 'state') statePosts.count += 1;
          channel.postMessage(message);
        },
        addEventListener: (type, listener) => channel.addEventListener(type, listener as (event: MessageEvent) => void),
        close: () => channel.close(),
      };
    };
    const a = customerSession({ emu, options: { persistence: 'browser', storageKey: key, tabs: { locks, openChannel } } });
    cleanup.push(() => a.close());
    await a.start();
    expect(a.tabRole.value).toBe('leader');
    const agent = await AgentPeer.join(emu, a.contactId.value as string);
    cleanup.push(() => agent.close());
    // A mirror post would follow a change within the coalescing delay (16 ms): a timer set after the
    // change with a longer delay fires after it, whatever the load.
    const afterCoalescing = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));
    for (const text of ['one', 'two', 'three']) {
      await agent.send(text);
      await until(a.transcript, (t) => texts(t).includes(text), 5000, `leader shows ${text}`);
      await afterCoalescing();
    }
    expect(statePosts.count, 'state posts with no other tab').toBe(0);

    const b = tab(key, locks);
    expect(await b.resume()).toBe(true);
    expect(texts(b.transcript.value)).toEqual(texts(a.transcript.value));
    expect(texts(b.transcript.value)).toEqual(expect.arrayContaining(['one', 'two', 'three']));
    await agent.send('four');
    await until(b.transcript, (t) => texts(t).includes('four'), 5000, 'follower mirrors the next change');
    expect(statePosts.count).toBeGreaterThan(1); // the greeting, then the change
  });

  it('a follower can start the chat through the leader', async () => {
    const key = `tabs-${Math.random()}`;
    const locks = createMemoryLocks();
    const a = tab(key, locks);
    expect(await a.resume()).toBe(false);
    const b = tab(key, locks);
    expect(await b.resume()).toBe(false);
    await b.start();
    await until(b.phase, (p) => p === 'active', 5000, 'follower sees the chat');
    expect(a.phase.value).toBe('active');
    expect(a.tabRole.value).toBe('leader');
    expect(b.contactId.value).toBe(a.contactId.value);
  });

  it('a reload (the only tab, leader at once) runs one engine: it resumes once, sends, and ends the chat', async () => {
    // issue 11: the tab became leader inside the lock callback, which made one engine there and a
    // second one after start() resolved; the resumed chat ran on the first, commands went to the second.
    const key = `tabs-${Math.random()}`;
    const locks = createMemoryLocks();
    const a = tab(key, locks);
    await a.start();
    const contactId = a.contactId.value as string;
    await a.close();

    const events: string[] = [];
    // A new page: the old page's lock is gone with it, so this tab gets the lock at once.
    const b = tab(key, createMemoryLocks(), (event) => events.push(event));
    expect(await b.resume()).toBe(true);
    expect(b.tabRole.value).toBe('leader');
    await until(b.connection, (c) => c === 'connected', 8000, 'B connected');
    await b.send('after the reload');
    await until(b.transcript, (t) => texts(t).includes('after the reload') && !t.some((e) => e.id.startsWith('local:')), 8000, 'sent');
    expect(events.filter((e) => e === 'resumed')).toHaveLength(1);
    await b.end();
    expect(b.phase.value).toBe('ended');
    const participants = (await (await fetch(`${emu.url}/emulator/contacts/${contactId}/items`)).json()) as { State: string };
    expect(participants.State).not.toBe('CONNECTED');
  });

  it('a follower typing fast keeps every keystroke: the leader\'s mirror never brings back older text', async () => {
    // Found by the journeys: each keystroke's draft goes to the leader and comes back in its state;
    // a state sent before the leader took the newest draft overwrote it ("Theuicbown fox").
    const key = `tabs-${Math.random()}`;
    const locks = createMemoryLocks();
    const a = tab(key, locks);
    await a.start();
    const b = tab(key, locks);
    expect(await b.resume()).toBe(true);
    const text = 'The quick brown fox jumps over the lazy dog';
    const seen: string[] = [];
    const off = b.draft.subscribe((d) => seen.push(d));
    cleanup.push(off);
    // Like a text box: each key is added to what the box shows now.
    for (const ch of text) {
      b.setDraft(b.draft.value + ch);
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    expect(b.draft.value).toBe(text);
    await until(a.draft, (d) => d === text, 5000, 'the leader has the whole draft');
    // Never a step back while typing: the follower's draft only grew.
    const steppedBack = seen.filter((d, i) => i > 0 && d.length < seen[i - 1]!.length);
    expect(steppedBack).toEqual([]);
  });

  it('a send relayed to a new leader that is still resuming waits for it and is sent once', async () => {
    const key = `tabs-${Math.random()}`;
    const locks = createMemoryLocks();
    const a = tab(key, locks);
    await a.start();
    const contactId = a.contactId.value as string;
    const b = tab(key, locks);
    expect(await b.resume()).toBe(true);
    const c = tab(key, locks);
    expect(await c.resume()).toBe(true);
    expect([b.tabRole.value, c.tabRole.value]).toEqual(['follower', 'follower']);

    // The leader's tab goes away; C sends at once: B (next in the lock's queue) gets it before it has resumed.
    await a.close();
    await c.send('during the handover');
    await until(b.tabRole, (r) => r === 'leader', 5000, 'B leads');
    await until(c.transcript, (t) => texts(t).includes('during the handover') && !t.some((e) => e.id.startsWith('local:')), 8000, 'sent through B');
    const stored = (await emu.items(contactId)).filter((i) => i.Type === 'MESSAGE' && i.ParticipantRole === 'CUSTOMER').map((i) => i.Content);
    expect(stored).toEqual(['during the handover']);
  });

  it('a tab taking over a chat that storage could not keep goes on with it, from what it mirrored', async () => {
    // Storage failed (the chat lived in the leader's memory only): the new leader has nothing in
    // storage to resume. It used to keep the mirrored 'active' with an empty engine behind it, then
    // showed the chat ended while the contact stayed active for the agent (found by the random
    // journeys: the agent's next messages went nowhere). The leader mirrors the session details too.
    const key = `tabs-${Math.random()}`;
    const locks = createMemoryLocks();
    const idb = failingStore(freshIdb().store);
    idb.failing = quotaError();
    const open = () => {
      const session = customerSession({ emu, options: { persistence: 'browser', storageKey: key, tabs: { locks, callTimeoutMs: 5000 }, store: { idbStore: idb } } });
      cleanup.push(() => session.close());
      return session;
    };
    const a = open();
    await a.start();
    const contactId = a.contactId.value as string;
    const agent = await AgentPeer.join(emu, contactId);
    cleanup.push(() => agent.close());
    await agent.send('before the handover');
    await until(a.transcript, (t) => texts(t).includes('before the handover'), 5000, 'A has it');
    const b = open();
    expect(await b.resume()).toBe(true);
    a.setDraft('typed in A');
    await until(b.draft, (d) => d === 'typed in A', 5000, 'draft mirrored');
    await a.close();
    await until(b.tabRole, (r) => r === 'leader', 5000, 'B leads');
    await until(b.connection, (c) => c === 'connected', 8000, 'B connected to the same chat');
    expect(b.phase.value).toBe('active');
    expect(b.contactId.value).toBe(contactId);
    expect(b.draft.value).toBe('typed in A');
    await agent.send('after the handover');
    await b.send('B goes on');
    const t = await until(b.transcript, (t) => texts(t).includes('after the handover') && texts(t).includes('B goes on') && !t.some((e) => e.id.startsWith('local:')), 8000, 'B goes on with the chat');
    expect(texts(t).filter((x) => x === 'before the handover')).toHaveLength(1);
    const stored = (await emu.items(contactId)).filter((i) => i.Type === 'MESSAGE' && i.ParticipantRole === 'CUSTOMER').map((i) => i.Content);
    expect(stored).toEqual(['B goes on']);
  });

  /** Tab A's channel, which loses what A says on demand (as when its tab crashes right after). */
  function lossyChannel(): { open: (name: string) => ChannelLike; lose: Set<TabMessage['t']> } {
    const lose = new Set<TabMessage['t']>();
    const open = (name: string): ChannelLike => {
      const channel = new BroadcastChannel(name);
      return {
        postMessage: (message) => {
          if (!lose.has((message as TabMessage).t)) channel.postMessage(message);
        },
        addEventListener: (type, listener) => channel.addEventListener(type, (event) => listener(event)),
        close: () => channel.close(),
      };
    };
    return { open, lose };
  }

  async function twoTabs(lossy: ReturnType<typeof lossyChannel>, options: { network?: TestNetwork; idb?: ReturnType<typeof failingStore> } = {}) {
    const key = `tabs-${Math.random()}`;
    const locks = createMemoryLocks();
    const store = options.idb ? { store: { idbStore: options.idb } } : {};
    const a = customerSession({ emu, ...(options.network ? { network: options.network } : {}), options: { persistence: 'browser', storageKey: key, tabs: { locks, openChannel: lossy.open }, ...store } });
    cleanup.push(() => a.close());
    await a.start();
    const b = customerSession({ emu, options: { persistence: 'browser', storageKey: key, tabs: { locks, callTimeoutMs: 3000 }, ...store } });
    cleanup.push(() => b.close());
    expect(await b.resume()).toBe(true);
    const contactId = a.contactId.value as string;
    const stored = async (): Promise<string[]> =>
      (await emu.items(contactId)).filter((i) => i.Type === 'MESSAGE' && i.ParticipantRole === 'CUSTOMER').map((i) => i.Content ?? '');
    return { a, b, stored };
  }

  it('a relayed send whose answer is lost is not reported failed when the leader shows it took it, and goes out once', async () => {
    const lossy = lossyChannel();
    const { a, b, stored } = await twoTabs(lossy);
    lossy.lose.add('reply');
    // No answer comes, but A's state shows the message queued: B's send is not a failure (the composer
    // keeps it out of the box, so the visitor has no copy to send again).
    await b.send('are you there?');
    await eventually(async () => (await stored()).length === 1 || undefined, 8000, 'A delivered the send');
    await a.close();
    await until(b.tabRole, (r) => r === 'leader', 5000, 'B leads');
    await b.send('hello?');
    await eventually(async () => (await stored()).includes('hello?') || undefined, 8000, 'the next message is stored');
    expect(await stored()).toEqual(['are you there?', 'hello?']);
  });

  it('a relayed send whose answer is lost while the leader changes, sent again, is stored once', async () => {
    const lossy = lossyChannel();
    const { a, b, stored } = await twoTabs(lossy);
    // A takes the send and delivers it, but B hears nothing of it: its wait ends in an error and the
    // composer puts the text back ...
    lossy.lose.add('reply').add('state');
    await expect(b.send('are you there?')).rejects.toMatchObject({ code: 'connection-failed' });
    await eventually(async () => (await stored()).length === 1 || undefined, 8000, 'A delivered the send');
    await a.close();
    await until(b.tabRole, (r) => r === 'leader', 5000, 'B leads');
    // ... and the visitor sends that text again, then another message.
    await b.send('are you there?');
    await b.send('hello?');
    await eventually(async () => (await stored()).includes('hello?') || undefined, 8000, 'the next message is stored');
    expect(await stored()).toEqual(['are you there?', 'hello?']);
    const t = await until(b.transcript, (t) => texts(t).includes('hello?') && !t.some((e) => e.id.startsWith('local:')), 8000, 'B shows both, sent');
    expect(texts(t).filter((x) => x === 'are you there?')).toHaveLength(1);
  });

  it('a tab taking over sends what the old leader took but never stored nor sent', async () => {
    const network = new TestNetwork();
    const idb = failingStore(freshIdb().store);
    const { a, b, stored } = await twoTabs(lossyChannel(), { network, idb });
    // A's tab is about to go: its network and its storage are gone; the send reaches it all the same.
    network.set(false);
    idb.failing = quotaError();
    await b.send('taken, not stored');
    await until(b.transcript, (t) => texts(t).includes('taken, not stored'), 5000, 'B mirrors the queued send');
    await a.close();
    await until(b.tabRole, (r) => r === 'leader', 5000, 'B leads');
    idb.failing = null;
    await eventually(async () => (await stored()).includes('taken, not stored') || undefined, 8000, 'B sent it');
    const t = await until(b.transcript, (t) => !t.some((e) => e.id.startsWith('local:')), 8000, 'B shows it sent');
    expect(texts(t).filter((x) => x === 'taken, not stored')).toHaveLength(1);
    expect(await stored()).toEqual(['taken, not stored']);
  });
});

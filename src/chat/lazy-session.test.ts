// The script-tag widget's session stand-in (lazy-session.ts) against a real ChatSession and the
// emulator: the chunk's arrival is held back by the test, as a slow network would.
import { describe, expect, it } from 'vitest';
import { ChatSession } from './chat-session.js';
import { lazySession, type LoadSession } from './lazy-session.js';
import type { ChatSessionOptions } from './options.js';
import { FAST_CONNECTION, NodeWS, until } from './testing/harness.js';
import { emulatorPerTest } from './testing/per-test.js';

const t = emulatorPerTest();

const options = (): ChatSessionOptions => ({
  endpoint: t.emu.url,
  startChat: `${t.emu.url}/start-chat`,
  WebSocket: NodeWS,
  persistence: 'none',
  tabs: false,
  displayName: 'Customer',
  connection: FAST_CONNECTION,
});

describe('lazySession', () => {
  it('reads as a chat not started until the chunk arrives, then as the session; commands wait for it; listeners and an early draft carry over', async () => {
    let arrive!: () => void;
    const gate = new Promise<void>((resolve) => (arrive = resolve));
    let loads = 0;
    const load: LoadSession = async () => {
      loads++;
      await gate;
      return ChatSession;
    };
    const lazy = lazySession(load, options());
    t.later(() => lazy.close());
    expect(loads).toBe(1); // the download starts with the stand-in
    expect([lazy.phase.value, lazy.connection.value, lazy.transcript.value, lazy.contactId.value, lazy.tabRole.value]).toEqual(['idle', 'idle', [], null, 'solo']);

    const started: string[] = [];
    lazy.on('chatStarted', (d) => started.push(d.contactId));
    const dropped: string[] = [];
    lazy.on('chatStarted', (d) => dropped.push(d.contactId))();
    lazy.setDraft('typed while it loaded');
    expect(lazy.draft.value).toBe('typed while it loaded');
    // Commands that answer at once do nothing yet, and throw nothing.
    lazy.typingActivity();
    lazy.markRead('x');
    lazy.discard('x');
    lazy.clearError();

    const starting = lazy.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lazy.phase.value).toBe('idle');
    arrive();
    await starting;
    expect(lazy.phase.value).toBe('active');
    expect(started).toHaveLength(1);
    expect(dropped).toEqual([]);
    expect(lazy.contactId.value).toBe(started[0]);
    expect(lazy.draft.value).toBe('typed while it loaded');
    const real = await lazy.loaded();
    expect(real.draft.value).toBe('typed while it loaded');
    expect(loads).toBe(1);

    await lazy.send('hello');
    await until(lazy.transcript, (entries) => entries.some((e) => e.kind === 'message' && e.own && e.content === 'hello'), 10_000, 'own message');
  });

  it('a chunk that cannot load rejects the command with start-failed and what to do; the next command loads it again', async () => {
    let fail = true;
    let loads = 0;
    const load: LoadSession = async () => {
      loads++;
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return ChatSession;
    };
    const lazy = lazySession(load, options());
    t.later(() => lazy.close());
    await expect(lazy.start()).rejects.toMatchObject({ code: 'start-failed', message: expect.stringMatching(/could not be loaded \(Failed to fetch.*\)\. Check the connection and try again\./) });
    expect(lazy.phase.value).toBe('idle');
    const before = loads;
    fail = false;
    await lazy.start();
    expect(loads).toBe(before + 1);
    expect(lazy.phase.value).toBe('active');
  });
});

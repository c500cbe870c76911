import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLocks, TabCallError, TabCoordinator, type TabMessage, type TabRole } from './tabs.js';

const open: TabCoordinator[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function tab(name: string, locks = createMemoryLocks(), callTimeoutMs = 2000): TabCoordinator {
  const t = new TabCoordinator({ name, locks, callTimeoutMs, othersCheckMs: 50 });
  open.push(t);
  return t;
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

function roleOf(t: TabCoordinator, want: TabRole): Promise<void> {
  if (t.role === want) return Promise.resolve();
  return new Promise((resolve) => {
    const off = t.onRole((r) => {
      if (r === want) {
        off();
        resolve();
      }
    });
  });
}

describe('TabCoordinator (real BroadcastChannel, in-memory Web Locks)', () => {
  it('elects one leader; a follower calls through it; the next tab takes over when the leader closes', async () => {
    const name = `t${Math.random()}`;
    const locks = createMemoryLocks();
    const a = tab(name, locks);
    const b = tab(name, locks);
    expect(await a.start()).toBe('leader');
    expect(await b.start()).toBe('follower');
    expect(b.role).toBe('follower');

    a.serve(async (method, args) => {
      if (method === 'fail') throw Object.assign(new Error('nope'), { code: 'send-failed' });
      return `${method}:${args.join(',')}`;
    });
    await expect(b.call('send', ['hi', 1])).resolves.toBe('send:hi,1');
    const error = await b.call('fail', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TabCallError);
    expect((error as TabCallError).code).toBe('send-failed');

    const leaderMessages: TabMessage[] = [];
    const c = tab(name, locks);
    c.onMessage((m) => leaderMessages.push(m));
    expect(await c.start()).toBe('follower');
    a.close();
    await roleOf(b, 'leader'); // b queued first
    expect(c.role).toBe('follower');
    await new Promise((r) => setTimeout(r, 20));
    expect(leaderMessages.some((m) => m.t === 'leader' && m.from === b.id)).toBe(true);
  });

  it('the leader knows whether another tab waits to take over: from a hello, a bye, and a takeover', async () => {
    const name = `t${Math.random()}`;
    const locks = createMemoryLocks();
    const a = tab(name, locks);
    expect(await a.start()).toBe('leader');
    await until(() => !a.othersWaiting);
    expect(a.othersWaiting).toBe(false);

    const b = tab(name, locks);
    expect(await b.start()).toBe('follower');
    expect(b.othersWaiting).toBe(false); // only a leader has others to count on
    await until(() => a.othersWaiting);
    const c = tab(name, locks);
    expect(await c.start()).toBe('follower');

    c.leaving();
    c.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(a.othersWaiting).toBe(true); // b still waits

    b.leaving();
    b.close();
    await until(() => !a.othersWaiting);

    // A tab that takes over counts the tabs queued behind it.
    const d = tab(name, locks);
    const e = tab(name, locks);
    expect(await d.start()).toBe('follower');
    expect(await e.start()).toBe('follower');
    a.close();
    await roleOf(d, 'leader');
    await until(() => d.othersWaiting);
    e.close(); // no bye, as when a tab crashes: the periodic check notices
    await until(() => !d.othersWaiting);
  });

  it('the leader knows whether any tab mirrors it: none alone, one after a hello, none after its bye; a new leader hears the others again', async () => {
    const name = `t${Math.random()}`;
    const locks = createMemoryLocks();
    const a = tab(name, locks);
    expect(await a.start()).toBe('leader');
    expect(a.hasFollowers).toBe(false);

    const b = tab(name, locks);
    expect(await b.start()).toBe('follower');
    await until(() => a.hasFollowers);
    expect(b.hasFollowers).toBe(false); // only a leader posts to followers
    b.leaving();
    b.close();
    await until(() => !a.hasFollowers);

    // A follower that said bye but is still there (a page restored from the back/forward cache) is
    // known again from its next call, and greeted with the state like a new tab.
    const c = tab(name, locks);
    const greeted: string[] = [];
    a.onMessage((m) => m.t === 'hello' && greeted.push(m.from));
    a.serve(async () => 'ok');
    expect(await c.start()).toBe('follower');
    await until(() => greeted.includes(c.id));
    c.leaving(); // then its call, on the same channel: it arrives after the bye
    greeted.length = 0;
    await expect(c.call('send', [])).resolves.toBe('ok');
    expect(greeted).toEqual([c.id]);
    expect(a.hasFollowers).toBe(true);

    // The leader goes: the others say hello to the new one, which greets them with its state.
    const d = tab(name, locks);
    expect(await d.start()).toBe('follower');
    const toNewLeader: TabMessage[] = [];
    c.onMessage((m) => toNewLeader.push(m));
    a.close();
    await roleOf(c, 'leader'); // c queued first
    await until(() => toNewLeader.some((m) => m.t === 'hello' && m.from === d.id));
    expect(c.hasFollowers).toBe(true);
  });

  it('hands unanswered calls to a tab that becomes leader', async () => {
    const name = `t${Math.random()}`;
    const locks = createMemoryLocks();
    const a = tab(name, locks);
    a.start();
    await roleOf(a, 'leader');
    const b = tab(name, locks);
    b.start();
    // a never serves: the call stays pending
    const pendingCall = b.call('send', ['x']);
    a.close();
    await roleOf(b, 'leader');
    const taken = b.takePendingCalls();
    expect(taken.map((c) => [c.method, c.args])).toEqual([['send', ['x']]]);
    taken[0].resolve('done locally');
    await expect(pendingCall).resolves.toBe('done locally');
  });

  it('times out a call nobody answers', async () => {
    const name = `t${Math.random()}`;
    const locks = createMemoryLocks();
    const a = tab(name, locks, 100);
    a.start();
    await roleOf(a, 'leader');
    const b = tab(name, locks, 100);
    b.start();
    await expect(b.call('x', [])).rejects.toThrow(/did not answer/);
  });

  it('gives a new leader the whole time to answer a call resent to it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const name = `t${Math.random()}`;
      const locks = createMemoryLocks();
      const a = tab(name, locks, 300);
      const b = tab(name, locks, 300);
      const c = tab(name, locks, 300);
      expect(await a.start()).toBe('leader');
      expect(await b.start()).toBe('follower'); // first in the lock's queue
      expect(await c.start()).toBe('follower');
      let arrived!: () => void;
      const resent = new Promise<void>((resolve) => (arrived = resolve));
      let answer!: () => void;
      const answered = new Promise<void>((resolve) => (answer = resolve));
      b.serve(async (method) => {
        arrived();
        await answered;
        return `${method} done`;
      });
      const newLeader = new Promise<void>((resolve) => c.onMessage((m) => m.t === 'leader' && resolve()));
      // a never answers; most of the time has gone when its tab closes and b takes over.
      const pending = c.call('send', ['x']);
      let settled = false;
      pending.then(() => (settled = true), () => (settled = true));
      vi.advanceTimersByTime(250);
      a.close();
      await Promise.all([newLeader, resent]);
      vi.advanceTimersByTime(250); // past the first leader's time, within b's
      await Promise.resolve();
      expect(settled).toBe(false);
      answer();
      await expect(pending).resolves.toBe('send done');
    } finally {
      vi.useRealTimers();
    }
  });

  it('works alone without Web Locks', async () => {
    const t = new TabCoordinator({ name: 'solo', locks: null });
    open.push(t);
    expect(await t.start()).toBe('solo');
  });
});

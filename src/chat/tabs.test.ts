import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLocks, TabCallError, TabCoordinator, type TabMessage, type TabRole } from './tabs.js';

const open: TabCoordinator[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function tab(name: string, locks = createMemoryLocks(), callTimeoutMs = 2000): TabCoordinator {
  const t = new TabCoordinator({ name, locks, callTimeoutMs });
  open.push(t);
  return t;
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

  it('works alone without Web Locks', async () => {
    const t = new TabCoordinator({ name: 'solo', locks: null });
    open.push(t);
    expect(await t.start()).toBe('solo');
  });
});

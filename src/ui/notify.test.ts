// @vitest-environment jsdom
import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentMessage, FakeSession } from './testing/session';
import { setup, tick } from './testing/mount';

let done: (() => void)[] = [];
afterEach(() => {
  done.forEach((f) => f());
  done = [];
  vi.useRealTimers();
  document.title = '';
});
async function widget(session = new FakeSession(), options = {}) {
  session.resumable = true;
  const w = await setup(options, {}, session);
  done.push(w.cleanup);
  return w;
}

describe('while closed', () => {
  it('new agent messages raise the unread badge and the launcher label; opening clears them', async () => {
    const { session, $, ctl } = await widget();
    session.receive(agentMessage('one'), agentMessage('two'));
    await tick();
    expect($('.cw-badge')!.textContent).toBe('2');
    expect($('.cw-badge')!.getAttribute('aria-hidden')).toBe('true');
    expect($('#cw-launch')!.getAttribute('aria-label')).toBe('Open chat. Unread messages: 2');
    expect(ctl.ui.unread.value).toBe(2);
    ctl.open();
    await tick();
    expect($('.cw-badge')).toBeNull();
    expect(ctl.ui.unread.value).toBe(0);
  });

  it('own messages and notices do not count', async () => {
    const { session, ctl } = await widget();
    session.receive(agentMessage('mine', { own: true }));
    session.receive({ ...agentMessage(''), kind: 'notice', event: 'joined', contentType: 'x' } as never);
    expect(ctl.ui.unread.value).toBe(0);
  });

  it('flashes the page title until the window opens', async () => {
    document.title = 'Shop';
    const { session, ctl } = await widget();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    session.receive(agentMessage('psst'));
    vi.advanceTimersByTime(1000);
    expect(document.title).toBe('New message');
    vi.advanceTimersByTime(1000);
    expect(document.title).toBe('Shop');
    vi.advanceTimersByTime(1000);
    expect(document.title).toBe('New message');
    ctl.open();
    vi.advanceTimersByTime(10);
    expect(document.title).toBe('Shop');
    vi.advanceTimersByTime(5000);
    expect(document.title).toBe('Shop');
  });

  it('a tab that does not hold the conversation stays quiet (badge yes, title no)', async () => {
    document.title = 'Shop';
    const session = new FakeSession() as FakeSession & { tabRole: ReturnType<typeof signal<string>> };
    session.tabRole = signal('follower');
    const { ctl } = await widget(session);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    session.receive(agentMessage('psst'));
    vi.advanceTimersByTime(3000);
    expect(document.title).toBe('Shop');
    expect(ctl.ui.unread.value).toBe(1);
  });
});

describe('while open', () => {
  it('announces new incoming messages (only) in the polite live region', async () => {
    const { session, ctl, $ } = await widget();
    ctl.open();
    await tick();
    const live = $('.cw-sr[aria-live=polite]')!;
    expect(live.textContent).toBe('');
    session.receive(agentMessage('Hello **there**', { contentType: 'text/markdown' }));
    session.receive(agentMessage('mine', { own: true }));
    await tick();
    expect(live.textContent).toBe('Ana: Hello there');
  });
});

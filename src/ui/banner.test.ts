// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSession } from './testing/session';
import { setup, tick } from './testing/mount';

let done: (() => void)[] = [];
afterEach(() => {
  done.forEach((f) => f());
  done = [];
});

describe('connection banner', () => {
  it('says reconnecting / offline / back online without taking layout space, and announces each', async () => {
    const session = new FakeSession();
    session.resumable = true;
    const w = await setup({}, { open: true }, session);
    done.push(w.cleanup);
    const banner = w.$('.cw-banner')!;
    const live = () => w.$('.cw-sr[aria-live=polite]')!.textContent ?? '';
    // Announcements follow a render and an effect each; wait for them rather than for a fixed time.
    const announced = async (text: string) => {
      for (let i = 0; i < 50 && !live().includes(text); i++) await tick(1);
      return live();
    };
    expect(banner.className).toBe('cw-banner');
    expect(banner.getAttribute('aria-hidden')).toBe('true');
    session.connection.value = 'reconnecting';
    await tick();
    expect(banner.textContent).toBe('Reconnecting…');
    expect(banner.className).toContain('cw-show');
    expect(await announced('Reconnecting…')).toContain('Reconnecting…');
    session.connection.value = 'offline';
    await tick();
    expect(banner.textContent).toBe('You are offline. Messages will be sent when you are back online.');
    session.connection.value = 'connected';
    await tick();
    expect(banner.textContent).toBe('Back online');
    expect(await announced('Back online')).toContain('Back online');
    // Same element throughout: the banner overlays, it is never inserted into the flow.
    expect(w.$('.cw-banner')).toBe(banner);
  });

  it('says nothing once the chat has ended', async () => {
    const session = new FakeSession();
    session.resumable = true;
    const w = await setup({}, { open: true }, session);
    done.push(w.cleanup);
    session.setEnded();
    session.connection.value = 'offline';
    await tick();
    expect(w.$('.cw-banner')!.textContent).toBe('');
  });
});

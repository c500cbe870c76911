// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoticeEntry } from '../chat/types';
import { FakeSession, iso } from './testing/session';
import { setup, tick } from './testing/mount';

let done: (() => void)[] = [];
afterEach(() => {
  done.forEach((f) => f());
  done = [];
  vi.restoreAllMocks();
});
const SESSION_ID = '0123456789abcdef0123456789abcdef0123';
const notice = (event: NoticeEntry['event'], content?: string): NoticeEntry => ({
  kind: 'notice', id: `n-${event}`, time: iso(Date.now()), participantId: 'sys', displayName: 'SYSTEM', role: 'SYSTEM', own: false,
  event, contentType: `application/vnd.amazonaws.connect.event.${event}`, content,
});

describe('customer authentication', () => {
  it('initiated → Sign in opens a popup at GetAuthenticationUrl, shows progress, closes on the result', async () => {
    const session = new FakeSession();
    session.resumable = true;
    const w = await setup({ authRedirectUri: 'https://shop.example/signed-in' }, { open: true }, session);
    done.push(w.cleanup);
    session.receive(notice('authentication-initiated', JSON.stringify({ SessionId: SESSION_ID })));
    await tick();
    expect(w.text()).toContain('Please sign in to continue.');
    const popup = { closed: false, opener: {} as unknown, location: { href: '' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    Array.from(w.root.querySelectorAll<HTMLElement>('.cw-auth button')).find((b) => b.textContent === 'Sign in')!.click();
    await tick();
    expect(open).toHaveBeenCalledWith('', 'cw-auth', expect.stringContaining('popup'));
    expect(session.called('getAuthenticationUrl')).toEqual([[SESSION_ID, 'https://shop.example/signed-in']]);
    expect(popup.location.href).toBe('https://idp.example/signin');
    expect(w.text()).toContain('Waiting for you to sign in…');
    session.receive(notice('authentication-succeeded'));
    await tick();
    expect(popup.close).toHaveBeenCalled();
    expect(w.text()).toContain('You are signed in.');
    expect(w.root.querySelector('.cw-auth')).toBeNull();
  });

  it('a blocked popup is explained; Cancel sends CancelParticipantAuthentication', async () => {
    const session = new FakeSession();
    session.resumable = true;
    const w = await setup({}, { open: true }, session);
    done.push(w.cleanup);
    session.receive(notice('authentication-initiated', JSON.stringify({ SessionId: SESSION_ID })));
    await tick();
    const signIn = () => Array.from(w.root.querySelectorAll<HTMLElement>('.cw-auth button')).find((b) => b.textContent === 'Sign in')!.click();
    vi.spyOn(window, 'open').mockReturnValueOnce(null);
    signIn();
    await tick();
    expect(w.text()).toContain('The sign-in window was blocked.');
    vi.spyOn(window, 'open').mockReturnValue({ opener: null, location: { href: '' }, close: vi.fn() } as unknown as Window);
    signIn();
    await tick();
    Array.from(w.root.querySelectorAll<HTMLElement>('.cw-auth button')).find((b) => b.textContent === 'Cancel')!.click();
    await tick();
    expect(session.called('cancelAuthentication')).toEqual([[SESSION_ID]]);
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentMessage, FakeSession } from './testing/session';
import { key, setup, tick } from './testing/mount';

let done: (() => void)[] = [];
afterEach(() => {
  done.forEach((f) => f());
  done = [];
  localStorage.clear();
});
const mount = async (...args: Parameters<typeof setup>) => {
  const w = await setup(...args);
  done.push(w.cleanup);
  return w;
};

describe('mount', () => {
  it('renders into a shadow root with the theme variables and component styles (style fallback with nonce)', async () => {
    const { root } = await mount({ nonce: 'abc123', customCss: '.cw-head{letter-spacing:1px}' });
    const styles = Array.from(root.querySelectorAll('style'));
    expect(styles).toHaveLength(3);
    expect(styles.every((s) => s.nonce === 'abc123')).toBe(true);
    const css = styles.map((s) => s.textContent).join('');
    expect(css.indexOf('--cw-primary:')).toBeLessThan(css.indexOf('.cw-launch{'));
    expect(css.endsWith('.cw-head{letter-spacing:1px}')).toBe(true); // customCss last: it wins ties
    expect(css).toContain('--cw-primary:#1d5bb8');
    expect(css).toContain('.cw-launch{');
    expect(css).toContain('.cw-head{letter-spacing:1px}');
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('adds the interactive templates\' styles when their chunk arrives, before customCss and before they render', async () => {
    const session = new FakeSession();
    session.resumable = true;
    session.transcript.value = [
      agentMessage(JSON.stringify({ templateType: 'QuickReply', version: '1.0', data: { content: { title: 'Pick', elements: [{ title: 'A' }, { title: 'B' }] } } }), {
        contentType: 'application/vnd.amazonaws.connect.message.interactive',
      }),
    ];
    const { root, $ } = await mount({ customCss: '.cw-im-chip{color:red}' }, { open: true }, session);
    const styles = () => Array.from(root.querySelectorAll('style')).map((s) => s.textContent ?? '');
    await vi.waitFor(() => expect($('.cw-im-quickreply')).not.toBeNull());
    const [, components, custom] = styles();
    expect(components).toContain('.cw-im-quickreply');
    expect(components).toContain('.cw-view-loading');
    expect(custom).toBe('.cw-im-chip{color:red}');
  });

  it('renders into a given ShadowRoot (the loader\'s)', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const { mountWidget } = await import('./mount-widget');
    const { validateConfig } = await import('../config');
    const { bundledTranscript } = await import('./transcript/bundled');
    const ctl = mountWidget(shadow, validateConfig({ startChat: 'https://x.example/' }).config, new FakeSession(), { transcript: bundledTranscript });
    await ctl.ready;
    expect(shadow.querySelector('.cw-launch')).not.toBeNull();
    ctl.destroy();
    expect(shadow.querySelector('.cw')).toBeNull();
    host.remove();
  });

  it('launcher controls the window with aria-expanded / aria-controls; open starts a chat', async () => {
    const { $, session } = await mount();
    const launcher = $('#cw-launch')!;
    expect(launcher.getAttribute('aria-controls')).toBe('cw-win');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect($('#cw-win')!.hidden).toBe(true);
    expect(session.called('start')).toHaveLength(0);
    launcher.click();
    await tick();
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect($('#cw-win')!.hidden).toBe(false);
    expect(session.called('start')).toHaveLength(1);
    expect(session.called('start')[0][0]).toMatchObject({ displayName: 'Customer', attributes: {}, supportedMessagingContentTypes: expect.arrayContaining(['text/markdown']) });
  });

  it('Escape closes and focus returns to the launcher; opening focuses the composer', async () => {
    const { $, root } = await mount();
    $('#cw-launch')!.click();
    await tick();
    expect(root.activeElement).toBe($('.cw-ta'));
    key($('.cw-ta')!, 'Escape');
    await tick();
    expect($('#cw-win')!.hidden).toBe(true);
    expect(root.activeElement).toBe($('#cw-launch'));
  });

  it('resumes a stored chat instead of starting a new one, and shows its transcript', async () => {
    const session = new FakeSession();
    session.resumable = true;
    session.transcript.value = [agentMessage('Welcome back')];
    const { ctl, text } = await mount({}, {}, session);
    ctl.open();
    await tick();
    expect(session.called('resume')).toHaveLength(1);
    expect(session.called('start')).toHaveLength(0);
    expect(text()).toContain('Welcome back');
  });

  it('a failed start shows the reason and a Retry that starts again', async () => {
    const session = new FakeSession();
    session.failStart = true;
    const { ctl, $, text } = await mount({}, {}, session);
    ctl.open();
    await tick(5);
    expect(text()).toContain('The chat could not be started');
    session.failStart = false;
    $<HTMLButtonElement>('.cw-center .cw-btn')!.click();
    await tick(5);
    expect(session.called('start')).toHaveLength(2);
    expect(session.phase.value).toBe('active');
  });

  it('RTL locales set dir="rtl" and lang; setLocale switches at runtime', async () => {
    const { $, ctl } = await mount({ locale: 'ar' });
    expect($('.cw')!.getAttribute('dir')).toBe('rtl');
    expect($('.cw')!.getAttribute('lang')).toBe('ar');
    expect($('#cw-launch')!.getAttribute('aria-label')).toBe('فتح المحادثة');
    await ctl.setLocale('de');
    await tick();
    expect($('.cw')!.getAttribute('dir')).toBe('ltr');
    expect($('#cw-launch')!.getAttribute('aria-label')).toBe('Chat öffnen');
  });

  it('string overrides replace the pack\'s words', async () => {
    const { text } = await mount({ strings: { title: 'Acme help' }, locale: 'en' });
    expect(text()).toContain('Acme help');
  });

  it('setTheme applies valid values at once and reports invalid ones', async () => {
    const { ctl, root } = await mount();
    const issues = ctl.setTheme({ mode: 'dark', radius: 99, light: { primary: '#ff0000' } });
    expect(issues.map((i) => i.option)).toEqual(['theme.radius']);
    const css = Array.from(root.querySelectorAll('style')).map((s) => s.textContent).join('');
    expect(css).toContain('color-scheme:dark');
    expect(css).toContain('--cw-radius:12px');
    expect(ctl.setTheme('auto')).toEqual([]);
    expect(Array.from(root.querySelectorAll('style')).map((s) => s.textContent).join('')).toContain('prefers-color-scheme:dark');
  });

  it('show/hide toggle the launcher; showLauncher:false hides it from the start', async () => {
    const { ctl, $ } = await mount({ showLauncher: false });
    expect($('#cw-launch')).toBeNull();
    ctl.show();
    await tick();
    expect($('#cw-launch')).not.toBeNull();
    ctl.hide();
    await tick();
    expect($('#cw-launch')).toBeNull();
  });

  it('setAttributes adds contact attributes to the next start', async () => {
    const { ctl, session } = await mount({ attributes: { plan: 'gold' } });
    ctl.setAttributes({ orderId: '42' });
    await ctl.startChat();
    await tick();
    expect(session.called('start')[0][0]).toMatchObject({ attributes: { plan: 'gold', orderId: '42' } });
  });

  it('destroy removes everything it added', async () => {
    const w = await setup();
    w.cleanup();
    expect(w.root.querySelector('.cw')).toBeNull();
    expect(w.root.querySelectorAll('style')).toHaveLength(0);
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentMessage, FakeSession } from './testing/session';
import { key, setup, tick } from './testing/mount';
import { transcriptText } from './download';
import { en } from '../i18n';

let done: (() => void)[] = [];
afterEach(() => {
  done.forEach((f) => f());
  done = [];
  vi.restoreAllMocks();
});
async function chat(options = {}) {
  const session = new FakeSession();
  session.resumable = true;
  // The contact flow greets (no agent yet: the header shows the title and subtitle).
  session.transcript.value = [agentMessage('Hello!', { time: '2024-05-06T09:00:00.000Z', role: 'SYSTEM', displayName: 'BOT', participantId: 'bot' })];
  const w = await setup(options, { open: true }, session);
  done.push(w.cleanup);
  return w;
}

describe('header', () => {
  it('shows title, subtitle and a logo with its alt text', async () => {
    const { $ } = await chat({ theme: { logoUrl: 'https://cdn.example/logo.svg', logoAlt: 'Acme' } });
    expect($('#cw-title')!.textContent).toBe('Chat with us');
    expect($('.cw-titles p')!.textContent).toBe('We usually reply in a few minutes');
    expect($<HTMLImageElement>('.cw-logo')!.src).toBe('https://cdn.example/logo.svg');
    expect($('.cw-logo')!.getAttribute('alt')).toBe('Acme');
    expect($('#cw-win')!.getAttribute('aria-labelledby')).toBe('cw-title');
  });

  it("names the agent once one joins: their picture (avatars.agent) or initials; the window keeps its title as its name", async () => {
    const { $, session } = await chat({ avatars: { agent: 'https://cdn.example/ana.png' } });
    expect($('.cw-head .cw-av')).toBeNull();
    session.transcript.value = [...session.transcript.value, agentMessage('I am Ana.', { displayName: 'Ana Lima', participantId: 'ana' })];
    await tick();
    expect($('.cw-titles h2')!.textContent).toBe('Ana Lima');
    expect($('#cw-title')!.textContent).toBe('Chat with us');
    expect($('.cw-titles')!.textContent).not.toContain('We usually reply');
    expect($<HTMLImageElement>('.cw-head img.cw-av')!.src).toBe('https://cdn.example/ana.png');
    $('.cw-head img.cw-av')!.dispatchEvent(new Event('error'));
    await tick();
    expect($('.cw-head .cw-av')!.textContent).toBe('AL');
  });

  it('minimize closes the window', async () => {
    const { $ } = await chat();
    $('[aria-label="Minimize"]')!.click();
    await tick();
    expect($('#cw-win')!.hidden).toBe(true);
  });

  it('the menu is a keyboard-operable menu button', async () => {
    const { $, $$, root } = await chat();
    const button = $('[aria-haspopup=menu]')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.click();
    await tick();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe('cw-menu');
    const items = $$('[role=menuitem]');
    expect(items.map((i) => i.textContent)).toEqual(['Download transcript', 'End chat']);
    expect(root.activeElement).toBe(items[0]);
    key(items[0], 'ArrowDown');
    expect(root.activeElement).toBe(items[1]);
    key(items[1], 'ArrowDown');
    expect(root.activeElement).toBe(items[0]);
    key(items[0], 'Escape');
    await tick();
    expect($('[role=menu]')).toBeNull();
    expect(root.activeElement).toBe(button);
    expect($('#cw-win')!.hidden).toBe(false); // Escape closed the menu, not the window
  });

  it('"End chat" asks first; Cancel keeps the chat, confirming ends it', async () => {
    const { $, root, session } = await chat();
    const endItem = async () => {
      $('[aria-haspopup=menu]')!.click();
      await tick();
      $$item('End chat').click();
      await tick();
    };
    const $$item = (label: string) => Array.from(root.querySelectorAll<HTMLElement>('[role=menuitem]')).find((i) => i.textContent === label)!;
    await endItem();
    const dialog = $('[role=alertdialog]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(root.getElementById('cw-cf')!.textContent).toBe(en.endConfirm);
    expect(root.activeElement?.textContent).toBe('Cancel');
    root.activeElement!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await tick();
    expect($('[role=alertdialog]')).toBeNull();
    expect(session.called('end')).toHaveLength(0);
    await endItem();
    Array.from(root.querySelectorAll<HTMLElement>('.cw-card button')).find((b) => b.textContent === 'End chat')!.click();
    await tick();
    expect(session.called('end')).toHaveLength(1);
    expect(session.phase.value).toBe('ended');
    expect(root.querySelector('[role=menuitem]')).toBeNull();
  });

  it('"Download transcript" saves a text file of the conversation', async () => {
    const { $, root } = await chat();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (created.push(b as Blob), 'blob:x'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    $('[aria-haspopup=menu]')!.click();
    await tick();
    root.querySelector<HTMLElement>('[role=menuitem]')!.click();
    expect(clicks).toHaveBeenCalledTimes(1);
    expect(await created[0].text()).toMatch(/^Chat with us\n\n\[.*2024.*\] BOT: Hello!\n$/);
  });
});

describe('transcriptText', () => {
  it('writes one line per entry with time, name and plain text', () => {
    const t = (k: keyof typeof en, v?: Record<string, string | number>) => en[k].replace(/\{(\w+)\}/g, (_, x) => String(v?.[x]));
    const text = transcriptText(
      [
        agentMessage('**Hi** [docs](https://x.example)', { contentType: 'text/markdown', time: '2024-05-06T09:00:00.000Z' }),
        { ...agentMessage('x'), kind: 'attachment', attachmentId: 'a', name: 'f.pdf', contentType: 'application/pdf', status: 'APPROVED', own: true } as never,
      ],
      t,
      'en',
      'Support',
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('Support');
    expect(lines[2]).toMatch(/\] Ana: Hi docs$/);
    expect(lines[3]).toMatch(/\] You sent a file: f\.pdf$/);
  });
});

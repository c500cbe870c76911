// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttachmentEntry, MessageEntry, NoticeEntry, TranscriptEntry } from '../../chat/types';
import { agentMessage, FakeSession, iso } from '../testing/session';
import { setup, tick } from '../testing/mount';

let done: (() => void)[] = [];
afterEach(() => {
  done.forEach((f) => f());
  done = [];
});

async function open(entries: TranscriptEntry[], session = new FakeSession()) {
  session.resumable = true;
  session.transcript.value = entries;
  const w = await setup({}, { open: true }, session);
  done.push(w.cleanup);
  await tick();
  return w;
}

const T0 = Date.UTC(2024, 4, 6, 9, 0);
const own = (content: string, extra: Partial<TranscriptEntry> = {}) =>
  agentMessage(content, { own: true, role: 'CUSTOMER', participantId: 'me', displayName: 'Me', status: 'sent', ...extra } as never);
const notice = (event: NoticeEntry['event'], extra: Partial<NoticeEntry> = {}): NoticeEntry => ({
  kind: 'notice', id: `n-${event}-${Math.random()}`, time: iso(T0), participantId: 'agent-1', displayName: 'Ana', role: 'AGENT', own: false,
  event, contentType: `application/vnd.amazonaws.connect.event.${event}`, ...extra,
});

describe('transcript', () => {
  it('is a labelled role="log" that does not announce scrolling rows itself', async () => {
    const { $ } = await open([agentMessage('hi')]);
    const log = $('.cw-log')!;
    expect(log.getAttribute('role')).toBe('log');
    expect(log.getAttribute('aria-live')).toBe('off');
    expect(log.getAttribute('aria-label')).toBe('Conversation');
    expect(log.tabIndex).toBe(0);
  });

  it('styles own, agent and bot messages apart, names the first of a group, and separates days', async () => {
    const { $$ } = await open([
      agentMessage('one', { time: iso(T0) }),
      agentMessage('two', { time: iso(T0 + 60_000) }),
      agentMessage('bot says', { time: iso(T0 + 120_000), role: 'SYSTEM', participantId: 'bot', displayName: 'BotName' }),
      own('mine', { time: iso(T0 + 86_400_000 * 2) }),
    ]);
    const rows = $$('.cw-log > [data-key]');
    expect(rows.map((r) => r.className)).toEqual([
      'cw-day', 'cw-row cw-agent cw-first cw-avs', 'cw-row cw-agent cw-last cw-avs', 'cw-row cw-bot cw-first cw-last cw-avs', 'cw-day', 'cw-row cw-own cw-first cw-last',
    ]);
    expect($$('.cw-name').map((n) => n.textContent)).toEqual(['Ana', 'BotName']);
    // Grouped rows still tell screen readers who wrote them.
    expect(rows[2].querySelector('.cw-sr')?.textContent).toBe('Ana: ');
    expect(rows[5].querySelector('.cw-sr')?.textContent).toBe('You: ');
    // Time stamp under the last of a group; inside a group only the hover time; machine-readable datetime.
    expect(rows[1].querySelector('.cw-meta')).toBeNull();
    expect(rows[1].querySelector('.cw-line')?.getAttribute('data-time')).toMatch(/\d:\d\d/);
    expect(rows[2].querySelector('.cw-line')?.hasAttribute('data-time')).toBe(false);
    expect(rows[2].querySelector('.cw-meta time')?.getAttribute('datetime')).toBe(iso(T0 + 60_000));
    // Avatars beside the last bubble of each incoming group: the agent's initials, the bot's symbol.
    expect(rows[1].querySelector('.cw-av')).toBeNull();
    expect(rows[2].querySelector('.cw-av-agent')?.textContent).toBe('A');
    expect(rows[3].querySelector('.cw-av-bot svg')).not.toBeNull();
    expect(rows[5].querySelector('.cw-av')).toBeNull();
  });

  it('renders text/plain as text and text/markdown sanitized: no markup or script from the other side survives', async () => {
    const { $$ } = await open([
      agentMessage('<b>not bold</b> <img src=x onerror=alert(1)>'),
      agentMessage('**bold** [ok](https://example.com) [bad](javascript:alert(1)) <img src=x onerror=alert(1)> <script>alert(1)</script>', { contentType: 'text/markdown' }),
    ]);
    const [plain, md] = $$('.cw-bubble');
    expect(plain.querySelector('b, img')).toBeNull();
    expect(plain.textContent).toContain('<b>not bold</b>');
    // The renderer is fetched when the first markdown message shows (not when the window opens).
    await vi.waitFor(() => expect(md.querySelector('strong')?.textContent).toBe('bold'));
    expect(md.querySelector('img, script, [onerror]')).toBeNull();
    const links = Array.from(md.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/']);
    expect(links[0].getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0].getAttribute('target')).toBe('_blank');
  });

  it('hostile display names are text', async () => {
    const { $, root } = await open([agentMessage('x', { displayName: '<img src=x onerror=alert(1)>Eve' })]);
    expect($('.cw-name')!.textContent).toBe('<img src=x onerror=alert(1)>Eve');
    expect(root.querySelector('.cw-log img')).toBeNull();
  });

  it('own sends show sending, failed with Retry and Discard, and the receipt on the last own message only', async () => {
    const { $$, session } = await open([
      own('first', { id: 'a', time: iso(T0), receipt: 'read' }),
      own('second', { id: 'b', time: iso(T0 + 1000), receipt: 'delivered' }),
      agentMessage('reply', { time: iso(T0 + 2000) }),
      own('third', { id: 'local:c', time: iso(T0 + 3000), status: 'failed', error: 'network down' }),
      own('fourth', { id: 'local:d', time: iso(T0 + 4000), status: 'sending' }),
    ]);
    const metas = $$('.cw-meta').map((m) => m.textContent);
    expect(metas.some((m) => m!.includes('Read'))).toBe(false); // 'first' is not the last own message
    expect(metas.some((m) => m!.includes('Delivered'))).toBe(false); // neither is 'second'
    expect(metas.find((m) => m!.includes('Not sent'))).toContain('Retry');
    expect(metas.find((m) => m!.includes('Sending…'))).toBeTruthy();
    const [retry, discard] = $$('.cw-link');
    retry.click();
    discard.click();
    expect(session.called('retry')).toEqual([['local:c']]);
    expect(session.called('discard')).toEqual([['local:c']]);
  });

  it('shows Read / Delivered under the last own message', async () => {
    const { $$ } = await open([own('a', { id: 'a', receipt: 'delivered' }), own('b', { id: 'b', receipt: 'read', time: iso(Date.now() + 1) })]);
    expect($$('.cw-receipt').map((r) => r.textContent)).toEqual(['Read']);
  });

  it('renders notices in the visitor\'s words and hides the customer\'s own join', async () => {
    const { text } = await open([
      notice('joined', { own: true, displayName: 'Me', role: 'CUSTOMER', participantId: 'me' }),
      notice('joined'),
      notice('transfer-succeeded'),
      notice('ended'),
    ]);
    expect(text()).toContain('Ana joined the chat');
    expect(text()).not.toContain('You joined');
    expect(text()).toContain('You have been transferred');
    expect(text()).toContain('The chat has ended.');
  });

  it('shows who is typing', async () => {
    const { session, text } = await open([agentMessage('x')]);
    session.typing.value = [{ participantId: 'agent-1', displayName: 'Ana', role: 'AGENT' }];
    await tick();
    expect(text()).toContain('Ana is typing…');
    session.typing.value = [];
    await tick();
    expect(text()).not.toContain('is typing');
  });

  it('streaming messages grow in place and are marked busy', async () => {
    const { session, $$ } = await open([agentMessage('Hel', { id: 's1', streaming: true, role: 'SYSTEM' })]);
    const bubble = $$('.cw-bubble')[0];
    expect(bubble.getAttribute('aria-busy')).toBe('true');
    session.transcript.value = [{ ...(session.transcript.value[0] as MessageEntry), content: 'Hello there', streaming: false }];
    await tick();
    expect($$('.cw-bubble')[0]).toBe(bubble);
    expect(bubble.textContent).toContain('Hello there');
    expect(bubble.hasAttribute('aria-busy')).toBe(false);
  });

  it('attachments: images stay images (a Retry when the bytes cannot be had), other files as chips with type and size, REJECTED marked', async () => {
    const att = (id: string, name: string, contentType: string, status: AttachmentEntry['status']): AttachmentEntry => ({
      kind: 'attachment', id, time: iso(T0), participantId: 'agent-1', displayName: 'Ana', role: 'AGENT', own: false, attachmentId: 'att-' + id, name, contentType, status,
    });
    const { $, $$, session } = await open([
      att('1', 'photo.png', 'image/png', 'APPROVED'),
      att('2', 'report.pdf', 'application/pdf', 'APPROVED'),
      att('3', 'virus.exe.pdf', 'application/pdf', 'REJECTED'),
    ]);
    await tick(5);
    // This session has no bytes to give: the image keeps its place as an image, with Retry.
    const failed = $('.cw-imgfail')!;
    expect(failed.textContent).toContain('Image: photo.png');
    expect(failed.textContent).toContain('The image could not be loaded.');
    expect($$('.cw-file').map((c) => c.textContent)).not.toContain('photo.png');
    (failed.querySelector('button') as HTMLButtonElement).click();
    await tick(5);
    expect(session.called('attachmentBlob').filter((a) => a[0] === 'att-1')).toHaveLength(2);
    const card = $$('.cw-file').find((c) => c.textContent?.includes('report.pdf'))!;
    expect(card.getAttribute('aria-label')).toBe('Download report.pdf (PDF, 2 kB)');
    expect(card.querySelector('.cw-fdetail')!.textContent).toBe('PDF · 2 kB');
    const rejected = $('.cw-rej')!;
    expect(rejected.textContent).toContain('This file was rejected.');
    expect(rejected.tagName).toBe('DIV'); // not a download
    card.click();
    await tick();
    expect(session.called('attachment').map((a) => a[0])).toContain('att-2');
  });

  it('interactive messages get the visitor\'s language', async () => {
    const session = new FakeSession();
    session.resumable = true;
    session.transcript.value = [
      agentMessage(JSON.stringify({ templateType: 'QuickReply', version: '1.0', data: { content: { title: 'Wie war es?', elements: [{ title: 'Gut' }, { title: 'Schlecht' }] } } }), {
        contentType: 'application/vnd.amazonaws.connect.message.interactive',
      }),
    ];
    const w = await setup({ locale: 'de' }, { open: true }, session);
    done.push(w.cleanup);
    const log = w.$('.cw-log')!;
    // The templates chunk loads on first use; the title shows from the first render.
    expect(log.textContent).toContain('Wie war es?');
    const gut = await vi.waitFor(() => {
      const button = Array.from(log.querySelectorAll('button')).find((b) => b.textContent === 'Gut');
      if (!button) throw new Error('the quick reply has not rendered yet');
      return button;
      // Two chunks load first (the templates and the markdown renderer): give a busy machine time.
    }, { timeout: 10_000 });
    gut.click();
    await tick();
    expect(session.called('send')).toEqual([['Gut', 'text/plain']]);
    // Answered: collapsed with the answer, in German (the interactive strings from src/i18n).
    expect(log.textContent).toContain('Ihre Antwort: Gut');
  });

  it('renders only a window of 10,000 messages', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => agentMessage(`message ${i}`, { id: `x${i}`, time: iso(T0 + i * 1000), participantId: i % 3 ? 'a' : 'b' }));
    const { $, $$ } = await open(many);
    const rows = $$('.cw-log > [data-key]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(80);
    const shown = $('.cw-log')!.textContent!;
    expect(shown).toContain('message 9999'); // stuck to the bottom
    expect(shown).not.toContain('message 0');
  });

  it('marks the newest visible incoming message read while open and visible', async () => {
    const { session } = await open([agentMessage('a', { id: 'r1' }), agentMessage('b', { id: 'r2' })]);
    expect(session.called('markRead').map((a) => a[0])).toContain('r2');
  });

  it('while closed, what arrives is taken in on opening: shown, grouped, and the newest marked read', async () => {
    const { session, ctl, $, $$ } = await open([agentMessage('first', { id: 'c1', time: iso(T0) })]);
    ctl.close();
    await tick();
    const before = session.called('markRead').length;
    for (let i = 2; i <= 4; i++) {
      session.transcript.value = [...session.transcript.value, agentMessage(`later ${i}`, { id: `c${i}`, time: iso(T0 + i * 1000) })];
      await tick(1);
    }
    // Nothing is read while the window is closed.
    expect(session.called('markRead').length).toBe(before);
    ctl.open();
    await tick();
    const shown = $('.cw-log')!.textContent!;
    expect(shown).toContain('first');
    expect(shown).toContain('later 4');
    expect($$('.cw-log > [data-key]').map((r) => r.dataset.key)).toEqual([$$('.cw-day')[0].dataset.key, 'c1', 'c2', 'c3', 'c4']);
    expect($$('.cw-name').length).toBe(1); // one group: the name once
    expect(session.called('markRead').map((a) => a[0])).toContain('c4');
  });

  it('loads older history when the transcript does not fill the view', async () => {
    const session = new FakeSession();
    session.hasOlder.value = true;
    session.olderPages = [[agentMessage('older one', { id: 'o1', time: iso(T0 - 5000) })]];
    const { text } = await open([agentMessage('newest', { time: iso(T0) })], session);
    await tick(5);
    expect(session.called('loadOlder').length).toBeGreaterThan(0);
    expect(text()).toContain('older one');
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSession } from '../testing/session';
import { key, setup, tick, type } from '../testing/mount';

let done: (() => void)[] = [];
afterEach(() => {
  done.forEach((f) => f());
  done = [];
  localStorage.clear();
});
async function chat(options = {}, session = new FakeSession()) {
  session.resumable = true;
  const w = await setup(options, { open: true }, session);
  done.push(w.cleanup);
  await tick();
  return { ...w, ta: w.$<HTMLTextAreaElement>('.cw-ta')! };
}
/** Drafts the UI put in Web Storage itself (the Web Storage fallback it no longer has). */
const webStorageDrafts = () => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.endsWith(':draft'));

describe('composer', () => {
  it('Enter sends the trimmed text and clears the box; Shift+Enter does not send', async () => {
    const { ta, session } = await chat();
    type(ta, 'line one');
    key(ta, 'Enter', { shiftKey: true });
    expect(session.called('send')).toHaveLength(0);
    type(ta, '  hello there \n');
    key(ta, 'Enter');
    await tick();
    expect(session.called('send')).toEqual([['hello there', 'text/plain']]);
    expect(ta.value).toBe('');
  });

  it('the Send button sends too; empty text sends nothing', async () => {
    const { ta, $, session } = await chat();
    $('.cw-send')!.click();
    expect(session.called('send')).toHaveLength(0);
    type(ta, 'via button');
    await tick();
    $('.cw-send')!.click();
    expect(session.called('send')).toEqual([['via button', 'text/plain']]);
  });

  it('tells the session about typing on input', async () => {
    const { ta, session } = await chat();
    type(ta, 'a');
    type(ta, 'ab');
    expect(session.called('typingActivity')).toHaveLength(2);
  });

  it('shows the character count near the 1024 limit and refuses more', async () => {
    const { ta, $, session } = await chat();
    type(ta, 'x'.repeat(900));
    await tick();
    expect($('#cw-count')).toBeNull();
    type(ta, 'x'.repeat(1000));
    await tick();
    expect($('#cw-count')!.textContent).toBe('Characters left: 24');
    expect(ta.getAttribute('aria-describedby')).toBe('cw-count');
    type(ta, 'x'.repeat(1030));
    await tick();
    expect($('#cw-count')!.textContent).toBe('Too long by 6 characters.');
    expect(ta.getAttribute('aria-invalid')).toBe('true');
    expect($<HTMLButtonElement>('.cw-send')!.disabled).toBe(true);
    key(ta, 'Enter');
    expect(session.called('send')).toHaveLength(0);
    expect(ta.value).toHaveLength(1030); // nothing lost
  });

  it('keeps the draft across a reload (the session keeps it), and forgets it once sent', async () => {
    const first = await chat({ storageKey: 'draft-test' });
    type(first.ta, 'half-written thought');
    expect(first.session.draft.value).toBe('half-written thought');
    expect(webStorageDrafts()).toEqual([]);
    first.cleanup();
    done = [];
    // After the reload the session resumes the stored conversation with its draft.
    const resumed = new FakeSession();
    resumed.draft.value = first.session.draft.value;
    const second = await chat({ storageKey: 'draft-test' }, resumed);
    expect(second.ta.value).toBe('half-written thought');
    key(second.ta, 'Enter');
    expect(resumed.called('send')).toEqual([['half-written thought', 'text/plain']]);
    expect(resumed.draft.value).toBe('');
  });

  it("the draft is the session's: it goes there and follows it", async () => {
    const session = new FakeSession();
    session.draft.value = 'from another tab';
    const { ta } = await chat({}, session);
    expect(ta.value).toBe('from another tab');
    type(ta, 'mine now');
    expect(session.draft.value).toBe('mine now');
    expect(webStorageDrafts()).toEqual([]);
    session.draft.value = 'typed elsewhere';
    await tick();
    expect(ta.value).toBe('typed elsewhere');
  });

  it('persistence "none" keeps no draft in storage', async () => {
    const { ta, session } = await chat({ persistence: 'none' });
    type(ta, 'secret');
    expect(session.draft.value).toBe('secret'); // the session keeps it as its persistence says (memory)
    expect(webStorageDrafts()).toEqual([]);
  });

  it('after the end: disabled with the reason, transcript download and Start new chat', async () => {
    const { ta, $, $$, session } = await chat();
    session.setEnded();
    await tick();
    expect(ta.disabled).toBe(true);
    expect(ta.getAttribute('aria-describedby')).toBe('cw-ended');
    expect($('#cw-ended')!.textContent).toBe('This chat has ended. Start a new chat to write again.');
    expect($('.cw-comp .cw-icon[aria-label="Attach files"]')).toBeNull();
    const [dl, again] = $$('.cw-ended .cw-btn');
    expect(dl.textContent).toBe('Download transcript');
    again.click();
    await tick();
    expect(session.called('start')).toHaveLength(1);
  });

  it('files wait in the tray with their checks; Send uploads only the valid ones', async () => {
    const { ta, $, $$, ui, session } = await chat({ attachments: { maxSizeBytes: 10 } }).then((w) => ({ ...w, ui: w.ctl.ui }));
    const ok = new File(['hello'], 'note.txt', { type: 'text/plain' });
    const big = new File(['x'.repeat(20)], 'big.txt', { type: 'text/plain' });
    const exe = new File(['MZ'], 'tool.exe', { type: 'application/x-msdownload' });
    ui.addFiles([ok, big, exe]);
    await tick();
    const items = $$('.cw-tray li');
    expect(items.map((li) => li.textContent)).toEqual([
      'note.txt',
      'big.txtbig.txt is larger than 10 bytes.',
      'tool.exetool.exe is a file type that cannot be sent.',
    ]);
    $('.cw-send')!.click();
    await tick();
    expect(session.called('upload').map((a) => (a[0] as File).name)).toEqual(['note.txt']);
    // the upload now shows with progress and cancel; the bad files stay for the visitor to remove
    const progress = $<HTMLProgressElement>('.cw-tray progress')!;
    expect(progress.value).toBeCloseTo(0.4);
    expect(progress.getAttribute('aria-label')).toBe('Uploading note.txt');
    $('.cw-tray li:last-child .cw-icon')!.click();
    expect(session.called('cancelUpload')).toHaveLength(1);
    $<HTMLButtonElement>('[aria-label="Remove big.txt"]')!.click();
    await tick();
    expect($$('.cw-tray li').map((li) => li.textContent)).toEqual(['tool.exetool.exe is a file type that cannot be sent.']);
    expect(ta.value).toBe('');
  });

  it('pasting an image puts it in the tray', async () => {
    const { ta, $$ } = await chat();
    const img = new File([new Uint8Array([137, 80, 78, 71])], 'shot.png', { type: 'image/png' });
    const paste = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(paste, 'clipboardData', { value: { files: [img] } });
    ta.dispatchEvent(paste);
    await tick();
    expect(paste.defaultPrevented).toBe(true);
    expect($$('.cw-tray li').map((li) => li.textContent)).toEqual(['shot.png']);
  });

  it('dropping files on the window shows the drop zone, then adds them', async () => {
    const { $, $$ } = await chat();
    const win = $('#cw-win')!;
    const file = new File(['a'], 'a.pdf', { type: 'application/pdf' });
    const dt = { types: ['Files'], files: [file] };
    const ev = (name: string) => {
      const e = new Event(name, { bubbles: true, cancelable: true });
      Object.defineProperty(e, 'dataTransfer', { value: dt });
      return e;
    };
    win.dispatchEvent(ev('dragenter'));
    await tick();
    expect($('.cw-drop')!.textContent).toBe('Drop files to attach');
    win.dispatchEvent(ev('drop'));
    await tick();
    expect($('.cw-drop')).toBeNull();
    expect($$('.cw-tray li').map((li) => li.textContent)).toEqual(['a.pdf']);
  });

  it('attachments:false removes the file button and ignores drops', async () => {
    const { $ } = await chat({ attachments: false });
    expect($('[aria-label="Attach files"]')).toBeNull();
  });
});

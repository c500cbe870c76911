// The message box: Enter sends, Shift+Enter breaks the line, the count appears near the limit, each
// keystroke tells the session "typing" (it throttles), the draft survives reloads, files wait in the
// tray until Send. After the end it stays visible but disabled, with the reason and the next steps.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MESSAGE_MAX_LENGTH } from '../../config';
import { viewFreeTextReply } from '../interactive/replies';
import { latestIsView } from '../interactive/transcript';
import { downloadTranscript } from '../download';
import { EmojiButton } from '../emoji/emoji-button';
import { Icon } from '../icons';
import type { Ui } from '../state';
import { loadDraft, saveDraft, sessionDraft } from './draft';
import { Tray } from './tray';

const WARN_AT = MESSAGE_MAX_LENGTH - 100;

export function Composer({ ui }: { ui: Ui }) {
  const { t, session, config } = ui;
  const phase = session.phase.value;
  const ended = phase === 'ended';
  const kept = sessionDraft(ui);
  const [text, setText] = useState(() => (kept ? kept.draft.peek() : loadDraft(config)));
  const area = useRef<HTMLTextAreaElement>(null);
  // The session's draft arrives after the stored conversation loads, or from another tab.
  const stored = kept?.draft.value;
  useLayoutEffect(() => {
    if (stored !== undefined && stored !== (area.current?.value ?? text)) setText(stored);
  }, [stored]);
  const picker = useRef<HTMLInputElement>(null);
  const files = config.attachments.enabled && !ended;

  // Grow with the text up to a limit (CSSOM, which a strict CSP allows).
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight + 2, 160)}px`;
  }, [text]);

  const update = (v: string) => {
    setText(v);
    if (kept) kept.setDraft(v);
    else saveDraft(config, v);
  };

  const send = () => {
    if (ended || phase === 'idle' || phase === 'ending') return;
    // The box itself, not state: Enter may come before the last input's re-render.
    const body = (area.current?.value ?? text).trim();
    if (body.length > MESSAGE_MAX_LENGTH) return;
    const ready = ui.pending.peek().filter((p) => !p.error);
    for (const p of ready) session.upload(p.file, p.file.name);
    if (ready.length) ui.pending.value = ui.pending.peek().filter((p) => p.error);
    if (!body) return;
    const view = latestIsView(session.transcript.peek()) ? viewFreeTextReply(body) : null;
    // Clear the box itself too: keystrokes since the last render never reached Preact's state.
    if (area.current) area.current.value = '';
    update('');
    // A refusal (e.g. the chat ended meanwhile) puts the text back rather than losing it.
    session.send(view ? view.content : body, view ? view.contentType : 'text/plain').catch(() => setText((cur) => cur || body));
  };

  /** Puts `text` where the caret is (over the selection) and leaves the caret after it. */
  const insert = (text: string) => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setRangeText(text, el.selectionStart, el.selectionEnd, 'end');
    update(el.value);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  };

  const onPaste = (e: ClipboardEvent) => {
    const images = Array.from(e.clipboardData?.files ?? []).filter((f) => f.type.startsWith('image/'));
    if (images.length && files) {
      e.preventDefault();
      ui.addFiles(images);
    }
  };

  const len = text.trim().length;
  const over = len - MESSAGE_MAX_LENGTH;
  return (
    <div class="cw-comp">
      {ended && (
        <div class="cw-ended">
          <p id="cw-ended">{t('endedComposer')}</p>
          <div class="cw-btns">
            {config.transcriptDownload && (
              <button type="button" class="cw-btn" onClick={() => downloadTranscript(session.transcript.peek(), t, ui.locale.peek())}>
                {t('download')}
              </button>
            )}
            <button type="button" class="cw-btn cw-pri" onClick={() => (config.preChatForm ? (ui.form.value = true) : void ui.start(ui.formValues.peek()))}>
              {t('newChat')}
            </button>
          </div>
        </div>
      )}
      {!ended && <Tray ui={ui} />}
      <div class="cw-inrow">
        {files && (
          <>
            <button type="button" class="cw-icon" aria-label={t('attach')} onClick={() => picker.current?.click()}>
              <Icon name="clip" />
            </button>
            <input
              ref={picker}
              type="file"
              multiple
              hidden
              accept={config.attachments.acceptTypes.join(',')}
              onChange={(e) => {
                ui.addFiles(e.currentTarget.files ?? []);
                e.currentTarget.value = '';
              }}
            />
          </>
        )}
        {config.emojiPicker && !ended && <EmojiButton ui={ui} onPick={insert} onDone={() => area.current?.focus()} />}
        <textarea
          ref={area}
          class="cw-ta"
          rows={1}
          value={text}
          disabled={ended}
          aria-label={t('message')}
          aria-describedby={ended ? 'cw-ended' : len > WARN_AT ? 'cw-count' : undefined}
          aria-invalid={over > 0 ? 'true' : undefined}
          placeholder={ended ? t('ended') : t('placeholder')}
          onInput={(e) => {
            update(e.currentTarget.value);
            if (e.currentTarget.value) session.typingActivity();
          }}
          onKeyDown={onKey}
          onPaste={onPaste}
        />
        <button type="button" class="cw-icon cw-send" aria-label={t('send')} disabled={ended || over > 0} onClick={send}>
          <Icon name="send" flip />
        </button>
      </div>
      {len > WARN_AT && (
        <div id="cw-count" class={over > 0 ? 'cw-count cw-over' : 'cw-count'}>
          {over > 0 ? t('tooLong', { count: over }) : t('charsLeft', { count: -over })}
        </div>
      )}
    </div>
  );
}

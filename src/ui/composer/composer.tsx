// The message box: Enter sends, Shift+Enter breaks the line, the count appears near the limit, each
// keystroke tells the session "typing" (it throttles), the text is the session's draft (so it survives
// reloads), files wait in the tray until Send. After the end it stays visible but disabled, with the
// reason and the next steps.
//
// It never swallows what the visitor typed: a send goes out or is queued by the session, waits in the
// box for a chat that is on its way, or the text stays in the box and a note under it says why (the
// chat is ending, has not started, the send was refused). Text is counted in characters as the service counts them, and the box holds at most
// BOX_MAX_CHARS: a bigger paste is cut there, and the note says how much was left out.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { characterCount } from '../../chat/content-types';
import type { ChatErrorCode } from '../../chat/types';
import { MESSAGE_MAX_LENGTH } from '../../config';
import { viewFreeTextReply } from '../interactive/reply-view';
import { downloadTranscript } from '../download';
import { plainFileName } from '../content/file-name';
import { visitorMessage } from '../errors';
import { EmojiButton } from '../emoji/emoji-button';
import { Icon } from '../icons';
import type { Ui } from '../state';
import { BOX_MAX_CHARS, fitInsert } from './limits';
import { Tray } from './tray';

const WARN_AT = MESSAGE_MAX_LENGTH - 100;

/** The chat will start without the visitor doing more: no form to fill, no failed start to retry, not closed. */
const startComing = (ui: Ui): boolean => !ui.form.peek() && !ui.startFailed.peek() && !ui.closedStart.peek();

export function Composer({ ui }: { ui: Ui }) {
  const { t, session, config } = ui;
  const phase = session.phase.value;
  const ended = phase === 'ended';
  // The box shows the session's draft, the text's one owner: every edit goes there at once (the
  // signal changes synchronously, so the box never lags), and a draft that arrives later (the stored
  // conversation loading, another tab, the chunk behind the stand-in) shows without copying.
  const text = session.draft.value;
  const area = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const files = config.attachments.enabled && !ended;
  // Why the last send did not go out, or what a paste left out; cleared when the chat moves on.
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => setNote(null), [phase]);
  // Enter while the chat is on its way (its code still loading, a stored chat resuming, the start
  // about to run by itself): the text stays in the box and goes out once the chat has started.
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    if (!waiting || phase === 'idle') return;
    setWaiting(false);
    if (phase !== 'ended' && phase !== 'ending') send();
  }, [phase, waiting]);
  // The pre-chat form was just sent from the keyboard: the visitor's next keys are for this box.
  useLayoutEffect(() => {
    if (ui.focusComposer && area.current && !area.current.disabled) {
      ui.focusComposer = false;
      area.current.focus();
    }
  }, []);

  // Grow with the text up to a limit (CSSOM, which a strict CSP allows).
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight + 2, 160)}px`;
  }, [text]);

  const update = (v: string) => session.setDraft(v);

  const send = () => {
    if (ended) return;
    // The box itself, not state: Enter may come before the last input's re-render.
    const body = (area.current?.value ?? text).trim();
    const ready = ui.pending.peek().filter((p) => !p.error);
    if (!body && !ready.length) return;
    if (phase === 'idle' || phase === 'ending') {
      // Nothing can go out now: all of it stays, and the visitor is told why.
      const unusable = session.lastError.peek()?.code === 'config-invalid';
      if (phase === 'idle' && !unusable && startComing(ui)) {
        setWaiting(true);
        return;
      }
      setNote(t(phase === 'ending' ? 'endingKept' : unusable ? 'errConfig' : 'notStarted'));
      return;
    }
    if (characterCount(body) > MESSAGE_MAX_LENGTH) return; // the count under the box says by how much
    for (const p of ready) session.upload(p.file, plainFileName(p.file.name));
    if (ready.length) ui.pending.value = ui.pending.peek().filter((p) => p.error);
    if (!body) return;
    // A view is answered only once it shows, and it shows with the templates' chunk.
    const view = ui.transcript.loaded()?.latestIsView(session.transcript.peek()) ? viewFreeTextReply(body) : null;
    // Clear the box itself too: keystrokes since the last render never reached Preact's state.
    if (area.current) area.current.value = '';
    update('');
    setNote(null);
    // A refusal (e.g. the chat ended meanwhile, or the tab holding the chat did not answer) puts the
    // text back, unless the visitor has typed something new, and says why.
    session.send(view ? view.content : body, view ? view.contentType : 'text/plain').catch((error: unknown) => {
      if (!area.current?.value) {
        if (area.current) area.current.value = body;
        update(body);
      }
      setNote(visitorMessage((error as { code?: ChatErrorCode }).code ?? 'send-failed', t));
    });
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
      return;
    }
    // Only as much as the box holds goes in (a huge paste would freeze the page and fill the draft).
    const el = area.current;
    const pasted = e.clipboardData?.getData('text/plain') ?? '';
    if (!el || !pasted) return;
    const { selectionStart: from, selectionEnd: to, value } = el;
    const fit = fitInsert(pasted, characterCount(value) - characterCount(value.slice(from, to)));
    if (!fit.dropped) return;
    e.preventDefault();
    el.setRangeText(fit.text, from, to, 'end');
    update(el.value);
    setNote(t('pasteTrimmed', { max: BOX_MAX_CHARS, count: fit.dropped }));
  };

  /** Text that arrives another way than a paste (dropped, autofilled) is cut to what the box holds too. */
  const onInput = (el: HTMLTextAreaElement) => {
    let value = el.value;
    if (value.length > BOX_MAX_CHARS) {
      const fit = fitInsert(value, 0);
      if (fit.dropped) {
        value = el.value = fit.text;
        setNote(t('pasteTrimmed', { max: BOX_MAX_CHARS, count: fit.dropped }));
      }
    }
    update(value);
    if (value) session.typingActivity();
  };

  const len = characterCount(text.trim());
  const over = len - MESSAGE_MAX_LENGTH;
  return (
    <div class="cw-comp">
      {phase === 'wrapping-up' && (
        <div class="cw-ended">
          <p id="cw-wrap">{t('wrappingUp')}</p>
          <div class="cw-btns">
            <button type="button" class="cw-btn" onClick={() => void session.end().catch(() => {})}>
              {t('close')}
            </button>
          </div>
        </div>
      )}
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
          aria-describedby={ended ? 'cw-ended' : [note ? 'cw-note' : '', len > WARN_AT ? 'cw-count' : ''].filter(Boolean).join(' ') || undefined}
          aria-invalid={over > 0 ? 'true' : undefined}
          placeholder={ended ? t('ended') : t('placeholder')}
          onInput={(e) => onInput(e.currentTarget)}
          onKeyDown={onKey}
          onPaste={onPaste}
        />
        <button type="button" class="cw-icon cw-send" aria-label={t('send')} disabled={ended || over > 0} onClick={send}>
          <Icon name="send" flip />
        </button>
      </div>
      {note && !ended && (
        <div id="cw-note" class="cw-note" role="alert">
          {note}
        </div>
      )}
      {len > WARN_AT && (
        <div id="cw-count" class={over > 0 ? 'cw-count cw-over' : 'cw-count'}>
          {over > 0 ? t('tooLong', { count: over }) : t('charsLeft', { count: -over })}
        </div>
      )}
    </div>
  );
}

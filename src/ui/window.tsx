// The chat window: header, then the pre-chat form or the conversation; the end-chat confirmation,
// the drop zone for files, keyboard handling (Escape closes; Tab stays inside a modal layer).
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { underWay } from '../chat/phase';
import { LazyAway } from './away-lazy';
import { Banner } from './banner';
import { visitorMessage } from './errors';
import { Composer } from './composer/composer';
import { Header } from './header';
import { LazyPart } from './lazy-part';
import { LazyPreChat } from './prechat-lazy';
import type { Ui } from './state';

const FOCUSABLE = 'button:not([disabled]),textarea:not([disabled]),input:not([disabled]):not([hidden]),select,a[href],[tabindex="0"]';

/** Keeps Tab inside `layer` (the confirmation, or the whole window when it fills the screen). */
function trap(e: KeyboardEvent, layer: HTMLElement) {
  const all = Array.from(layer.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null || el === document.activeElement);
  if (!all.length) return;
  const root = layer.getRootNode() as ShadowRoot | Document;
  const first = all[0];
  const last = all[all.length - 1];
  if (e.shiftKey && root.activeElement === first) (last.focus(), e.preventDefault());
  else if (!e.shiftKey && root.activeElement === last) (first.focus(), e.preventDefault());
}

export function Window({ ui, close }: { ui: Ui; close: () => void }) {
  const { t, session } = ui;
  const open = ui.open.value;
  const ref = useRef<HTMLElement>(null);
  const [drag, setDrag] = useState(false);
  const canDrop = ui.config.attachments.enabled && !ui.form.value && session.phase.value !== 'ended';

  const onKey = (e: KeyboardEvent) => {
    const modal = ref.current?.querySelector<HTMLElement>('.cw-modal');
    if (e.key === 'Escape') {
      e.preventDefault();
      if (modal) ui.confirmEnd.value = false;
      else close();
    } else if (e.key === 'Tab') {
      const full = typeof matchMedia === 'function' && matchMedia('(max-width: 480px)').matches;
      if (modal || full) trap(e, modal ?? ref.current!);
    }
  };
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
  const onDrag = (e: DragEvent) => {
    if (!canDrop || !hasFiles(e)) return;
    e.preventDefault();
    if (e.type === 'dragleave') {
      if (!ref.current?.contains(e.relatedTarget as Node)) setDrag(false);
    } else setDrag(true);
  };
  const onDrop = (e: DragEvent) => {
    setDrag(false);
    if (!canDrop || !hasFiles(e)) return;
    e.preventDefault();
    ui.addFiles(e.dataTransfer!.files);
  };

  return (
    <section
      ref={ref}
      id="cw-win"
      class="cw-win"
      role="dialog"
      aria-labelledby="cw-title"
      hidden={!open}
      onKeyDown={onKey}
      onDragEnter={onDrag}
      onDragOver={onDrag}
      onDragLeave={onDrag}
      onDrop={onDrop}
    >
      <Header ui={ui} close={close} />
      <div class="cw-body">
        <Banner ui={ui} />
        {checkingHours(ui) ? (
          <div class="cw-center" aria-busy="true" />
        ) : showAway(ui) ? (
          <LazyAway ui={ui} />
        ) : ui.form.value ? (
          <LazyPreChat ui={ui} />
        ) : (
          <Chat ui={ui} />
        )}
      </div>
      {drag && <div class="cw-drop">{t('dropFiles')}</div>}
      {ui.confirmEnd.value && <Confirm ui={ui} />}
    </section>
  );
}

/** The hours are being checked for the first time and no chat is under way: neither form nor chat yet. */
const checkingHours = (ui: Ui): boolean => ui.availability.value.status === 'checking' && ui.session.phase.value === 'idle';

/** Closed hours and no chat under way (or a new one was asked for): the away view, not the chat. */
function showAway(ui: Ui): boolean {
  const phase = ui.session.phase.value;
  return ui.availability.value.status === 'closed' && !underWay(phase) && (phase === 'idle' || ui.closedStart.value);
}

function Chat({ ui }: { ui: Ui }) {
  const { t, session } = ui;
  const phase = session.phase.value;
  // Until the chat has something from the service, the start's progress (or failure) shows; sends
  // waiting for it (queued, or carried over from an ended chat) show once it is there.
  const waiting = (phase === 'idle' || phase === 'starting') && session.transcript.value.every((e) => e.id.startsWith('local:'));
  const err = session.lastError.value;
  // Options that cannot work: retrying cannot help, the site owner must fix them (the console says how).
  const unusable = err?.code === 'config-invalid';
  return (
    <>
      {waiting && !ui.startFailed.value && <div class="cw-bar" aria-hidden="true" />}
      {waiting ? (
        <div class="cw-center">
          {ui.startFailed.value && unusable ? (
            <p role="alert">{t('errConfig')}</p>
          ) : ui.startFailed.value ? (
            <>
              <p role="alert">{t(navigator.onLine === false ? 'offline' : 'startFailed')}</p>
              <button class="cw-btn cw-pri" onClick={() => void ui.start(ui.formValues.peek())}>
                {t('retry')}
              </button>
            </>
          ) : (
            <p role="status">{t('starting')}</p>
          )}
        </div>
      ) : (
        // The message list comes with the session (in the script-tag widget, in its chunk: ui.transcript),
        // so it is there once the chat has anything to show.
        <LazyPart ui={ui} part={ui.transcript} render={({ Transcript }) => <Transcript ui={ui} />} />
      )}
      {err && err.code !== 'start-failed' && err.code !== 'message-empty' && !unusable && (
        <div class="cw-alert" role="alert">
          <span>{visitorMessage(err.code, t)}</span>
          <button class="cw-link" onClick={() => session.clearError()}>
            {t('dismiss')}
          </button>
        </div>
      )}
      <Composer ui={ui} />
    </>
  );
}

function Confirm({ ui }: { ui: Ui }) {
  const { t } = ui;
  const cancel = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => cancel.current?.focus(), []);
  return (
    <div class="cw-modal">
      <div class="cw-card" role="alertdialog" aria-modal="true" aria-labelledby="cw-cf">
        <p id="cw-cf">{t('endConfirm')}</p>
        <div class="cw-btns">
          <button ref={cancel} class="cw-btn" onClick={() => (ui.confirmEnd.value = false)}>
            {t('cancel')}
          </button>
          <button
            class="cw-btn cw-danger"
            onClick={() => {
              ui.confirmEnd.value = false;
              void ui.session.end().catch(() => {});
            }}
          >
            {t('endChat')}
          </button>
        </div>
      </div>
    </div>
  );
}

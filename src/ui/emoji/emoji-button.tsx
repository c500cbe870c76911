// The composer's emoji button. The picker (emoji-picker.tsx) and its data (emoji-data.ts) are two
// chunks loaded in parallel on the first click, never before: opening the widget costs only this
// button. A failed load is reported on the button and tried again on the next click.
import { useEffect, useRef, useState } from 'preact/hooks';
import { addLateStyles } from '../late-styles';
import { Icon } from '../icons';
import type { Ui } from '../state';
import { loadPrefs, savePrefs } from './prefs';
import { importAgain } from '../import-again';

type Loaded = { module: typeof import('./emoji-picker'); data: string };
let loaded: Loaded | undefined;
let loading: Promise<Loaded> | undefined;

const importPicker = importAgain(() => import('./emoji-picker'));
const importData = importAgain(() => import('./emoji-data'));

function loadPicker(): Promise<Loaded> {
  loading ??= Promise.all([importPicker(), importData()]).then(
    ([module, data]) => {
      addLateStyles(module.styles);
      return (loaded = { module, data: data.default });
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export function EmojiButton({ ui, onPick, onDone }: { ui: Ui; onPick: (emoji: string) => void; onDone: () => void }) {
  const { t } = ui;
  const [open, setOpen] = useState(false);
  const [picker, setPicker] = useState(loaded);
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const [prefs, setPrefs] = useState(() => loadPrefs(ui.config));
  const wrap = useRef<HTMLSpanElement>(null);

  // A click or tap anywhere else closes it (focus stays where the visitor put it).
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (wrap.current && !e.composedPath().includes(wrap.current)) setOpen(false);
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [open]);

  const toggle = () => {
    if (open) return setOpen(false);
    setOpen(true);
    if (picker) return;
    setState('loading');
    loadPicker().then(
      (p) => (setPicker(p), setState('idle')),
      () => (setOpen(false), setState('failed')),
    );
  };
  const close = () => {
    setOpen(false);
    onDone();
  };
  return (
    <span ref={wrap} class="cw-emowrap">
      <button
        type="button"
        class="cw-icon"
        aria-label={state === 'failed' ? `${t('emoji')}: ${t('error')}` : t('emoji')}
        aria-haspopup="dialog"
        aria-expanded={open && !!picker}
        aria-busy={state === 'loading' ? 'true' : undefined}
        onClick={toggle}
      >
        <Icon name="smile" />
      </button>
      {open && picker && (
        <picker.module.EmojiPicker
          ui={ui}
          data={picker.data}
          prefs={prefs}
          onPrefs={(next) => {
            savePrefs(ui.config, next);
            setPrefs(next);
          }}
          onClose={close}
          onPick={(emoji) => {
            setOpen(false);
            onPick(emoji);
          }}
        />
      )}
    </span>
  );
}

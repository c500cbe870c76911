// Window header: logo, title, subtitle, the options menu (a WAI-ARIA menu button) and minimize.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { safeImageSrc } from './content/url';
import { downloadTranscript } from './download';
import { Icon } from './icons';
import type { Ui } from './state';

export function Header({ ui, close }: { ui: Ui; close: () => void }) {
  const { t, config } = ui;
  const logo = config.theme.logoUrl && safeImageSrc(new URL(config.theme.logoUrl, location.href).href);
  return (
    <div class="cw-head">
      {logo && <img class="cw-logo" src={logo} alt={config.theme.logoAlt} />}
      <div class="cw-titles">
        <h2 id="cw-title">{t('title')}</h2>
        <p>{t('subtitle')}</p>
      </div>
      <Menu ui={ui} />
      <button class="cw-icon" aria-label={t('minimize')} onClick={close}>
        <Icon name="down" />
      </button>
    </div>
  );
}

function Menu({ ui }: { ui: Ui }) {
  const { t, session, config } = ui;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const phase = session.phase.value;
  const items: [string, () => void][] = [];
  if (config.transcriptDownload && session.transcript.value.length)
    items.push([t('download'), () => downloadTranscript(session.transcript.peek(), t, ui.locale.peek())]);
  if (phase === 'active' || phase === 'starting') items.push([t('endChat'), () => (ui.confirmEnd.value = true)]);

  useLayoutEffect(() => {
    if (open) list.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }, [open]);
  if (!items.length) return null;

  const shut = (focus: boolean) => {
    setOpen(false);
    if (focus) button.current?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const all = Array.from(list.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? []);
    const i = all.indexOf(e.target as HTMLElement);
    const go = (j: number) => all[(j + all.length) % all.length]?.focus();
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(-1);
    else if (e.key === 'Escape') shut(true);
    else if (e.key === 'Tab') return shut(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div
      class="cw-menuwrap"
      onFocusOut={(e) => {
        if (open && !(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={button}
        class="cw-icon"
        aria-label={t('menu')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'cw-menu' : undefined}
        onClick={() => setOpen(!open)}
      >
        <Icon name="more" />
      </button>
      {open && (
        <div ref={list} id="cw-menu" role="menu" aria-label={t('menu')} class="cw-menu" onKeyDown={onKey}>
          {items.map(([label, run]) => (
            <button
              key={label}
              role="menuitem"
              tabIndex={-1}
              class="cw-mi"
              onClick={() => {
                shut(true);
                run();
              }}
            >
              {label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

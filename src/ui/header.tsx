// Window header: logo, title, subtitle (or the agent's avatar and name once one joined), the options
// menu (a WAI-ARIA menu button) and minimize.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Avatar } from './avatar';
import { safeImageSrc } from './content/url';
import { downloadTranscript } from './download';
import { Icon } from './icons';
import type { Ui } from './state';
import { currentAgent } from './transcript/who';

export function Header({ ui, close }: { ui: Ui; close: () => void }) {
  const { t, config } = ui;
  const logo = config.theme.logoUrl && safeImageSrc(new URL(config.theme.logoUrl, location.href).href);
  // Once an agent joins, the header says who the visitor talks to (the window keeps its title as its name).
  // Read only while open: a closed window re-derives nothing per message.
  const agent = ui.open.value ? currentAgent(ui.session.transcript.value) : null;
  return (
    <div class="cw-head">
      {agent ? config.avatars.enabled && <Avatar ui={ui} kind="agent" name={agent.displayName} size="lg" /> : logo && <img class="cw-logo" src={logo} alt={config.theme.logoAlt} />}
      <div class="cw-titles">
        {agent ? (
          <>
            <h2 class="cw-who" dir="auto">
              {agent.displayName || t('agent')}
            </h2>
            <p id="cw-title">{t('title')}</p>
          </>
        ) : (
          <>
            <h2 id="cw-title">{t('title')}</h2>
            <p>{t('subtitle')}</p>
          </>
        )}
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
  // [label, action, disabled]
  const items: [string, () => void, boolean?][] = [];
  if (config.transcriptDownload && session.transcript.value.length)
    items.push([t('download'), () => downloadTranscript(session.transcript.peek(), t, ui.locale.peek())]);
  const desktop = ui.desktop.value;
  const permission = desktop?.permission() ?? 'unsupported';
  // Blocked in the browser: the item says so and what to do (the page cannot ask again).
  if (permission === 'denied') items.push([t('notifyBlocked'), () => {}, true]);
  else if (desktop && permission !== 'unsupported') {
    const on = desktop.on && permission === 'granted';
    items.push([t(on ? 'notifyOff' : 'notifyOn'), () => void desktop.set(!on)]);
  }
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
          {items.map(([label, run, disabled]) => (
            <button
              key={label}
              role="menuitem"
              tabIndex={-1}
              class="cw-mi"
              aria-disabled={disabled ? 'true' : undefined}
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

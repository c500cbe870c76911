// The round button in the corner: opens and closes the window, shows the unread count, and while
// chat is closed (config.availability) a grey dot and "we're away" (or nothing, with whenClosed 'hide').
// Its look (icon, shape, motion) is look.ts's, the same as the launcher drawn before the widget loads.
import { underWay } from '../chat/phase';
import { CHAT_ICON, CLOSE_ICON } from './look';
import type { Ui } from './state';

const glyph = (d: string) => (
  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d={d} />
  </svg>
);

export function Launcher({ ui, toggle }: { ui: Ui; toggle: () => void }) {
  if (!ui.launcher.value) return null;
  const { t } = ui;
  const open = ui.open.value;
  const n = ui.unread.value;
  const hours = ui.availability.value.status;
  const noChat = !underWay(ui.session.phase.value);
  const away = noChat && hours === 'closed';
  // whenClosed 'hide': no launcher while closed, nor before the hours are known (a chat under way keeps it).
  if (noChat && (hours === 'closed' || hours === 'checking') && ui.config.whenClosed === 'hide' && !open) return null;
  const label = open ? t('closeChat') : n ? `${t('openChat')}. ${t('unread', { count: n })}` : away ? `${t('openChat')}. ${t('away')}` : t('openChat');
  return (
    <button id="cw-launch" class={away ? 'cw-launch cw-away' : 'cw-launch'} aria-expanded={open} aria-controls="cw-win" aria-label={label} onClick={toggle}>
      {glyph(CHAT_ICON)}
      {glyph(CLOSE_ICON)}
      {away && !open && <span class="cw-dot" aria-hidden="true" />}
      {n > 0 && !open && (
        <span class="cw-badge" aria-hidden="true">
          {n > 99 ? '99+' : n}
        </span>
      )}
    </button>
  );
}

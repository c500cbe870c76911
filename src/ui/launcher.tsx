// The round button in the corner: opens and closes the window, shows the unread count.
import { Icon } from './icons';
import type { Ui } from './state';

export function Launcher({ ui, toggle }: { ui: Ui; toggle: () => void }) {
  if (!ui.launcher.value) return null;
  const { t } = ui;
  const open = ui.open.value;
  const n = ui.unread.value;
  const label = open ? t('closeChat') : n ? `${t('openChat')}. ${t('unread', { count: n })}` : t('openChat');
  return (
    <button id="cw-launch" class="cw-launch" aria-expanded={open} aria-controls="cw-win" aria-label={label} onClick={toggle}>
      <Icon name={open ? 'down' : 'chat'} />
      {n > 0 && !open && (
        <span class="cw-badge" aria-hidden="true">
          {n > 99 ? '99+' : n}
        </span>
      )}
    </button>
  );
}

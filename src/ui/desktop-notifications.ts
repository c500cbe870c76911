// Desktop notifications, opt-in twice: the site offers them (the `notifications` option; then this
// chunk loads, see desktop-notify.ts) and the visitor turns them on in the menu. That click is the
// user gesture the browser's permission prompt needs, so the page never asks by itself. The choice
// holds for every tab of the site (a switch in one tab reaches the others). A message that arrives
// while the page is hidden shows one notification, from the tab that holds the conversation only,
// and once across tabs (a tab that takes the chat over catches up on messages the one before it
// showed). One at a time per chat: each new one replaces the last (the same tag). A click on it
// brings the tab forward and opens the chat; coming back to the page closes what is still shown.
import type { TranscriptEntry } from '../chat/types';
import type * as Prefs from './prefs';
import type { DesktopNotifications, Ui } from './state';
import type * as Notices from './transcript/notices';

export interface DesktopKit {
  loadPref: typeof Prefs.loadPref;
  savePref: typeof Prefs.savePref;
  onPrefChange: typeof Prefs.onPrefChange;
  nameOf: typeof Notices.nameOf;
  textOf: typeof Notices.textOf;
}

const permission = (): NotificationPermission | 'unsupported' =>
  typeof Notification === 'undefined' || !globalThis.isSecureContext ? 'unsupported' : Notification.permission;
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isNumber = (v: unknown): v is number => typeof v === 'number';

function iconOf(ui: Ui, e: TranscriptEntry): string | undefined {
  const url = ui.config.avatars.enabled ? ui.config.avatars[e.role === 'AGENT' || e.role === 'SUPERVISOR' ? 'agent' : 'bot'] : undefined;
  try {
    return url ? new URL(url, location.href).href : undefined;
  } catch {
    return undefined;
  }
}

/** Publishes the menu's switch on `ui.desktop` and shows notifications from now on; returns the stop. */
export function startDesktop(ui: Ui, open: () => void, kit: DesktopKit): () => void {
  const { config } = ui;
  const publish = (on: boolean) => (ui.desktop.value = { on, permission, set } satisfies DesktopNotifications);
  async function set(on: boolean): Promise<void> {
    let granted = on && permission() === 'granted';
    if (on && permission() === 'default') {
      try {
        granted = (await Notification.requestPermission()) === 'granted';
      } catch {
        granted = false;
      }
    }
    kit.savePref(config, 'notify', granted);
    publish(granted);
  }
  const stored = () => kit.loadPref(config, 'notify', false, isBool);
  publish(stored());

  const shown = new Set<Notification>();
  const closeAll = () => {
    shown.forEach((n) => n.close());
    shown.clear();
  };
  const onVisible = () => document.visibilityState === 'visible' && closeAll();
  document.addEventListener('visibilitychange', onVisible);
  const offPref = kit.onPrefChange(config, 'notify', () => publish(stored()));

  const offMessage = ui.session.on('message', (e) => {
    if (e.own || e.kind === 'notice') return;
    if (!ui.desktop.peek()?.on || !ui.leader.peek() || document.visibilityState !== 'hidden' || permission() !== 'granted') return;
    const at = Date.parse(e.time);
    if (!(at > kit.loadPref(config, 'notified', 0, isNumber))) return;
    kit.savePref(config, 'notified', at);
    try {
      const n = new Notification(kit.nameOf(e, ui.t), {
        body: kit.textOf(e, ui.t).slice(0, 240),
        tag: `connect-chat:${config.storageKey}`,
        icon: iconOf(ui, e),
        lang: ui.locale.peek(),
      });
      shown.add(n);
      n.onclose = () => shown.delete(n);
      n.onclick = () => {
        window.focus();
        open();
        n.close();
      };
    } catch {
      // Some browsers (Android Chrome) allow notifications only from a service worker: nothing to show.
    }
  });

  return () => {
    offMessage();
    offPref();
    document.removeEventListener('visibilitychange', onVisible);
    closeAll();
    ui.desktop.value = null;
  };
}

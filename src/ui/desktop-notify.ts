// Desktop notifications (the Notification API), offered when the site sets the `notifications`
// option. Everything about them is a chunk of its own (desktop-notifications.ts), loaded when the
// widget mounts on such a site; what it needs of the widget's own code is handed to it, so the
// chunk shares nothing with the opening path. Without the option (the default) nothing loads and
// the menu offers nothing.
import { onPrefChange, loadPref, savePref } from './prefs';
import type { Ui } from './state';
import { nameOf, textOf } from './transcript/notices';

/** Starts them when offered; `open` opens the chat window (a click on a notification does). Returns the unsubscribe. */
export function watchDesktop(ui: Ui, open: () => void): () => void {
  if (!ui.config.notifications || typeof Notification === 'undefined') return () => {};
  let stop: (() => void) | undefined;
  let gone = false;
  import('./desktop-notifications').then(
    (m) => void (gone || (stop = m.startDesktop(ui, open, { loadPref, savePref, onPrefChange, nameOf, textOf }))),
    () => {}, // the chunk did not load (offline at mount): the menu offers none this time
  );
  return () => {
    gone = true;
    stop?.();
  };
}

// The whole widget: window, launcher and the polite live region for new messages.
import { InteractiveStringsContext } from './interactive/strings-context';
import { Launcher } from './launcher';
import type { Ui } from './state';
import { Window } from './window';

export function App({ ui, toggle, close }: { ui: Ui; toggle: () => void; close: () => void }) {
  return (
    // data-ready: the stored chat was resumed (or not) and the window reopened if it was open before a
    // reload (reopen.ts); from then on the launcher toggles the window the visitor sees.
    <div class={ui.open.value ? 'cw cw-open' : 'cw'} dir={ui.dir.value} lang={ui.locale.value} data-ready={ui.resumed.value ? '' : undefined}>
      <InteractiveStringsContext.Provider value={{ strings: ui.imStrings.value, locale: ui.locale.value }}>
        <Window ui={ui} close={close} />
      </InteractiveStringsContext.Provider>
      <Launcher ui={ui} toggle={toggle} />
      <div class="cw-sr" aria-live="polite">
        {ui.announcements.value.map((a) => (
          <p key={a.id}>{a.text}</p>
        ))}
      </div>
    </div>
  );
}

// What a tab shows, read from its DOM (never from the widget's API): the whole transcript (the list is
// windowed, so the log is scrolled through from top to bottom and back), the message box, and the end
// and pre-chat states.
import type { Page } from '@playwright/test';

export interface ShownRow {
  key: string;
  own: boolean;
  text: string;
  /** 'sending' / 'failed' for own messages not (yet) confirmed. */
  status: 'sending' | 'failed' | null;
}

export interface TabView {
  /** The widget is on the page at all. */
  present: boolean;
  windowOpen: boolean;
  form: boolean;
  ended: boolean;
  rows: ShownRow[];
  composer: string | null;
  /** Visible texts that explain a problem (alerts, the banner, the counter when over, failed marks). */
  explanations: string[];
  /** Every visible text of the window (for checks on what a visitor must never read). */
  windowText: string;
}

export async function viewOf(page: Page): Promise<TabView> {
  return page.evaluate(async () => {
    const root = [...document.querySelectorAll('*')].map((e) => e.shadowRoot).find((r) => r?.querySelector('#cw-win')) ?? null;
    const empty = { present: false, windowOpen: false, form: false, ended: false, rows: [], composer: null, explanations: [], windowText: '' };
    if (!root) return empty;
    const win = root.querySelector<HTMLElement>('#cw-win')!;
    const shown = (el: Element | null): el is HTMLElement => !!el && (el as HTMLElement).offsetParent !== null;
    const box = root.querySelector<HTMLTextAreaElement>('.cw-ta');
    const base = {
      present: true,
      windowOpen: !win.hidden,
      form: shown(root.querySelector('.cw-form')),
      ended: shown(root.querySelector('.cw-ended')),
      composer: box ? box.value : null,
      explanations: [...root.querySelectorAll('[role=alert], .cw-banner, .cw-count.cw-over, .cw-fail')]
        .filter(shown)
        .map((e) => e.textContent?.trim() ?? '')
        .filter(Boolean),
      windowText: win.hidden ? '' : win.innerText,
    };
    const log = root.querySelector<HTMLElement>('[role=log]');
    if (!log || win.hidden) return { ...base, rows: [] };
    const rows = new Map<string, { key: string; own: boolean; text: string; status: 'sending' | 'failed' | null }>();
    const collect = () => {
      for (const el of log.querySelectorAll<HTMLElement>(':scope > [data-key]')) {
        const body = el.querySelector('.cw-bubble, .cw-att, .cw-notice p') ?? el;
        const meta = el.querySelector('.cw-meta')?.textContent ?? '';
        rows.set(el.dataset.key!, {
          key: el.dataset.key!,
          own: el.classList.contains('cw-own'),
          text: body.textContent ?? '',
          status: el.querySelector('.cw-fail') ? 'failed' : /Sending/.test(meta) ? 'sending' : null,
        });
      }
    };
    const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    if (log.scrollHeight > log.clientHeight + 1) {
      log.scrollTop = 0;
      await frame();
      collect();
      for (let i = 0; i < 500 && log.scrollTop + log.clientHeight < log.scrollHeight - 1; i++) {
        log.scrollTop += Math.max(100, log.clientHeight - 40);
        await frame();
        collect();
      }
      // Back to the newest, where the visitor of a journey always is (no step scrolls up to read):
      // rows measured on the way change the list's height, so until the end stays put.
      for (let i = 0; i < 20 && log.scrollHeight - log.scrollTop - log.clientHeight > 1; i++) {
        log.scrollTop = log.scrollHeight;
        await frame();
      }
    }
    collect();
    return { ...base, rows: [...rows.values()] };
  });
}

/**
 * True once `text` is somewhere in the site's storage (IndexedDB of the widget, or Web Storage): a
 * typed draft has been kept. Read straight from storage, as the next page load would.
 */
export function storedSomewhere(page: Page, text: string): Promise<boolean> {
  return page.evaluate(async (needle) => {
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) if (storage.getItem(storage.key(i)!)?.includes(needle)) return true;
    }
    if (!(await indexedDB.databases()).some((d) => d.name === 'connect-chat-widget')) return false;
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('connect-chat-widget');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    try {
      if (!db.objectStoreNames.contains('kv')) return false;
      const values = await new Promise<unknown[]>((ok, fail) => {
        const r = db.transaction('kv').objectStore('kv').getAll();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      return values.some((v) => JSON.stringify(v)?.includes(needle));
    } finally {
      db.close();
    }
  }, text);
}

// The transcript: a windowed list (only rows near the viewport are in the DOM, heights measured
// with a ResizeObserver), stuck to the bottom while the visitor is there, anchored to the row they
// look at otherwise (older history prepended, images loading, streaming messages growing), with a
// "new messages" button when they are scrolled up, and read receipts for what is actually seen.
//
// role="log" with aria-live="off": rows enter and leave the DOM while scrolling, which a live log
// would read out. New messages are announced through the separate polite region instead (notify.ts).
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TranscriptEntry } from '../../chat/types';
import { interactivePart } from '../interactive/lazy';
import type { InteractiveStates } from '../interactive/transcript';
import { isInteractive, visibleEntries } from '../interactive/visible';
import type { Ui } from '../state';
import { appendedSince, playArrivals } from './arrivals';
import { RowView } from './entry';
import { hiddenNotice } from './notices';
import { buildRows } from './rows';
import { prefixSums, rowAt, visibleRange } from './windowing';

const OVERSCAN = 600;
const EST_ROW = 64;
const EST_DAY = 36;
const NEAR_BOTTOM = 48;

function authPendingId(entries: readonly TranscriptEntry[]): string | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.kind !== 'notice' || !e.event.startsWith('authentication-')) continue;
    return e.event === 'authentication-initiated' ? e.id : null;
  }
  return null;
}

const NO_STATES: InteractiveStates = { actionableId: null, answers: new Map(), replies: new Map() };

/** The templates' chunk once `wanted` (an interactive message is in the transcript) and loaded. */
function useInteractive(wanted: boolean) {
  const [module, setModule] = useState(interactivePart.loaded());
  useEffect(() => {
    if (!wanted || module) return undefined;
    let live = true;
    interactivePart.load().then(
      (m) => live && setModule(() => m),
      () => {}, // the message itself says it cannot be shown, and tries again (interactive/lazy.tsx)
    );
    return () => {
      live = false;
    };
  }, [wanted, module]);
  return module;
}

export function Transcript({ ui }: { ui: Ui }) {
  const { session, t } = ui;
  const open = ui.open.value;
  // The window stays mounted (hidden) while closed. Reading the transcript signal only while open
  // means messages arriving then re-render and re-derive nothing; opening catches up in one pass
  // (the "new messages" count below works from the last id seen, so a batch counts the same).
  const seen = useRef<readonly TranscriptEntry[]>(session.transcript.peek());
  if (open) seen.current = session.transcript.value;
  const entries = seen.current;
  const shown = useMemo(() => visibleEntries(entries).filter((e) => e.kind !== 'notice' || !hiddenNotice(e)), [entries]);
  const locale = ui.locale.value;
  // Which interactive message is live and what was answered: worked out by the templates' chunk, there
  // once an interactive message shows (until then, none is live; own replies read as sent).
  const im = useInteractive(useMemo(() => entries.some(isInteractive), [entries]));
  const states = useMemo(() => (im ? im.interactiveStates(entries, { locale }) : NO_STATES), [entries, locale, im]);
  const authPending = useMemo(() => authPendingId(entries), [entries]);
  const rows = useMemo(() => buildRows(shown), [shown]);
  // Row index by key, for keeping a scrolled-up visitor's place. Built on first use: at the bottom
  // (where new messages arrive) it is never needed.
  const index = useMemo(() => {
    let map: Map<string, number> | undefined;
    return (key: string) => (map ??= new Map(rows.map((r, i) => [r.key, i]))).get(key);
  }, [rows]);

  const ref = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>()).current;
  const [ver, setVer] = useState(0);
  const [, setTick] = useState(0);
  const [fresh, setFresh] = useState(0);
  // Mutable view state read by event handlers; changing it alone must not re-render.
  const st = useRef({ top: 0, view: 0, bottom: true, anchor: '', delta: 0, range: [0, 0], last: '', read: '', olderAt: -1 }).current;

  const offsets = useMemo(
    () => prefixSums(rows.map((r) => heights.get(r.key) ?? (r.entry ? EST_ROW : EST_DAY))),
    [rows, ver], // `ver` changes when a row's measured height does
  );
  const total = offsets[rows.length];
  // Before the first layout (and without one, in tests) the viewport is unknown: assume a tall one.
  const view = () => st.view || 800;
  // Stuck to the bottom, the window is the end of the list whatever the DOM's scrollTop says yet.
  const top = () => (st.bottom ? Math.max(0, total - view()) : st.top);
  const [start, end] = visibleRange(offsets, top(), view(), OVERSCAN);
  st.range = [start, end];

  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((list) => {
            let changed = false;
            for (const r of list) {
              const el = r.target as HTMLElement;
              const h = el.offsetHeight;
              const key = el.dataset.key!;
              if (h && heights.get(key) !== h) (heights.set(key, h), (changed = true));
            }
            if (changed) setVer((v) => v + 1);
          }),
    [],
  );
  useEffect(() => () => observer?.disconnect(), []);

  // The log itself shrinks when something grows under it (the tray of files to send, a longer
  // message being typed, an alert): a visitor at the bottom stays at the bottom, so the newest
  // message is never hidden behind them.
  const latest = useRef<{ measure: (el: HTMLElement) => boolean }>({ measure: () => false });
  latest.current.measure = (el) => measure(el); // this render's rows and offsets, not the first one's
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let height = el.clientHeight;
    const resized = new ResizeObserver(() => {
      if (el.clientHeight === height) return;
      height = el.clientHeight;
      if (st.bottom) el.scrollTop = el.scrollHeight;
      if (latest.current.measure(el)) setTick((n) => n + 1);
    });
    resized.observe(el);
    return () => resized.disconnect();
  }, []);

  // Observe exactly the rows in the DOM.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !observer) return;
    const kids = el.querySelectorAll<HTMLElement>(':scope > [data-key]');
    kids.forEach((k) => observer.observe(k));
    return () => kids.forEach((k) => observer.unobserve(k));
  });

  // Keep the visitor's place: at the bottom, or on the row they were looking at.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !open) return;
    if (st.bottom) el.scrollTop = el.scrollHeight;
    else if (st.anchor) {
      const i = index(st.anchor);
      if (i !== undefined) {
        const want = offsets[i] - st.delta;
        if (Math.abs(el.scrollTop - want) > 1) el.scrollTop = want;
      }
    }
    const moved = measure(el);
    if (moved) setTick((n) => n + 1);
    // Short transcript with history behind it: fetch more (once per transcript length).
    if (total < view() && session.hasOlder.peek() && !session.loadingOlder.peek() && st.olderAt !== entries.length) {
      st.olderAt = entries.length;
      void session.loadOlder().catch(() => {});
    }
    markSeen();
  });

  // New rows: they slide in while the visitor is at the bottom (before the paint, so no flash),
  // and are counted while the visitor is scrolled up. What the visitor sends brings them down to it,
  // wherever they were reading.
  useLayoutEffect(() => {
    const added = appendedSince(shown, st.last);
    st.last = shown.length ? shown[shown.length - 1].id : '';
    if (!st.bottom && open && added.some((e) => e.own && e.kind !== 'notice')) jump();
    if (st.bottom) {
      if (open && ref.current) playArrivals(ref.current, added);
    } else {
      const n = added.filter((e) => !e.own && e.kind !== 'notice').length;
      if (n) setFresh((f) => f + n);
    }
  }, [shown]);

  useEffect(() => {
    const onVisible = () => markSeen();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  /** Reads the scroll position; true when another range of rows must be rendered. */
  function measure(el: HTMLElement): boolean {
    st.top = el.scrollTop;
    st.view = el.clientHeight;
    st.bottom = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM;
    // Anchor on a message, not a day separator: a day's separator keeps its key but moves up
    // when older messages of that day arrive.
    let i = rowAt(offsets, st.top);
    while (rows[i] && !rows[i].entry) i++;
    if (rows[i]) (st.anchor = rows[i].key), (st.delta = offsets[i] - st.top);
    const [s, e] = visibleRange(offsets, top(), view(), OVERSCAN);
    return s !== st.range[0] || e !== st.range[1];
  }

  // The newest incoming item that is on screen, with the page visible, counts as read.
  function markSeen() {
    const el = ref.current;
    if (!el || !ui.open.peek() || document.visibilityState !== 'visible') return;
    const bottomEdge = top() + view();
    for (let i = Math.min(st.range[1], rows.length) - 1; i >= st.range[0]; i--) {
      const e = rows[i].entry;
      if (!e || e.own || e.kind === 'notice' || offsets[i] >= bottomEdge) continue;
      if (st.read !== e.id) (st.read = e.id), session.markRead(e.id);
      return;
    }
  }

  const onScroll = () => {
    // A scroll event can arrive after the log is gone (emptied by "Start new chat", unmounted).
    const el = ref.current;
    if (!el) return;
    if (measure(el)) setTick((n) => n + 1);
    if (st.bottom && fresh) setFresh(0);
    if (st.top < 200 && session.hasOlder.peek() && !session.loadingOlder.peek()) void session.loadOlder().catch(() => {});
    markSeen();
  };

  const jump = () => {
    const el = ref.current;
    if (!el) return;
    st.bottom = true;
    el.scrollTop = el.scrollHeight;
    setFresh(0);
    setTick((n) => n + 1);
  };

  const typing = session.typing.value;
  return (
    <div class="cw-logwrap">
      <div ref={ref} class="cw-log" role="log" aria-live="off" aria-label={t('transcript')} tabIndex={0} onScroll={onScroll}>
        <div style={{ height: `${offsets[start]}px` }} />
        {rows.slice(start, end).map((row) => (
          <RowView key={row.key} ui={ui} row={row} states={states} authPending={authPending} />
        ))}
        <div style={{ height: `${total - offsets[end]}px` }} />
        <div class="cw-typing">
          {typing.length > 0 && (
            <>
              <span class="cw-dots" aria-hidden="true">
                <i />
                <i />
                <i />
              </span>
              {typing.length === 1 ? t('typing', { name: typing[0].displayName || t('agent') }) : t('typingMany')}
            </>
          )}
        </div>
      </div>
      {session.loadingOlder.value && (
        <div class="cw-older" role="status">
          {t('loadingOlder')}
        </div>
      )}
      {fresh > 0 && (
        <button class="cw-jump" onClick={jump}>
          {t('newMessages')} ({fresh})
        </button>
      )}
    </div>
  );
}

// The emoji picker: a chunk of its own, loaded (with the data chunk, emoji-data.ts) the first time the
// visitor opens it from the composer. A non-modal dialog above the message box: search, skin tone,
// the groups to jump to, and one grid of emoji buttons that is a single Tab stop (arrow keys, Home,
// End, Page Up/Down move; Enter or a click inserts at the caret; Escape closes). Recently used come
// first. Emoji this device cannot draw are left out (support.ts).
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StringKey } from '../../i18n';
import type { Ui } from '../state';
import { GROUPS, parseEmojiData, searchEmoji, toned, type EmojiItem } from './catalog';
import type { EmojiPrefs } from './prefs';
import { supportedVersion } from './support';

export { emojiStyles as styles } from './styles';

const COLUMNS = 8;
const GROUP_STRINGS: Record<(typeof GROUPS)[number], StringKey> = {
  smileys: 'emojiSmileys',
  people: 'emojiPeople',
  nature: 'emojiNature',
  food: 'emojiFood',
  travel: 'emojiTravel',
  activities: 'emojiActivities',
  objects: 'emojiObjects',
  symbols: 'emojiSymbols',
  flags: 'emojiFlags',
};
const HAND = { char: '\u270B', tones: true } as EmojiItem;

interface Section {
  key: string;
  label: string;
  items: EmojiItem[];
  /** Index of its first item in the whole grid. */
  start: number;
}

export interface EmojiPickerProps {
  ui: Ui;
  /** The compact data (emoji-data.ts). */
  data: string;
  /** The remembered skin tone and recent emoji (prefs.ts), and where changes go. */
  prefs: EmojiPrefs;
  onPrefs(prefs: EmojiPrefs): void;
  onPick(emoji: string): void;
  onClose(): void;
}

export function EmojiPicker({ ui, data, prefs, onPrefs, onPick, onClose }: EmojiPickerProps) {
  const { t } = ui;
  const locale = ui.locale.value;
  const groups = useMemo(() => {
    const newest = supportedVersion();
    return parseEmojiData(data, locale).map((g) => g.filter((e) => e.version <= newest));
  }, [data, locale]);
  const byChar = useMemo(() => new Map(groups.flat().map((e) => [e.char, e])), [groups]);
  const [query, setQuery] = useState('');
  // The grid's one Tab stop moves by DOM (tabindex) rather than by state: a re-render of the grid per
  // arrow key would be felt. The preview below has its own state for the same reason.
  const active = useRef(0);
  const show = useRef<(e: EmojiItem | null) => void>(() => {});
  const grid = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);

  const sections = useMemo(() => {
    const list: Omit<Section, 'start'>[] = [];
    if (query.trim()) list.push({ key: 'results', label: t('searchEmoji'), items: searchEmoji(groups, query) });
    else {
      const recent = prefs.recent.map((c) => byChar.get(c)).filter((e): e is EmojiItem => !!e);
      if (recent.length) list.push({ key: 'recent', label: t('emojiRecent'), items: recent });
      GROUPS.forEach((key, i) => list.push({ key, label: t(GROUP_STRINGS[key]), items: groups[i] ?? [] }));
    }
    let start = 0;
    return list.map((s) => ({ ...s, start: (start += s.items.length) - s.items.length }));
  }, [groups, query, prefs.recent, locale]);
  const all = useMemo(() => sections.flatMap((s) => s.items), [sections]);

  // Only the groups near the visible part of the grid get their buttons (and stay rendered once
  // they have them); the others are empty boxes of about their height. Opening then builds a few
  // hundred buttons, not ~1,900, and so does every check that walks the page.
  const [rendered, setRendered] = useState<ReadonlySet<string>>(() => new Set(sections.slice(0, 2).map((s) => s.key)));
  const reveal = (key: string) => setRendered((was) => (was.has(key) ? was : new Set(was).add(key)));
  const cellPx = useRef(40);
  const pendingFocus = useRef<number | null>(null);

  useLayoutEffect(() => search.current?.focus(), []);
  // A new list (search, recent) starts at its first emoji.
  useLayoutEffect(() => void (active.current = 0), [all]);
  useLayoutEffect(() => {
    const root = grid.current;
    const size = root?.querySelector<HTMLElement>('.cw-emo-e')?.offsetHeight;
    if (size) cellPx.current = size;
    if (pendingFocus.current !== null) {
      const i = pendingFocus.current;
      pendingFocus.current = null;
      focusItem(i);
    }
    if (!root || typeof IntersectionObserver === 'undefined') return;
    const seen = new IntersectionObserver((list) => list.forEach((e) => e.isIntersecting && reveal((e.target as HTMLElement).dataset.section!)), { root, rootMargin: '300px 0px' });
    root.querySelectorAll('[data-later]').forEach((el) => seen.observe(el));
    return () => seen.disconnect();
  });

  const focusItem = (i: number) => {
    const cells = grid.current;
    const el = cells?.querySelector<HTMLElement>(`[data-i="${i}"]`);
    if (!cells) return;
    if (!el) {
      // In a group not rendered yet: render it, then focus (the layout effect above).
      const sec = sections.find((x) => i >= x.start && i < x.start + x.items.length);
      if (sec) (pendingFocus.current = i), reveal(sec.key);
      return;
    }
    cells.querySelector('[tabindex="0"]')?.setAttribute('tabindex', '-1');
    el.setAttribute('tabindex', '0');
    el.focus();
    active.current = i;
  };

  const pick = (e: EmojiItem) => {
    const char = toned(e, prefs.tone);
    onPrefs({ ...prefs, recent: [e.char, ...prefs.recent.filter((c) => c !== e.char)].slice(0, COLUMNS * 3) });
    onPick(char);
  };

  /** The index the arrow keys lead to from `i`, across sections (rows of COLUMNS each). */
  const step = (i: number, key: string): number => {
    const s = sections.findIndex((x) => i >= x.start && i < x.start + x.items.length);
    const sec = sections[s];
    const col = (i - sec.start) % COLUMNS;
    if (key === 'ArrowRight') return Math.min(i + 1, all.length - 1);
    if (key === 'ArrowLeft') return Math.max(i - 1, 0);
    if (key === 'Home') return 0;
    if (key === 'End') return all.length - 1;
    if (key === 'ArrowDown' || key === 'PageDown') {
      const rows = key === 'PageDown' ? 4 : 1;
      if (i + COLUMNS * rows < sec.start + sec.items.length) return i + COLUMNS * rows;
      const next = sections[s + 1];
      return next ? next.start + Math.min(col, next.items.length - 1) : i;
    }
    if (key === 'ArrowUp' || key === 'PageUp') {
      const rows = key === 'PageUp' ? 4 : 1;
      if (i - COLUMNS * rows >= sec.start) return i - COLUMNS * rows;
      const prev = sections[s - 1];
      if (!prev) return i;
      const lastRow = Math.floor((prev.items.length - 1) / COLUMNS) * COLUMNS;
      return prev.start + Math.min(lastRow + col, prev.items.length - 1);
    }
    return i;
  };

  const onGridKey = (e: KeyboardEvent) => {
    const i = Number((e.target as HTMLElement).dataset.i);
    if (Number.isNaN(i)) return;
    if (!['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(e.key)) return;
    e.preventDefault();
    focusItem(step(i, e.key));
  };

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && all.length) {
      e.preventDefault();
      focusItem(0);
    } else if (e.key === 'Enter' && query.trim() && all[0]) {
      e.preventDefault();
      pick(all[0]);
    }
  };

  const jump = (key: string) => {
    reveal(key);
    grid.current?.querySelector<HTMLElement>(`[data-section="${key}"]`)?.scrollIntoView({ block: 'start' });
    const sec = sections.find((s) => s.key === key);
    if (sec) {
      grid.current?.querySelector('[tabindex="0"]')?.setAttribute('tabindex', '-1');
      grid.current?.querySelector(`[data-i="${sec.start}"]`)?.setAttribute('tabindex', '0');
      active.current = sec.start;
    }
  };

  const cells = useMemo(
    () =>
      sections.map((s) => {
        if (!s.items.length) return null;
        const later = !rendered.has(s.key) && s.key !== 'results';
        return (
          <div key={s.key} class="cw-emo-sec" data-section={s.key} data-later={later ? '' : undefined} role="group" aria-label={s.label}>
            <div class="cw-emo-h" aria-hidden="true">
              {s.label}
            </div>
            {later ? (
              <div style={{ height: `${Math.ceil(s.items.length / COLUMNS) * cellPx.current}px` }} />
            ) : (
              <div class="cw-emo-cells">
                {s.items.map((e, j) => (
                  <button key={e.char} type="button" class="cw-emo-e" data-i={s.start + j} tabIndex={s.start + j === 0 ? 0 : -1}>
                    {toned(e, prefs.tone)}
                  </button>
                ))}
              </div>
            )}
          </div>
        );
      }),
    [sections, prefs.tone, rendered],
  );

  const fromEvent = (e: Event): EmojiItem | undefined => all[Number((e.target as HTMLElement).closest<HTMLElement>('[data-i]')?.dataset.i)];

  return (
    <div
      id="cw-emo"
      class="cw-emo"
      role="dialog"
      aria-label={t('emoji')}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation(); // the picker closes, not the window
        onClose();
      }}
    >
      <div class="cw-emo-top">
        <input
          ref={search}
          type="search"
          class="cw-emo-q"
          value={query}
          aria-label={t('searchEmoji')}
          placeholder={t('searchEmoji')}
          aria-controls="cw-emo-grid"
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onSearchKey}
        />
        <button
          type="button"
          class="cw-emo-tone"
          aria-label={`${t('skinTone')}: ${toned(HAND, prefs.tone)}`}
          onClick={() => onPrefs({ ...prefs, tone: (prefs.tone + 1) % 6 })}
        >
          {toned(HAND, prefs.tone)}
        </button>
      </div>
      {!query.trim() && (
        <div class="cw-emo-tabs">
          {GROUPS.map((key, i) => (
            <button key={key} type="button" class="cw-emo-tab" aria-label={t(GROUP_STRINGS[key])} onClick={() => jump(key)}>
              {groups[i]?.[0]?.char}
            </button>
          ))}
        </div>
      )}
      <div
        ref={grid}
        id="cw-emo-grid"
        class="cw-emo-grid"
        onKeyDown={onGridKey}
        onClick={(e) => {
          const item = fromEvent(e);
          if (item) pick(item);
        }}
        onPointerOver={(e) => {
          const item = fromEvent(e);
          if (item) show.current(item);
        }}
        onFocusIn={(e) => {
          const i = Number((e.target as HTMLElement).dataset.i);
          if (!Number.isNaN(i)) (active.current = i), show.current(all[i] ?? null);
        }}
      >
        {all.length === 0 && <p class="cw-emo-none">{t('noEmoji')}</p>}
        {cells}
      </div>
      <Preview register={(set) => (show.current = set)} tone={prefs.tone} />
    </div>
  );
}

/** The emoji under the pointer or the focus, large, with its name (the grid's buttons are its text). */
function Preview({ register, tone }: { register: (set: (e: EmojiItem | null) => void) => void; tone: number }) {
  const [e, set] = useState<EmojiItem | null>(null);
  register(set);
  return (
    <div class="cw-emo-foot" aria-hidden="true">
      {e && (
        <>
          <span class="cw-emo-big">{toned(e, tone)}</span>
          <span class="cw-emo-name">{e.name}</span>
        </>
      )}
    </div>
  );
}

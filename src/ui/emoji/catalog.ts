// The picker's emoji: parsed from the compact text scripts/emoji-data.ts makes at build time, filtered
// to what this device can draw, and searched. Pure but for the canvas probe (support.ts).

export interface EmojiItem {
  /** The character(s) to insert, without a skin tone. */
  char: string;
  /** Name shown and searched (English CLDR; country flags in the visitor's language). */
  name: string;
  /** Takes a skin tone (a modifier after its first code point). */
  tones: boolean;
  /** Unicode emoji version when 13 or newer, else 0. */
  version: number;
  /** Lower-cased words of the name, for search. */
  words: string[];
}

/** The nine groups, in the data's order. */
export const GROUPS = ['smileys', 'people', 'nature', 'food', 'travel', 'activities', 'objects', 'symbols', 'flags'] as const;
export type GroupKey = (typeof GROUPS)[number];

const MODIFIERS = ['\u{1F3FB}', '\u{1F3FC}', '\u{1F3FD}', '\u{1F3FE}', '\u{1F3FF}'];

/**
 * The emoji with skin tone 1-5 (0: as it is): the modifier after its first code point, which then needs
 * no presentation selector (👍️ → 👍🏼; 🧑‍⚕️ → 🧑🏿‍⚕️ keeps the one of ⚕️). The build marks `tones` only
 * where this gives the emoji's own toned form (scripts/emoji-data.ts).
 */
export function toned(item: Pick<EmojiItem, 'char' | 'tones'>, tone: number): string {
  if (!tone || !item.tones) return item.char;
  const [first, ...rest] = Array.from(item.char);
  if (rest[0] === '\uFE0F') rest.shift();
  return first + MODIFIERS[tone - 1] + rest.join('');
}

const wordsOf = (name: string): string[] => name.toLocaleLowerCase().split(/[\s:,.!()“”"’'-]+/).filter(Boolean);

function item(char: string, name: string, tones = false, version = 0): EmojiItem {
  return { char, name, tones, version, words: wordsOf(name) };
}

/** Country flag from its region code; named in `locale` where the browser knows the region. */
function flag(code: string, names: Intl.DisplayNames | null): EmojiItem {
  const char = String.fromCodePoint(...Array.from(code, (c) => 0x1f1e6 + c.charCodeAt(0) - 65));
  let name = code;
  try {
    name = names?.of(code) ?? code;
  } catch {
    name = code;
  }
  const entry = item(char, name);
  entry.words.push('flag', code.toLowerCase());
  return entry;
}

/** Reads the build's compact text (format: scripts/emoji-data.ts) into the groups, in order. */
export function parseEmojiData(text: string, locale: string): EmojiItem[][] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  } catch {
    names = null;
  }
  const lines = text.split('\n');
  let n = 1;
  let previous = 0;
  const groups = lines[0].split('|').map((group) =>
    group.split(',').map((token) => {
      const [, points, tone, version] = /^(.*?)(~?)(?:\^([\d.]+))?$/.exec(token)!;
      const char = points
        .split('.')
        .map((p, i) => (p === 'V' ? '\uFE0F' : p === 'Z' ? '\u200D' : String.fromCodePoint(i ? parseInt(p, 36) : (previous += parseInt(p, 36)))))
        .join('');
      return item(char, lines[n++], tone === '~', Number(version ?? 0));
    }),
  );
  const flags = /^#((?:[A-Z]{2})*)$/.exec(lines[n] ?? '');
  groups[groups.length - 1].push(...(flags?.[1].match(/../g) ?? []).map((code) => flag(code, names)));
  return groups;
}

/**
 * Emoji whose every query word starts one of their name's words ("thu up" finds "thumbs up"), at most
 * `limit`. Names with every query word whole come first ("heart": red heart before two hearts), each
 * part in the data's order (CLDR's, common ones first).
 */
export function searchEmoji(groups: readonly EmojiItem[][], query: string, limit = 80): EmojiItem[] {
  const q = wordsOf(query);
  if (!q.length) return [];
  const whole: EmojiItem[] = [];
  const prefix: EmojiItem[] = [];
  for (const group of groups)
    for (const e of group) {
      if (!q.every((w) => e.words.some((word) => word.startsWith(w)))) continue;
      (q.every((w) => e.words.includes(w)) ? whole : prefix).push(e);
    }
  return whole.concat(prefix).slice(0, limit);
}

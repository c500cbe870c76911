// The emoji picker's data, made at build time from emojibase-data (the Unicode CLDR names and order
// the well-kept emojibase project publishes) and kept as small as the picker allows: only what it
// shows and searches. A Vite plugin serves it as the module `virtual:emoji-data`, which the picker
// imports on first open, so it becomes a chunk of its own in dist/cdn (no third-party CDN).
//
// Format (read by src/ui/emoji/catalog.ts), three parts on lines of their own:
//   1. the emoji: the nine shown groups separated by `|`, emoji by `,`, their code points by `.` in
//      base 36: an emoji's first code point as the difference from the previous emoji's first one, the
//      others of a sequence as they are (`V` = U+FE0F, `Z` = U+200D), then `~` when it takes a skin tone
//      and `^version` when it is from Unicode emoji 13 or newer;
//   2. their English names, one a line, in the same order;
//   3. `#` and the region codes of the country flags (AD, AE, …), which close the flags group: the
//      picker builds each flag from its code and names it in the visitor's language (Intl.DisplayNames).
// Columns and differences compress better than emoji and names interleaved: 12.5 KB gzipped instead
// of 14.2 (brotli: 11.0 and 11.8). Differences between first code points only, the rest of a sequence
// as it is (a ZWJ sequence's ⚕️ or 💻 then reads the same wherever it stands): 12.9 -> 12.2 KB gzipped
// (brotli 11.1 -> 10.6).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { toned } from '../src/ui/emoji/catalog';

interface Emoji {
  label: string;
  emoji: string;
  group?: number;
  order?: number;
  version: number;
  skins?: { emoji: string; tone?: number | number[] }[];
}

const COMPONENTS = 2; // skin tones and hair styles: parts of other emoji, not shown alone
const FLAGS = 9;
const REGIONAL_A = 0x1f1e6;

/** Region code of a country flag (two regional indicators), else undefined. */
function regionOf(emoji: string): string | undefined {
  const points = Array.from(emoji).map((c) => c.codePointAt(0)! - REGIONAL_A);
  return points.length === 2 && points.every((p) => p >= 0 && p < 26) ? String.fromCharCode(65 + points[0], 65 + points[1]) : undefined;
}

export function buildEmojiData(emojis: readonly Emoji[]): string {
  const shown = emojis.filter((e) => e.group !== undefined && e.group !== COMPONENTS).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const groups = new Map<number, string[]>();
  const names: string[] = [];
  const regions: string[] = [];
  let previous = 0;
  const encode = (emoji: string) =>
    Array.from(emoji, (c, i) => {
      const point = c.codePointAt(0)!;
      if (point === 0xfe0f) return 'V';
      if (point === 0x200d) return 'Z';
      if (i > 0) return point.toString(36);
      const delta = point - previous;
      previous = point;
      return delta.toString(36);
    }).join('.');
  for (const e of shown) {
    const region = e.group === FLAGS ? regionOf(e.emoji) : undefined;
    if (region) {
      regions.push(region);
      continue;
    }
    if (/\n/.test(e.label)) throw new Error(`emoji data: a name on two lines: ${JSON.stringify(e)}`);
    // A tone only where the picker's rule (toned) gives the emoji's own toned form.
    const own = e.skins?.find((s) => s.tone === 1 || (Array.isArray(s.tone) && s.tone.length === 1 && s.tone[0] === 1));
    const tone = own && own.emoji === toned({ char: e.emoji, tones: true }, 1) ? '~' : '';
    const version = e.version >= 13 ? `^${e.version}` : '';
    const list = groups.get(e.group!) ?? [];
    list.push(`${encode(e.emoji)}${tone}${version}`);
    groups.set(e.group!, list);
    names.push(e.label);
  }
  const tokens = [...groups.keys()].sort((a, b) => a - b).map((g) => groups.get(g)!.join(','));
  return `${tokens.join('|')}\n${names.join('\n')}\n#${regions.join('')}`;
}

/** Serves `virtual:emoji-data` (a default-exported string) to Vite builds and Vitest. */
export function emojiDataPlugin(): Plugin {
  const id = 'virtual:emoji-data';
  return {
    name: 'connect-chat-emoji-data',
    resolveId: (source) => (source === id ? '\0' + id : undefined),
    load(resolved) {
      if (resolved !== '\0' + id) return undefined;
      const require = createRequire(import.meta.url);
      const emojis = JSON.parse(readFileSync(require.resolve('emojibase-data/en/data.json'), 'utf8')) as Emoji[];
      return `export default ${JSON.stringify(buildEmojiData(emojis))};`;
    },
  };
}

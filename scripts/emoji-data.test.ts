// The picker's data as the build makes it from emojibase-data, read back the way the picker reads it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { GROUPS, parseEmojiData, searchEmoji, toned } from '../src/ui/emoji/catalog';
import { buildEmojiData } from './emoji-data';

const require = createRequire(import.meta.url);
const source = JSON.parse(readFileSync(require.resolve('emojibase-data/en/data.json'), 'utf8')) as Parameters<typeof buildEmojiData>[0];
const text = buildEmojiData(source);
const groups = parseEmojiData(text, 'en');

describe('emoji data (scripts/emoji-data.ts) read by the picker (src/ui/emoji/catalog.ts)', () => {
  it('has the nine shown groups, every emoji emojibase shows and no component on its own', () => {
    expect(groups).toHaveLength(GROUPS.length);
    const shown = source.filter((e) => e.group !== undefined && e.group !== 2);
    expect(groups.flat()).toHaveLength(shown.length);
    expect(new Set(groups.flat().map((e) => e.char)).size).toBe(shown.length);
    expect(groups.flat().map((e) => e.char)).not.toContain('\u{1F3FB}'); // a skin tone swatch alone
    expect(groups[0][0]).toMatchObject({ char: '😀', name: 'grinning face', tones: false, version: 0 });
  });

  it("reads back emojibase's shown emoji exactly, in its order: each one's characters, name and version (so the picker shows and finds the same)", () => {
    const regions = /^[\u{1F1E6}-\u{1F1FF}]{2}$/u;
    const shown = source
      .filter((e) => e.group !== undefined && e.group !== 2 && !(e.group === 9 && regions.test(e.emoji)))
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const read = groups.flat().filter((e) => !(e.words.includes('flag') && regions.test(e.char)));
    expect(read.map((e) => [e.char, e.name, e.version])).toEqual(shown.map((e) => [e.emoji, e.label, e.version >= 13 ? e.version : 0]));
    // Sequences (ZWJ, keycaps, tags) among them, read from their code points alone.
    for (const name of ['health worker', 'family: man, woman, girl, boy', 'keycap: #', 'flag: Wales', 'rainbow flag', 'eye in speech bubble']) {
      const want = shown.find((e) => e.label === name);
      expect(want, name).toBeDefined();
      expect(Array.from(want!.emoji).length, name).toBeGreaterThan(1);
      expect(read.find((e) => e.name === name)?.char, name).toBe(want!.emoji);
    }
  });

  it('country flags come from their region codes, named in the visitor language', () => {
    const flags = groups[GROUPS.indexOf('flags')];
    expect(flags.find((e) => e.char === '🇩🇪')?.name).toBe('Germany');
    expect(parseEmojiData(text, 'de')[GROUPS.indexOf('flags')].find((e) => e.char === '🇩🇪')?.name).toBe('Deutschland');
    expect(flags.find((e) => e.char === '🏴󠁧󠁢󠁳󠁣󠁴󠁿')?.name).toBe('flag: Scotland'); // a subdivision: named by the data
    expect(searchEmoji(groups, 'flag japan').map((e) => e.char)).toEqual(['🇯🇵']);
  });

  it("marks the emoji that take a skin tone where the picker's rule makes their own toned form", () => {
    const all = groups.flat();
    const wave = all.find((e) => e.name === 'waving hand')!;
    expect(wave.tones).toBe(true);
    expect(toned(wave, 3)).toBe('👋🏽');
    expect(toned(all.find((e) => e.name === 'index pointing up')!, 1)).toBe('☝🏻'); // without the VS16
    expect(toned(all.find((e) => e.name === 'health worker')!, 5)).toBe('🧑🏿‍⚕️');
    expect(all.find((e) => e.name === 'grinning face')!.tones).toBe(false);
    // Every tone mark gives emojibase's own toned form, exactly (the build checks with the same rule).
    const marked = all.filter((e) => e.tones);
    expect(marked.length).toBeGreaterThan(300);
    for (const item of marked) {
      const own = source.find((x) => x.emoji === item.char)!.skins!.find((s) => s.tone === 2)!.emoji;
      expect(toned(item, 2)).toBe(own);
    }
    expect(toned({ char: '👍️', tones: true }, 2)).toBe('👍🏼');
  });

  it('keeps the emoji version from 13 on, so the picker can hide what a device cannot draw', () => {
    const all = groups.flat();
    expect(all.find((e) => e.name === 'melting face')?.version).toBe(14);
    expect(all.find((e) => e.name === 'head shaking horizontally')?.version).toBe(15.1);
    expect(all.filter((e) => e.version > 0).length).toBeGreaterThan(100);
  });

  it('search: every word a prefix of a word of the name; whole words first, in CLDR order', () => {
    expect(searchEmoji(groups, 'thu up').map((e) => e.name)).toEqual(['thumbs up']);
    expect(searchEmoji(groups, 'heart').slice(0, 20).map((e) => e.name)).toContain('red heart');
    expect(searchEmoji(groups, 'heart').findIndex((e) => e.name === 'red heart')).toBeLessThan(searchEmoji(groups, 'heart').findIndex((e) => e.name === 'two hearts'));
    expect(searchEmoji(groups, 'zzqx')).toEqual([]);
    expect(searchEmoji(groups, '   ')).toEqual([]);
    expect(searchEmoji(groups, 'face', 10)).toHaveLength(10);
  });

  it('is compact: the emoji as code point differences, then the names one a line, then the flags (gzip under 12.4 KB)', () => {
    const lines = text.split('\n');
    const countries = groups[GROUPS.indexOf('flags')].filter((e) => e.words.includes('flag') && /^[\u{1F1E6}-\u{1F1FF}]{2}$/u.test(e.char));
    expect(lines).toHaveLength(1 + groups.flat().length - countries.length + 1);
    expect(lines[0]).toMatch(/^[0-9a-z.,|~^VZ-]+$/);
    expect(lines[lines.length - 1]).toMatch(/^#([A-Z]{2})+$/);
    expect(gzipSync(text, { level: 9 }).length).toBeLessThan(12.4 * 1024);
  });
});

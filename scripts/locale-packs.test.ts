// Locale packs as the build emits them (scripts/locale-packs.ts), read back the way the widget reads
// them (src/i18n/packed.ts): the same strings under the same keys as the readable sources (the UI
// strings and the interactive ones), both from the transform itself and from the chunks of the built
// script-tag widget in dist/cdn.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, type Strings } from '../src/i18n/en';
import { INTERACTIVE_KEYS } from '../src/i18n/interactive-keys';
import { DEFAULT_INTERACTIVE_STRINGS } from '../src/ui/interactive/strings';
import { unpack } from '../src/i18n/packed';
import type { Manifest } from '../bench/sizes';
import { packLocaleSource, readKeyList, readPackObject } from './locale-packs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOCALES_DIR = join(ROOT, 'src/i18n/locales');
const INTERACTIVE_DIR = join(ROOT, 'src/i18n/interactive');
const KEYS = Object.keys(en) as (keyof Strings)[];
const locales = readdirSync(LOCALES_DIR).map((f) => f.replace(/\.ts$/, ''));

// The sources as written: vitest runs the transform too (so every i18n test reads packed packs), but
// not on an import with a query.
const sourcePack = async (locale: string): Promise<Strings> => (await import(`../src/i18n/locales/${locale}.ts?source`)).default as Strings;
const sourceInteractive = async (locale: string): Promise<Record<string, string>> =>
  (await import(`../src/i18n/interactive/${locale}.ts?source`)).default as Record<string, string>;
/** The string literal the transform puts in place of the object, evaluated. */
const packedOf = (transformed: string): string => JSON.parse(/=\s*("(?:[^"\\]|\\.)*")/.exec(transformed)![1]) as string;

describe('locale packs packed by the build (scripts/locale-packs.ts)', () => {
  it('finds the eleven packs, which load packed here as in the build (the i18n tests read them so)', async () => {
    expect(locales).toHaveLength(11);
    expect(typeof (await import('../src/i18n/locales/de')).default).toBe('string');
    expect(typeof (await import('../src/i18n/interactive/de')).default).toBe('string');
    expect(typeof (await sourcePack('de'))).toBe('object');
  });

  it.each(locales)('%s: the packed pack gives exactly the strings of its source, key by key', async (locale) => {
    const file = join(LOCALES_DIR, `${locale}.ts`);
    const transformed = packLocaleSource(readFileSync(file, 'utf8'), KEYS, file);
    const source = await sourcePack(locale);
    expect(unpack(KEYS, packedOf(transformed))).toEqual(source);
    // What else the module exports (its interactive strings) is left as it was.
    expect(transformed).toContain(`export { default as interactive } from '../interactive/${locale}';`);
  });

  it.each(locales)('%s: the packed interactive pack gives exactly the strings of its source, key by key', async (locale) => {
    const file = join(INTERACTIVE_DIR, `${locale}.ts`);
    const transformed = packLocaleSource(readFileSync(file, 'utf8'), INTERACTIVE_KEYS, file);
    expect(unpack(INTERACTIVE_KEYS, packedOf(transformed))).toEqual(await sourceInteractive(locale));
  });

  it("the interactive keys are those of the components' English defaults, as the build reads them", () => {
    const file = join(ROOT, 'src/i18n/interactive-keys.ts');
    expect(readKeyList(readFileSync(file, 'utf8'), file)).toEqual([...INTERACTIVE_KEYS]);
    expect([...INTERACTIVE_KEYS].sort()).toEqual(Object.keys(DEFAULT_INTERACTIVE_STRINGS).sort());
  });

  it("packs in en.ts's order whatever the source's order, so the keys put back match", async () => {
    const file = join(LOCALES_DIR, 'de.ts');
    const source = readFileSync(file, 'utf8');
    const { entries } = readPackObject(source, file);
    const reversed = `const de = {\n${[...entries].reverse().map(([k, v]) => `  ${k}: ${JSON.stringify(v)},`).join('\n')}\n};\nexport default de;\n`;
    const packed = packedOf(packLocaleSource(reversed, KEYS, file));
    const de = await sourcePack('de');
    expect(unpack(KEYS, packed)).toEqual(de);
    // Read back under another order, the strings land on the wrong keys: the order is what carries them.
    expect(unpack([...KEYS].reverse(), packed)).not.toEqual(de);
  });

  it('fails the build, naming the file and the key, on a missing or extra key, a computed value, a string on two lines or a key list it cannot read', () => {
    const pack = (body: string) => packLocaleSource(`const xx = {\n${body}\n};\nexport default xx;\n`, ['title', 'send'], 'xx.ts');
    expect(pack(`title: 'T', send: 'S'`)).toContain('"T\\nS"');
    expect(() => pack(`title: 'T'`)).toThrow('xx.ts: keys missing: send');
    expect(() => pack(`title: 'T', send: 'S', bogus: 'B'`)).toThrow("xx.ts: keys that the pack's key list does not have: bogus");
    expect(() => pack(`title: 'T', send: 'S' + 'x'`)).toThrow("xx.ts: send: the value must be a plain string literal, not 'S' + 'x'");
    expect(() => pack(`title: 'T', send: \`S\${1}\``)).toThrow('xx.ts: send: the value must be a plain string literal');
    expect(() => pack(`title: 'T', ...{ send: 'S' }`)).toThrow("xx.ts: ...{ send: 'S' }: every entry of a locale pack must be `key: 'text'`");
    expect(() => pack(`title: 'T', send: 'one\\ntwo'`)).toThrow('xx.ts: send: a string on two lines cannot be packed');
    expect(() => readKeyList(`export const KEYS = ['title', \`send\`] as const;`, 'keys.ts')).toThrow('keys.ts: `send`: every key must be a string literal');
    expect(() => readKeyList(`export const A = ['title'];\nexport const B = ['send'];`, 'keys.ts')).toThrow('keys.ts: the keys are one array literal of strings; found 2 array literals');
  });
});

describe('locale packs in the built script-tag widget (dist/cdn)', () => {
  const manifestFile = join(ROOT, 'dist/cdn/.vite/manifest.json');
  if (!existsSync(manifestFile)) {
    it('dist/cdn is built', () => {
      throw new Error('dist/cdn/.vite/manifest.json is missing: run npm run build first');
    });
    return;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;

  it.each(locales)('%s: its chunk carries the packed strings, which read back as the source packs', async (locale) => {
    const chunk = manifest[`src/i18n/locales/${locale}.ts`];
    expect(chunk, `src/i18n/locales/${locale}.ts in the manifest`).toBeDefined();
    const built = (await import(pathToFileURL(join(ROOT, 'dist/cdn', chunk.file)).href)) as { default: unknown; interactive: unknown };
    expect(typeof built.default).toBe('string');
    expect(unpack(KEYS, built.default as string)).toEqual(await sourcePack(locale));
    expect(typeof built.interactive).toBe('string');
    expect(unpack(INTERACTIVE_KEYS, built.interactive as string)).toEqual(await sourceInteractive(locale));
  });
});

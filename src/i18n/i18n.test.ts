import { describe, expect, it } from 'vitest';
import { en, format, formatDay, formatSize, formatTime, isRtl, loadInteractiveStrings, loadStrings, LOCALES, matchLocale } from './index';

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');

describe('locale packs', () => {
  it('offers the twelve required locales', () => {
    expect(LOCALES.sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'he', 'id', 'it', 'ja', 'ko', 'pt-BR', 'zh-CN'].sort());
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s translates every key with the same placeholders', async (locale) => {
    const pack = await loadStrings(locale);
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(pack[key], `${locale}.${key}`).toBeTruthy();
      expect(placeholders(pack[key]), `${locale}.${key}`).toBe(placeholders(en[key]));
    }
    expect(Object.keys(pack).sort()).toEqual(Object.keys(en).sort());
    // A real translation, not a copy of English.
    const same = Object.keys(en).filter((k) => pack[k as keyof typeof en] === en[k as keyof typeof en]);
    expect(same.length).toBeLessThan(6);
  });
});

describe('matchLocale', () => {
  it('matches exactly, by language, by alias, else English', () => {
    expect(matchLocale('de')).toBe('de');
    expect(matchLocale('de-AT')).toBe('de');
    expect(matchLocale('pt_PT')).toBe('pt-BR');
    expect(matchLocale('zh-TW')).toBe('zh-CN');
    expect(matchLocale('iw')).toBe('he');
    expect(matchLocale('PT-br')).toBe('pt-BR');
    expect(matchLocale('sv')).toBe('en');
  });
  it("'auto' takes the first supported browser language", () => {
    expect(matchLocale('auto', ['sv-SE', 'fr-CA', 'de'])).toBe('fr');
    expect(matchLocale('auto', ['sv-SE'])).toBe('en');
  });
});

describe('loadStrings', () => {
  it('applies global then per-locale overrides, ignoring unknown keys', async () => {
    const s = await loadStrings('de', { title: 'Support', subtitle: 'x', bogus: 'y' }, { de: { subtitle: 'Hilfe rund um die Uhr' } });
    expect(s.title).toBe('Support');
    expect(s.subtitle).toBe('Hilfe rund um die Uhr');
    expect(s.send).toBe('Senden');
    expect('bogus' in s).toBe(false);
  });
  it('unknown locales get English', async () => {
    expect((await loadStrings('xx')).send).toBe('Send');
  });
});

describe('formatting', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{name} is typing… {x}', { name: 'Ana' })).toBe('Ana is typing… {x}');
  });
  it('knows right-to-left locales', () => {
    expect(isRtl('ar')).toBe(true);
    expect(isRtl('he')).toBe(true);
    expect(isRtl('en')).toBe(false);
  });
  it('formats days relative to today through Intl', () => {
    const now = new Date(2024, 5, 12, 15, 0);
    expect(formatDay(new Date(2024, 5, 12, 1, 0), 'en', now)).toBe('Today');
    expect(formatDay(new Date(2024, 5, 11, 23, 0), 'en', now)).toBe('Yesterday');
    expect(formatDay(new Date(2024, 5, 11, 23, 0), 'de', now)).toBe('Gestern');
    expect(formatDay(new Date(2024, 2, 4), 'en', now)).toBe('Monday, March 4');
    expect(formatDay(new Date(2023, 2, 4), 'en', now)).toBe('Saturday, March 4, 2023');
  });
  it('formats times and sizes per locale', () => {
    const d = new Date(2024, 0, 1, 14, 5);
    expect(formatTime(d, 'en')).toBe('2:05 PM');
    expect(formatTime(d, 'de')).toBe('14:05');
    expect(formatSize(20 * 1024 * 1024, 'en')).toBe('20 MB');
    expect(formatSize(1536, 'en')).toBe('1.5 kB');
    // Bytes in words: CLDR's short form reads '94 byte' in English and 'byte' untranslated in Japanese.
    expect(formatSize(94, 'en')).toBe('94 bytes');
    expect(formatSize(1, 'en')).toBe('1 byte');
    expect(formatSize(94, 'ja')).toBe('94 バイト');
  });
});

describe('interactive strings', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s translates every interactive key with the same placeholders', async (locale) => {
    const { DEFAULT_INTERACTIVE_STRINGS } = await import('../ui/interactive/strings');
    const pack = await loadInteractiveStrings(locale);
    expect(Object.keys(pack).sort()).toEqual(Object.keys(DEFAULT_INTERACTIVE_STRINGS).sort());
    for (const [key, english] of Object.entries(DEFAULT_INTERACTIVE_STRINGS)) {
      expect(pack[key], `${locale}.${key}`).toBeTruthy();
      expect(placeholders(pack[key]), `${locale}.${key}`).toBe(placeholders(english));
    }
  });
  it('English is the components\' own defaults; im.* overrides apply per locale', async () => {
    expect(await loadInteractiveStrings('en')).toEqual({});
    const de = await loadInteractiveStrings('de', { 'im.submit': 'Go', title: 'x' }, { de: { 'im.back': 'Zurück!' } });
    expect(de.submit).toBe('Go');
    expect(de.back).toBe('Zurück!');
    expect(de.next).toBe('Weiter');
    expect('title' in de).toBe(false);
  });
});

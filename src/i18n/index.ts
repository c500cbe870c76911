// Locale packs, string overrides and Intl formatting. English is bundled; every other pack is a
// dynamic import, so a visitor downloads only the language they see.
import { en, type StringKey, type Strings } from './en';
import type { InteractiveKey } from './interactive-keys';
import { unpack } from './packed';

export { en, type Strings, type StringKey } from './en';

// One chunk per locale: the UI strings and (as `interactive`) those of interactive messages and views,
// which are always needed together. Built, both come packed (./packed.ts): the UI strings in en.ts's
// key order, the interactive ones in that of ./interactive-keys.ts, a chunk fetched beside the pack.
type Pack = () => Promise<{ default: Strings | string; interactive: Record<InteractiveKey, string> | string }>;
const PACKS: Record<string, Pack> = {
  de: () => import('./locales/de'),
  es: () => import('./locales/es'),
  fr: () => import('./locales/fr'),
  id: () => import('./locales/id'),
  it: () => import('./locales/it'),
  ja: () => import('./locales/ja'),
  ko: () => import('./locales/ko'),
  'pt-BR': () => import('./locales/pt-BR'),
  'zh-CN': () => import('./locales/zh-CN'),
  ar: () => import('./locales/ar'),
  he: () => import('./locales/he'),
};

/** Every locale with a full pack. */
export const LOCALES = ['en', ...Object.keys(PACKS)];

// Old ISO codes browsers still report.
const ALIASES: Record<string, string> = { iw: 'he', in: 'id', pt: 'pt-BR', zh: 'zh-CN' };

/**
 * The best pack for a tag (or, for 'auto', for the browser's languages): exact match, then the
 * language alone (pt-PT -> pt-BR, zh-TW -> zh-CN), else 'en'.
 */
export function matchLocale(tag: string, preferred: readonly string[] = globalThis.navigator?.languages ?? []): string {
  const wanted = tag === 'auto' ? [...preferred, 'en'] : [tag];
  for (const t of wanted) {
    const norm = t.replace('_', '-').toLowerCase();
    const exact = LOCALES.find((l) => l.toLowerCase() === norm);
    if (exact) return exact;
    const lang = norm.split('-')[0];
    const byLang = ALIASES[lang] ?? LOCALES.find((l) => l.split('-')[0] === lang);
    if (byLang) return byLang;
  }
  return 'en';
}

export const isRtl = (locale: string): boolean => /^(ar|he|fa|ur)\b/.test(locale);

/**
 * The strings of `locale` with overrides applied: `strings` for all locales, then
 * `translations[locale]`. A pack that fails to load (offline) falls back to English.
 */
export async function loadStrings(
  locale: string,
  strings: Record<string, string> = {},
  translations: Record<string, Record<string, string>> = {},
): Promise<Strings> {
  let pack: Strings = en;
  const load = PACKS[locale];
  if (load) {
    try {
      pack = unpack(Object.keys(en) as StringKey[], (await load()).default);
    } catch {
      pack = en;
    }
  }
  return { ...pack, ...pick(strings), ...pick(translations[locale] ?? {}) };
}

/**
 * Strings for interactive messages and views in `locale` ({} for English: the components' defaults),
 * with overrides given as `im.<key>` in `strings` / `translations[locale]`.
 */
export async function loadInteractiveStrings(
  locale: string,
  strings: Record<string, string> = {},
  translations: Record<string, Record<string, string>> = {},
): Promise<Record<string, string>> {
  let pack: Record<string, string> = {};
  const load = PACKS[locale];
  if (load) {
    try {
      const [{ interactive }, { INTERACTIVE_KEYS }] = await Promise.all([load(), import('./interactive-keys')]);
      pack = unpack(INTERACTIVE_KEYS, interactive);
    } catch {
      pack = {};
    }
  }
  const over: Record<string, string> = {};
  for (const o of [strings, translations[locale] ?? {}])
    for (const k in o) if (k.startsWith('im.') && typeof o[k] === 'string') over[k.slice(3)] = o[k];
  return { ...pack, ...over };
}

// Only known keys: an override can never add something the UI would not escape the same way.
function pick(o: Record<string, string>): Partial<Strings> {
  const out: Record<string, string> = {};
  for (const k in o) if (k in en && typeof o[k] === 'string') out[k] = o[k];
  return out;
}

/** Fills `{name}` placeholders; unknown ones stay visible so a broken override is noticed. */
export const format = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, opts)));
  return f;
}

/** "14:05" / "2:05 PM", as the locale writes it. */
export const formatTime = (d: Date, locale: string): string => dtf(locale, { hour: 'numeric', minute: '2-digit' }).format(d);

/** Full date and time, for a time stamp's tooltip and the transcript download. */
export const formatDateTime = (d: Date, locale: string): string =>
  dtf(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);

/** Local calendar day number, for day separators. */
export const dayKey = (d: Date): number => Math.floor((d.getTime() - d.getTimezoneOffset() * 60000) / 86400000);

/** "Today", "Yesterday", else "Monday, March 3" (with the year when it is not this year). */
export function formatDay(d: Date, locale: string, now = new Date()): string {
  const diff = dayKey(now) - dayKey(d);
  if (diff === 0 || diff === 1) {
    const s = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-diff, 'day');
    return s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);
  }
  return dtf(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric',
  }).format(d);
}

/** "2.5 MB", in the locale's digits. */
export function formatSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
  let i = 0;
  while (bytes >= 1024 && i < units.length - 1) (bytes /= 1024), i++;
  // Bytes in words ('94 bytes': the short form is '94 byte'), the larger units short ('1.5 kB').
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay: i ? 'short' : 'long', maximumFractionDigits: 1 }).format(bytes);
}

// Config -> CSS custom properties on the widget's shadow host. Every visual decision the site owner
// can make is one `--cw-*` variable (README lists them); component styles only read variables.
//
// A palette is a few base colours plus colours derived from the brand colour (`primary`), so one
// brand colour themes the whole widget in both schemes and every text keeps 4.5:1 and every focus
// ring 3:1: see resolvePalette.
import type { Palette, PositionConfig, ThemeConfig } from '../config';
import { clampLuminance, luminanceOf, mix, parseColour, reach, readableOn, toHex, type Rgb } from './colour';

export type Scheme = 'light' | 'dark';

/** What resolvePalette derives from the brand colour unless the site sets it. */
export const DERIVED = ['onPrimary', 'header', 'onHeader', 'ownBubble', 'ownText', 'botBubble', 'botText', 'accent', 'focus'] as const;
type Derived = (typeof DERIVED)[number];
type Base = Omit<Palette, Derived>;

/** The base colours of each scheme (the derived ones come from `primary`). */
const BASE: Record<Scheme, Base & { onPrimary: string }> = {
  light: {
    primary: '#1d5bb8',
    onPrimary: '#ffffff',
    background: '#ffffff',
    surface: '#f3f5f8',
    text: '#1b1f24',
    muted: '#56606c',
    border: '#7d8793',
    agentBubble: '#eceff3',
    agentText: '#1b1f24',
    error: '#b3261e',
    success: '#1b6e36',
    badge: '#c4271f',
    badgeText: '#ffffff',
  },
  dark: {
    primary: '#2c64c0',
    onPrimary: '#ffffff',
    background: '#17191c',
    surface: '#212428',
    text: '#e9ebee',
    muted: '#a8b0ba',
    border: '#7a838e',
    agentBubble: '#2b2f35',
    agentText: '#e9ebee',
    error: '#ff9b93',
    success: '#7fd99a',
    badge: '#ff7b72',
    badgeText: '#17191c',
  },
};

/**
 * Large fills in the dark scheme (header, own bubbles) take the brand colour at this luminance at
 * most, so they never glare as a bright slab on a dark window, and at least at the lower bound, so a
 * very dark brand still stands off the background. White text keeps over 6:1 on them.
 */
const DARK_FILL = { min: 0.03, max: 0.12 };
/** The focus ring is held to text contrast (WCAG asks 3:1 of it), so it is seen at a glance. */
const FOCUS_CONTRAST = 4.5;
/**
 * The bot's bubble: the background (light) or the agent's bubble (dark, so it stands off the window)
 * with this share of the brand colour (in the dark scheme, of its deeper tone).
 */
const BOT_TINT: Record<Scheme, number> = { light: 0.1, dark: 0.3 };

/**
 * One scheme's palette: the site's colours over the base ones, and the rest derived from the brand
 * colour `primary` (colours the site set itself always win):
 * - `onPrimary`, `onHeader`, `ownText`: the given or default text colour when it reads at 4.5:1 on
 *   its fill, else white or black, whichever reads better;
 * - `header`, `ownBubble`: the brand colour; in the dark scheme a deeper tone of it (DARK_FILL);
 * - `botBubble`: tinted with the brand colour (BOT_TINT); `botText`: the text colour, moved toward
 *   black or white if it would miss 4.5:1 there;
 * - `accent` (brand-coloured text and lines: links, chips, paging) and `focus` (the focus ring):
 *   the brand colour moved toward black or white just enough for 4.5:1 on the background, the
 *   surface and (accent) the bot's bubble.
 * Colours other than #rgb and #rrggbb are not measured: with one of those, the brand colour is used
 * as it is and the bot's bubble is a CSS color-mix().
 */
export function resolvePalette(scheme: Scheme, custom: Partial<Palette> = {}): Palette {
  const base: Base & { onPrimary: string } = { ...BASE[scheme] };
  for (const [k, v] of Object.entries(custom)) if (v !== undefined && !(DERIVED as readonly string[]).includes(k)) (base as Record<string, string>)[k] = v;
  const [P, BG, SF, TX, ON] = [base.primary, base.background, base.surface, base.text, custom.onPrimary ?? base.onPrimary].map(parseColour);
  const set = <K extends Derived>(key: K, derive: () => string | undefined, fallback: string): string => custom[key] ?? derive() ?? fallback;
  const hex = (c: Rgb | undefined) => (c ? toHex(c) : undefined);
  const readable = (fill: string, preferred: string) => {
    const f = parseColour(fill);
    const p = parseColour(preferred);
    return f && p ? toHex(readableOn(f, p)) : undefined;
  };

  const onPrimary = set('onPrimary', () => hex(P && ON && readableOn(P, ON)), base.onPrimary);
  const fill = P && (scheme === 'dark' ? clampLuminance(P, DARK_FILL.min, DARK_FILL.max) : P);
  const header = set('header', () => hex(fill), base.primary);
  const ownBubble = set('ownBubble', () => hex(fill), base.primary);
  const under = scheme === 'dark' ? base.agentBubble : base.background;
  const U = parseColour(under);
  const botBubble = set('botBubble', () => hex(fill && U && mix(U, fill, BOT_TINT[scheme])), `color-mix(in srgb,${base.primary} ${BOT_TINT[scheme] * 100}%,${under})`);
  const BOT = parseColour(botBubble);
  return {
    ...base,
    onPrimary,
    header,
    onHeader: set('onHeader', () => readable(header, onPrimary), onPrimary),
    ownBubble,
    ownText: set('ownText', () => readable(ownBubble, onPrimary), onPrimary),
    botBubble,
    botText: set('botText', () => hex(TX && BOT && reach(TX, [BOT], 4.5)), base.text),
    accent: set('accent', () => hex(P && BG && SF && BOT && reach(P, [BG, SF, BOT], 4.5)), base.primary),
    focus: set('focus', () => hex(P && BG && SF && reach(P, [BG, SF], FOCUS_CONTRAST)), base.primary),
  };
}

/** Default light palette (contrast checked by theme.test.ts). */
export const DEFAULT_LIGHT: Palette = /* @__PURE__ */ resolvePalette('light');
/** Default dark palette (contrast checked by theme.test.ts). */
export const DEFAULT_DARK: Palette = /* @__PURE__ */ resolvePalette('dark');

/** `ownBubble` -> `--cw-own-bubble`. */
export const varName = (key: string): string => '--cw-' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/**
 * A filled control under the pointer: the fill moved away from its text colour by a step, so hover
 * raises the contrast of its label rather than lowering it.
 */
function hoverOf(fill: string, text: string): string {
  const f = parseColour(fill);
  const t = parseColour(text);
  if (!f || !t) return fill;
  return toHex(mix(f, luminanceOf(t) > 0.5 ? [0, 0, 0] : [255, 255, 255], 0.14));
}

const palette = (p: Palette, scheme: Scheme): string =>
  `color-scheme:${scheme};` + Object.entries(p).map(([k, v]) => `${varName(k)}:${v};`).join('') + `--cw-primary-hover:${hoverOf(p.primary, p.onPrimary)};`;

/**
 * The theme stylesheet: variables on :host, the dark palette under prefers-color-scheme for `auto`.
 * A brand colour set for the light scheme only is the dark scheme's brand colour too.
 * Values were validated (no `;{}`) by validateConfig, so they cannot escape their declaration.
 */
export function themeCss(theme: ThemeConfig, position: PositionConfig, zIndex: number): string {
  const light = palette(resolvePalette('light', theme.light), 'light');
  const dark = palette(resolvePalette('dark', { ...(theme.light.primary ? { primary: theme.light.primary } : {}), ...theme.dark }), 'dark');
  const px = (n: number) => `${n}px`;
  const left = position.side === 'left';
  const shared =
    `--cw-font:${theme.fontFamily};--cw-font-size:${px(theme.fontSize)};--cw-radius:${px(theme.radius)};` +
    `--cw-width:${px(theme.width)};--cw-height:${px(theme.height)};--cw-launcher-size:${px(theme.launcherSize)};` +
    `--cw-left:${left ? px(position.offsetX) : 'auto'};--cw-right:${left ? 'auto' : px(position.offsetX)};` +
    `--cw-bottom:${px(position.offsetY)};--cw-side:${position.side};--cw-z:${zIndex};`;
  const main = theme.mode === 'dark' ? dark : light;
  return (
    `:host{${shared}${main}}` +
    (theme.mode === 'auto' ? `@media (prefers-color-scheme:dark){:host{${dark}}}` : '')
  );
}

// Config -> CSS custom properties on the widget's shadow host. Every visual decision the site owner
// can make is one `--cw-*` variable (README lists them); component styles only read variables.
import type { Palette, PositionConfig, ThemeConfig } from '../config';
import { contrastRatio } from './contrast';

/** Default light palette (AA contrast checked by theme.test.ts). */
export const DEFAULT_LIGHT: Palette = {
  primary: '#1d5bb8',
  onPrimary: '#ffffff',
  background: '#ffffff',
  surface: '#f3f5f8',
  text: '#1b1f24',
  muted: '#56606c',
  border: '#7d8793',
  ownBubble: '#1d5bb8',
  ownText: '#ffffff',
  agentBubble: '#eceff3',
  agentText: '#1b1f24',
  botBubble: '#e6effb',
  botText: '#1b1f24',
  error: '#b3261e',
  success: '#1b6e36',
  focus: '#1d5bb8',
  badge: '#c4271f',
  badgeText: '#ffffff',
};

/** Default dark palette (AA contrast checked by theme.test.ts). */
export const DEFAULT_DARK: Palette = {
  primary: '#8ab8ff',
  onPrimary: '#0d1522',
  background: '#17191c',
  surface: '#212428',
  text: '#e9ebee',
  muted: '#a8b0ba',
  border: '#7a838e',
  ownBubble: '#2c64c0',
  ownText: '#ffffff',
  agentBubble: '#2b2f35',
  agentText: '#e9ebee',
  botBubble: '#1e2b3d',
  botText: '#e9ebee',
  error: '#ff9b93',
  success: '#7fd99a',
  focus: '#8ab8ff',
  badge: '#ff7b72',
  badgeText: '#17191c',
};

/** Contrast of two colours, or undefined when one is not #rgb/#rrggbb (any CSS colour is allowed). */
function ratio(a: string, b: string): number | undefined {
  try {
    return contrastRatio(a, b);
  } catch {
    return undefined;
  }
}

/**
 * One scheme's palette: the site's colours over the defaults. A brand colour set as `primary` alone
 * also colours what the defaults draw in the accent: the customer's own bubble (with `onPrimary`
 * text, or white/black when that would miss 4.5:1) and the focus ring (when it keeps 3:1 on the
 * background and surface). Colours the site set itself always win.
 */
export function resolvePalette(defaults: Palette, custom: Partial<Palette> = {}): Palette {
  const p: Palette = { ...defaults, ...custom };
  const primary = custom.primary;
  if (primary === undefined) return p;
  if (custom.ownBubble === undefined) {
    p.ownBubble = primary;
    if (custom.ownText === undefined) {
      const readable = [p.onPrimary, '#ffffff', '#000000'].find((c) => (ratio(c, primary) ?? 21) >= 4.5);
      p.ownText = readable ?? p.onPrimary;
    }
  }
  if (custom.focus === undefined && [p.background, p.surface].every((bg) => (ratio(primary, bg) ?? 3) >= 3)) p.focus = primary;
  return p;
}

/** `ownBubble` -> `--cw-own-bubble`. */
export const varName = (key: string): string => '--cw-' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

const palette = (p: Palette, scheme: string): string =>
  `color-scheme:${scheme};` + Object.entries(p).map(([k, v]) => `${varName(k)}:${v};`).join('');

/**
 * The theme stylesheet: variables on :host, the dark palette under prefers-color-scheme for `auto`.
 * Values were validated (no `;{}`) by validateConfig, so they cannot escape their declaration.
 */
export function themeCss(theme: ThemeConfig, position: PositionConfig, zIndex: number): string {
  const light = palette(resolvePalette(DEFAULT_LIGHT, theme.light), 'light');
  const dark = palette(resolvePalette(DEFAULT_DARK, theme.dark), 'dark');
  const px = (n: number) => `${n}px`;
  const left = position.side === 'left';
  const shared =
    `--cw-font:${theme.fontFamily};--cw-font-size:${px(theme.fontSize)};--cw-radius:${px(theme.radius)};` +
    `--cw-width:${px(theme.width)};--cw-height:${px(theme.height)};--cw-launcher-size:${px(theme.launcherSize)};` +
    `--cw-left:${left ? px(position.offsetX) : 'auto'};--cw-right:${left ? 'auto' : px(position.offsetX)};` +
    `--cw-bottom:${px(position.offsetY)};--cw-z:${zIndex};`;
  const main = theme.mode === 'dark' ? dark : light;
  return (
    `:host{${shared}${main}}` +
    (theme.mode === 'auto' ? `@media (prefers-color-scheme:dark){:host{${dark}}}` : '')
  );
}

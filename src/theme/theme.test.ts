import { describe, expect, it } from 'vitest';
import type { Palette } from '../config';
import { DEFAULT_CONFIG } from '../config';
import { contrastRatio, luminance } from './contrast';
import { DEFAULT_DARK, DEFAULT_LIGHT, resolvePalette, themeCss, varName, type Scheme } from './theme';

// Text pairs need 4.5:1 (WCAG 1.4.3); input borders 3:1 (1.4.11); the focus ring is held to 4.5:1.
const TEXT: [keyof Palette, keyof Palette][] = [
  ['text', 'background'], ['text', 'surface'], ['muted', 'background'], ['muted', 'surface'], ['muted', 'botBubble'],
  ['onPrimary', 'primary'], ['onHeader', 'header'], ['ownText', 'ownBubble'], ['agentText', 'agentBubble'], ['botText', 'botBubble'],
  ['error', 'background'], ['error', 'surface'], ['success', 'background'], ['badgeText', 'badge'],
  ['accent', 'background'], ['accent', 'surface'], ['accent', 'botBubble'],
  ['focus', 'background'], ['focus', 'surface'],
];
const UI: [keyof Palette, keyof Palette][] = [['border', 'background'], ['border', 'surface']];

/** A light, a dark and a saturated brand colour, and the defaults. */
const BRANDS = [undefined, '#ffd43b', '#0b1f3a', '#e6007e'];
const cases = (['light', 'dark'] as Scheme[]).flatMap((scheme) => BRANDS.map((brand) => [scheme, brand ?? 'default', resolvePalette(scheme, brand ? { primary: brand } : {})] as const));

describe.each(cases)('%s palette, brand %s', (_scheme, _brand, p) => {
  it.each(TEXT)('%s on %s reaches 4.5:1', (fg, bg) => {
    expect(contrastRatio(p[fg], p[bg])).toBeGreaterThanOrEqual(4.5);
  });
  it.each(UI)('%s against %s reaches 3:1', (fg, bg) => {
    expect(contrastRatio(p[fg], p[bg])).toBeGreaterThanOrEqual(3);
  });
});

describe('contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(luminance('#ffffff')).toBeCloseTo(1, 5);
  });
  it('refuses what is not a hex colour', () => {
    expect(() => luminance('red')).toThrow(/not a #rgb/);
  });
});

describe('themeCss', () => {
  const { theme, position, zIndex } = DEFAULT_CONFIG;
  it('puts every palette colour and layout value in a --cw- variable', () => {
    const css = themeCss(theme, position, zIndex);
    for (const [k, v] of Object.entries(DEFAULT_LIGHT)) expect(css).toContain(`${varName(k)}:${v};`);
    expect(css).toMatch(/--cw-primary-hover:#[0-9a-f]{6};/);
    expect(css).toContain('--cw-right:20px;');
    expect(css).toContain('--cw-left:auto;');
    expect(css).toContain('--cw-z:10000;');
    expect(css).not.toContain('prefers-color-scheme');
  });
  it('applies overrides, left position and dark mode', () => {
    const css = themeCss({ ...theme, mode: 'dark', dark: { primary: '#ff0000' } }, { side: 'left', offsetX: 8, offsetY: 30 }, 5);
    expect(css).toContain('--cw-primary:#ff0000;');
    expect(css).toContain(`--cw-background:${DEFAULT_DARK.background};`);
    expect(css).toContain('--cw-left:8px;--cw-right:auto;--cw-bottom:30px;');
    expect(css).toContain('color-scheme:dark');
  });
  it('auto mode adds the dark palette under prefers-color-scheme', () => {
    const css = themeCss({ ...theme, mode: 'auto' }, position, zIndex);
    expect(css).toMatch(/^:host\{.*color-scheme:light;.*\}@media \(prefers-color-scheme:dark\)\{:host\{color-scheme:dark;/);
  });
  it('takes a brand colour set for the light scheme only into the dark scheme too', () => {
    const css = themeCss({ ...theme, mode: 'auto', light: { primary: '#7a1f5c' } }, position, zIndex);
    expect(css).toMatch(/prefers-color-scheme:dark\).*--cw-primary:#7a1f5c;/);
    const both = themeCss({ ...theme, mode: 'auto', light: { primary: '#7a1f5c' }, dark: { primary: '#f2b8d8' } }, position, zIndex);
    expect(both).toMatch(/prefers-color-scheme:dark\).*--cw-primary:#f2b8d8;/);
  });
  it('hover fills move away from the text on them: the label gains contrast under the pointer', () => {
    for (const [scheme, , p] of cases) {
      const css = themeCss({ ...theme, mode: scheme, [scheme]: { primary: p.primary } }, position, zIndex);
      const hover = /--cw-primary-hover:(#[0-9a-f]{6});/.exec(css)![1];
      expect(contrastRatio(p.onPrimary, hover)).toBeGreaterThan(contrastRatio(p.onPrimary, p.primary));
    }
  });
});

describe('one brand colour themes the palette (resolvePalette)', () => {
  it('colours header, own bubble, accent and focus ring with a custom primary, text on it from onPrimary', () => {
    const p = resolvePalette('light', { primary: '#7a1f5c' });
    expect([p.header, p.ownBubble, p.accent, p.focus]).toEqual(['#7a1f5c', '#7a1f5c', '#7a1f5c', '#7a1f5c']);
    expect([p.onHeader, p.ownText]).toEqual(['#ffffff', '#ffffff']);
    expect(resolvePalette('light', { primary: '#7a1f5c', onPrimary: '#fff8e0' }).ownText).toBe('#fff8e0');
  });

  it('gives a light brand colour dark text, and its text uses a darker tone that reads on white', () => {
    const p = resolvePalette('light', { primary: '#ffd43b' });
    expect([p.header, p.ownBubble, p.onPrimary, p.onHeader, p.ownText]).toEqual(['#ffd43b', '#ffd43b', '#000000', '#000000', '#000000']);
    expect(p.accent).not.toBe('#ffd43b');
    expect(luminance(p.accent)).toBeLessThan(luminance('#ffd43b'));
  });

  it('never draws the dark scheme header or own bubbles as a bright slab', () => {
    for (const brand of ['#ffd43b', '#8ab8ff', '#ffffff', '#e6007e', undefined]) {
      const p = resolvePalette('dark', brand ? { primary: brand } : {});
      expect(luminance(p.header)).toBeLessThanOrEqual(0.121);
      expect(luminance(p.ownBubble)).toBeLessThanOrEqual(0.121);
      expect(contrastRatio(p.onHeader, p.header)).toBeGreaterThanOrEqual(6);
    }
    // A very dark brand colour is lifted a little, so the header stands off the dark window.
    expect(luminance(resolvePalette('dark', { primary: '#000814' }).header)).toBeGreaterThanOrEqual(0.029);
  });

  it('tints the bot bubble with the brand colour instead of a fixed blue', () => {
    const magenta = resolvePalette('light', { primary: '#e6007e' }).botBubble;
    const green = resolvePalette('light', { primary: '#0b6e4f' }).botBubble;
    expect(magenta).not.toBe(green);
    const [r, g] = [1, 3].map((i) => parseInt(magenta.slice(i, i + 2), 16));
    expect(r).toBeGreaterThan(g); // pink, not blue
    expect(resolvePalette('dark', { primary: '#e6007e' }).botBubble).not.toBe(DEFAULT_DARK.botBubble);
  });

  it('lets colours the site set itself win', () => {
    const own = resolvePalette('light', { primary: '#7a1f5c', ownBubble: '#204020', ownText: '#eeeeee', focus: '#000000', header: '#111111', accent: '#222222', botBubble: '#fafafa' });
    expect([own.ownBubble, own.ownText, own.focus, own.header, own.accent, own.botBubble]).toEqual(['#204020', '#eeeeee', '#000000', '#111111', '#222222', '#fafafa']);
    expect(resolvePalette('dark', {})).toEqual(DEFAULT_DARK);
    expect(resolvePalette('light', { text: '#000000' })).toEqual({ ...DEFAULT_LIGHT, text: '#000000', botText: '#000000' }); // the bot's text follows
  });

  it('takes a primary in a CSS colour it cannot measure as it is, the bot bubble as a color-mix()', () => {
    const p = resolvePalette('light', { primary: 'rebeccapurple' });
    expect([p.header, p.ownBubble, p.ownText, p.accent, p.focus]).toEqual(['rebeccapurple', 'rebeccapurple', '#ffffff', 'rebeccapurple', 'rebeccapurple']);
    expect(p.botBubble).toBe('color-mix(in srgb,rebeccapurple 10%,#ffffff)');
  });
});

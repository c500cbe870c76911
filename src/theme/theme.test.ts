import { describe, expect, it } from 'vitest';
import type { Palette } from '../config';
import { DEFAULT_CONFIG } from '../config';
import { contrastRatio, luminance } from './contrast';
import { DEFAULT_DARK, DEFAULT_LIGHT, resolvePalette, themeCss, varName } from './theme';

// Text pairs need 4.5:1 (WCAG 1.4.3); focus ring and input borders need 3:1 (1.4.11).
const TEXT: [keyof Palette, keyof Palette][] = [
  ['text', 'background'], ['text', 'surface'], ['muted', 'background'], ['muted', 'surface'],
  ['onPrimary', 'primary'], ['ownText', 'ownBubble'], ['agentText', 'agentBubble'], ['botText', 'botBubble'],
  ['error', 'background'], ['error', 'surface'], ['success', 'background'], ['badgeText', 'badge'],
  ['primary', 'background'], ['primary', 'surface'],
];
const UI: [keyof Palette, keyof Palette][] = [
  ['focus', 'background'], ['focus', 'surface'], ['border', 'background'], ['border', 'surface'],
];

describe.each([
  ['light', DEFAULT_LIGHT],
  ['dark', DEFAULT_DARK],
])('default %s palette', (_name, p) => {
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
    expect(css).toContain('--cw-own-bubble:');
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
});

describe('a brand primary flows into the accent colours (resolvePalette)', () => {
  it('colours the own bubble and the focus ring with a custom primary, text on it from onPrimary', () => {
    const p = resolvePalette(DEFAULT_LIGHT, { primary: '#7a1f5c' });
    expect(p.ownBubble).toBe('#7a1f5c');
    expect(p.ownText).toBe(DEFAULT_LIGHT.onPrimary);
    expect(p.focus).toBe('#7a1f5c');
    expect(resolvePalette(DEFAULT_LIGHT, { primary: '#7a1f5c', onPrimary: '#fff8e0' }).ownText).toBe('#fff8e0');
    // And in the stylesheet, for both schemes.
    const css = themeCss({ ...DEFAULT_CONFIG.theme, mode: 'auto', light: { primary: '#7a1f5c' }, dark: { primary: '#f2b8d8' } }, DEFAULT_CONFIG.position, 1);
    expect(css).toContain('--cw-own-bubble:#7a1f5c;--cw-own-text:#ffffff;');
    expect(css).toMatch(/prefers-color-scheme:dark\).*--cw-own-bubble:#f2b8d8;--cw-own-text:#0d1522;/);
  });

  it('keeps 4.5:1 in the own bubble: a light brand colour with the default white onPrimary gets dark text', () => {
    const p = resolvePalette(DEFAULT_LIGHT, { primary: '#ffcc00' });
    expect(p.ownBubble).toBe('#ffcc00');
    expect(p.ownText).toBe('#000000');
    expect(contrastRatio(p.ownText, p.ownBubble)).toBeGreaterThanOrEqual(4.5);
    // Too pale for a focus ring on white (under 3:1): the default ring stays.
    expect(p.focus).toBe(DEFAULT_LIGHT.focus);
  });

  it('lets colours the site set itself win, and leaves the defaults alone without a custom primary', () => {
    const own = resolvePalette(DEFAULT_LIGHT, { primary: '#7a1f5c', ownBubble: '#204020', ownText: '#eeeeee', focus: '#000000' });
    expect([own.ownBubble, own.ownText, own.focus]).toEqual(['#204020', '#eeeeee', '#000000']);
    const bubbleOnly = resolvePalette(DEFAULT_LIGHT, { primary: '#7a1f5c', ownBubble: '#204020' });
    expect([bubbleOnly.ownBubble, bubbleOnly.ownText]).toEqual(['#204020', DEFAULT_LIGHT.ownText]);
    expect(resolvePalette(DEFAULT_DARK, {})).toEqual(DEFAULT_DARK);
    expect(resolvePalette(DEFAULT_LIGHT, { text: '#000000' })).toEqual({ ...DEFAULT_LIGHT, text: '#000000' });
  });

  it('takes a primary in any CSS colour as it is, since its contrast cannot be computed', () => {
    const p = resolvePalette(DEFAULT_LIGHT, { primary: 'rebeccapurple' });
    expect([p.ownBubble, p.ownText, p.focus]).toEqual(['rebeccapurple', DEFAULT_LIGHT.onPrimary, 'rebeccapurple']);
  });
});

import { describe, expect, it } from 'vitest';
import type { Palette } from '../config';
import { DEFAULT_CONFIG } from '../config';
import { contrastRatio, luminance } from './contrast';
import { DEFAULT_DARK, DEFAULT_LIGHT, themeCss, varName } from './theme';

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

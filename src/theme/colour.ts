// Colour arithmetic for deriving a palette from one brand colour. A colour is moved toward black or
// white in linear light, where luminance changes in proportion, so the colour that just reaches a
// contrast ratio or a luminance is found in closed form. Pure, sRGB; kept small, as it loads with
// the widget.

export type Rgb = readonly [number, number, number];

/** #rgb or #rrggbb → channels 0-255; undefined for any other CSS colour (names, rgb(), hsl(), …). */
export function parseColour(css: string): Rgb | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css.trim())?.[1];
  return hex ? ([0, 1, 2].map((i) => parseInt(hex.length === 3 ? hex[i] + hex[i] : hex.slice(i * 2, i * 2 + 2), 16)) as unknown as Rgb) : undefined;
}

export const toHex = (c: Rgb): string => '#' + c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

/** `a` with `share` (0-1) of `b` mixed in (sRGB), to whole channels. */
export const mix = (a: Rgb, b: Rgb, share: number): Rgb => a.map((v, i) => Math.round(v + (b[i] - v) * share)) as unknown as Rgb;

const linear = (v: number): number => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const gamma = (v: number): number => 255 * (v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055);

/** Relative luminance (WCAG) of channels 0-255. */
export const luminanceOf = (c: Rgb): number => 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);

/** WCAG contrast ratio of two colours. */
export function ratio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminanceOf(a), luminanceOf(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `colour` darkened toward black or lightened toward white (in linear light) to luminance `target`. */
export function withLuminance(colour: Rgb, target: number): Rgb {
  const l = luminanceOf(colour);
  return colour.map((v) => {
    const x = linear(v);
    return Math.round(gamma(Math.min(1, target < l ? (x * target) / l : x + ((1 - x) * (target - l)) / (1 - l))));
  }) as unknown as Rgb;
}

/**
 * `colour` moved toward white (on dark backgrounds) or black (on light ones) just far enough to
 * reach `min` contrast against every colour of `against` (all light or all dark); unchanged when it
 * already does. (1% to spare for rounding to whole channels.)
 */
export function reach(colour: Rgb, against: readonly Rgb[], min: number): Rgb {
  const lums = against.map(luminanceOf);
  const dark = lums[0] < 0.18;
  const target = dark ? min * (Math.max(...lums) + 0.05) - 0.05 : (Math.min(...lums) + 0.05) / min - 0.05;
  const l = luminanceOf(colour);
  return dark ? (l >= target ? colour : withLuminance(colour, Math.min(1, target * 1.01))) : l <= target ? colour : withLuminance(colour, Math.max(0, target * 0.99));
}

/** `colour` with its luminance brought into [lo, hi] (1% inside, for rounding to whole channels). */
export const clampLuminance = (colour: Rgb, lo: number, hi: number): Rgb => {
  const l = luminanceOf(colour);
  return l > hi ? withLuminance(colour, hi * 0.99) : l < lo ? withLuminance(colour, lo * 1.01) : colour;
};

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/** Text for a fill: `preferred` when it reads at `min` (4.5:1), else white or black, whichever reads better. */
export const readableOn = (fill: Rgb, preferred: Rgb, min = 4.5): Rgb =>
  ratio(preferred, fill) >= min ? preferred : ratio(WHITE, fill) >= ratio(BLACK, fill) ? WHITE : BLACK;

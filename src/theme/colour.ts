// Colour arithmetic for deriving a palette from one brand colour: parse, mix, and move a colour
// toward black or white just far enough to reach a contrast ratio or a luminance. Pure, sRGB; kept
// small, as it loads with the widget.
import { contrastRatio, luminance } from './contrast';

export type Rgb = readonly [number, number, number];

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/** #rgb or #rrggbb → channels 0-255; undefined for any other CSS colour (names, rgb(), hsl(), …). */
export function parseColour(css: string): Rgb | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css.trim())?.[1];
  return hex ? ([0, 1, 2].map((i) => parseInt(hex.length === 3 ? hex[i] + hex[i] : hex.slice(i * 2, i * 2 + 2), 16)) as unknown as Rgb) : undefined;
}

export const toHex = (c: Rgb): string => '#' + c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

/** `a` with `share` (0-1) of `b` mixed in, to whole channels. */
export const mix = (a: Rgb, b: Rgb, share: number): Rgb => a.map((v, i) => Math.round(v + (b[i] - v) * share)) as unknown as Rgb;

/** Relative luminance (WCAG) of channels 0-255. */
export const luminanceOf = (c: Rgb): number => luminance(toHex(c));

const worst = (c: Rgb, against: readonly Rgb[]): number => Math.min(...against.map((b) => contrastRatio(toHex(c), toHex(b))));

/** `colour` with the least share of `end` mixed in for which `ok` holds (`end` itself when none does). */
function least(colour: Rgb, end: Rgb, ok: (c: Rgb) => boolean): Rgb {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    if (ok(mix(colour, end, mid))) hi = mid;
    else lo = mid;
  }
  return mix(colour, end, hi);
}

/**
 * `colour` moved toward white (on dark backgrounds) or black (on light ones) just far enough to reach
 * `min` contrast against every colour of `against` (all light or all dark); unchanged when it
 * already does.
 */
export function reach(colour: Rgb, against: readonly Rgb[], min: number): Rgb {
  const ok = (c: Rgb) => worst(c, against) >= min;
  return ok(colour) ? colour : least(colour, luminanceOf(against[0]) < 0.18 ? WHITE : BLACK, ok);
}

/** `colour` darkened (toward black) or lightened (toward white) until its luminance is within [lo, hi]. */
export function clampLuminance(colour: Rgb, lo: number, hi: number): Rgb {
  const l = luminanceOf(colour);
  if (l > hi) return least(colour, BLACK, (c) => luminanceOf(c) <= hi);
  if (l < lo) return least(colour, WHITE, (c) => luminanceOf(c) >= lo);
  return colour;
}

/** Text for a fill: `preferred` when it reads at `min` (4.5:1), else white or black, whichever reads better. */
export function readableOn(fill: Rgb, preferred: Rgb, min = 4.5): Rgb {
  return worst(preferred, [fill]) >= min ? preferred : worst(WHITE, [fill]) >= worst(BLACK, [fill]) ? WHITE : BLACK;
}

// WCAG 2.x contrast of #rgb/#rrggbb colours, for checking palettes (tests, and site owners via the export).
import { luminanceOf, parseColour, ratio, type Rgb } from './colour';

function parse(hex: string): Rgb {
  const c = parseColour(hex);
  if (!c) throw new Error(`luminance: '${hex}' is not a #rgb or #rrggbb colour`);
  return c;
}

/** Relative luminance of a #rgb or #rrggbb colour. */
export const luminance = (hex: string): number => luminanceOf(parse(hex));

/** Contrast ratio 1..21 of two colours (order does not matter). */
export const contrastRatio = (a: string, b: string): number => ratio(parse(a), parse(b));

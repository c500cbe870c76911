// Colours as the visitor sees them, read from computed styles in the page: a colour with alpha (or
// a color-mix() with transparent) is painted over the backgrounds beneath it, up through the shadow
// host, on a canvas; the result is an opaque #rrggbb, for contrast ratios (src/theme/contrast).
import type { Locator } from '@playwright/test';
import { contrastRatio } from '../src/theme/contrast.js';

export type ColourProperty = 'color' | 'background-color' | 'outline-color' | 'border-top-color';

/** The opaque colour of `property` of the element, over what lies beneath it. */
export function seen(locator: Locator, property: ColourProperty): Promise<string> {
  return locator.evaluate((el, prop) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    const up = (e: Element): Element | null => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host || null);
    // Backgrounds from the element outward, to the first opaque one (white if none).
    const layers: string[] = [];
    for (let e: Element | null = el; e; e = up(e)) {
      const bg = getComputedStyle(e).backgroundColor;
      layers.push(bg);
      ctx.fillStyle = '#000';
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = bg;
      ctx.fillRect(0, 0, 1, 1);
      if (ctx.getImageData(0, 0, 1, 1).data[3] === 255) break;
    }
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 1, 1);
    for (const bg of layers.reverse()) {
      ctx.fillStyle = bg;
      ctx.fillRect(0, 0, 1, 1);
    }
    if (prop !== 'background-color') {
      ctx.fillStyle = getComputedStyle(el).getPropertyValue(prop);
      ctx.fillRect(0, 0, 1, 1);
    }
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
  }, property);
}

/**
 * Contrast of the element's `fg` against the opaque background of `over` (default: the element
 * itself, e.g. text on a button; for an outline, pass what lies around the element).
 */
export async function contrastOf(locator: Locator, fg: ColourProperty = 'color', over?: Locator): Promise<number> {
  return contrastRatio(await seen(locator, fg), await seen(over ?? locator, 'background-color'));
}

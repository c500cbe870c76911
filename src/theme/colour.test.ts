import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { clampLuminance, luminanceOf, mix, parseColour, reach, readableOn, toHex } from './colour';

describe('parseColour', () => {
  it('reads hex colours', () => {
    expect(parseColour('#1d5bb8')).toEqual([29, 91, 184]);
    expect(parseColour('#FFF')).toEqual([255, 255, 255]);
  });
  it('gives up on what it does not measure', () => {
    for (const c of ['red', 'hsl(0 50% 50%)', 'rgb(10 20 30)', '#12345', 'var(--x)']) expect(parseColour(c)).toBeUndefined();
  });
});

describe('mixing and moving colours', () => {
  it('mixes in sRGB', () => {
    expect(toHex(mix([0, 0, 0], [255, 255, 255], 0.5))).toBe('#808080');
  });
  it('reach moves a colour as little as needed for the ratio: toward black on light, toward white on dark', () => {
    const yellow = parseColour('#ffd43b')!;
    const onWhite = reach(yellow, [[255, 255, 255]], 4.5);
    expect(contrastRatio(toHex(onWhite), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(toHex(onWhite), '#ffffff')).toBeLessThan(4.8); // not all the way to black
    const onDark = reach([29, 91, 184], [[23, 25, 28]], 4.5);
    expect(luminanceOf(onDark)).toBeGreaterThan(luminanceOf([29, 91, 184])); // lightened
    expect(reach([0, 0, 0], [[255, 255, 255]], 4.5)).toEqual([0, 0, 0]); // already fine
  });
  it('clampLuminance brings a colour into a luminance band', () => {
    const l = luminanceOf(clampLuminance([255, 212, 59], 0.03, 0.12));
    expect(l).toBeLessThanOrEqual(0.12);
    expect(l).toBeGreaterThan(0.1);
    expect(luminanceOf(clampLuminance([0, 0, 0], 0.03, 0.12))).toBeGreaterThanOrEqual(0.03);
  });
  it('readableOn keeps the preferred text when it reads, else white or black', () => {
    expect(readableOn([29, 91, 184], [255, 255, 255])).toEqual([255, 255, 255]);
    expect(readableOn([255, 212, 59], [255, 255, 255])).toEqual([0, 0, 0]);
  });
});

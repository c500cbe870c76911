export { DEFAULT_LIGHT, DEFAULT_DARK, resolvePalette, themeCss, varName } from './theme';
export { contrastRatio, luminance } from './contrast';

export { DEFAULT_LIGHT, DEFAULT_DARK, themeCss, varName } from './theme';
export { contrastRatio, luminance } from './contrast';

// The launcher as loader.js draws it before the widget has loaded and as the widget draws it again,
// from one source: its icon, shape and motion. Each adds its place, size and colours after this
// (loader.js as values computed from the configuration, the widget as the theme's --cw-* variables),
// so nothing changes shape, colour or place when the widget arrives. Kept short: it ships in loader.js.

/** A filled speech bubble and a filled chevron (24×24), drawn with `fill: currentColor`. */
export const CHAT_ICON = 'M12 3a9.5 8.5 0 0 0-7.9 13.2L3 21l5.1-1.7A9.5 8.5 0 1 0 12 3z';
export const CLOSE_ICON = 'M5.6 8.6 12 15l6.4-6.4L20 10.2l-8 8-8-8z';

/**
 * A circle; its bubble turns into the chevron while the window is open (aria-expanded); the focus
 * ring is white and near-black, so it shows on any page. Place and colours come from a rule of more
 * weight (`all:unset` here would undo them otherwise).
 */
export const LAUNCHER_CSS =
  '.cw-launch{all:unset;position:fixed;border-radius:50%;display:grid;place-items:center;cursor:pointer;box-shadow:0 4px 14px #0004;transition:transform .15s}' +
  '.cw-launch:hover{transform:scale(1.06)}.cw-launch:focus-visible{outline:0;box-shadow:0 0 0 3px #fff,0 0 0 5px #1b1f24}' +
  '.cw-launch>svg{grid-area:1/1;width:50%;fill:currentColor;transition:.2s}' +
  '.cw-launch[aria-expanded=true]>svg:first-child,.cw-launch[aria-expanded=false]>svg+svg{opacity:0;transform:rotate(-60deg) scale(.5)}';

// Stylesheet for interactive messages (classes `cw-im-*`). Adopt it into the widget's shadow root
// as a constructable stylesheet (no inline styles anywhere: strict CSP).
//
// Theme variables read (src/theme/theme.ts sets every one on :host):
//   --cw-primary      fill of the primary button (--cw-primary-hover under the pointer)
//   --cw-on-primary   text on --cw-primary
//   --cw-accent       brand-coloured text and lines: chips, links, paging, the selected slot
//   --cw-background   button background
//   --cw-surface      hover / selected background
//   --cw-text         text
//   --cw-muted        subtitles, notices
//   --cw-border       outlines of options
//   --cw-focus        focus ring
//   --cw-radius       corner radius
//   --cw-font         font family
// Visually hidden text uses the widget's .cw-sr (src/ui/styles.ts). The carousel's strip reaches to
// the edges of its bubble (whose inline padding is 12px), so the next card peeks in from the edge.
export const interactiveStyles = `
.cw-im{display:flex;flex-direction:column;gap:8px;min-width:0;font-family:var(--cw-font);color:var(--cw-text)}
.cw-im-header{display:flex;flex-direction:column;gap:2px}
.cw-im-hero{display:block;max-width:100%;max-height:180px;object-fit:cover;border-radius:var(--cw-radius)}
.cw-im-title{font-weight:600}
.cw-im-subtitle,.cw-im-option-subtitle,.cw-im-tp-slot-duration{color:var(--cw-muted);font-size:.875em}
.cw-im-picker,.cw-im-quickreply,.cw-im-timepicker,.cw-im-carousel{display:flex;flex-direction:column;gap:8px}
.cw-im-options,.cw-im-chips{list-style:none;margin:0;padding:0;display:flex;gap:6px}
.cw-im-options{flex-direction:column}
.cw-im-chips{flex-wrap:wrap}
.cw-im-option,.cw-im-chip,.cw-im-tp-slot,.cw-im-tp-page,.cw-im-tp-clear,.cw-im-tp-confirm,.cw-im-tp-day-button,.cw-im-carousel-prev,.cw-im-carousel-next,.cw-im-retry{
font:inherit;color:var(--cw-text);background:var(--cw-background);border:1px solid var(--cw-border);
border-radius:var(--cw-radius);padding:8px 12px;min-height:44px;cursor:pointer;box-sizing:border-box}
.cw-im-option{display:flex;align-items:center;gap:10px;width:100%;text-align:start}
.cw-im-option-text{display:flex;flex-direction:column;min-width:0}
.cw-im-option-image{width:40px;height:40px;flex:none;object-fit:cover;border-radius:4px}
.cw-im-option-link{color:var(--cw-accent);text-decoration:underline}
.cw-im-option-inert{cursor:default;text-decoration:none;color:var(--cw-muted)}
.cw-im-option-paging{justify-content:center;font-weight:600;color:var(--cw-accent)}
.cw-im-chip{border-radius:999px;border-color:var(--cw-accent);color:var(--cw-accent)}
.cw-im-option:hover,.cw-im-chip:hover,.cw-im-tp-slot:hover,.cw-im-tp-page:hover,.cw-im-tp-clear:hover,.cw-im-tp-day-button:hover,.cw-im-carousel-prev:hover,.cw-im-carousel-next:hover{background:var(--cw-surface)}
.cw-im button:focus-visible,.cw-im a:focus-visible,.cw-im [tabindex]:focus-visible{outline:2px solid var(--cw-focus);outline-offset:2px}
.cw-im [aria-disabled="true"]{opacity:.55;cursor:not-allowed}
.cw-im-primary{background:var(--cw-primary);color:var(--cw-on-primary);border-color:var(--cw-primary);font-weight:600}
.cw-im-primary:hover{background:var(--cw-primary-hover)}
.cw-im-tp-day-nav,.cw-im-carousel-nav{display:flex;align-items:center;gap:8px}
.cw-im-tp-day,.cw-im-carousel-position{flex:1;text-align:center;font-weight:600}
.cw-im-tp-day-button,.cw-im-carousel-prev,.cw-im-carousel-next{width:44px;padding:0;border-radius:50%;font-size:1.25em;line-height:1}
.cw-im-tp-slots{display:flex;flex-direction:column;gap:6px}
.cw-im-tp-slot{display:flex;justify-content:space-between;align-items:center;gap:8px;text-align:start}
.cw-im-tp-slot[aria-checked="true"]{border:2px solid var(--cw-accent);background:var(--cw-surface);font-weight:600}
.cw-im-tp-slot[aria-checked="true"] .cw-im-tp-slot-time::before{content:"\\2713\\00a0";content:"\\2713\\00a0" / ""}
.cw-im-tp-controls{display:flex;flex-wrap:wrap;gap:6px}
.cw-im-tp-confirm{flex:1 1 100%}
.cw-im-carousel-track{display:flex;gap:8px;overflow-x:auto;scroll-snap-type:x mandatory;overscroll-behavior-x:contain;scrollbar-width:none;margin-inline:-12px;padding:2px 12px 4px;scroll-padding-inline:12px}
.cw-im-carousel-slide{flex:0 0 calc(100% - 36px);min-width:0;display:flex;scroll-snap-align:start;border-radius:var(--cw-radius);outline-offset:-2px}
.cw-im-carousel-slide:not(.cw-im-current){cursor:pointer;opacity:.7}
.cw-im-carousel-card{flex:1;min-width:0;overflow:hidden;padding:0 10px 10px;border:1px solid color-mix(in srgb,var(--cw-border) 50%,transparent);border-radius:var(--cw-radius);background:var(--cw-background)}
.cw-im-carousel-card .cw-im-header{padding-top:10px}
.cw-im-carousel-card .cw-im-hero{width:calc(100% + 20px);max-width:none;max-height:none;margin:-10px -10px 6px;aspect-ratio:16/9;object-fit:cover;border-radius:0}
.cw-im-notice,.cw-im-answer{margin:0;color:var(--cw-muted)}
.cw-im-notice{font-style:italic}
.cw-im-collapsed{gap:2px}
@media (forced-colors:active){.cw-im-tp-slot[aria-checked="true"]{outline:2px solid Highlight}.cw-im [aria-disabled="true"]{opacity:1}}
`;

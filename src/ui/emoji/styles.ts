// Styles of the emoji picker (registered with late-styles.ts when its chunk arrives). Groups out of
// view are empty boxes until scrolled near (emoji-picker.tsx).
export const emojiStyles = `
.cw-comp{position:relative}
.cw-emo{position:absolute;z-index:4;bottom:calc(100% + 6px);inset-inline:8px;display:flex;flex-direction:column;height:min(340px,55vh);background:var(--cw-background);color:var(--cw-text);border:1px solid color-mix(in srgb,var(--cw-border) 60%,transparent);border-radius:var(--cw-radius);box-shadow:0 8px 28px rgb(0 0 0/.22);overflow:hidden}
.cw-emo-loading{display:grid;place-items:center;color:var(--cw-muted);font-size:.9em}
.cw-emo-top{display:flex;gap:6px;padding:8px 8px 4px}
.cw-emo-q{flex:1;min-width:0;padding:6px 10px;border:1px solid var(--cw-border);border-radius:8px;font:inherit;font-size:.9em;color:var(--cw-text);background:var(--cw-background)}
.cw-emo-tone,.cw-emo-tab,.cw-emo-e{display:grid;place-items:center;border-radius:8px;font-family:"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji",var(--cw-font);line-height:1}
.cw-emo-tone{width:34px;font-size:20px}
.cw-emo-tabs{display:flex;justify-content:space-between;padding:0 6px 4px;border-bottom:1px solid color-mix(in srgb,var(--cw-border) 35%,transparent)}
.cw-emo-tab{width:32px;height:30px;font-size:18px;filter:grayscale(.6)}
.cw-emo-tab:hover,.cw-emo-tab:focus-visible{filter:none}
.cw-emo-grid{flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;padding:0 6px 6px}
.cw-emo-h{position:sticky;top:0;z-index:1;padding:8px 4px 4px;font-size:.75em;font-weight:650;color:var(--cw-muted);background:var(--cw-background)}
.cw-emo-cells{display:grid;grid-template-columns:repeat(8,1fr)}
.cw-emo-e{aspect-ratio:1;font-size:24px}
.cw-emo-e:hover,.cw-emo-tone:hover,.cw-emo-tab:hover{background:var(--cw-surface)}
.cw-emo .cw-emo-e:focus-visible{outline-offset:-2px}
.cw-emo-none{padding:24px 8px;text-align:center;color:var(--cw-muted);font-size:.9em}
.cw-emo-foot{display:flex;align-items:center;gap:8px;min-height:40px;padding:4px 10px;border-top:1px solid color-mix(in srgb,var(--cw-border) 35%,transparent);font-size:.85em;color:var(--cw-muted)}
.cw-emo-big{font-size:24px;line-height:1}
.cw-emo-name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
`;

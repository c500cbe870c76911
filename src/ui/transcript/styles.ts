// Styles of the transcript's rows: runs of one sender (close together, inner corners tightened, the
// name over the first bubble, the avatar beside the last, the time under the last and, inside a run,
// on hover or focus), avatars, day separators. Appended after the shell's styles (ui/styles.ts).
export const transcriptStyles = `
.cw-row{padding-top:2px}
.cw-row.cw-first{padding-top:12px}
.cw-line{position:relative;display:flex;align-self:stretch;align-items:flex-end;gap:6px;min-width:0}
.cw-own .cw-line{justify-content:flex-end}
.cw-line>.cw-wide{flex:1;min-width:0;width:auto}
.cw-own:not(.cw-last) .cw-bubble{border-end-end-radius:5px}
.cw-own:not(.cw-first) .cw-bubble{border-start-end-radius:5px}
.cw-row:not(.cw-own):not(.cw-last) .cw-bubble{border-end-start-radius:5px}
.cw-row:not(.cw-own):not(.cw-first) .cw-bubble{border-start-start-radius:5px}
.cw-avs .cw-name,.cw-avs .cw-meta{margin-inline-start:38px}
.cw-av,.cw-av-gap{flex:none;width:28px;height:28px}
.cw-av{display:grid;place-items:center;overflow:hidden;border-radius:50%;font-size:11px;font-weight:700;line-height:1;letter-spacing:.02em;object-fit:cover;background:var(--cw-primary);color:var(--cw-on-primary);user-select:none}
.cw-av .cw-i{width:17px;height:17px}
.cw-av-bot{border-radius:8px;background:var(--cw-bot-bubble);color:var(--cw-bot-text);box-shadow:inset 0 0 0 1px color-mix(in srgb,var(--cw-bot-text) 22%,transparent)}
img.cw-av{background:var(--cw-surface)}
.cw-av-lg{width:36px;height:36px;font-size:13px}
.cw-who{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cw-head .cw-av-agent{background:var(--cw-on-header);color:var(--cw-header)}
.cw-line[data-time]::after{content:attr(data-time);position:absolute;top:50%;inset-inline-end:2px;transform:translateY(-50%);font-size:.72em;color:var(--cw-muted);opacity:0;transition:opacity .12s;pointer-events:none}
.cw-own .cw-line[data-time]::after{inset-inline:2px auto}
.cw-row:hover .cw-line::after,.cw-row:focus-within .cw-line::after{opacity:1}
.cw-day{display:flex;align-items:center;gap:10px;padding:18px 4px 4px}
.cw-day::before,.cw-day::after{content:'';flex:1;border-top:1px solid color-mix(in srgb,var(--cw-border) 40%,transparent)}
.cw-img{max-width:240px;background:var(--cw-surface)}
.cw-fmeta{flex:1;min-width:0;display:flex;flex-direction:column;text-align:start;line-height:1.3}
.cw-fdetail{font-size:.78em;color:var(--cw-muted)}
.cw-imgfail{display:flex;flex-direction:column;gap:4px;align-items:center;justify-content:center;text-align:center;border-radius:var(--cw-radius)}
`;

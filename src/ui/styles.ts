// Component styles of the widget shell. They read only --cw-* variables (src/theme), use logical
// properties so right-to-left locales mirror by themselves, and live in a constructable stylesheet
// (mount.ts), so no inline <style> or style="" is ever needed. Comments stay out here: the text ships.
// - The menu sits in the header but is drawn on the surface: its ring is the focus colour, and only
//   the pointer or keyboard focus (:focus-visible) highlights an item, so a click that opens the menu
//   focuses the first item without marking it.
// - Filled controls under the pointer take --cw-primary-hover, a step away from their text colour.
// - The launcher's icon, shape and motion are look.ts's, shared with loader.js (the last rules, so its
//   focus ring wins); its place and colours come from a weightier rule here.
// - The window fits the pre-chat form (no empty area under it), up to its usual height. While the
//   shell loader.js drew on the click is still under it, the window does not play the opening motion
//   again (the visitor has seen the window appear). While the chat is on its way a bar under the
//   header moves, as in the shell.
// - Motion: the window grows from its corner on opening and shrinks back on closing (@starting-style,
//   display as a discrete transition; browsers without them just show and hide it), a message that
//   arrives while the visitor is at the bottom slides in (transcript/arrivals.ts), the typing line
//   fades in. prefers-reduced-motion turns all of it off (the progress bars go: standing still they
//   would say nothing).
import { LAUNCHER_CSS } from './look';

export const STYLES = `
/* The page's inherited styles reach the host (and beat :host rules): reset them one level in. */
.cw{all:initial;display:block;font:var(--cw-font-size)/1.45 var(--cw-font);color:var(--cw-text)}
:where(.cw) *,:where(.cw) ::before,:where(.cw) ::after{box-sizing:border-box}
:where(.cw button){font:inherit;color:inherit;cursor:pointer;border:0;background:none;padding:0;margin:0}
:where(.cw button:disabled){cursor:default;opacity:.55}
.cw :focus-visible{outline:2px solid var(--cw-focus);outline-offset:2px}
.cw p{margin:0}
.cw-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.cw-i{width:22px;height:22px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round;flex:none}
[dir=rtl] .cw-flip{transform:scaleX(-1)}
.cw .cw-launch{z-index:var(--cw-z);bottom:var(--cw-bottom);left:var(--cw-left);right:var(--cw-right);width:var(--cw-launcher-size);height:var(--cw-launcher-size);background:var(--cw-primary);color:var(--cw-on-primary)}
.cw-dot{position:absolute;top:1px;inset-inline-end:1px;width:14px;height:14px;border-radius:50%;background:var(--cw-muted);border:2px solid var(--cw-background)}
.cw-badge{position:absolute;top:-4px;inset-inline-end:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:var(--cw-badge);color:var(--cw-badge-text);font-size:12px;font-weight:700;line-height:22px;text-align:center}
.cw-win{position:fixed;z-index:var(--cw-z);left:var(--cw-left);right:var(--cw-right);bottom:calc(var(--cw-bottom) + var(--cw-launcher-size) + 12px);width:var(--cw-width);max-width:calc(100vw - 16px);height:min(var(--cw-height),calc(100dvh - var(--cw-bottom) - var(--cw-launcher-size) - 24px));display:flex;flex-direction:column;overflow:hidden;background:var(--cw-background);border:1px solid color-mix(in srgb,var(--cw-border) 40%,transparent);border-radius:var(--cw-radius);box-shadow:0 8px 32px rgb(0 0 0/.28)}
.cw-win{transform-origin:bottom var(--cw-side);transition:opacity .18s ease-out,transform .24s cubic-bezier(.2,.8,.3,1),display .24s allow-discrete}
.cw-win[hidden]{display:none;opacity:0;transform:translateY(16px) scale(.97)}
@starting-style{.cw-win:not([hidden]){opacity:0;transform:translateY(16px) scale(.97)}}
.cw-shell~* .cw-win{transition:none}
.cw-bar{flex:none;height:3px;overflow:hidden}
.cw-bar::before{content:"";display:block;width:40%;height:100%;background:var(--cw-primary);animation:cw-bar 1.2s infinite}
@keyframes cw-bar{0%{translate:-100%}to{translate:250%}}
@keyframes cw-arrive{from{opacity:0;transform:translateY(8px)}}
.cw-arrive{animation:cw-arrive .22s ease-out}
@keyframes cw-fade{from{opacity:0}}
.cw-typing:not(:empty){animation:cw-fade .2s ease-out}
.cw-head{display:flex;align-items:center;gap:8px;padding:10px;padding-inline-start:16px;background:var(--cw-header);color:var(--cw-on-header)}
.cw-head :focus-visible{outline-color:var(--cw-on-header)}
.cw-logo{max-height:32px;max-width:96px}
.cw-titles{flex:1;min-width:0}
.cw-titles h2{margin:0;font-size:1.05em;font-weight:650;line-height:1.3}
.cw-titles p{font-size:.82em}
.cw-icon{width:40px;height:40px;border-radius:50%;display:grid;place-items:center;flex:none}
.cw-icon:hover:not(:disabled){background:color-mix(in srgb,currentColor 14%,transparent)}
.cw-sm{width:30px;height:30px}.cw-sm .cw-i{width:16px;height:16px}
.cw-menuwrap{position:relative}
.cw-menu{position:absolute;top:100%;inset-inline-end:0;z-index:3;min-width:210px;padding:4px;background:var(--cw-surface);color:var(--cw-text);border:1px solid var(--cw-border);border-radius:8px;box-shadow:0 6px 20px rgb(0 0 0/.2)}
.cw-head .cw-menu :focus-visible{outline:2px solid var(--cw-focus);outline-offset:-2px}
.cw-mi{display:block;width:100%;text-align:start;padding:9px 12px;border-radius:6px}
.cw-mi:hover,.cw-mi:focus-visible{background:var(--cw-background)}
.cw-mi[aria-disabled=true]{color:var(--cw-muted);cursor:default;background:none}
.cw-menu{max-width:min(300px,calc(100vw - 32px))}
.cw-body{position:relative;flex:1;min-height:0;display:flex;flex-direction:column;overflow:hidden}
.cw-banner{position:absolute;top:0;inset-inline:0;z-index:2;padding:6px 12px;text-align:center;font-size:.85em;background:var(--cw-surface);color:var(--cw-text);border-bottom:2px solid var(--cw-error);visibility:hidden;transform:translateY(-110%);transition:transform .2s,visibility .2s}
.cw-banner.cw-show{visibility:visible;transform:none}
.cw-banner.cw-ok{border-color:var(--cw-success)}
.cw-logwrap{position:relative;flex:1;min-height:0;display:flex}
.cw-log{flex:1;overflow-y:auto;overflow-anchor:none;overscroll-behavior:contain;padding:4px 12px 0}
.cw-row{display:flex;flex-direction:column;align-items:flex-start}
.cw-own{align-items:flex-end}
.cw-name{font-size:.8em;color:var(--cw-muted);margin:0 4px 2px}
.cw-bubble{max-width:85%;padding:8px 12px;border-radius:var(--cw-radius);background:var(--cw-agent-bubble);color:var(--cw-agent-text);overflow-wrap:anywhere}
.cw-own .cw-bubble{background:var(--cw-own-bubble);color:var(--cw-own-text)}
.cw-own .cw-meta{justify-content:flex-end}
.cw-own.cw-undelivered .cw-bubble{background:var(--cw-background);color:var(--cw-text);border:1px dashed var(--cw-error)}
.cw-bot .cw-bubble{background:var(--cw-bot-bubble);color:var(--cw-bot-text)}
.cw-wide{width:100%;max-width:100%}
.cw-im-pending{display:flex;flex-direction:column;gap:8px}.cw-im-pending .cw-im-title{font-weight:600}.cw-im-pending .cw-im-notice{color:var(--cw-muted);font-style:italic}
.cw-bubble a{color:inherit;text-decoration:underline}
.cw-bubble[aria-busy=true]::after{content:'▍';animation:cw-blink 1s steps(1) infinite}
.cw-att{max-width:85%}
.cw-meta{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:2px 4px 0;font-size:.75em;color:var(--cw-muted)}
.cw-fail{color:var(--cw-error);font-weight:600}
.cw-link{text-decoration:underline;color:var(--cw-accent);font-size:inherit}
.cw-day{text-align:center;font-size:.78em;font-weight:600;color:var(--cw-muted)}
.cw-notice{padding:8px 12px;text-align:center;font-size:.82em;color:var(--cw-muted)}
.cw-auth{display:flex;flex-wrap:wrap;gap:8px;justify-content:center;align-items:center;margin-top:6px;color:var(--cw-text)}
.cw-typing{min-height:1.9em;padding:4px 4px 6px;font-size:.8em;color:var(--cw-muted)}
.cw-dots{display:inline-flex;gap:3px;margin-inline-end:6px;vertical-align:middle}
.cw-dots i{width:5px;height:5px;border-radius:50%;background:currentColor;animation:cw-blink 1.2s infinite}
.cw-dots i:nth-child(2){animation-delay:.2s}.cw-dots i:nth-child(3){animation-delay:.4s}
@keyframes cw-blink{50%{opacity:.25}}
.cw-older,.cw-jump{position:absolute;left:50%;transform:translateX(-50%);padding:5px 14px;border-radius:16px;font-size:.82em;box-shadow:0 2px 8px rgb(0 0 0/.2)}
.cw-older{top:8px;background:var(--cw-surface)}
.cw-jump{bottom:10px;background:var(--cw-primary);color:var(--cw-on-primary)}
.cw-file{display:flex;align-items:center;gap:8px;max-width:100%;padding:8px 12px;border:1px solid var(--cw-border);border-radius:var(--cw-radius);background:var(--cw-surface);color:var(--cw-text)}
.cw-rej{color:var(--cw-error);border-color:var(--cw-error);flex-wrap:wrap}
.cw-imgbtn{display:block;border-radius:var(--cw-radius);overflow:hidden}
.cw-img{display:block;max-height:240px}
.cw-imgph{display:grid;place-items:center;width:160px;height:120px;padding:8px;background:var(--cw-surface);color:var(--cw-muted);font-size:.8em}
.cw-fname{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;text-align:start}
.cw-comp{padding:8px;border-top:1px solid color-mix(in srgb,var(--cw-border) 45%,transparent);background:var(--cw-surface)}
.cw-inrow{display:flex;align-items:flex-end;gap:4px}
.cw-ta{flex:1;min-height:40px;max-height:160px;resize:none;padding:8px 10px;border:1px solid var(--cw-border);border-radius:10px;font:inherit;color:var(--cw-text);background:var(--cw-background)}
.cw-ta[aria-invalid=true]{border-color:var(--cw-error)}
.cw-send:not(:disabled){background:var(--cw-primary);color:var(--cw-on-primary)}
.cw-send:hover:not(:disabled),.cw-pri:hover:not(:disabled),.cw-jump:hover{background:var(--cw-primary-hover)}
.cw-btn:hover:not(:disabled):not(.cw-pri):not(.cw-danger){background:var(--cw-surface)}
.cw-count{padding:2px 4px 0;text-align:end;font-size:.75em;color:var(--cw-muted)}
.cw-over{color:var(--cw-error);font-weight:600}
.cw-note{padding:2px 4px 0;font-size:.8em;color:var(--cw-error)}
.cw-tray{display:flex;flex-direction:column;gap:4px;list-style:none;margin:0 0 6px;padding:0}
.cw-tray li{display:flex;align-items:center;gap:8px;padding:4px 4px 4px 8px;font-size:.85em;border:1px solid var(--cw-border);border-radius:8px;background:var(--cw-background)}
.cw-tray .cw-bad{border-color:var(--cw-error)}
.cw-tray progress{width:72px}
.cw-thumb{width:40px;height:40px;object-fit:cover;border-radius:4px}
.cw-err{display:block;margin-top:2px;font-size:.85em;color:var(--cw-error);white-space:normal}
.cw-alert{display:flex;gap:8px;align-items:center;justify-content:space-between;margin:0 8px 6px;padding:6px 10px;border:1px solid var(--cw-error);border-radius:8px;background:var(--cw-background);color:var(--cw-error);font-size:.85em}
.cw-ended{margin-bottom:8px;text-align:center;font-size:.9em}
.cw-drop{position:absolute;inset:8px;z-index:5;display:grid;place-items:center;border:3px dashed var(--cw-accent);border-radius:var(--cw-radius);background:color-mix(in srgb,var(--cw-background) 90%,transparent);color:var(--cw-text);font-weight:650;pointer-events:none}
.cw-modal{position:absolute;inset:0;z-index:6;display:grid;place-items:center;padding:16px;background:rgb(0 0 0/.45)}
.cw-card{max-width:320px;padding:18px;border-radius:var(--cw-radius);background:var(--cw-background);color:var(--cw-text);box-shadow:0 8px 24px rgb(0 0 0/.3)}
.cw-btns{display:flex;flex-wrap:wrap;gap:8px;justify-content:center;margin-top:12px}
.cw-card .cw-btns{justify-content:flex-end}
.cw-btn{padding:8px 14px;border:1px solid var(--cw-border);border-radius:10px;background:var(--cw-background);color:var(--cw-text)}
.cw-pri{background:var(--cw-primary);border-color:var(--cw-primary);color:var(--cw-on-primary)}
.cw-danger{background:var(--cw-error);border-color:var(--cw-error);color:var(--cw-background)}
.cw-center{flex:1;display:flex;flex-direction:column;gap:12px;align-items:center;justify-content:center;padding:24px;text-align:center;color:var(--cw-muted)}
.cw-form{flex:1;overflow:auto;display:flex;flex-direction:column;gap:14px;padding:16px}
@media (min-width:481px){.cw-win:has(.cw-form){height:auto;max-height:min(var(--cw-height),calc(100dvh - var(--cw-bottom) - var(--cw-launcher-size) - 24px))}}
.cw-field label{display:block;margin-bottom:4px;font-size:.9em;font-weight:600}
.cw-req{font-weight:400;color:var(--cw-muted)}
.cw-input{width:100%;padding:8px 10px;border:1px solid var(--cw-border);border-radius:8px;font:inherit;color:var(--cw-text);background:var(--cw-background)}
.cw-input[aria-invalid=true]{border-color:var(--cw-error)}
.cw .cw-check{display:flex;gap:8px;align-items:flex-start;font-weight:400}
.cw-check input{margin-top:.3em}
@media (max-width:480px){.cw-win{left:0;right:0;top:var(--cw-vvt,0);bottom:auto;width:100%;max-width:none;height:var(--cw-vvh,100dvh);border:0;border-radius:0}.cw-open .cw-launch{display:none}}
@media (prefers-reduced-motion:reduce){.cw *,.cw ::before{transition:none!important;animation:none!important}.cw-bar{display:none}}
` + LAUNCHER_CSS;

// Stylesheet for views (classes `cw-view-*` and the 12-column grid `cw-col-1` … `cw-col-12`).
// Adopt it into the widget's shadow root as a constructable stylesheet, together with
// interactiveStyles (views reuse .cw-im, .cw-im-fallback, .cw-im-notice, .cw-im-retry).
//
// Theme variables read (src/theme/theme.ts sets every one on :host): --cw-primary (fills; under the
// pointer --cw-primary-hover), --cw-on-primary, --cw-accent (brand-coloured text: links),
// --cw-background, --cw-surface, --cw-text, --cw-muted, --cw-border, --cw-error, --cw-success,
// --cw-focus, --cw-radius, --cw-font.
// The grid stacks to one column when the view is narrower than 400px (container query), so
// layouts made for the agent's wide screen stay readable in a chat window.
// Comments stay out of the CSS text (it ships as it is):
// - In the chat the message bubble frames the view: a form draws no box of its own, and its
//   sections are separated by a hairline (a floated legend is an ordinary block, so the line runs
//   unbroken).
// - Action buttons share a row in equal widths; a row that cannot hold them wraps, and each line
//   is filled. A link-style action sits flush with the text, not indented. A list of choices (a
//   detail's actions, all equal) is a column of full-width buttons.
// - The stepper: one line of numbered steps joined by rules; names that do not fit end in "…" (the
//   current step gives up the least room), never wrapping.

const columns = Array.from({ length: 12 }, (_, i) => `.cw-col-${i + 1}{grid-column:span ${i + 1}}`).join('');

export const viewStyles = `
.cw-view{container-type:inline-size;display:flex;flex-direction:column;gap:10px;min-width:0;font-family:var(--cw-font);color:var(--cw-text)}
.cw-view-scope{display:flex;flex-direction:column;gap:10px}
.cw-view-grid{display:grid;grid-template-columns:repeat(12,minmax(0,1fr));gap:10px}
${columns}
@container (max-width:400px){.cw-view-grid>[class*="cw-col-"]{grid-column:span 12}}
.cw-view-row{display:flex;flex-wrap:wrap;gap:8px}
.cw-view-heading{font-size:1.05em;font-weight:700;margin:0}
.cw-view-subheading{font-size:1em;font-weight:600;margin:0}
.cw-view-subtitle,.cw-view-caption,.cw-view-hint,.cw-view-card-description,.cw-view-list-description,.cw-view-attribute-label{color:var(--cw-muted)}
.cw-view-caption,.cw-view-hint{font-size:.875em}
.cw-view-text,.cw-view-subtitle,.cw-view-caption,.cw-view-hint{margin:0}
.cw-view-container,.cw-view-form,.cw-view-section,.cw-view-datasection,.cw-view-detail{display:flex;flex-direction:column;gap:8px;min-width:0}
.cw-view-form,.cw-view-section{border:0;padding:0;margin:0;min-inline-size:0}
.cw-view-section{border-top:1px solid color-mix(in srgb,var(--cw-border) 45%,transparent);padding-top:10px}
.cw-view-section.cw-view-borderless{border:0;padding-top:0}
.cw-view-legend{float:inline-start;width:100%;padding:0;margin:0 0 2px;font-weight:650}
.cw-view-legend+*{clear:both}
.cw-view-card-list,.cw-view-list{list-style:none;margin:0;padding:0}
.cw-view-list{display:flex;flex-direction:column;gap:6px}
.cw-view-card,.cw-view-list-button{display:flex;flex-direction:column;align-items:flex-start;gap:2px;width:100%;box-sizing:border-box;
font:inherit;text-align:start;color:var(--cw-text);background:var(--cw-background);border:1px solid var(--cw-border);border-radius:var(--cw-radius);padding:10px 12px}
.cw-view-card-action,.cw-view-list-button{cursor:pointer;min-height:44px}
.cw-view-card-action:hover,.cw-view-list-button:hover{background:var(--cw-surface)}
.cw-view-card-wrap{display:flex;flex-direction:column;gap:6px}
.cw-view-card-heading,.cw-view-list-heading{font-weight:600}
.cw-view-card-status{font-size:.8em;font-weight:600;color:var(--cw-success)}
.cw-view-buttons{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.cw-view-buttons>.cw-view-button:not(.cw-view-link){flex:1 1 0;min-width:fit-content}
.cw-view-choices{flex-direction:column;align-items:stretch}
.cw-view-choices>.cw-view-button{flex:none;text-align:start}
.cw-view-button,.cw-view-copy,.cw-view-step-button{font:inherit;cursor:pointer;min-height:44px;padding:8px 14px;border-radius:var(--cw-radius);
border:1px solid var(--cw-border);background:var(--cw-background);color:var(--cw-text)}
.cw-view-button:hover:where(:not(.cw-view-link)),.cw-view-copy:hover,.cw-view-step-button:hover{background:var(--cw-surface)}
.cw-view-primary{background:var(--cw-primary);color:var(--cw-on-primary);border-color:var(--cw-primary);font-weight:600}
.cw-view-primary:hover{background:var(--cw-primary-hover)}
.cw-view-link{border-color:transparent;background:transparent;color:var(--cw-accent);text-decoration:underline;padding-inline:0;min-height:32px}
.cw-view-copy{min-height:32px;padding:2px 8px;margin-inline-start:8px;font-size:.85em}
.cw-view [aria-disabled="true"]{opacity:.55;cursor:not-allowed}
.cw-view button:focus-visible,.cw-view a:focus-visible,.cw-view input:focus-visible,.cw-view select:focus-visible,.cw-view textarea:focus-visible,.cw-view [tabindex]:focus-visible{outline:2px solid var(--cw-focus);outline-offset:2px}
.cw-view-field{display:flex;flex-direction:column;gap:4px;min-width:0}
.cw-view-label{font-weight:600}
.cw-view-required{color:var(--cw-error)}
.cw-view-input,.cw-view-select,.cw-view-textarea{font:inherit;color:var(--cw-text);background:var(--cw-background);border:1px solid var(--cw-border);border-radius:var(--cw-radius);padding:8px 10px;min-height:44px;box-sizing:border-box;width:100%;min-width:0}
.cw-view-textarea{min-height:88px;resize:vertical}
.cw-view [aria-invalid="true"]{border:2px solid var(--cw-error)}
.cw-view-error,.cw-view-error-heading{color:var(--cw-error);font-weight:600;margin:0}
.cw-view-error::before{content:"! ";content:"! " / ""}
.cw-view-error-summary{margin:0;padding:8px 10px;border:2px solid var(--cw-error);border-radius:var(--cw-radius);color:var(--cw-error);font-weight:600}
.cw-view-error-box{padding:8px 10px;border-inline-start:3px solid var(--cw-error);border-radius:4px;background:color-mix(in srgb,var(--cw-error) 7%,transparent)}
.cw-view-attributes{display:flex;flex-wrap:wrap;gap:6px 16px;margin:0}
.cw-view-attribute{display:flex;flex-direction:column;min-width:0}
.cw-view-attribute-label{font-size:.8em}
.cw-view-attribute-value{margin:0;font-weight:600;overflow-wrap:anywhere}
.cw-view-attribute-value a{color:var(--cw-accent)}
.cw-view-wizard{min-width:0;padding:2px 0 10px;border-bottom:1px solid color-mix(in srgb,var(--cw-border) 45%,transparent)}
.cw-view-steps{list-style:none;margin:0;padding:0;display:flex;align-items:center;gap:6px}
.cw-view-step{flex:1 1 auto;min-width:0;display:flex;align-items:center;gap:6px;color:var(--cw-muted);font-size:.9em}
.cw-view-step:first-child{flex-grow:0}
.cw-view-step+.cw-view-step::before{content:"";flex:1 1 8px;min-width:8px;height:1px;background:currentColor;opacity:.6}
.cw-view-step-current{flex-shrink:.2;color:var(--cw-text);font-weight:700}
.cw-view-step-name{min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cw-view-step-number{flex:none;display:inline-flex;align-items:center;justify-content:center;width:1.6em;height:1.6em;border-radius:50%;border:1px solid currentColor;font-size:.85em}
.cw-view-step-current .cw-view-step-number{background:var(--cw-primary);color:var(--cw-on-primary);border-color:var(--cw-primary)}
.cw-view-step-button{display:flex;align-items:center;gap:6px;min-width:0;max-width:100%;min-height:36px;padding:4px 6px;border-color:transparent;background:transparent;color:inherit;font:inherit}
.cw-view-graphic{width:48px;height:48px}
.cw-view-graphic-ring{fill:none;stroke:var(--cw-success);stroke-width:3}
.cw-view-graphic-check{fill:none;stroke:var(--cw-success);stroke-width:4;stroke-linecap:round;stroke-linejoin:round}
.cw-view-notice{margin:0;color:var(--cw-muted);font-style:italic}
.cw-view-unknown{display:flex;flex-direction:column;gap:6px}
.cw-view-loading{color:var(--cw-muted)}
@media (forced-colors:active){.cw-view [aria-disabled="true"]{opacity:1}}
`;

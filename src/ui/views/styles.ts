// Stylesheet for views (classes `cw-view-*` and the 12-column grid `cw-col-1` … `cw-col-12`).
// Adopt it into the widget's shadow root as a constructable stylesheet, together with
// interactiveStyles (views reuse .cw-im, .cw-im-fallback, .cw-im-notice, .cw-im-retry).
//
// Theme variables read, each with a fallback: --cw-primary, --cw-on-primary, --cw-background,
// --cw-surface, --cw-text, --cw-muted, --cw-border, --cw-error, --cw-success, --cw-focus,
// --cw-radius, --cw-font (see src/theme/theme.ts).
// The grid stacks to one column when the view is narrower than 400px (container query), so
// layouts made for the agent's wide screen stay readable in a chat window.

const columns = Array.from({ length: 12 }, (_, i) => `.cw-col-${i + 1}{grid-column:span ${i + 1}}`).join('');

export const viewStyles = `
.cw-view{container-type:inline-size;display:flex;flex-direction:column;gap:10px;min-width:0;font-family:var(--cw-font,inherit);color:var(--cw-text,inherit)}
.cw-view-scope{display:flex;flex-direction:column;gap:10px}
.cw-view-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
.cw-view-grid{display:grid;grid-template-columns:repeat(12,minmax(0,1fr));gap:10px}
${columns}
@container (max-width:400px){.cw-view-grid>[class*="cw-col-"]{grid-column:span 12}}
.cw-view-row{display:flex;flex-wrap:wrap;gap:8px}
.cw-view-heading{font-size:1.05em;font-weight:700;margin:0}
.cw-view-subheading{font-size:1em;font-weight:600;margin:0}
.cw-view-subtitle,.cw-view-caption,.cw-view-hint,.cw-view-card-description,.cw-view-list-description,.cw-view-attribute-label{color:var(--cw-muted,#56606c)}
.cw-view-caption,.cw-view-hint{font-size:.875em}
.cw-view-text,.cw-view-subtitle,.cw-view-caption,.cw-view-hint{margin:0}
.cw-view-container,.cw-view-form,.cw-view-section,.cw-view-datasection,.cw-view-detail{display:flex;flex-direction:column;gap:8px;min-width:0}
.cw-view-form,.cw-view-section{border:1px solid var(--cw-border,#7d8793);border-radius:var(--cw-radius,8px);padding:10px;margin:0}
.cw-view-form.cw-view-borderless,.cw-view-section.cw-view-borderless{border:0;padding:0}
.cw-view-legend{font-weight:600;padding:0 4px}
.cw-view-card-list,.cw-view-list{list-style:none;margin:0;padding:0}
.cw-view-list{display:flex;flex-direction:column;gap:6px}
.cw-view-card,.cw-view-list-button{display:flex;flex-direction:column;align-items:flex-start;gap:2px;width:100%;box-sizing:border-box;
font:inherit;text-align:start;color:var(--cw-text,#1b1f24);background:var(--cw-background,#fff);border:1px solid var(--cw-border,#7d8793);border-radius:var(--cw-radius,8px);padding:10px 12px}
.cw-view-card-action,.cw-view-list-button{cursor:pointer;min-height:44px}
.cw-view-card-action:hover,.cw-view-list-button:hover{background:var(--cw-surface,#f3f5f8)}
.cw-view-card-wrap{display:flex;flex-direction:column;gap:6px}
.cw-view-card-heading,.cw-view-list-heading{font-weight:600}
.cw-view-card-status{font-size:.8em;font-weight:600;color:var(--cw-success,#1b6e36)}
.cw-view-buttons{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.cw-view-button,.cw-view-copy,.cw-view-step-button{font:inherit;cursor:pointer;min-height:44px;padding:8px 14px;border-radius:var(--cw-radius,8px);
border:1px solid var(--cw-border,#7d8793);background:var(--cw-background,#fff);color:var(--cw-text,#1b1f24)}
.cw-view-button:hover,.cw-view-copy:hover,.cw-view-step-button:hover{background:var(--cw-surface,#f3f5f8)}
.cw-view-primary{background:var(--cw-primary,#1d5bb8);color:var(--cw-on-primary,#fff);border-color:var(--cw-primary,#1d5bb8);font-weight:600}
.cw-view-primary:hover{background:var(--cw-primary,#1d5bb8);filter:brightness(1.08)}
.cw-view-link{border-color:transparent;background:transparent;color:var(--cw-primary,#1d5bb8);text-decoration:underline}
.cw-view-copy{min-height:32px;padding:2px 8px;margin-inline-start:8px;font-size:.85em}
.cw-view [aria-disabled="true"]{opacity:.55;cursor:not-allowed}
.cw-view button:focus-visible,.cw-view a:focus-visible,.cw-view input:focus-visible,.cw-view select:focus-visible,.cw-view textarea:focus-visible,.cw-view [tabindex]:focus-visible{outline:2px solid var(--cw-focus,#1d5bb8);outline-offset:2px}
.cw-view-field{display:flex;flex-direction:column;gap:4px;min-width:0}
.cw-view-label{font-weight:600}
.cw-view-required{color:var(--cw-error,#b3261e)}
.cw-view-input,.cw-view-select,.cw-view-textarea{font:inherit;color:var(--cw-text,#1b1f24);background:var(--cw-background,#fff);border:1px solid var(--cw-border,#7d8793);border-radius:var(--cw-radius,8px);padding:8px 10px;min-height:44px;box-sizing:border-box;width:100%;min-width:0}
.cw-view-textarea{min-height:88px;resize:vertical}
.cw-view [aria-invalid="true"]{border:2px solid var(--cw-error,#b3261e)}
.cw-view-error,.cw-view-error-heading{color:var(--cw-error,#b3261e);font-weight:600;margin:0}
.cw-view-error::before{content:"! ";content:"! " / ""}
.cw-view-error-summary{margin:0;padding:8px 10px;border:2px solid var(--cw-error,#b3261e);border-radius:var(--cw-radius,8px);color:var(--cw-error,#b3261e);font-weight:600}
.cw-view-error-box{padding:8px 10px;border:2px solid var(--cw-error,#b3261e);border-radius:var(--cw-radius,8px)}
.cw-view-attributes{display:flex;flex-wrap:wrap;gap:6px 16px;margin:0}
.cw-view-attribute{display:flex;flex-direction:column;min-width:0}
.cw-view-attribute-label{font-size:.8em}
.cw-view-attribute-value{margin:0;font-weight:600;overflow-wrap:anywhere}
.cw-view-attribute-value a{color:var(--cw-primary,#1d5bb8)}
.cw-view-wizard{min-width:0}
.cw-view-steps{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px 12px}
.cw-view-step{display:flex;align-items:center;gap:6px;color:var(--cw-muted,#56606c)}
.cw-view-step-current{color:var(--cw-text,#1b1f24);font-weight:700}
.cw-view-step-number{display:inline-flex;align-items:center;justify-content:center;width:1.5em;height:1.5em;border-radius:50%;border:1px solid currentColor;font-size:.85em}
.cw-view-step-current .cw-view-step-number{background:var(--cw-primary,#1d5bb8);color:var(--cw-on-primary,#fff);border-color:var(--cw-primary,#1d5bb8)}
.cw-view-step-button{display:inline-flex;align-items:center;gap:6px;min-height:36px;padding:4px 8px}
.cw-view-graphic{width:48px;height:48px}
.cw-view-graphic-ring{fill:none;stroke:var(--cw-success,#1b6e36);stroke-width:3}
.cw-view-graphic-check{fill:none;stroke:var(--cw-success,#1b6e36);stroke-width:4;stroke-linecap:round;stroke-linejoin:round}
.cw-view-notice{margin:0;color:var(--cw-muted,#56606c);font-style:italic}
.cw-view-unknown{display:flex;flex-direction:column;gap:6px}
.cw-view-loading{color:var(--cw-muted,#56606c)}
@media (forced-colors:active){.cw-view [aria-disabled="true"]{opacity:1}}
`;

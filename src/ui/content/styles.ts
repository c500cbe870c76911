// Stylesheet for rendered message content (SafeMarkdown `.cw-md`, SafeText `.cw-text`).
// Adopt it into the widget's shadow root as a constructable stylesheet, next to the theme.
// Reads only theme variables (src/theme/theme.ts sets every one on :host):
//   --cw-border, --cw-surface, --cw-font.
export const contentStyles = `
.cw-md,.cw-text{overflow-wrap:anywhere}
.cw-md-plain{white-space:pre-line}
.cw-text{white-space:pre-wrap}
.cw-md p{margin:0 0 .5em}
.cw-md>:last-child{margin-bottom:0}
.cw-md ul,.cw-md ol{margin:.25em 0 .5em;padding-inline-start:1.25em}
.cw-md h1,.cw-md h2,.cw-md h3,.cw-md h4,.cw-md h5,.cw-md h6{font-size:1em;font-weight:700;margin:.5em 0 .25em}
.cw-md pre{margin:.25em 0 .5em;padding:.5em;overflow:auto;background:var(--cw-surface);border-radius:4px}
.cw-md code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.cw-md blockquote{margin:.25em 0;padding-inline-start:.75em;border-inline-start:3px solid var(--cw-border)}
.cw-md table{border-collapse:collapse;display:block;overflow:auto}
.cw-md th,.cw-md td{border:1px solid var(--cw-border);padding:2px 6px}
.cw-md hr{border:0;border-top:1px solid var(--cw-border)}
.cw-md a,.cw-text a{color:inherit;text-decoration:underline}
`;

// The console's HTML shell and its Content-Security-Policy. No inline script or style: everything
// comes from /agent/console.js and /agent/console.css.

/** Strict: same-origin scripts/styles only, no eval, Trusted Types enforced for DOM sinks. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types none',
].join('; ');

export function consoleHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agent console · Amazon Connect chat emulator</title>
<link rel="stylesheet" href="/agent/console.css">
<script type="module" src="/agent/console.js"></script>
</head>
<body>
<noscript>The agent console needs JavaScript.</noscript>
<div id="app"></div>
</body>
</html>
`;
}

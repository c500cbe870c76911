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

/** A speech bubble, inline (img-src allows data:), so the console asks the server for no /favicon.ico. */
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%231d5bb8'/%3E%3Cpath d='M8 10.5A2.5 2.5 0 0 1 10.5 8h11a2.5 2.5 0 0 1 2.5 2.5v7a2.5 2.5 0 0 1-2.5 2.5H15l-4.5 4v-4A2.5 2.5 0 0 1 8 17.5z' fill='%23fff'/%3E%3C/svg%3E";

export function consoleHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agent console · Amazon Connect chat emulator</title>
<link rel="icon" href="${FAVICON}">
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

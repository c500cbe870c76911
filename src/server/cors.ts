// CORS and the Origin check as pure functions: only the configured origins may start chats, and only
// they are told so (the allowed origin is echoed, never '*').

/** Headers every answer carries: the origin when it is allowed; Vary so caches keep origins apart. */
export function corsHeaders(origin: string | null, allowed: ReadonlySet<string>): Record<string, string> {
  if (origin === null || !allowed.has(origin)) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

/** The answer to a preflight from an allowed origin. */
export function preflightHeaders(origin: string, requestedHeaders: string | null): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST, OPTIONS',
    // The widget sends content-type, plus whatever `startChatHeaders` adds (an API key, say).
    'access-control-allow-headers': requestedHeaders ?? 'content-type',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

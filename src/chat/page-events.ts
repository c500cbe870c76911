// The page's lifecycle events (pagehide, visibilitychange, beforeunload), where there is a page: the
// session runs in Node and workers too, where there is none.

/** The window to listen on, or null without one. */
export function pageEvents(): Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null {
  const g = globalThis as { window?: EventTarget };
  return g.window && typeof g.window.addEventListener === 'function' ? g.window : null;
}

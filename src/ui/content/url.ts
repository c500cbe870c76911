// URL policy for everything untrusted that ends up as a link or an image source.
// Only absolute URLs pass: a relative URL would resolve against the host page, which the
// message author does not control and the visitor would not expect.

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

function parseAbsolute(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 4096) return null;
  try {
    return new URL(trimmed);
  } catch {
    return null;
  }
}

/** The normalized href when `value` is an absolute http(s) or mailto URL, else null. */
export function safeLinkHref(value: unknown): string | null {
  const url = parseAbsolute(value);
  return url && LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/** The normalized src when `value` is an absolute http(s) URL, else null (no data:, blob:, javascript:). */
export function safeImageSrc(value: unknown): string | null {
  const url = parseAbsolute(value);
  return url && IMAGE_PROTOCOLS.has(url.protocol) ? url.href : null;
}

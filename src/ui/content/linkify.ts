// Finds bare http(s) URLs in plain text, so agents' plain-text links are clickable.
import { safeLinkHref } from './url';

export interface TextPart {
  text: string;
  /** Set when this part is a link (already normalized and checked). */
  href?: string;
}

const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Punctuation that usually ends the sentence rather than the URL.
const TRAILING = /[.,;:!?'"\])}>]+$/;

function trimTrailing(url: string): string {
  let out = url.replace(TRAILING, '');
  // Keep a closing parenthesis that balances one inside the URL (Wikipedia-style links).
  const tail = url.slice(out.length);
  if (tail.startsWith(')')) {
    const opens = (out.match(/\(/g) ?? []).length;
    const closes = (out.match(/\)/g) ?? []).length;
    if (opens > closes) out += ')';
  }
  return out;
}

/** Splits `text` into plain and link parts; concatenating every part's text gives `text` back. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    const start = match.index ?? 0;
    const raw = trimTrailing(match[0]);
    const href = safeLinkHref(raw);
    if (!href || raw === '') continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

// Markdown from the other side of the chat -> a sanitized DocumentFragment.
//
// Contract (used by message bubbles, interactive titles and views):
//   renderMarkdown(source, { inline?, links? }, doc?) => DocumentFragment
// The result is DOM, never an HTML string, so callers append it (SafeMarkdown does) and the
// widget works under `require-trusted-types-for 'script'`: no string is ever assigned to
// innerHTML. DOMPurify parses through its own Trusted Types policy (named "dompurify"; a host
// whose CSP has a `trusted-types` allow-list must include that name).
//
// Policy, in order:
//  1. marked (GFM, single newlines become <br>) with a renderer that never passes raw HTML
//     through: tags in the source are shown as text, HTML comments (e.g. the hosted widget's
//     `<!--rehype:target=_self-->` hint) are dropped, and images become their alt text
//     (images reach the transcript only as attachments).
//  2. DOMPurify with a small allow-list of formatting tags and only href/title/start attributes.
//  3. Links: only absolute http(s) and mailto survive, opened in a new tab with
//     rel="noopener noreferrer"; any other link is unwrapped to its text.
import { Marked, type Tokens } from 'marked';
import DOMPurify, { type Config } from 'dompurify';

type Purifier = typeof DOMPurify;
import { safeLinkHref } from './url';

export interface MarkdownOptions {
  /** Inline markdown only (no paragraphs, lists, headings): for titles and labels. Default false. */
  inline?: boolean;
  /** Keep links. False unwraps every link to its text (e.g. inside a button). Default true. */
  links?: boolean;
}

const ALLOWED_TAGS = [
  'a', 'b', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i',
  'li', 'ol', 'p', 'pre', 's', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
];
const ALLOWED_ATTR = ['href', 'title', 'start'];

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      // Comments carry rendering hints for other renderers; everything else is shown literally.
      if (/^\s*<!--(?:(?!-->)[\s\S])*-->\s*$/.test(token.text)) return '';
      return escapeHtml(token.text);
    },
    image(token: Tokens.Image): string {
      return escapeHtml(token.text);
    },
    checkbox(token: Tokens.Checkbox): string {
      return token.checked ? '\u2611 ' : '\u2610 ';
    },
  },
});

/** marked output for `source` (still untrusted HTML: only for sanitizing or tests). */
export function markdownToHtml(source: string, inline = false): string {
  const text = typeof source === 'string' ? source : '';
  const out = inline ? marked.parseInline(text) : marked.parse(text);
  return typeof out === 'string' ? out : '';
}

let otherWindow: { win: Window; purify: Purifier } | null = null;

function purifierFor(doc: Document): Purifier {
  const win = doc.defaultView;
  // The bundle's own DOMPurify instance: private to the widget (bundled, not the page's), and only
  // one Trusted Types policy is created, which matters on pages whose CSP lists policy names.
  // Links are fixed after sanitizing rather than with hooks, so no global hook state is involved.
  if (!win || win === (globalThis as { window?: Window }).window) return DOMPurify;
  if (!otherWindow || otherWindow.win !== win) otherWindow = { win, purify: DOMPurify(win) };
  return otherWindow.purify;
}

const PURIFY_CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  RETURN_DOM_FRAGMENT: true,
};

/** Replaces `el` with its children. */
function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

/** Applies the link policy to an already sanitized fragment. */
function fixLinks(fragment: DocumentFragment, keepLinks: boolean): void {
  for (const a of Array.from(fragment.querySelectorAll('a'))) {
    const href = keepLinks ? safeLinkHref(a.getAttribute('href')) : null;
    if (!href) {
      unwrap(a);
      continue;
    }
    a.setAttribute('href', href);
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
}

/**
 * Sanitizes an HTML string into a fragment of `doc` with the widget's policy (allow-list,
 * link rules). Exposed for content that is already HTML from marked; never pass it anything
 * else expecting it to be kept.
 */
export function sanitizeHtml(html: string, options: MarkdownOptions = {}, doc: Document = document): DocumentFragment {
  const purify = purifierFor(doc);
  const fragment = purify.sanitize(html, PURIFY_CONFIG);
  fixLinks(fragment, options.links !== false);
  // The fragment belongs to DOMPurify's document; adopt it so callers can append it anywhere.
  return fragment.ownerDocument === doc ? fragment : (doc.importNode(fragment, true) as DocumentFragment);
}

/** Markdown -> sanitized DocumentFragment (see the policy at the top of this file). */
export function renderMarkdown(source: string, options: MarkdownOptions = {}, doc: Document = document): DocumentFragment {
  return sanitizeHtml(markdownToHtml(source, options.inline === true), options, doc);
}

/** Plain text of markdown (for aria labels, collapsed summaries, notifications). */
export function markdownToText(source: string, doc: Document = document): string {
  return (renderMarkdown(source, { inline: true, links: false }, doc).textContent ?? '').trim();
}

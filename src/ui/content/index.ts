// Safe rendering of untrusted message content. See markdown.ts for the policy.
export { renderMarkdown, markdownToText, sanitizeHtml, type MarkdownOptions } from './markdown';
export { SafeMarkdown, SafeText, type SafeMarkdownProps, type SafeTextProps } from './safe-markdown';
export { splitLinks, type TextPart } from './linkify';
export { safeLinkHref, safeImageSrc } from './url';
export { contentStyles } from './styles';

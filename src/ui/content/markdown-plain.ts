// Markdown as plain text without its markers, before (or without) the renderer: links and images
// become their text; emphasis, strike-through and code marks around words go, and heading and quote
// marks at the start of a line. Shown while marked and DOMPurify are on their way (so the formatting
// arrives in place, with the same words where they were) and used for one-line summaries. Pure and
// tiny: it is on the critical path, the renderer is not. Anything else (a lone `*`, `a > b`, `snake_case`)
// stays as written.
export function markdownPlain(source: string): string {
  const text = typeof source === 'string' ? source : '';
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]*(?:#{1,6}[ \t]+|(?:>[ \t]?)+)/gm, '')
    .replace(/(\*\*|__|~~|\*|_|`+)(?=\S)([^\n]*?\S)\1(?![\w*])/g, '$2');
}

/**
 * markdownPlain's text in paragraphs, split where markdown splits them (a blank line), so the plain
 * form can take the same paragraph boxes (and margins) as the formatted one.
 */
export function markdownParagraphs(source: string): string[] {
  return markdownPlain(source)
    .split(/\n[ \t]*(?:\n[ \t]*)+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

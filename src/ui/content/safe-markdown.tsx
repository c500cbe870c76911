// Components that put untrusted text on screen.
//
//   <SafeMarkdown source={md} inline? links? class? id? />  markdown, sanitized (see markdown.ts)
//   <SafeText text={plain} linkify? class? id? />           plain text; bare http(s) URLs become links
//
// SafeMarkdown appends a DOM fragment into its own element instead of setting innerHTML, so it
// works under Trusted Types. Preact never touches that element's children (it renders none),
// so the fragment survives re-renders; a new `source` replaces it (streaming messages grow).
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import { renderMarkdown } from './markdown';
import { splitLinks } from './linkify';

export interface SafeMarkdownProps {
  source: string;
  /** Inline markdown in a <span> (titles, labels). Default false: block markdown in a <div>. */
  inline?: boolean;
  /** False unwraps links to text (inside buttons, where links are not allowed). Default true. */
  links?: boolean;
  class?: string;
  id?: string;
}

export function SafeMarkdown({ source, inline = false, links = true, class: className, id }: SafeMarkdownProps): JSX.Element {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.replaceChildren(renderMarkdown(source, { inline, links }, el.ownerDocument));
  }, [source, inline, links]);
  const cls = ['cw-md', className].filter(Boolean).join(' ');
  return inline ? (
    <span ref={ref as { current: HTMLSpanElement | null }} class={cls} id={id} />
  ) : (
    <div ref={ref as { current: HTMLDivElement | null }} class={cls} id={id} />
  );
}

export interface SafeTextProps {
  text: string;
  /** Turn bare http(s) URLs into links (new tab, rel="noopener noreferrer"). Default true. */
  linkify?: boolean;
  class?: string;
  id?: string;
}

export function SafeText({ text, linkify = true, class: className, id }: SafeTextProps): JSX.Element {
  const cls = ['cw-text', className].filter(Boolean).join(' ');
  const value = typeof text === 'string' ? text : '';
  if (!linkify) return <span class={cls} id={id}>{value}</span>;
  return (
    <span class={cls} id={id}>
      {splitLinks(value).map((part, i) =>
        part.href ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </span>
  );
}

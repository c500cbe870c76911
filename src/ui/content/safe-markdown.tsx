// Components that put untrusted text on screen.
//
//   <SafeMarkdown source={md} inline? links? class? id? />  markdown, sanitized (see markdown.ts)
//   <SafeText text={plain} linkify? class? id? />           plain text; bare http(s) URLs become links
//
// SafeMarkdown appends a DOM fragment into its own element instead of setting innerHTML, so it
// works under Trusted Types. Preact never touches that element's children (it renders none),
// so the fragment survives re-renders; a new `source` replaces it (streaming messages grow).
// The markdown renderer (marked + DOMPurify, most of the widget's weight) is a chunk of its own,
// loaded with import() the first time markdown is shown (loadMarkdown; the interactive templates
// and views load it alongside their own chunk), never before: a plain-text chat does not download it.
// Until it is there the source shows as plain text without its markers (markdown-plain.ts, as
// textContent: nothing is parsed) with its line breaks, in paragraphs where the renderer will make
// them, so the words are where they will be and the row keeps its size when the formatting arrives;
// if the renderer cannot load, it stays so.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { splitLinks } from './linkify';
import { markdownParagraphs, markdownPlain } from './markdown-plain';
import { importAgain } from '../import-again';

type Markdown = typeof import('./markdown');

let loaded: Markdown | undefined;
let loading: Promise<Markdown> | undefined;
const importMarkdown = importAgain(() => import('./markdown'));

/** Loads the markdown renderer once; a failed load may be tried again. */
export function loadMarkdown(): Promise<Markdown> {
  loading ??= importMarkdown().then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

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
  const [markdown, setMarkdown] = useState<Markdown | undefined>(loaded);
  useEffect(() => {
    if (markdown) return undefined;
    let live = true;
    loadMarkdown().then(
      (m) => live && setMarkdown(m),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [markdown]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (markdown) el.replaceChildren(markdown.renderMarkdown(source, { inline, links }, el.ownerDocument));
    else if (inline) el.textContent = markdownPlain(source);
    else {
      // Block markdown: one paragraph box per paragraph, as the renderer will make them.
      const doc = el.ownerDocument;
      el.replaceChildren(
        ...markdownParagraphs(source).map((text) => {
          const p = doc.createElement('p');
          p.textContent = text;
          return p;
        }),
      );
    }
  }, [source, inline, links, markdown]);
  const cls = ['cw-md', markdown ? '' : 'cw-md-plain', className].filter(Boolean).join(' ');
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

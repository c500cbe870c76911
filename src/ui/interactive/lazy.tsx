// <LazyInteractiveMessage>: what the transcript renders for an interactive message. The templates
// (pickers, time picker, carousel, the parser, ViewMessage and their CSS: templates.ts) are a chunk of
// their own, loaded with import() when the first interactive message is rendered, so opening the
// widget does not download them. Until the chunk is there the bubble shows the message's title
// (read here without the full parser; styled by ui/styles.ts), so the row already has about its
// final height. A failed load is retried on the next render; meanwhile the title and a plain
// notice show, never an exception.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadMarkdown } from '../content/safe-markdown';
import { addLateStyles } from '../late-styles';
import type { Chunk } from '../lazy-part';
import type { InteractiveMessageProps } from './interactive-message';
import { usePendingString } from './strings-context';
import { importAgain } from '../import-again';

type Module = typeof import('./templates');

let loaded: Module | undefined;
let loading: Promise<Module> | undefined;

const importTemplates = importAgain(() => import('./templates'));

/** Starts (once) loading the templates chunk; a failed load may be tried again. */
export function loadInteractive(load: () => Promise<Module> = importTemplates): Promise<Module> {
  // The markdown renderer comes along, so titles and options render formatted at once.
  loading ??= Promise.all([load(), loadMarkdown().catch(() => undefined)]).then(
    ([module]) => {
      // Styles first, so the templates never render unstyled.
      addLateStyles(module.styles);
      return (loaded = module);
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The templates' chunk as a part (lazy-part.tsx), for components that want it once it is needed. */
export const interactivePart: Chunk<Module> = { load: () => loadInteractive(), loaded: () => loaded };

const TITLE_LIMIT = 400;

/** The template's title, read leniently: the placeholder's text while the parser loads. */
export function quickTitle(content: string): string | undefined {
  try {
    const data = (JSON.parse(content) as { data?: { content?: { title?: unknown } } } | null)?.data;
    const title = data?.content?.title;
    if (typeof title !== 'string' || title.trim() === '') return undefined;
    return title.length > TITLE_LIMIT ? `${title.slice(0, TITLE_LIMIT)}…` : title;
  } catch {
    return undefined;
  }
}

export function LazyInteractiveMessage(props: InteractiveMessageProps): JSX.Element {
  const [module, setModule] = useState<Module | undefined>(loaded);
  const [failed, setFailed] = useState(false);
  const notice = usePendingString(failed ? 'unsupported' : 'viewLoading', props.strings);

  useEffect(() => {
    if (module) return undefined;
    let live = true;
    loadInteractive().then(
      (m) => live && setModule(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [module, props.content]);

  if (module) return <module.InteractiveMessage {...props} />;
  const title = quickTitle(props.content);
  return (
    <div class="cw-im cw-im-pending" aria-busy={failed ? undefined : 'true'}>
      {title && <p class="cw-im-title">{title}</p>}
      {(failed || !title) && <p class="cw-im-notice">{notice}</p>}
    </div>
  );
}

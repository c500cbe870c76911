// <ViewMessage>: a ViewResource interactive message (a "view" from a flow's Show View block).
//
// Contract for the transcript (UI):
//   <ViewMessage
//     content={entry.content}                 the item's Content (untrusted JSON string)
//     actionable={id === actionableId}        only the latest item (interactive/transcript.ts)
//     answered={answers.get(id)}              shown when collapsed
//     describeView={session.describeView}     ChatSession.describeView(viewToken)
//     onAction={(r) => session.send(r.content, r.contentType)}
//     strings={...} />
// An action sends {"action","data","templateType":"ViewResource","version":"1.0"} as
// interactive.response (interactive/replies.ts viewActionReply). Free text typed while a view
// is the latest message: interactive/replies.ts viewFreeTextReply.
//
// This file stays small: the renderer (renderer.tsx and everything it imports) is loaded with
// import() only when an actionable view appears. DescribeView is called only then, too; a
// failure, a timeout or a broken template shows a notice with "Try again", never an exception.
import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ViewDescription } from '../../../chat/types';
import { loadMarkdown } from '../../content/safe-markdown';
import { RenderBoundary } from '../boundary';
import { parseInteractive } from '../parse';
import { Collapsed, Fallback } from '../parts';
import { viewActionReply } from '../replies';
import { useInteractiveLocale, type InteractiveStrings } from '../strings';
import type { InteractiveReply } from '../types';
import { parseViewData } from './view-data';
import { importAgain } from '../../import-again';

type RendererModule = typeof import('./renderer');

export interface ViewMessageProps {
  content: string;
  actionable: boolean;
  answered?: string;
  describeView: (viewToken: string) => Promise<ViewDescription>;
  onAction: (reply: InteractiveReply) => void;
  strings?: Partial<InteractiveStrings>;
  /** Called with DescribeView/loading/rendering errors (e.g. to log them). */
  onError?: (error: unknown) => void;
  /** How to load the renderer chunk. Default: import('./renderer'). */
  loadRenderer?: () => Promise<RendererModule>;
  /** Give up waiting for DescribeView and the renderer after this long. Default 15000 ms. */
  timeoutMs?: number;
}

// The markdown renderer loads alongside, so the view's texts render formatted at once.
const importRenderer = importAgain(() => import('./renderer'));
const defaultLoad = (): Promise<RendererModule> =>
  Promise.all([importRenderer(), loadMarkdown().catch(() => undefined)]).then(([renderer]) => renderer);

type State =
  | { phase: 'loading' }
  | { phase: 'ready'; description: ViewDescription; renderer: RendererModule }
  | { phase: 'failed' };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`view did not load within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export function ViewMessage({
  content,
  actionable,
  answered,
  describeView,
  onAction,
  strings: override,
  onError,
  loadRenderer = defaultLoad,
  timeoutMs = 15_000,
}: ViewMessageProps): JSX.Element {
  const { strings, locale } = useInteractiveLocale(override);
  const parsed = useMemo(() => parseInteractive(content), [content]);
  const view = parsed.ok && parsed.template.templateType === 'ViewResource' ? parsed.template : undefined;
  const inputData = useMemo(() => parseViewData(view?.viewData), [view]);
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState(false);

  useEffect(() => setSent(false), [content, actionable]);

  useEffect(() => {
    if (!view || !actionable) return undefined;
    let cancelled = false;
    setState({ phase: 'loading' });
    withTimeout(Promise.all([describeView(view.viewToken), loadRenderer()]), timeoutMs).then(
      ([description, renderer]) => {
        if (!cancelled) setState({ phase: 'ready', description, renderer });
      },
      (error: unknown) => {
        if (cancelled) return;
        onError?.(error);
        setState({ phase: 'failed' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [view?.viewToken, actionable, attempt]);

  const act = useCallback(
    (action: string, data: unknown, display: string) => {
      if (sent) return;
      setSent(true);
      onAction(viewActionReply(action, data, display));
    },
    [sent, onAction],
  );

  if (!view) return <Fallback title={parsed.ok ? undefined : parsed.title} notice={strings.unsupported} />;

  if (!actionable) {
    const heading = typeof inputData.Heading === 'string' && inputData.Heading.trim() !== '' ? inputData.Heading : strings.viewCollapsed;
    return <Collapsed title={heading} answer={answered} strings={strings} />;
  }

  const failedNotice = (
    <div class="cw-im cw-im-fallback cw-view-failed">
      <p class="cw-im-notice">{strings.viewFailed}</p>
      <button type="button" class="cw-im-retry" onClick={() => setAttempt((n) => n + 1)}>
        {strings.viewRetry}
      </button>
    </div>
  );

  if (state.phase === 'loading') {
    return (
      <div class="cw-im cw-view-loading" role="status" aria-busy="true">
        {strings.viewLoading}
      </div>
    );
  }
  if (state.phase === 'failed') return failedNotice;

  const { ViewRenderer } = state.renderer;
  return (
    <div class="cw-im cw-view-message">
      <RenderBoundary fallback={failedNotice} onError={onError}>
        <ViewRenderer
          description={state.description}
          viewId={view.viewId}
          inputData={inputData}
          disabled={sent}
          onAction={act}
          strings={strings}
          locale={locale}
        />
      </RenderBoundary>
    </div>
  );
}

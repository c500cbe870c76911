// A part of the window in its own chunk (the pre-chat form, the away view): loaded once, shown when it
// has arrived; while it loads the space says it is busy, and if it could not load, the window says so
// and offers a retry.
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { addLateStyles } from './late-styles';
import { importAgain } from './import-again';
import type { Ui } from './state';

export interface Chunk<M> {
  /** Loads the chunk once; a failed load may be tried again. */
  load(): Promise<M>;
  /** The module, once it has loaded. */
  loaded(): M | undefined;
}

/**
 * A chunk whose module may export `styles`: they are added (late-styles.ts) before it renders. The
 * chunk itself imports nothing the widget has, so no shared chunk is split off the opening download.
 */
export function chunk<M extends object>(load: () => Promise<M>): Chunk<M> {
  const importer = importAgain(load);
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    load: () =>
      (loading ??= importer().then(
        (m) => {
          if ('styles' in m && typeof m.styles === 'string') addLateStyles(m.styles);
          return (module = m);
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
    loaded: () => module,
  };
}

/** A part bundled with the caller: a chunk already loaded. */
export function present<M extends object>(module: M): Chunk<M> {
  return { load: () => Promise.resolve(module), loaded: () => module };
}

export function LazyPart<M extends object>({ ui, part, render }: { ui: Ui; part: Chunk<M>; render: (module: M) => VNode }) {
  const [module, setModule] = useState<M | undefined>(part.loaded());
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (module) return undefined;
    let live = true;
    setFailed(false);
    part.load().then(
      (m) => live && setModule(() => m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  if (module) return render(module);
  return (
    <div class="cw-center" aria-busy={failed ? undefined : 'true'}>
      {failed && (
        <>
          <p role="alert">{ui.t('error')}</p>
          <button class="cw-btn cw-pri" onClick={() => setAttempt((n) => n + 1)}>
            {ui.t('retry')}
          </button>
        </>
      )}
    </div>
  );
}

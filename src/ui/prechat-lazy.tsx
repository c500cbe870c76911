// The pre-chat form is its own chunk: only sites that set config.preChatForm download it. mount.ts
// starts loading it (loadPreChat) together with the language, so the form is normally there by the
// time the window can open; if the chunk could not load, the window says so and offers a retry.
import { useEffect, useState } from 'preact/hooks';
import type { Ui } from './state';

type Module = typeof import('./prechat');

let loaded: Module | undefined;
let loading: Promise<Module> | undefined;

/** Loads the form's chunk once; a failed load may be tried again. */
export function loadPreChat(): Promise<Module> {
  loading ??= import('./prechat').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export function LazyPreChat({ ui }: { ui: Ui }) {
  const [module, setModule] = useState<Module | undefined>(loaded);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (module) return undefined;
    let live = true;
    setFailed(false);
    loadPreChat().then(
      (m) => live && setModule(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  if (module) return <module.PreChat ui={ui} />;
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

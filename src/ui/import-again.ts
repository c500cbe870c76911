// Lazily loaded chunks that can be asked for again after they failed to load. Chromium remembers a
// failed module fetch for the life of the page: the same import() fails again at once, without a
// request, so a Retry could never succeed before a reload. After a native dynamic import has failed,
// the next attempt imports the URL it named (Chromium and Firefox put it in the error) with a query:
// a new module to the browser, fetched anew; what the chunk imports (widget.js) is what has loaded.
// Bundlers with their own chunk loading (webpack's ChunkLoadError) retry by themselves and are left be.
let attempts = 0;

/** The URL a failed native dynamic import names, or undefined. */
export function failedModuleUrl(error: unknown): string | undefined {
  if (!(error instanceof TypeError) || !/dynamically imported module/i.test(error.message)) return undefined;
  return /\b(?:https?|file):\/\/\S+?\.m?js\b/.exec(error.message)?.[0];
}

/** `importer`, whose attempts after a failed one ask for the chunk under a new URL (see above). */
export function importAgain<M>(importer: () => Promise<M>): () => Promise<M> {
  let failed: string | undefined;
  return () => {
    const attempt = failed ? (import(/* @vite-ignore */ /* webpackIgnore: true */ `${failed}?retry=${++attempts}`) as Promise<M>) : importer();
    return attempt.catch((error: unknown) => {
      failed = failedModuleUrl(error) ?? failed;
      throw error;
    });
  };
}

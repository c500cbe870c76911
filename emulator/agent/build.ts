// Builds the agent console's browser bundle with Vite's build API, in memory, on first use, so
// GET /agent works in a fresh checkout without `npm run build`. Vite is imported lazily: an emulator
// that never serves /agent never loads it.
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./app/main.tsx', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ConsoleBundle {
  /** The ES module the page loads (one file, no dynamic imports, no inline anything). */
  js: string;
  /** Milliseconds the build took (printed by the demo). */
  buildMs: number;
}

export async function buildConsoleBundle(): Promise<ConsoleBundle> {
  const started = Date.now();
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch (cause) {
    throw new Error('the agent console is built with Vite, which is not installed: run `npm install` (dev dependencies included)', {
      cause,
    });
  }
  const result = await vite.build({
    configFile: false,
    envFile: false,
    publicDir: false,
    root: ROOT,
    logLevel: 'silent',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      write: false,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      // The preload helper would be an extra script path; the bundle is a single module anyway.
      modulePreload: false,
      rolldownOptions: {
        input: ENTRY,
        output: { format: 'es', entryFileNames: 'console.js', codeSplitting: false },
      },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    for (const file of output.output) {
      if (file.type === 'chunk' && file.isEntry) return { js: file.code, buildMs: Date.now() - started };
    }
  }
  throw new Error('building the agent console produced no entry chunk (emulator/agent/app/main.tsx)');
}

/** One build per process, shared by every request; a failed build is retried on the next request. */
export function bundleCache(build: () => Promise<ConsoleBundle> = buildConsoleBundle): () => Promise<ConsoleBundle> {
  let pending: Promise<ConsoleBundle> | undefined;
  return () => {
    pending ??= build().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

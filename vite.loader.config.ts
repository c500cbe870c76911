import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

// loader.js for the script tag: one classic script, no imports, minified. Kept apart from the widget
// build because it must not share chunks with it (it stays under 2 KB gzipped).
//
// It is built after the widget (scripts/build.mjs): on the launcher's intent (pointer or focus) it
// fetches widget.js and then the session's chunk, whose name carries a content hash, read here from the
// widget build's manifest.
// The hashed chunk stays cacheable for good; only loader.js (unhashed anyway) changes with it. A
// loader of another deploy names a chunk widget.js no longer imports: a wasted fetch, nothing worse,
// as widget.js imports its own.
const MANIFEST = 'dist/cdn/.vite/manifest.json';
/** The module widget.js imports the session from (embed/widget.ts): the session chunk's entry. */
const SESSION_ENTRY = 'src/chat/chat-session.ts';

function sessionChunk(): string {
  if (!existsSync(MANIFEST)) throw new Error(`vite.loader.config.ts: ${MANIFEST} is missing; build the widget first (vite.widget.config.ts), loader.js names its session chunk`);
  const file = (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, { file?: string }>)[SESSION_ENTRY]?.file;
  if (!file) throw new Error(`vite.loader.config.ts: ${MANIFEST} has no chunk for ${SESSION_ENTRY}; did the session's entry move? (embed/widget.ts imports it)`);
  return file;
}

export default defineConfig({
  publicDir: false,
  define: { __SESSION_CHUNK__: JSON.stringify(sessionChunk()) },
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2020',
    sourcemap: false,
    lib: { entry: 'src/embed/loader.ts', formats: ['iife'], name: 'ConnectChatLoader', fileName: () => 'loader.js' },
    rolldownOptions: { output: { minify: true } },
  },
});

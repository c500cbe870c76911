import { defineConfig } from 'vite';
import { existsSync } from 'node:fs';
import { emojiDataPlugin } from './scripts/emoji-data';
import { localePacksPlugin } from './scripts/locale-packs';

// Library build of the npm entry points. Each entry is built only once its source exists, so the
// build stays honest while the project grows. Dependencies are not bundled into the npm build.
const entries: Record<string, string> = {
  client: 'src/client/index.ts',
  session: 'src/chat/index.ts',
  index: 'src/index.ts',
  element: 'src/embed/define.ts',
};

export default defineConfig({
  publicDir: false,
  plugins: [emojiDataPlugin(), localePacksPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file))),
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^preact(\/|$)/, /^@preact\//, 'dompurify', 'marked', /^idb-keyval(\/|$)/],
      output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

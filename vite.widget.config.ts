import { defineConfig } from 'vite';
import { emojiDataPlugin } from './scripts/emoji-data';

// The script-tag distribution next to loader.js: widget.js (everything needed to chat, imported by the
// loader on first open), validate.js (configuration report at idle time) and lazily loaded chunks
// (views renderer, locale packs). Unlike the npm build, dependencies are bundled here.
// The manifest lets the size budget tell what opening the widget downloads from what stays lazy.
export default defineConfig({
  publicDir: false,
  plugins: [emojiDataPlugin()],
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    lib: {
      entry: { widget: 'src/embed/widget.ts', validate: 'src/embed/validate.ts', hours: 'src/embed/hours.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      output: { minify: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

import { defineConfig } from 'vite';

// loader.js for the script tag: one classic script, no imports, minified. Kept apart from the widget
// build because it must not share chunks with it (it stays under 2 KB gzipped).
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2020',
    sourcemap: false,
    lib: { entry: 'src/embed/loader.ts', formats: ['iife'], name: 'ConnectChatLoader', fileName: () => 'loader.js' },
    rolldownOptions: { output: { minify: true } },
  },
});

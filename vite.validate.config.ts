import { defineConfig } from 'vite';
import { terserPass } from './scripts/terser-pass';

// validate.js for the script tag: the configuration report the loader fetches at idle time, before
// any click. Built apart from widget.js so that widget.js imports no other file (one round trip on
// the click); the widget has its own copy of the checks, and a configuration object is reported once
// between the two (embed/validate.ts). terser runs after the bundler's minifier, as for the widget.
export default defineConfig({
  publicDir: false,
  plugins: [terserPass()],
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    manifest: '.vite/validate-manifest.json',
    lib: { entry: { validate: 'src/embed/validate.ts' }, formats: ['es'] },
    rolldownOptions: { output: { minify: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

// The npm demo (public/demo/npm.html): public/demo/npm-app.js is an app that imports the package
// the way a customer's app does (`import { mount } from 'connect-chat-widget'`) and is bundled the
// way their bundler would: the built package in dist/ (via package.json "exports"), with preact,
// marked, DOMPurify and idb-keyval from node_modules. Output: dist/demo/. Runs after the library build.

/** Resolves `connect-chat-widget` and its subpaths through package.json "exports", as Node and bundlers do. */
export function packageSelf(): Plugin {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; exports: Record<string, { import?: string } | string> };
  return {
    name: 'package-self',
    enforce: 'pre',
    resolveId(id) {
      if (id !== pkg.name && !id.startsWith(`${pkg.name}/`)) return null;
      const subpath = `.${id.slice(pkg.name.length)}`;
      const entry = pkg.exports[subpath];
      const target = typeof entry === 'string' ? entry : entry?.import;
      if (!target) return this.error(`"${id}" is not in package.json "exports" (subpaths: ${Object.keys(pkg.exports).join(', ')}).`);
      return resolve(target);
    },
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [packageSelf()],
  build: {
    outDir: 'dist/demo',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    lib: { entry: { 'npm-app': 'public/demo/npm-app.js' }, formats: ['es'] },
    rolldownOptions: { output: { minify: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});

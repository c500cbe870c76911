import { defineConfig, type Plugin } from 'vite';
import { emojiDataPlugin } from './scripts/emoji-data';
import { localePacksPlugin } from './scripts/locale-packs';
import { terserPass } from './scripts/terser-pass';

// The script-tag widget next to loader.js: widget.js (everything needed to chat, imported by the loader
// on the click), hours.js (the business-hours check, fetched by the loader where `availability` is set)
// and lazily loaded chunks (views renderer, locale packs, …). Unlike the npm build, dependencies are
// bundled. validate.js (the configuration report) is built apart (vite.validate.config.ts): sharing
// the config checks with it would make widget.js import a second file.
//
// widget.js is one file: the click costs one round trip. 'allow-extension' lets the bundler keep the
// modules widget.js shares with its lazy chunks inside widget.js (the lazy chunks import them from it)
// instead of in common chunks that widget.js would fetch only after it has been parsed.
// The manifest lets the size budget follow imports the way a browser does (bench/sizes.ts).
// Locale packs are built keyless (scripts/locale-packs.ts); terser runs after the bundler's minifier
// where it pays (scripts/terser-pass.ts).
export default defineConfig({
  publicDir: false,
  plugins: [emojiDataPlugin(), localePacksPlugin(), clientExtrasOut(), sessionChunkNamed(), terserPass()],
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    lib: {
      entry: { widget: 'src/embed/widget.ts', hours: 'src/embed/hours.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      // The terser pass takes most of the build's time, knowingly: no timing warning for it.
      checks: { bundlerTimings: false },
      output: { minify: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

/**
 * The client's model validation, stub mode and adaptive rate limiter, and the session's check of the
 * clientOptions it is given, load only for client options the widget never passes
 * (ui/session-options.ts sets no clientOptions; the session turns validation off), so the script-tag
 * build leaves them out instead of shipping chunks nobody can fetch. Should one ever be asked for,
 * its import fails and the client goes on as it does offline (unchecked, unlimited; stub mode says
 * it could not load).
 */
function clientExtrasOut(): Plugin {
  const extras = [
    { importer: /\/src\/client\/base\.ts$/, specifier: /^\.\/(validate|stub|rate-limiter)\.js$/ },
    { importer: /\/src\/chat\/resolved-options\.ts$/, specifier: /^\.\.\/client\/(check-options)\.js$/ },
  ];
  return {
    name: 'client-extras-out',
    enforce: 'pre',
    resolveDynamicImport(specifier, importer) {
      if (typeof specifier !== 'string' || !importer) return null;
      if (!extras.some((e) => e.importer.test(importer) && e.specifier.test(specifier))) return null;
      return { id: `./not-in-the-script-tag-build/${specifier.replace(/^.*\//, '')}`, external: true };
    },
  };
}

/**
 * The session's chunk is embed/session-chunk.ts (the session and the message list in one file); the
 * manifest names it under the session's module too, where loader.js's build (vite.loader.config.ts),
 * the size budget (bench/sizes.ts) and the specs look the chunk up.
 */
function sessionChunkNamed(): Plugin {
  const entry = 'src/embed/session-chunk.ts';
  const alias = 'src/chat/chat-session.ts';
  return {
    name: 'session-chunk-named',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const asset = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName === '.vite/manifest.json');
        if (!asset || asset.type !== 'asset') return this.error('session-chunk-named: no .vite/manifest.json in the bundle (build.manifest must stay on)');
        const manifest = JSON.parse(String(asset.source)) as Record<string, { file: string }>;
        if (!manifest[entry]) return this.error(`session-chunk-named: the manifest has no ${entry}; did the session's chunk move? (embed/widget.ts imports it)`);
        manifest[alias] = { ...manifest[entry], src: alias } as { file: string };
        asset.source = JSON.stringify(manifest, null, 2);
      },
    },
  };
}

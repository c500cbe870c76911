// A second minifier pass for the script-tag widget: terser over each chunk as the bundler's own
// minifier wrote it. Over three passes it finds what that one leaves (more inlining, dead branches
// and names, shorter forms), about 1.7 KB gzip over dist/cdn. Only terser's safe transforms:
// `unsafe_arrows` and `pure_getters: true` would add 0.2 KB but assume things about the bundled
// libraries' functions and property reads that nothing here checks. A chunk keeps terser's output
// only where it compresses smaller: on the data chunks (emoji data, locale packs) terser turns
// template literals into quoted strings with `\n` escapes, which costs bytes.
import { gzipSync } from 'node:zlib';
import { minify, type MinifyOptions } from 'terser';
import type { Plugin } from 'vite';

export const TERSER_OPTIONS: MinifyOptions = {
  module: true,
  ecma: 2020,
  compress: { passes: 3 },
  mangle: true,
  format: { comments: false },
};

const gzipped = (code: string) => gzipSync(code, { level: 9 }).length;

/** `code` through terser when that makes it smaller once gzipped, else `code` as it is. */
export async function smallerWithTerser(code: string, options: MinifyOptions = TERSER_OPTIONS): Promise<string> {
  const { code: out } = await minify(code, options);
  if (out === undefined) throw new Error('terser returned no code');
  return gzipped(out) < gzipped(code) ? out : code;
}

export function terserPass(options: MinifyOptions = TERSER_OPTIONS): Plugin {
  return {
    name: 'connect-chat-terser-pass',
    apply: 'build',
    async generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        try {
          chunk.code = await smallerWithTerser(chunk.code, options);
        } catch (error) {
          this.error(`terser pass on ${chunk.fileName}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    },
  };
}

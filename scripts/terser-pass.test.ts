// The widget build's second minifier pass (scripts/terser-pass.ts): kept only where it pays.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildEmojiData } from './emoji-data';
import { smallerWithTerser } from './terser-pass';

const gz = (code: string) => gzipSync(code, { level: 9 }).length;

describe('terser pass', () => {
  it('takes terser’s output where it compresses smaller, and it still runs the same', async () => {
    // What the bundler's minifier leaves: a helper used once, a constant condition, long names.
    const code = `function describeTheCount(countOfItems){if(!1)return"never";const theLabel="items: "+countOfItems;return theLabel}export const shown=describeTheCount(3)+describeTheCount(4);`;
    const out = await smallerWithTerser(code);
    expect(out).not.toBe(code);
    expect(gz(out)).toBeLessThan(gz(code));
    expect(out).not.toContain('never');
    const load = async (source: string) => (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { shown: string };
    expect((await load(out)).shown).toBe((await load(code)).shown);
  });

  it('leaves a chunk as it is where terser’s output would compress larger: the emoji data, whose template literal it would write with `\\n` escapes', async () => {
    const require = createRequire(import.meta.url);
    const data = buildEmojiData(JSON.parse(readFileSync(require.resolve('emojibase-data/en/data.json'), 'utf8')) as Parameters<typeof buildEmojiData>[0]);
    expect(data).not.toMatch(/[`\\]|\$\{/);
    const code = `var e=\`${data}\`;export{e as default};`; // the chunk as the bundler writes it
    expect(await smallerWithTerser(code)).toBe(code);
  });
});

import { defineConfig } from 'vitest/config';
import { emojiDataPlugin } from './scripts/emoji-data';
import { localePacksPlugin } from './scripts/locale-packs';

// Unit and integration tests sit beside the code they test (src/**, emulator/**).
// Node is the default environment; DOM tests opt in per file with `// @vitest-environment jsdom`
// (jsdom, not happy-dom: DOMPurify does not sanitize under happy-dom).
export default defineConfig({
  plugins: [emojiDataPlugin(), localePacksPlugin()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'emulator/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // DOM tests only: no Preact effect may outlive its test's jsdom (see the file).
    setupFiles: ['src/ui/testing/settle-effects.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // 2 cores: integration tests start real servers; keep parallelism modest.
    maxWorkers: 2,
  },
});

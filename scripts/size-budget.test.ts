// The size budget (issue 12), checked on the built script-tag distribution in dist/cdn, counting files
// the way a browser fetches them (bench/sizes.ts):
//   loader.js <= 2 KB gz; critical path (click -> usable window) <= 32 KB gz in 1 round trip;
//   opening (to connected and the first plain-text message) <= 50 KB gz; everything <= 125 KB gz;
//   no file in dist/cdn that nothing the loader fetches can import.
// Where the widget is still over a budget, a ceiling (bench/sizes.ts CEILINGS) stops growth; the
// figures, the budget and the gap are in the test names. The walking logic is tested on made-up
// builds first, so a broken walker cannot pass the budget by measuring nothing.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BUDGETS,
  checkBudgets,
  compressedSize,
  criticalPath,
  kb,
  measureCdn,
  openingFiles,
  reachableFiles,
  staticClosure,
  staticTree,
  type CdnSizes,
  type Manifest,
} from '../bench/sizes';

const CDN = fileURLToPath(new URL('../dist/cdn', import.meta.url));

describe('size walker (bench/sizes.ts) on made-up manifests', () => {
  const manifest: Manifest = {
    'src/embed/widget.ts': { file: 'widget.js', isEntry: true, imports: ['_ui.js'], dynamicImports: ['src/ui/views/index.ts', 'src/chat/chat-session.ts'], css: ['widget.css'] },
    '_ui.js': { file: 'chunks/ui-1.js', imports: ['_shared.js'] },
    '_shared.js': { file: 'chunks/shared-2.js', imports: ['_ui.js'] }, // a cycle
    'src/ui/views/index.ts': { file: 'chunks/views-3.js', isDynamicEntry: true, imports: ['_shared.js', '_views-dep.js'] },
    '_views-dep.js': { file: 'chunks/views-dep-4.js' },
    'src/chat/chat-session.ts': { file: 'chunks/chat-session-5.js', isDynamicEntry: true, imports: ['_shared.js'] },
    'src/embed/validate.ts': { file: 'validate.js', isEntry: true, imports: ['_shared.js'] },
  };

  it('follows static imports transitively, once each, with stylesheets, and not dynamic imports', () => {
    expect(staticClosure(manifest, 'widget.js')).toEqual(['widget.js', 'widget.css', 'chunks/ui-1.js', 'chunks/shared-2.js']);
    expect(staticClosure(manifest, 'validate.js')).toEqual(['validate.js', 'chunks/shared-2.js', 'chunks/ui-1.js']);
  });

  it('counts a round trip per level of the import tree: a file is fetched once the file importing it has arrived', () => {
    expect(staticTree(manifest, 'widget.js')).toEqual([
      { file: 'widget.js', trip: 1 },
      { file: 'widget.css', trip: 1 },
      { file: 'chunks/ui-1.js', trip: 2 },
      { file: 'chunks/shared-2.js', trip: 3 },
    ]);
    expect(criticalPath(manifest).roundTrips).toBe(3);
    // A chunk imported by the entry and by a deeper chunk is fetched in the earlier trip.
    const diamond: Manifest = {
      w: { file: 'widget.js', isEntry: true, imports: ['a', 'b'] },
      a: { file: 'a.js', imports: ['b'] },
      b: { file: 'b.js' },
    };
    expect(staticTree(diamond, 'widget.js')).toEqual([
      { file: 'widget.js', trip: 1 },
      { file: 'a.js', trip: 2 },
      { file: 'b.js', trip: 2 },
    ]);
    expect(criticalPath({ w: { file: 'widget.js', isEntry: true } })).toEqual({ files: ['widget.js'], roundTrips: 1 });
  });

  it('opening adds the chunks every chat fetches while it starts, with their imports, each file once; never the markdown renderer', () => {
    const withMarkdown: Manifest = {
      ...manifest,
      'src/ui/content/markdown.ts': { file: 'chunks/markdown-6.js', isDynamicEntry: true, imports: ['_purify.js'] },
      '_purify.js': { file: 'chunks/purify-7.js' },
    };
    expect(openingFiles(withMarkdown)).toEqual(['widget.js', 'widget.css', 'chunks/ui-1.js', 'chunks/shared-2.js', 'chunks/chat-session-5.js']);
    // When such a chunk is bundled into widget.js there is nothing to add.
    const { 'src/chat/chat-session.ts': _session, ...bundled } = manifest;
    expect(openingFiles(bundled)).toEqual(staticClosure(manifest, 'widget.js'));
  });

  it('finds what the loader can reach through static and dynamic imports, and so what it cannot', () => {
    const withOrphan: Manifest = { ...manifest, 'src/client/stub.ts': { file: 'chunks/stub-8.js', isDynamicEntry: true } };
    const reachable = reachableFiles(withOrphan);
    expect([...reachable].sort()).toEqual(
      ['chunks/chat-session-5.js', 'chunks/shared-2.js', 'chunks/ui-1.js', 'chunks/views-3.js', 'chunks/views-dep-4.js', 'validate.js', 'widget.css', 'widget.js'].sort(),
    );
    expect(reachable.has('chunks/stub-8.js')).toBe(false);
  });

  it('says what is wrong when the entry or an imported chunk is missing', () => {
    expect(() => staticClosure(manifest, 'nope.js')).toThrow(/no entry chunk "nope.js".*widget\.js, validate\.js/);
    expect(() => staticClosure({ a: { file: 'widget.js', isEntry: true, imports: ['_gone.js'] } }, 'widget.js')).toThrow(/imports "_gone.js"/);
  });

  const sized = (gzip: number) => ({ raw: gzip, gzip, brotli: gzip });
  const made = (loader: number, critical: number, trips: number, opening: number, everything: number) => ({
    loader: { file: 'loader.js', ...sized(loader) },
    critical: { files: [], ...sized(critical), roundTrips: trips },
    opening: { files: [], ...sized(opening) },
    everything: { files: [], ...sized(everything) },
  });

  it('fails each budget that is exceeded, and only that one', () => {
    const ok = checkBudgets(made(2048, 32 * 1024, 1, 50 * 1024, 125 * 1024), BUDGETS, {});
    expect(ok.map((r) => r.ok)).toEqual([true, true, true, true, true]);
    const over = checkBudgets(made(2049, 1, 2, 50 * 1024 + 1, 1), BUDGETS, {});
    expect(over.map((r) => r.ok)).toEqual([false, true, false, false, true]);
    const critical = checkBudgets(made(1, 32 * 1024 + 1, 1, 1, 125 * 1024 + 1), BUDGETS, {});
    expect(critical.map((r) => r.ok)).toEqual([true, false, true, true, false]);
  });

  it('enforces a ceiling instead of the budget where one is set, and still reports the budget', () => {
    const sizes = made(100, 70 * 1024, 1, 80 * 1024, 150 * 1024);
    const under = checkBudgets(sizes, BUDGETS, { criticalGzip: 71 * 1024, openingGzip: 81 * 1024, everythingGzip: 151 * 1024 });
    expect(under.map((r) => [r.ok, r.limit, r.target])).toEqual([
      [true, 2048, 2048],
      [true, 71 * 1024, 32 * 1024],
      [true, 1, 1],
      [true, 81 * 1024, 50 * 1024],
      [true, 151 * 1024, 125 * 1024],
    ]);
    const grown = checkBudgets(sizes, BUDGETS, { criticalGzip: 69 * 1024, openingGzip: 81 * 1024 });
    expect(grown.map((r) => r.ok)).toEqual([true, false, true, true, false]);
  });

  describe('measureCdn on a made-up dist/cdn', () => {
    const dir = mkdtempSync(join(tmpdir(), 'size-budget-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const put = (file: string, bytes: Uint8Array | string) => {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), bytes);
    };

    it('reports "run npm run build first" when the build is missing', () => {
      expect(() => measureCdn(join(dir, 'absent'))).toThrow(/does not exist; run npm run build first/);
      put('loader.js', 'x');
      expect(() => measureCdn(dir)).toThrow(/manifest.json is missing.*run npm run build first/);
    });

    it('sums compressed sizes per file, counts round trips, lists what cannot be reached and catches an oversized loader', () => {
      // Random bytes do not compress: 3000 of them are well over 2 KB gzipped.
      const widget = Buffer.from('export const a = 1;'.repeat(200));
      const ui = randomBytes(1000);
      const shared = Buffer.from('b');
      const session = randomBytes(300);
      put('loader.js', randomBytes(3000));
      put('widget.js', widget);
      put('validate.js', 'v');
      put('chunks/ui-1.js', ui);
      put('chunks/shared-2.js', shared);
      put('chunks/views-3.js', randomBytes(500));
      put('chunks/chat-session-4.js', session);
      put('chunks/stub-5.js', randomBytes(200));
      put('chunks/views-3.js.map', randomBytes(5000));
      put('.vite/manifest.json', JSON.stringify({
        w: { file: 'widget.js', isEntry: true, imports: ['u'], dynamicImports: ['v', 'src/chat/chat-session.ts'] },
        u: { file: 'chunks/ui-1.js', imports: ['s'] },
        s: { file: 'chunks/shared-2.js' },
        v: { file: 'chunks/views-3.js', isDynamicEntry: true },
        'src/chat/chat-session.ts': { file: 'chunks/chat-session-4.js', isDynamicEntry: true },
      }));
      put('.vite/validate-manifest.json', JSON.stringify({ 'src/embed/validate.ts': { file: 'validate.js', isEntry: true } }));
      const sizes = measureCdn(dir);
      expect(sizes.loader.gzip).toBeGreaterThan(2048);
      expect(sizes.critical.files.map((f) => f.file)).toEqual(['widget.js', 'chunks/ui-1.js', 'chunks/shared-2.js']);
      expect(sizes.critical.roundTrips).toBe(3);
      // Each file is compressed on its own (one HTTP response each), then summed.
      expect(sizes.critical.gzip).toBe(compressedSize(widget).gzip + compressedSize(ui).gzip + compressedSize(shared).gzip);
      expect(sizes.critical.raw).toBe(widget.byteLength + 1000 + 1);
      expect(sizes.critical.files[0].gzip).toBeLessThan(sizes.critical.files[0].raw / 10); // repetitive text compresses
      expect(sizes.opening.gzip).toBe(sizes.critical.gzip + compressedSize(session).gzip);
      expect(sizes.everything.files.map((f) => f.file)).toEqual([
        'chunks/chat-session-4.js', 'chunks/shared-2.js', 'chunks/stub-5.js', 'chunks/ui-1.js', 'chunks/views-3.js', 'loader.js', 'validate.js', 'widget.js',
      ]);
      expect(sizes.everything.gzip).toBeGreaterThan(sizes.opening.gzip + sizes.loader.gzip);
      expect(sizes.unreachable).toEqual(['chunks/stub-5.js']);
      expect(checkBudgets(sizes).map((r) => r.ok)).toEqual([false, true, false, true, true]);
    });
  });
});

describe(`size budget of dist/cdn (gzip -9; issue 12: loader ${kb(BUDGETS.loaderGzip)}, critical path ${kb(BUDGETS.criticalGzip)} in ${BUDGETS.criticalRoundTrips} round trip, opening ${kb(BUDGETS.openingGzip)}, everything ${kb(BUDGETS.everythingGzip)})`, () => {
  let sizes: CdnSizes | undefined;
  let problem = '';
  try {
    sizes = measureCdn(CDN);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (!sizes) {
    it('dist/cdn is built', () => {
      throw new Error(`cannot check the size budget: ${problem}`);
    });
    return;
  }
  const measured = sizes;
  const listing = (files: { file: string; gzip: number }[]) => files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ');
  console.log(
    `size budget: loader.js ${kb(measured.loader.gzip)}; critical path ${kb(measured.critical.gzip)} in ${measured.critical.roundTrips} round trip(s) (${listing(measured.critical.files)}); ` +
      `opening ${kb(measured.opening.gzip)} (${listing(measured.opening.files)}); everything ${kb(measured.everything.gzip)} in ${measured.everything.files.length} files`,
  );
  for (const result of checkBudgets(measured)) {
    const show = (n: number) => (result.unit === 'B' ? kb(n) : `${n}`);
    const over = result.value - result.target;
    const status =
      result.limit === result.target
        ? `budget ${show(result.target)}`
        : `issue 12 budget ${show(result.target)}${over > 0 ? `, ${show(over)} over it (open)` : ''}; growth ceiling ${show(result.limit)}`;
    const figure = result.unit === 'B' ? `${kb(result.value)} gzipped (${result.value} B)` : `${result.value} round trip(s)`;
    it(`${result.name}: ${figure} — ${status}`, () => {
      expect(result.value, `${result.name} is ${result.value - result.limit} ${result.unit} over its limit of ${result.limit}`).toBeLessThanOrEqual(result.limit);
    });
  }
  it('every file in dist/cdn can be fetched by the script-tag widget (nothing unreachable is shipped)', () => {
    expect(measured.unreachable).toEqual([]);
    // The client's model validation, stub mode and adaptive rate limiter, and the session's check of
    // clientOptions, load only for client options the widget never passes (vite.widget.config.ts
    // leaves them out). The only client chunk shipped is the error advice, loaded with the first
    // error response.
    const manifest = JSON.parse(readFileSync(join(CDN, '.vite/manifest.json'), 'utf8')) as Manifest;
    const sources = Object.values(manifest).map((c) => c.src ?? '');
    expect(sources.filter((src) => /^src\/client\//.test(src))).toEqual(['src/client/advice.ts']);
    expect(measured.everything.files.map((f) => f.file).filter((f) => /(^|\/)(stub|rate-limiter)-/.test(f))).toEqual([]);
  });
});

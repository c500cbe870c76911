// `npm run shots`: renders every state of the real widget (dist/cdn, loaded by the snippet on the
// a customer page under a strict CSP) against the emulator to PNGs, in each colour scheme,
// direction and device, and with three brand colours. A tool to look with, not a test: it prints
// what it wrote, which pictures changed since the previous run, and any CSP violation, page error or
// (with --axe) accessibility violation it saw on the way.
//
//   npm run shots                                   everything (about 2.5 minutes on 2 cores)
//   npm run shots -- --variants dark-ltr,brand     variants whose name contains one of these
//   npm run shots -- --scenes menu,send-hover      only these pictures (the scenes before still run)
//   npm run shots -- --axe                         also run axe-core on every state
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { startShotsEnv } from './env.js';
import { decodePng, pixelsChanged } from './png.js';
import { NOISE, writeIndex, type Shot } from './report.js';
import { SCENES, type SceneContext } from './scenes.js';
import { allVariants, type Variant } from './variants.js';

const ROOT = 'shots';
/** Width of the desktop pictures: the widget's corner of the page (window 380 px + margins). */
const CORNER = 440;
const LATEST = join(ROOT, 'latest');
const PREVIOUS = join(ROOT, 'previous');

function option(name: string): string[] | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : (process.argv[i + 1] ?? '').split(',').filter(Boolean);
}
if (process.argv.includes('--help')) {
  const text = readFileSync(new URL(import.meta.url), 'utf8').split('\n');
  console.log(text.slice(0, text.findIndex((l) => !l.startsWith('//'))).map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}
const wantVariants = option('variants');
const wantScenes = option('scenes');
const withAxe = process.argv.includes('--axe');

const variants = allVariants().filter((v) => !wantVariants || wantVariants.some((w) => v.name.includes(w)));
if (!variants.length) {
  console.error(`shots: no variant matches ${wantVariants?.join(', ')}; variants: ${allVariants().map((v) => v.name).join(', ')}`);
  process.exit(2);
}
const unknown = (wantScenes ?? []).filter((s) => !SCENES.some((scene) => scene.name === s));
if (unknown.length) {
  console.error(`shots: unknown scene ${unknown.join(', ')}; scenes: ${SCENES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

// The previous run is kept beside this one for comparison.
rmSync(PREVIOUS, { recursive: true, force: true });
if (existsSync(LATEST)) renameSync(LATEST, PREVIOUS);
mkdirSync(LATEST, { recursive: true });
/** Pixels that changed since the previous run's picture; undefined = it had none. */
function changedSince(file: string, png: Buffer): number | undefined {
  const before = join(PREVIOUS, file);
  return existsSync(before) ? pixelsChanged(decodePng(readFileSync(before)), decodePng(png)) : undefined;
}

const started = Date.now();
const env = await startShotsEnv(ROOT);
const shots: Shot[] = [];
const failures: string[] = [];

/** Writes one picture of the page as it is now, with what was seen since the last one. */
async function shoot(page: Page, variant: Variant, name: string, problems: string[]): Promise<void> {
  const file = `${variant.name}/${name}.png`;
  // Two frames, so what the state changed is painted.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  // Desktop: the corner the widget lives in, at full size (the rest is the host page).
  const clip = variant.mobile ? undefined : { x: variant.viewport.width - CORNER, y: 0, width: CORNER, height: variant.viewport.height };
  const png = await page.screenshot({ path: join(LATEST, file), animations: 'disabled', caret: 'hide', clip });
  const axe = withAxe ? (await new AxeBuilder({ page }).include('[data-connect-chat]').analyze()).violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(' | ')})`) : [];
  shots.push({ file, variant: variant.name, scene: name, changed: changedSince(file, png), axe, problems: problems.splice(0) });
}

for (const variant of variants) {
  const { context, page, url } = await env.open(variant, variant.config);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/^(Failed to load resource|WebSocket connection to)/.test(m.text()) && problems.push(`console: ${m.text()}`));
  await page.exposeFunction('__shotsCsp', (v: string) => problems.push(`CSP violation: ${v}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __shotsCsp(v: string): void }).__shotsCsp(`${e.violatedDirective} ${e.blockedURI}`)),
  );
  const ctx: SceneContext = { env, page, url, variant, w: (s) => page.locator(`[data-connect-chat] ${s}`), assets: `${env.site.url}/assets` };
  mkdirSync(join(LATEST, variant.name), { recursive: true });
  for (const scene of SCENES) {
    if (variant.brand && !scene.brand) continue;
    try {
      await scene.act(ctx);
    } catch (error) {
      const file = `${variant.name}/${scene.name}.png`;
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      failures.push(`${file}: ${message}${problems.length ? ` (${problems.splice(0).join('; ')})` : ''}`);
      await page.screenshot({ path: join(LATEST, variant.name, `${scene.name}-FAILED.png`) }).catch(() => {});
      break; // the scenes after it build on this one
    }
    if (wantScenes && !wantScenes.includes(scene.name)) continue;
    // Nothing hovered by chance: the pointer rests in the page's top left corner.
    if (!scene.pointer) await page.mouse.move(1, 1);
    await shoot(page, variant, scene.name, problems);
    if (scene.tall) {
      const log = ctx.w('.cw-log');
      const scrolled = await log.evaluate((el) => {
        const rows = el.querySelectorAll('.cw-row');
        const last = rows[rows.length - 1] as HTMLElement | undefined;
        const cut = last ? last.getBoundingClientRect().top - el.getBoundingClientRect().top : 0;
        if (!last || cut >= 0) return false; // its top is in view already
        el.scrollTop += cut - 8;
        return true;
      });
      if (scrolled) {
        await shoot(page, variant, `${scene.name}-top`, problems);
        await log.evaluate((el) => (el.scrollTop = el.scrollHeight));
        await expect(ctx.w('.cw-jump')).toHaveCount(0);
      }
    }
  }
  await context.close();
  console.log(`shots: ${variant.name} done`);
}
await env.close();

writeIndex(join(LATEST, 'index.html'), shots);

console.log(`\nshots: ${shots.length} pictures in ${LATEST}/ (open index.html) in ${Math.round((Date.now() - started) / 1000)} s`);
const compared = shots.filter((s) => s.changed !== undefined);
const changed = compared.filter((s) => s.changed! > NOISE);
if (compared.length) console.log(`shots: ${changed.length} of ${compared.length} differ from the previous run${changed.length ? ': ' + changed.map((s) => `${s.file} (${s.changed} px)`).join(', ') : ''}`);
for (const s of shots) for (const p of [...s.problems, ...s.axe.map((a) => `axe: ${a}`)]) console.log(`shots: ${s.file}: ${p}`);
for (const f of failures) console.error(`shots: FAILED ${f}`);
process.exit(failures.length ? 1 : 0);

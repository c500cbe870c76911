// The baseline of the throttled bench: the script-tag build (dist/cdn) of another commit, built once
// into node_modules/.cache and served beside this one, so both are measured in the same run, on the
// same machine, under the same load. `BENCH_BASELINE=<commit>` picks it (default: the main of before
// issue 12; `BENCH_BASELINE=none` skips it).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DEFAULT_BASELINE = 'b828e3d';

export interface Baseline {
  commit: string;
  dir: string;
}

function run(command: string, args: string[], cwd: string): { ok: boolean; out: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/** The baseline's dist/cdn, built when missing; throws with the reason when it cannot be built. */
export function baselineBuild(ref = process.env.BENCH_BASELINE || DEFAULT_BASELINE): Baseline {
  const parsed = run('git', ['rev-parse', '--short=12', `${ref}^{commit}`], process.cwd());
  if (!parsed.ok) throw new Error(`the baseline commit ${ref} is not in this clone (${parsed.out.split('\n')[0]})`);
  const commit = parsed.out;
  const dir = resolve('node_modules/.cache/connect-chat-bench', `cdn-${commit}`);
  if (existsSync(join(dir, 'widget.js')) && existsSync(join(dir, 'loader.js'))) return { commit, dir };
  const work = mkdtempSync(join(tmpdir(), 'bench-baseline-'));
  try {
    const tar = spawnSync('sh', ['-c', `git archive ${commit} | tar -x -C "${work}"`], { encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`git archive ${commit} failed: ${tar.stderr}`);
    // The same dependencies as this checkout: the baseline differs in its own code only.
    symlinkSync(resolve('node_modules'), join(work, 'node_modules'), 'dir');
    // The loader last: since issue 12 it reads the widget build's manifest.
    for (const config of ['vite.widget.config.ts', 'vite.validate.config.ts', 'vite.loader.config.ts']) {
      if (!existsSync(join(work, config))) continue;
      const built = run('npx', ['vite', 'build', '-c', config, '--logLevel', 'error'], work);
      if (!built.ok) throw new Error(`building the baseline ${commit} with ${config} failed: ${built.out.split('\n').slice(-3).join(' ')}`);
    }
    mkdirSync(dir, { recursive: true });
    cpSync(join(work, 'dist/cdn'), dir, { recursive: true });
    return { commit, dir };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

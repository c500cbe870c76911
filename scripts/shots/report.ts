// shots/latest/index.html: every picture on one page, by variant, with what changed since the
// previous run (and that run's picture beside it) and the problems seen in each state.
import { writeFileSync } from 'node:fs';

/**
 * Up to this many pixels may differ between two runs of the same state: Chromium's anti-aliasing of
 * a rounded corner over composited content varies by a few pixels (6-16 seen).
 */
export const NOISE = 24;

export interface Shot {
  file: string;
  variant: string;
  scene: string;
  /** Pixels that differ from the previous run's picture; undefined = that run had none. */
  changed?: number;
  axe: string[];
  problems: string[];
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

export function writeIndex(path: string, shots: Shot[]): void {
  const variants = [...new Set(shots.map((s) => s.variant))];
  const figure = (s: Shot) => {
    const notes = [...s.problems, ...s.axe.map((a) => `axe: ${a}`)];
    const changed = (s.changed ?? 0) > NOISE;
    const before = changed ? `<a href="../previous/${esc(s.file)}"><img src="../previous/${esc(s.file)}" alt="before"></a>` : '';
    return `<figure class="${changed ? 'changed' : ''}"><figcaption>${esc(s.scene)}${changed ? ` — ${s.changed} px changed (before, after)` : ''}</figcaption>${before}<a href="${esc(s.file)}"><img src="${esc(s.file)}" alt="${esc(s.scene)}" loading="lazy"></a>${notes.map((n) => `<p class="bad">${esc(n)}</p>`).join('')}</figure>`;
  };
  const html = `<!doctype html><meta charset="utf-8"><title>connect-chat-widget shots</title>
<style>body{font:14px system-ui;margin:16px;background:#eee}section{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;background:#fff;padding:6px;border-radius:6px}figure.changed{outline:3px solid #e67700}img{width:320px;display:block;margin-top:4px}.bad{color:#b3261e;max-width:320px}</style>
${variants.map((v) => `<h2>${esc(v)}</h2><section>${shots.filter((s) => s.variant === v).map(figure).join('')}</section>`).join('\n')}`;
  writeFileSync(path, html);
}

// Figures, the table `npm run bench` prints, and bench/results.json.
// A figure is either measured (value + unit) or explicitly not available, with the reason.
import { writeFileSync } from 'node:fs';

export type Unit = 'ms' | 'B' | 'KB' | 'MB' | 'x' | 'count' | 'score' | 'messages';

export interface Figure {
  scenario: string;
  metric: string;
  /** null = not available; `note` then says why. */
  value: number | null;
  unit: Unit;
  /** How the table shows it, e.g. "1.84 KB", "n/a: widget not built". */
  display: string;
  note?: string;
}

function format(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
    case 'B':
      return `${value} B`;
    case 'KB':
      return `${(value / 1024).toFixed(2)} KB`;
    case 'MB':
      return `${(value / 1024 / 1024).toFixed(1)} MB`;
    case 'x':
      return `${value.toFixed(1)}x`;
    case 'score':
      return value.toFixed(4);
    case 'count':
    case 'messages':
      return String(value);
  }
}

/** A measured figure. `unit` 'KB' / 'MB' take bytes and show them scaled. */
export function fig(scenario: string, metric: string, value: number, unit: Unit, note?: string): Figure {
  if (!Number.isFinite(value)) return na(scenario, metric, `the measurement gave ${String(value)}`, unit);
  return { scenario, metric, value, unit, display: format(value, unit), ...(note ? { note } : {}) };
}

/** A figure that could not be measured, and why. Never a guess. */
export function na(scenario: string, metric: string, reason: string, unit: Unit = 'ms'): Figure {
  return { scenario, metric, value: null, unit, display: `n/a: ${reason}`, note: reason };
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The table, one row per figure, scenario names shown once per group. */
export function table(figures: Figure[]): string {
  const rows = figures.map((f, i) => [
    i > 0 && figures[i - 1].scenario === f.scenario ? '' : f.scenario,
    f.metric,
    f.display,
    f.value === null ? '' : (f.note ?? ''),
  ]);
  const head = ['scenario', 'metric', 'value', 'note'];
  const width = head.map((h, c) => Math.max(h.length, ...rows.map((r) => Math.min(r[c].length, c === 2 ? 60 : 200))));
  const line = (r: string[]) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(width[c]))).join('  ').trimEnd();
  return [line(head), line(width.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export interface Results {
  date: string;
  durationSeconds: number;
  machine: { cpus: number; node: string; platform: string; chromium: string };
  figures: Figure[];
  details: Record<string, unknown>;
}

export function writeResults(path: string, results: Results): void {
  writeFileSync(path, JSON.stringify(results, null, 2) + '\n');
}

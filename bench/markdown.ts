// Prints bench/results.json as a Markdown table (for the README's benchmark figures):
//   npx tsx bench/markdown.ts
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Results } from './report.js';

const path = fileURLToPath(new URL('./results.json', import.meta.url));
let results: Results;
try {
  results = JSON.parse(readFileSync(path, 'utf8')) as Results;
} catch (error) {
  console.error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}; run npm run bench first`);
  process.exit(1);
}
const cell = (s: string) => s.replace(/\|/g, '\\|');
const { machine } = results;
console.log(`Run of ${results.date.slice(0, 10)}: ${machine.cpus} cores, Node ${machine.node}, Chromium ${machine.chromium}, ${results.durationSeconds} s.\n`);
console.log('| scenario | metric | value | note |');
console.log('| --- | --- | --- | --- |');
results.figures.forEach((f, i) => {
  const scenario = i > 0 && results.figures[i - 1].scenario === f.scenario ? '' : f.scenario;
  console.log(`| ${cell(scenario)} | ${cell(f.metric)} | ${cell(f.display)} | ${cell(f.value === null ? '' : (f.note ?? ''))} |`);
});

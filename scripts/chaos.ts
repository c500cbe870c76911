// `npm run test:chaos [-- --seconds 60 --rate 2 --drop 0.15 --fail 0.3 --offline 0.08 --reload 0.08 --seed 1]`
// Drives a customer ChatSession and an agent against the emulator with random socket drops, failing
// requests, offline spells and reloads, then compares both transcripts with the emulator's record.
// The last line reads `chaos: N messages, L lost, D duplicated, O out of order`; the exit code is
// non-zero on any loss, duplicate or disorder.
import { CHAOS_DEFAULTS, runChaos, summaryLine, type ChaosOptions } from '../src/chat/testing/chaos.js';

function parseFlags(argv: string[]): Partial<ChaosOptions> {
  const options: Partial<ChaosOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg}; flags: ${Object.keys(CHAOS_DEFAULTS).map((k) => `--${k}`).join(' ')}`);
    const [, name, inline] = match;
    if (!(name in CHAOS_DEFAULTS)) throw new Error(`unknown flag --${name}; flags: ${Object.keys(CHAOS_DEFAULTS).map((k) => `--${k}`).join(' ')}`);
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (raw === undefined || !Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number >= 0, got ${String(raw)}`);
    options[name as keyof ChaosOptions] = value;
  }
  return options;
}

let flags: Partial<ChaosOptions>;
try {
  flags = parseFlags(process.argv.slice(2));
} catch (error) {
  console.error(String((error as Error).message));
  process.exit(2);
}
const options = { ...CHAOS_DEFAULTS, ...flags };
console.log(`chaos: ${options.seconds} s, ${options.rate} msg/s per side, per second: drop ${options.drop}, fail ${options.fail}, offline ${options.offline}, reload ${options.reload}; seed ${options.seed}`);
const report = await runChaos(options, (line) => console.log(line));
console.log(`faults: ${JSON.stringify(report.faults)}`);
for (const line of report.details) console.log(`  ${line}`);
console.log(summaryLine(report));
process.exit(report.lost + report.duplicated + report.outOfOrder > 0 ? 1 : 0);

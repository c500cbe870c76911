// validate.js — loaded by loader.js at idle time so configuration mistakes show up in the console at
// once, without loading the whole widget. One console.error for all problems.
//
// The widget chunk imports this same module, so when it boots with the configuration already
// reported here, nothing is printed twice: each configuration object is reported at most once.
import { describeIssues, validateConfig } from '../config.js';

const reported = new WeakSet<object>();

/** Prints one console error listing every bad option (and nothing when the config is valid). */
export function report(config: unknown): void {
  if (typeof config === 'object' && config !== null) {
    if (reported.has(config)) return;
    reported.add(config);
  }
  const { issues } = validateConfig(config);
  if (issues.length > 0) console.error(describeIssues(issues));
}

// validate.js — loaded by loader.js at idle time so configuration mistakes show up in the console at
// once, without loading the whole widget. One console.error for all problems.
import { describeIssues, validateConfig } from '../config.js';

let reported = false;

/** Prints one console error listing every bad option (and nothing when the config is valid). */
export function report(config: unknown): void {
  if (reported) return;
  reported = true;
  const { issues } = validateConfig(config);
  if (issues.length > 0) console.error(describeIssues(issues));
}

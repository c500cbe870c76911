// validate.js — loaded by loader.js at idle time so configuration mistakes show up in the console at
// once, without loading the whole widget. One console.error for all problems.
//
// The widget has its own copy of this module (validate.js is built apart, so widget.js imports no
// other file). The two share one list of reported objects on the page's global object, so when the
// widget boots with a configuration already reported here, nothing is printed twice: each
// configuration object is reported at most once.
import { configIssues, describeIssues } from '../config.js';

const KEY = Symbol.for('connect-chat-widget.reported');
const shared = globalThis as { [KEY]?: WeakSet<object> };
const reported = (shared[KEY] ??= new WeakSet<object>());

/** Prints one console error listing every bad option (and nothing when the config is valid). */
export function report(config: unknown): void {
  if (typeof config === 'object' && config !== null) {
    if (reported.has(config)) return;
    reported.add(config);
  }
  const issues = configIssues(config);
  if (issues.length > 0) console.error(describeIssues(issues));
}

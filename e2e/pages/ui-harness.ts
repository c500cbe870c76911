// The widget as the UI end-to-end pages load it: the real ChatSession against the emulator, mounted
// by the UI's mountWidget. Built (dependencies bundled) into /dist/ui-e2e/ui-harness.js by e2e/ui-support.ts.
import { ChatSession } from '../../src/chat/index';
import { describeIssues, validateConfig } from '../../src/config';
import { mountWidget, type MountOptions } from '../../src/ui/mount-widget';
import { sessionOptions } from '../../src/ui/session-options';
import { bundledTranscript } from '../../src/ui/transcript/bundled';

export function boot(options: Record<string, unknown>, mount: Omit<MountOptions, 'transcript'> = {}) {
  const { config, issues } = validateConfig(options);
  if (issues.length) console.error(describeIssues(issues));
  const session = new ChatSession(sessionOptions(config));
  const host = document.createElement('div');
  host.id = 'chat-widget';
  document.body.append(host);
  const ctl = mountWidget(host, config, session, { transcript: bundledTranscript, ...mount });
  Object.assign(window, { cw: { ctl, session, config } });
  return ctl;
}

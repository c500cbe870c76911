// createWidget for the npm entry points (mount(), <connect-chat>, the Preact component): the widget
// with a ChatSession of its own, in the same bundle. The script-tag widget (widget.ts) loads its
// session as a chunk of its own instead.
import { ChatSession } from '../chat/chat-session.js';
import { bundledTranscript } from '../ui/transcript/bundled.js';
import { createWidgetWith, type CreateWidgetOptions, type WidgetInstance } from './api.js';

/** Renders the widget into `root` with its own ChatSession. `input` is validated here (one console error). */
export function createWidget(root: ShadowRoot, input: unknown, options: CreateWidgetOptions = {}): WidgetInstance {
  return createWidgetWith({ makeSession: (sessionOptions) => new ChatSession(sessionOptions), transcript: bundledTranscript }, root, input, options);
}

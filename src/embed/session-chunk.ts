// The script-tag widget's second file, asked for as widget.js boots (and by loader.js on the
// launcher's intent): the session (client, socket, store, engine) and the message list that shows
// what it brings (ui/transcript/part.ts). Nothing on screen needs the list before the session is
// there; one file costs one request, and compresses better than two.
import { ChatSession as Session } from '../chat/chat-session.js';
import { latestIsView as isView, Transcript as Log } from '../ui/transcript/part.js';

// Bound here rather than re-exported: a dynamic entry that re-exports makes the bundler build its
// namespace with a helper that goes into a file of its own (one more round trip).
export const ChatSession = Session;
export const Transcript = Log;
export const latestIsView = isView;

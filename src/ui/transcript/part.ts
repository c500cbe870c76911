// The message list as a part the window is handed (ui.transcript): the list with its rows, message
// content, attachments and interactive messages. Messages come only from the session, so nothing on
// screen needs it before the session is there: the script-tag widget ships it in the session's chunk
// (embed/session-chunk.ts), the npm entry points bundle it (bundled.ts). Its styles stay the shell's.
import { interactivePart } from '../interactive/lazy';
import type { EntryLike } from '../interactive/visible';
import { Transcript } from './transcript';

/** Whether free text typed now answers a view (the templates' chunk is there once a view shows). */
export const latestIsView = (entries: readonly EntryLike[]): boolean => interactivePart.loaded()?.latestIsView(entries) ?? false;

export { Transcript };

/** What the window needs of the part. */
export interface TranscriptPart {
  Transcript: typeof Transcript;
  latestIsView: typeof latestIsView;
}

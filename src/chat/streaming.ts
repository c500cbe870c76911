// Lex streaming chunks (chat-protocol.md §2): a bot message arrives in numbered pieces, each a SYSTEM
// MESSAGE whose metadata says whether it is the last; the completed one carries the whole text.
import { withFields } from './entry.js';
import { entriesOf, type ChatItem, type TranscriptContext } from './item-entries.js';
import type { TranscriptEntry } from './types.js';

export interface StreamState {
  /** Last ChunkNumber stitched in order. */
  readonly chunk: number;
  readonly completed: boolean;
}

/** Lex streaming chunk: a SYSTEM MESSAGE whose metadata carries MessageCompleted (chat-protocol.md §2). */
export function isStreamingChunk(item: ChatItem): boolean {
  const completed = item.MessageMetadata?.MessageCompleted;
  return item.Type === 'MESSAGE' && item.ParticipantRole === 'SYSTEM' && completed !== undefined && completed !== null;
}


/**
 * A chunk stitched into what is known of its message: the stream's next state and the entry to
 * put, or null when the chunk is dropped. Chunks are stitched in order from chunk 1; a chunk out
 * of order waits for the completed one, which carries the whole message and replaces the partials
 * (keeping the place, the time, of the first chunk so the message does not jump while it grows).
 */
export function stitchChunk(
  item: ChatItem,
  stream: StreamState | undefined,
  known: TranscriptEntry | undefined,
  ctx: TranscriptContext,
): { stream: StreamState; entry: TranscriptEntry } | null {
  if (stream?.completed) return null; // the completed message already replaced every partial
  const chunk = item.MessageMetadata?.ChunkNumber ?? 0;
  if (item.MessageMetadata?.MessageCompleted === true) {
    const [entry] = entriesOf(item, ctx);
    if (!entry || entry.kind !== 'message') return null;
    return { stream: { chunk, completed: true }, entry: withFields(entry, { time: known?.time ?? entry.time, streaming: false }) };
  }
  if (!stream && !known) {
    if (chunk !== 1) return null; // a stream must start at chunk 1; later chunks wait for completion
    const [entry] = entriesOf(item, ctx);
    if (!entry || entry.kind !== 'message') return null;
    return { stream: { chunk: 1, completed: false }, entry: withFields(entry, { streaming: true }) };
  }
  if (!stream || chunk !== stream.chunk + 1 || !known || known.kind !== 'message') return null;
  return { stream: { chunk, completed: false }, entry: withFields(known, { content: known.content + (item.Content ?? ''), streaming: true }) };
}

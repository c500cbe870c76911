// Incoming items: what the socket, the gap fill, older history and our own SendMessage answers bring
// is merged into the transcript (transcript.ts decides), and what follows from it happens here: the
// typing indicators and their expiry, the message and typing events, delivered receipts, uploads
// settled by their message, what the saver must write, and the end of the chat when an item says so.
import { batch } from '@preact/signals-core';
import type { HistorySync } from './history-sync.js';
import type { SessionDetails } from './persistence.js';
import { nowIso, type Emit, type ItemSource, type Life, type SetTimer } from './ports.js';
import type { ReceiptSender } from './receipt-sender.js';
import type { Saver } from './saver.js';
import type { SessionState } from './state.js';
import { mergeItems, type ChatItem } from './transcript.js';
import { nextTypingExpiry, typingAfterItems, typingExpired, type TypingPolicy } from './typing.js';
import type { TranscriptEntry } from './types.js';
import type { Uploads } from './uploads.js';

export interface IncomingPorts {
  s: SessionState;
  life: Life;
  session: () => SessionDetails | null;
  typing: TypingPolicy;
  history: Pick<HistorySync, 'noteRelated' | 'hasOlder'>;
  receipts: Pick<ReceiptSender, 'noteSent' | 'eligible' | 'request'>;
  uploads: Pick<Uploads, 'settle'>;
  saver: Pick<Saver, 'noteEntries' | 'scheduleTranscript' | 'saveSession'>;
  emit: Emit;
  /** New entries, for the post-chat survey's progress (end-flow.ts). */
  added: (entries: readonly TranscriptEntry[]) => void;
  /** A chat.ended event of this contact came in. */
  ended: () => void;
  setTimer: SetTimer;
}

export class Incoming {
  constructor(private readonly p: IncomingPorts) {}

  /**
   * source: 'live' (socket, gap fill), 'older' (loadOlder), 'untrusted' (our own SendMessage
   * answers, and socket items while a gap fill is pending): untrusted items never become the start
   * of a later gap fill, because items before them may still be missing.
   */
  handle(items: readonly ChatItem[], source: ItemSource = 'live'): void {
    const p = this.p;
    const s = p.s;
    if (items.length === 0 || p.life.isStopped) return;
    const me = s.me.peek();
    const result = mergeItems(s.transcriptState.peek(), items, { participantId: me.participantId, fallbackTime: nowIso() }, source !== 'untrusted');
    const relatedIds = items.map((i) => i.RelatedContactId).filter((id): id is string => !!id);
    const moreOlder = p.history.noteRelated(relatedIds, p.session()?.contactId);
    const now = Date.now();
    batch(() => {
      s.transcriptState.value = result.state;
      s.typingState.value = typingAfterItems(s.typingState.peek(), result.typing, result.added, now, p.typing);
      if (moreOlder) s.hasOlder.value = p.history.hasOlder;
    });
    this.scheduleTypingExpiry();
    for (const item of result.typing) {
      if (item.ParticipantId) {
        p.emit('typing', { participantId: item.ParticipantId, displayName: item.DisplayName ?? '', role: item.ParticipantRole ?? 'AGENT' });
      }
    }
    p.receipts.noteSent(result.ownReceipts);
    p.added(result.added);
    for (const entry of result.added) {
      p.emit('message', entry);
      if (p.receipts.eligible(entry)) p.receipts.request('delivered', entry.id);
    }
    p.uploads.settle([...result.added, ...result.updated]);
    p.saver.noteEntries(result.added, result.updated, source === 'older');
    p.saver.scheduleTranscript();
    if (relatedIds.length) void p.saver.saveSession();
    if (result.ended) p.ended();
  }

  /** Typing indicators go away on their own when no new typing event renews them. */
  private scheduleTypingExpiry(): void {
    const next = nextTypingExpiry(this.p.s.typingState.peek());
    if (next === null) return;
    this.p.setTimer('typing', Math.max(0, next - Date.now()) + 5, () => {
      this.p.s.typingState.value = typingExpired(this.p.s.typingState.peek(), Date.now());
      this.scheduleTypingExpiry();
    });
  }
}

// The ClientToken of a send that failed, kept for the same text sent again. A send may fail with its
// outcome unknown: a follower tab stops waiting for the tab that holds the chat, which may have sent
// it all the same (and crashed, or handed over, before it answered). The composer puts the text
// back, and the visitor sends it again: with the first attempt's token, so the service (idempotent
// by ClientToken) keeps one message whichever attempt reached it. Once a later send has gone out,
// the texts that failed before it are no longer pending: the same text again is a new message.
import { randomUuid } from '../client/uuid.js';

/** One send: its token and its place among this page's sends. */
export interface SendAttempt {
  readonly token: string;
  readonly seq: number;
}

/** Failed texts kept at most (oldest forgotten first): a visitor resends one or two, not hundreds. */
const KEPT_MAX = 20;

export class ResendTokens {
  private seq = 0;
  private readonly failed = new Map<string, SendAttempt>();

  /** The token for a send of this text: a failed send's, when this is the same text again; else a new one. */
  take(content: string, contentType: string): SendAttempt {
    const key = keyOf(content, contentType);
    const kept = this.failed.get(key);
    this.failed.delete(key);
    return { token: kept?.token ?? randomUuid(), seq: ++this.seq };
  }

  /** Follows a send to its end: a failure keeps its token for the same text; a success ends the wait of earlier failures. */
  watch(content: string, contentType: string, attempt: SendAttempt, sending: Promise<void>): Promise<void> {
    return sending.then(
      () => {
        for (const [key, kept] of this.failed) if (kept.seq < attempt.seq) this.failed.delete(key);
      },
      (error: unknown) => {
        this.failed.set(keyOf(content, contentType), attempt);
        if (this.failed.size > KEPT_MAX) this.failed.delete(this.failed.keys().next().value as string);
        throw error;
      },
    );
  }
}

function keyOf(content: string, contentType: string): string {
  return `${contentType}\n${content}`;
}

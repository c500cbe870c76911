// The saver: what the engine writes to storage and when. Rows changed since the last write are
// kept in a dirty map and written after a quiet moment (debounced); the session, the outbox and
// the draft are written as they change. Writes run one after another, in order, on one chain; a
// failure is reported once and does not stop the chat.
import { describeCause } from './errors.js';
import type { SessionDetails, SessionPersistence } from './persistence.js';
import type { Life, Report, SetTimer } from './ports.js';
import type { SessionState } from './state.js';
import { compareRows, rowById, type Row } from './transcript.js';
import type { TranscriptEntry } from './types.js';

/** The transcript and the draft are written this long after their last change. */
const SAVE_DELAY_MS = 150;

export interface SaverPorts {
  s: SessionState;
  persistence: SessionPersistence;
  life: Life;
  session: () => SessionDetails | null;
  /** The older-history state stored with the session (history-sync.ts). */
  history: () => NonNullable<SessionDetails['history']>;
  report: Report;
  setTimer: SetTimer;
}

export class Saver {
  /** Rows changed since the last write: 'append' (new or updated) or 'prepend' (older history). */
  private dirty = new Map<string, 'append' | 'prepend'>();
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly p: SaverPorts) {}

  /** Entries a merge added (as older history or as the newest) and updated. */
  noteEntries(added: readonly TranscriptEntry[], updated: readonly TranscriptEntry[], older: boolean): void {
    for (const e of added) this.dirty.set(e.id, older ? 'prepend' : 'append');
    for (const e of updated) this.noteRow(e.id);
  }

  /** A row (new or changed) to write with the newest. */
  noteRow(id: string): void {
    if (!this.dirty.has(id)) this.dirty.set(id, 'append');
  }

  /** Writes the changed rows after a quiet moment. */
  scheduleTranscript(): void {
    if (this.p.life.hasEnded || this.p.life.isStopped) return;
    this.p.setTimer('save', SAVE_DELAY_MS, () => void this.queue(() => this.writeTranscript()));
  }

  saveSession(): Promise<void> {
    const session = this.p.session();
    if (!session || this.p.life.hasEnded) return Promise.resolve();
    session.history = this.p.history();
    return this.queue(() => this.p.persistence.saveSession(session));
  }

  saveOutbox(): Promise<void> {
    if (this.p.life.hasEnded) return Promise.resolve();
    const outbox = this.p.s.outbox.peek();
    return this.queue(() => this.p.persistence.saveOutbox(outbox));
  }

  saveDraft(draft: string): Promise<void> {
    return this.queue(() => this.p.persistence.saveDraft(draft));
  }

  /** The draft changed: written after a quiet moment. */
  draftChanged(): void {
    this.p.setTimer('draft', SAVE_DELAY_MS, () => void this.saveDraft(this.p.s.draft.peek()));
  }

  /** Resolves when every write queued so far is done (it never rejects). */
  written(): Promise<void> {
    return this.chain;
  }

  /** The page stops: writes the latest transcript and the draft now rather than after the debounce. */
  flush(draft: string): void {
    this.chain = this.chain.then(() => this.writeTranscript()).then(() => this.p.persistence.saveDraft(draft));
  }

  /** Writes the rows that changed since the last write (new and updated as newest, older history before). */
  private async writeTranscript(): Promise<void> {
    if (this.p.life.hasEnded || !this.p.session() || this.dirty.size === 0) return;
    const dirty = this.dirty;
    this.dirty = new Map();
    // By index rather than a scan of every row: a save follows every quiet moment of a long chat.
    const state = this.p.s.transcriptState.peek();
    const rows: Row[] = [];
    for (const id of dirty.keys()) {
      const row = id.startsWith('local:') ? undefined : rowById(state, id);
      if (row) rows.push(row);
    }
    rows.sort(compareRows);
    const older = rows.filter((r) => dirty.get(r.entry.id) === 'prepend');
    const newer = rows.filter((r) => dirty.get(r.entry.id) !== 'prepend');
    if (older.length) await this.p.persistence.prependRows(older);
    if (newer.length) await this.p.persistence.putRows(newer);
  }

  /** Writes happen one after another, in order; a failure is reported once and does not stop the chat. */
  queue(write: () => Promise<void>): Promise<void> {
    const next = this.chain.then(write).catch((cause: unknown) => {
      this.p.report('storage-failed', `The conversation could not be saved in this browser (${describeCause(cause)}); it continues, but a reload may lose it.`, cause);
    });
    this.chain = next;
    return next;
  }
}

// History sync: the gap fill after every (re)connect and the older history the visitor pages back
// through, with the contacts of a persistent chat that came before this one. The decisions are the
// pure plans of history.ts; this runs them against GetTranscript and hands the items to the engine.
import { batch } from '@preact/signals-core';
import { backoffDelay } from '../connection/index.js';
import { describeCause, isChatError } from './errors.js';
import { gapFillFallback, gapFillNext, gapFillQuery, hasOlder, initialOlderPlan, markTargetExhausted, noteRelatedContacts, startGapFill, type GapFillPlan, type OlderPlan } from './history.js';
import type { SessionDetails } from './persistence.js';
import { errorName, type ItemSource, type Life, type Log, type Op, type Report, type SetTimer } from './ports.js';
import type { SessionState } from './state.js';
import { lastAnchorId, oldestAnchorId, type ChatItem } from './transcript.js';

export interface HistorySyncPorts {
  s: SessionState;
  life: Life;
  op: Op;
  /** Merges items into the transcript (incoming.ts). */
  handleItems: (items: readonly ChatItem[], source?: ItemSource) => void;
  saveSession: () => Promise<void>;
  pageSize: number;
  retryBackoff: { firstRetryMs: number; baseMs: number; factor: number; maxMs: number };
  report: Report;
  log: Log;
  setTimer: SetTimer;
}

export class HistorySync {
  private older: OlderPlan = initialOlderPlan;
  private readonly related = new Set<string>();
  private gapFilling = false;
  /** Where the pending gap fill starts (undefined id: the newest page), or null when none is pending. */
  private gapFrom: { id: string | undefined } | null = null;
  private gapFillAgain = false;
  private gapFillFailures = 0;

  constructor(private readonly p: HistorySyncPorts) {}

  /** A stored conversation: a full store may have dropped the oldest rows, to be fetched again. */
  restore(session: SessionDetails, complete: boolean): void {
    this.older = complete ? markTargetExhausted(initialOlderPlan) : initialOlderPlan;
    this.older = noteRelatedContacts(this.older, session.history?.related ?? [session.continuedFromContactId], session.contactId);
    for (const id of session.history?.related ?? []) this.related.add(id);
  }

  /**
   * A new chat, continuing `continuedFrom` (a persistent chat's earlier contact) if any. Its own
   * transcript has nothing older than the first gap fill's page, so none is asked for (nor the code
   * that asks) unless that page says there is more; an earlier contact is older history at once.
   */
  started(continuedFrom: string | undefined, contactId: string): void {
    this.older = noteRelatedContacts(markTargetExhausted(initialOlderPlan), [continuedFrom], contactId);
  }

  get hasOlder(): boolean {
    return hasOlder(this.older);
  }

  /** Whether a gap fill is pending: items on the socket meanwhile may have missing ones before them. */
  get gapPending(): boolean {
    return this.gapFrom !== null;
  }

  /** Whether the contact is an earlier one of this persistent chat (its messages are history). */
  isRelated(contactId: string | undefined): boolean {
    return !!contactId && this.related.has(contactId);
  }

  /** Notes the earlier contacts that items name; true when there is more older history now. */
  noteRelated(contactIds: readonly string[], current: string | undefined): boolean {
    if (contactIds.length === 0) return false;
    for (const id of contactIds) this.related.add(id);
    const before = this.older;
    this.older = noteRelatedContacts(this.older, contactIds, current);
    return this.older !== before;
  }

  /** What is stored with the session. */
  snapshot(): NonNullable<SessionDetails['history']> {
    return { complete: this.older.targetDone && this.older.target === undefined, related: [...this.related] };
  }

  /**
   * Fills the gap after a (re)connect. The start is captured when the gap opens (at the connect),
   * and kept until a gap fill succeeds: items that arrive on the new socket meanwhile must not move
   * it past items the old socket never delivered. A reconnect during a running gap fill runs it again
   * from the same start.
   */
  async gapFill(): Promise<void> {
    if (!this.gapFrom) this.gapFrom = { id: lastAnchorId(this.p.s.transcriptState.peek()) };
    if (this.gapFilling) {
      this.gapFillAgain = true;
      return;
    }
    const life = this.p.life;
    this.gapFilling = true;
    try {
      do {
        this.gapFillAgain = false;
        await this.gapFillOnce(this.gapFrom.id);
      } while (this.gapFillAgain && !life.hasEnded && !life.isStopped);
      this.gapFrom = null;
      this.gapFillFailures = 0;
    } catch (error) {
      if (life.hasEnded || life.isStopped || (isChatError(error) && error.code === 'chat-ended')) return;
      this.p.log('gap-fill-failed', { error: describeCause(error) });
      // Retry while connected; otherwise the next connect retries (from the same start).
      const delay = backoffDelay(this.gapFillFailures++, { ...this.p.retryBackoff });
      this.p.setTimer('gapfill', Math.max(delay, 200), () => {
        if (this.p.s.connection.peek() === 'connected') void this.gapFill();
      });
    } finally {
      this.gapFilling = false;
    }
  }

  private async gapFillOnce(from: string | undefined): Promise<void> {
    const options = { pageSize: this.p.pageSize, maxPages: 200 };
    let plan: GapFillPlan = startGapFill(from);
    for (;;) {
      const known = new Set(this.p.s.transcriptState.peek().rows.map((r) => r.entry.id));
      const query = gapFillQuery(plan, options);
      let response;
      try {
        response = await this.p.op('GetTranscript', query);
      } catch (error) {
        const name = errorName(error);
        if (plan.mode === 'forward' && (name === 'ValidationException' || name === 'ResourceNotFoundException')) {
          // The service no longer knows our last item: page back from the newest instead.
          plan = gapFillFallback();
          continue;
        }
        throw error;
      }
      if (this.p.life.isStopped) return;
      this.p.handleItems((response.Transcript ?? []) as ChatItem[]);
      const step = gapFillNext(plan, response, (id) => known.has(id), options);
      if (step.done) {
        const older = this.older;
        // The beginning was reached (nothing older), or the first page of a new chat ended before
        // it (older pages exist after all: they come on demand, from the oldest item shown).
        const exhausted = step.reachedStart && !older.targetDone;
        const reopened = !step.reachedStart && plan.mode === 'backward' && plan.initial && older.targetDone;
        if (plan.mode === 'backward' && older.target === undefined && (exhausted || reopened)) {
          this.older = exhausted ? markTargetExhausted(older) : { ...older, targetDone: false };
          this.p.s.hasOlder.value = hasOlder(this.older);
          void this.p.saveSession();
        }
        return;
      }
      plan = step.plan;
    }
  }

  async loadOlder(): Promise<void> {
    const s = this.p.s;
    if (s.loadingOlder.peek() || !hasOlder(this.older) || this.p.life.hasEnded) return;
    s.loadingOlder.value = true;
    try {
      const { fetchOlder } = await import('./older.js');
      const page = await fetchOlder(
        this.older,
        (contactId) => oldestAnchorId(s.transcriptState.peek(), contactId),
        this.p.pageSize,
        (query) => this.p.op('GetTranscript', query),
      );
      if (!page) {
        s.hasOlder.value = false;
        return;
      }
      this.p.handleItems(page.items, 'older');
      this.older = page.plan;
    } catch (error) {
      if (!this.p.life.hasEnded) this.p.report('connection-failed', `Older messages could not be loaded (${describeCause(error)}). Try again.`, error);
      throw error;
    } finally {
      batch(() => {
        s.loadingOlder.value = false;
        s.hasOlder.value = hasOlder(this.older);
      });
      void this.p.saveSession();
    }
  }
}

// The conversation engine of the tab that holds the connection: it starts or resumes the chat,
// keeps the socket (WebSocketManager), fills gaps, sends the outbox, receipts and typing, uploads
// files and ends the chat. All decisions are made by the pure policies next to it; this file wires
// them to the client, the socket, timers and storage, and writes the results into the signals.
import { batch, effect } from '@preact/signals-core';
import type { ParticipantClientCore } from '../client/base.js';
import type { OperationInput, OperationName, OperationOutput } from '../client/types.js';
import { randomUuid } from '../client/uuid.js';
import { backoffDelay, tokenRefreshDelay, WebSocketManager, type ConnectionDetails } from '../connection/index.js';
import { checkAttachment, type AttachmentRules, type Uploader } from './attachments.js';
import { CONTENT_TYPE } from './content-types.js';
import { afterEntries, noEndFlow, visitorEnded, visitorSent, type EndFlow } from './end-flow.js';
import { ChatError, describeCause, isChatError } from './errors.js';
import {
  gapFillFallback,
  gapFillNext,
  gapFillQuery,
  hasOlder,
  initialOlderPlan,
  markTargetExhausted,
  noteRelatedContacts,
  startGapFill,
  type GapFillPlan,
  type OlderPlan,
} from './history.js';
import {
  acknowledgedItem,
  attemptStarted,
  createRecord,
  discardSend,
  enqueue,
  findRecord,
  nextToSend,
  retrySend,
  sendFailed,
  sendSucceeded,
  validateMessage,
  type Outbox,
} from './outbox.js';
import type { SessionDetails, SessionPersistence } from './persistence.js';
import type { RememberedChat } from './remembered.js';
import {
  cancelReceipts,
  emptyReceipts,
  flushReceipts,
  noteReceiptsSent,
  receiptsDueAt,
  requestReceipt,
  type ReceiptKind,
  type ReceiptPolicy,
  type ReceiptState,
} from './receipts.js';
import { startChat, type StartChatHttpOptions } from './start.js';
import type { SessionState } from './state.js';
import {
  claimOwnSend,
  compareRows,
  lastAnchorId,
  mergeItems,
  oldestAnchorId,
  rowById,
  transcriptFromRows,
  type ChatItem,
  type Row,
} from './transcript.js';
import { nextTypingExpiry, shouldSendTyping, typingCleared, typingExpired, typingReceived, type TypingPolicy } from './typing.js';
import type {
  AttachmentLink,
  ChatErrorCode,
  ChatSessionEvents,
  StartChatProvider,
  StartChatRequest,
  TranscriptEntry,
  Upload,
  ViewDescription,
} from './types.js';

/** The resolved options the engine runs with (see options.ts for the documented defaults). */
export interface EngineConfig {
  client: Pick<ParticipantClientCore, 'send'>;
  persistence: SessionPersistence;
  startChat?: StartChatProvider;
  startChatHttp: StartChatHttpOptions;
  request: StartChatRequest;
  /** Most rows storage keeps; a full store may have dropped older ones. */
  storedRowLimit: number;
  manager: Omit<ConstructorParameters<typeof WebSocketManager>[0], 'getConnection'>;
  receipts: ReceiptPolicy & { enabled: boolean };
  typing: TypingPolicy;
  attachments: AttachmentRules;
  /** Default: XMLHttpRequest in browsers, fetch elsewhere (upload.ts). */
  uploader?: Uploader;
  pageSize: number;
  resendBackoff: { firstRetryMs: number; baseMs: number; factor: number; maxMs: number };
  endTimeoutMs: number;
  /** The visitor's end waits for the disconnect flow (a survey) up to postChatTimeoutMs, in phase wrapping-up. */
  postChatSurvey: boolean;
  postChatTimeoutMs: number;
  /** persistentChat 'auto': the last ended chat's signed id. */
  remembered?: RememberedChat;
  log: (event: string, detail?: Record<string, unknown>) => void;
}

type Emit = <K extends keyof ChatSessionEvents>(event: K, detail: ChatSessionEvents[K]) => void;

const TRANSCRIPT_SAVE_DELAY_MS = 150;

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : '';
}

function isAccessDenied(error: unknown): boolean {
  const e = error as { name?: unknown; statusCode?: unknown };
  return errorName(error) === 'AccessDeniedException' || e?.statusCode === 403;
}

function isRetryable(error: unknown): boolean {
  const e = error as { retryable?: unknown };
  if (typeof e?.retryable === 'boolean') return e.retryable;
  return !(error instanceof ChatError);
}

function nowIso(): string {
  return new Date().toISOString();
}

export class ChatEngine {
  private session: SessionDetails | null = null;
  private resuming: Promise<boolean> | null = null;
  /** Rows changed since the last write: 'append' (new or updated) or 'prepend' (older history). */
  private dirty = new Map<string, 'append' | 'prepend'>();
  private connectionToken: string | null = null;
  private manager: WebSocketManager | null = null;
  private readonly disposers: (() => void)[] = [];
  private older: OlderPlan = initialOlderPlan;
  private readonly related = new Set<string>();
  private receipts: ReceiptState = emptyReceipts;
  private typingSentAt: number | undefined;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly abort = new AbortController();
  private readonly uploadControllers = new Map<string, AbortController>();
  private refreshing: Promise<void> | null = null;
  private gapFilling = false;
  /** Where the pending gap fill starts (undefined id: the newest page), or null when none is pending. */
  private gapFrom: { id: string | undefined } | null = null;
  private gapFillAgain = false;
  private gapFillFailures = 0;
  private pumping = false;
  private resendFailures = 0;
  private ended = false;
  private stopped = false;
  /** Set while start() makes its first connection: a refusal then means "not started", not "ended". */
  private firstConnect: { refused: unknown } | null = null;
  private endWaiters: (() => void)[] = [];
  private endFlow: EndFlow = noEndFlow;
  private saveChain: Promise<void> = Promise.resolve();

  constructor(
    private readonly s: SessionState,
    private readonly config: EngineConfig,
    private readonly emit: Emit,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Life cycle

  /** Restores a stored conversation: shows it at once, then connects, fills the gap and resends. */
  resume(): Promise<boolean> {
    if (this.session) return Promise.resolve(true);
    this.resuming ??= this.load().finally(() => {
      this.resuming = null;
    });
    return this.resuming;
  }

  private async load(): Promise<boolean> {
    let stored;
    try {
      stored = await this.config.persistence.load();
    } catch (cause) {
      this.report('storage-failed', `The stored conversation could not be read (${describeCause(cause)}); starting without it.`, cause);
      return false;
    }
    if (!stored || this.stopped) return false;
    const { session, rows, outbox, draft } = stored;
    this.session = session;
    // A full store may have dropped the oldest rows: then older history must be fetched again.
    const complete = session.history?.complete === true && rows.length < this.config.storedRowLimit;
    this.older = complete ? markTargetExhausted(initialOlderPlan) : initialOlderPlan;
    this.older = noteRelatedContacts(this.older, session.history?.related ?? [session.continuedFromContactId], session.contactId);
    for (const id of session.history?.related ?? []) this.related.add(id);
    batch(() => {
      this.s.me.value = { participantId: session.participantId, displayName: session.displayName };
      this.s.participantId.value = session.participantId;
      this.s.contactId.value = session.contactId;
      this.s.transcriptState.value = transcriptFromRows(rows);
      this.s.outbox.value = outbox;
      this.s.draft.value = draft;
      this.s.hasOlder.value = hasOlder(this.older);
      this.s.phase.value = 'active';
    });
    this.config.log('resumed', { entries: rows.length, pending: outbox.length });
    this.connect().catch(() => {});
    return true;
  }

  /** Starts a new chat with the back end, then connects. Resolves when connected. */
  async start(request: Partial<StartChatRequest>): Promise<void> {
    const provider = this.config.startChat;
    if (!provider) {
      throw new ChatError(
        'start-failed',
        'No way to start a chat: set the startChat option to the URL of your start-chat back end or to a function that returns {ContactId, ParticipantId, ParticipantToken}.',
      );
    }
    const full: StartChatRequest = { ...this.config.request, ...request };
    const remembered = full.persistentChat ? undefined : this.config.remembered?.get();
    if (remembered) full.persistentChat = { SourceContactId: remembered, RehydrationType: 'ENTIRE_PAST_SESSION' };
    this.s.phase.value = 'starting';
    let details;
    try {
      details = await startChat(provider, full, {
        ...this.config.startChatHttp,
        signal: this.abort.signal,
        // A remembered chat the back end will not continue (tampered, too old) is forgotten; a new chat starts.
        ...(remembered
          ? {
              onPersistentChatRefused: (status: number) => {
                this.config.log('persistent-chat-refused', { status });
                this.config.remembered?.forget();
                delete full.persistentChat;
              },
            }
          : {}),
      });
    } catch (error) {
      if (this.stopped) throw error;
      this.s.phase.value = 'idle';
      const e = isChatError(error) ? error : new ChatError('start-failed', `The chat could not be started: ${describeCause(error)}`, { cause: error });
      this.report(e.code, e.message, error);
      throw e;
    }
    if (this.stopped) return;
    const supported = full.supportedMessagingContentTypes ?? [];
    const startedAt = Date.now();
    this.session = {
      contactId: details.ContactId,
      participantId: details.ParticipantId,
      participantToken: details.ParticipantToken,
      displayName: full.displayName,
      supportedContentTypes: supported,
      startedAt: new Date(startedAt).toISOString(),
      // The service ends a chat after its duration (default 1500 minutes): a stored one is stale then.
      expiresAt: new Date(startedAt + (full.chatDurationInMinutes ?? 1500) * 60_000).toISOString(),
      ...(details.ContinuedFromContactId ? { continuedFromContactId: details.ContinuedFromContactId } : {}),
      ...(details.SignedContactId ? { signedContactId: details.SignedContactId } : {}),
    };
    // The back end's ContinuedFromContactId is the real id; the SourceContactId sent may be a signed value.
    this.older = noteRelatedContacts(initialOlderPlan, [details.ContinuedFromContactId ?? full.persistentChat?.SourceContactId], details.ContactId);
    batch(() => {
      this.s.me.value = { participantId: details.ParticipantId, displayName: full.displayName };
      this.s.participantId.value = details.ParticipantId;
      this.s.contactId.value = details.ContactId;
      this.s.hasOlder.value = hasOlder(this.older);
    });
    await this.saveSession();
    // A chat started after another ended may have taken over its unsent messages and draft.
    if (this.s.outbox.peek().length) void this.saveOutbox();
    const draft = this.s.draft.peek();
    if (draft) void this.queueSave(() => this.config.persistence.saveDraft(draft));
    const first = (this.firstConnect = { refused: undefined as unknown });
    try {
      await this.connect();
    } catch (error) {
      if (this.ended || this.stopped) return;
      throw error;
    } finally {
      this.firstConnect = null;
    }
    if (first.refused !== undefined && !this.stopped) await this.abandonStart(first.refused);
    if (this.ended) return;
    this.s.phase.value = 'active';
    this.emit('chatStarted', {
      contactId: details.ContactId,
      participantId: details.ParticipantId,
      ...(details.SignedContactId ? { signedContactId: details.SignedContactId } : {}),
    });
  }

  /**
   * The service refused the token of a chat that was just started (CreateParticipantConnection 403):
   * nothing was ever connected, so the chat was not started rather than ended. Forgets it, back to
   * 'idle' (start() may run again), and throws 'start-failed'.
   */
  private async abandonStart(cause: unknown): Promise<never> {
    this.manager?.close();
    this.manager = null;
    for (const dispose of this.disposers.splice(0)) dispose();
    this.session = null;
    this.connectionToken = null;
    this.clearTimers();
    batch(() => {
      this.s.phase.value = 'idle';
      this.s.connection.value = 'idle';
      this.s.participantId.value = null;
      this.s.contactId.value = null;
      this.s.hasOlder.value = false;
    });
    await this.saveChain.then(() => this.config.persistence.clear()).catch(() => {});
    const e = new ChatError(
      'start-failed',
      `The chat could not be started: the chat service refused to connect to it (${describeCause(cause)}) — its token is not valid, or the chat was ended before it connected. Try again; if it keeps happening, the site's start-chat back end needs attention.`,
      { cause },
    );
    this.report(e.code, e.message, cause);
    throw e;
  }

  /** Resolves when the socket is connected or the chat has ended (or the engine stopped). */
  whenSettled(): Promise<void> {
    return new Promise((resolve) => {
      const dispose = effect(() => {
        const c = this.s.connection.value;
        const p = this.s.phase.value;
        if (c === 'connected' || c === 'ended' || p === 'ended' || p === 'idle' || this.stopped) {
          queueMicrotask(() => dispose());
          resolve();
        }
      });
    });
  }

  private async connect(): Promise<void> {
    if (this.manager || !this.session) return;
    const manager = new WebSocketManager({ ...this.config.manager, getConnection: () => this.getConnection() });
    this.manager = manager;
    this.disposers.push(
      effect(() => {
        const state = manager.state.value;
        if (this.s.connection.peek() !== state) {
          this.s.connection.value = state;
          this.emit('connectionChange', state);
        }
      }),
      manager.on('item', (item) => this.handleItems([item as ChatItem], this.gapFrom ? 'untrusted' : 'live')),
      manager.on('connected', ({ reconnect }) => {
        this.config.log('connected', { reconnect });
        this.resendFailures = 0;
        void this.gapFill();
        void this.pump();
        this.scheduleReceipts();
      }),
      manager.on('ended', ({ error }) => {
        if (this.firstConnect) this.firstConnect.refused = error ?? new Error('the service refused the connection');
        else void this.finishEnded('away');
      }),
      manager.on('error', (error) => this.config.log('connection-error', { code: error.code, message: error.message })),
    );
    try {
      await manager.connect();
    } catch (error) {
      if (this.ended || this.stopped) return;
      const code = (error as { code?: unknown }).code;
      if (code === 'ended' || code === 'closed') return;
      const e = new ChatError('connection-failed', `Could not connect to the chat: ${describeCause(error)}`, { cause: error });
      this.report(e.code, e.message, error);
      throw e;
    }
  }

  private async getConnection(): Promise<ConnectionDetails> {
    const session = this.session;
    if (!session) throw Object.assign(new Error('no session'), { ended: true });
    const response = await this.config.client.send(
      'CreateParticipantConnection',
      { ParticipantToken: session.participantToken, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] },
      { signal: this.abort.signal },
    );
    this.setToken(response.ConnectionCredentials?.ConnectionToken, response.ConnectionCredentials?.Expiry);
    const url = response.Websocket?.Url;
    if (!url) throw new Error('CreateParticipantConnection returned no Websocket.Url');
    return { url, ...(response.Websocket?.ConnectionExpiry ? { connectionExpiry: response.Websocket.ConnectionExpiry } : {}) };
  }

  private setToken(token: string | undefined, expiry: string | undefined): void {
    if (!token) return;
    this.connectionToken = token;
    const delay = tokenRefreshDelay(expiry, Date.now());
    if (delay !== null) this.setTimer('token', delay, () => void this.refreshToken().catch(() => {}));
  }

  /**
   * A fresh ConnectionToken (CONNECTION_CREDENTIALS only: no socket URL is wasted). Concurrent
   * callers share one request; a caller whose token was already replaced returns at once.
   * A 403 means the chat is over: the session ends and this rejects with 'chat-ended'.
   */
  private refreshToken(failedToken?: string): Promise<void> {
    if (failedToken && this.connectionToken && this.connectionToken !== failedToken) return Promise.resolve();
    if (this.refreshing) return this.refreshing;
    const session = this.session;
    if (!session || this.ended) return Promise.reject(this.endedError());
    this.refreshing = (async () => {
      try {
        const response = await this.config.client.send(
          'CreateParticipantConnection',
          { ParticipantToken: session.participantToken, Type: ['CONNECTION_CREDENTIALS'] },
          { signal: this.abort.signal },
        );
        this.setToken(response.ConnectionCredentials?.ConnectionToken, response.ConnectionCredentials?.Expiry);
      } catch (error) {
        if (isAccessDenied(error)) {
          await this.finishEnded('away');
          throw this.endedError();
        }
        throw error;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /**
   * Runs a service call with the current ConnectionToken. On 403 the token is renewed once and the
   * call repeated; when renewal shows the chat is over, it rejects with ChatError 'chat-ended'.
   */
  private async call<T>(operation: (token: string, signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.ended || this.stopped) throw this.endedError();
    if (!this.connectionToken) await this.refreshToken();
    const token = this.connectionToken as string;
    try {
      return await operation(token, this.abort.signal);
    } catch (error) {
      if (!isAccessDenied(error) || this.ended || this.stopped) throw error;
      await this.refreshToken(token);
      if (this.ended || this.stopped) throw this.endedError();
      return operation(this.connectionToken as string, this.abort.signal);
    }
  }

  /** An operation with the current ConnectionToken (see call()); `signal` replaces the engine's own. */
  private op<O extends OperationName>(operation: O, input: Omit<OperationInput<O>, 'ConnectionToken'>, signal?: AbortSignal): Promise<OperationOutput<O>> {
    return this.call((token, ownSignal) =>
      this.config.client.send(operation, { ...input, ConnectionToken: token } as OperationInput<O>, { signal: signal ?? ownSignal }),
    );
  }

  private endedError(): ChatError {
    return this.stopped && !this.ended
      ? new ChatError('chat-ended', 'This chat session was closed in this page. Resume it to continue.')
      : new ChatError('chat-ended', 'This chat has ended. Start a new chat to continue the conversation.');
  }

  // ---------------------------------------------------------------------------------------------
  // Incoming items

  /**
   * source: 'live' (socket, gap fill), 'older' (loadOlder), 'untrusted' (our own SendMessage
   * answers, and socket items while a gap fill is pending): untrusted items never become the start
   * of a later gap fill, because items before them may still be missing.
   */
  private handleItems(items: readonly ChatItem[], source: 'live' | 'older' | 'untrusted' = 'live'): void {
    if (items.length === 0 || this.stopped) return;
    const me = this.s.me.peek();
    const result = mergeItems(this.s.transcriptState.peek(), items, { participantId: me.participantId, fallbackTime: nowIso() }, source !== 'untrusted');
    const relatedIds = items.map((i) => i.RelatedContactId).filter((id): id is string => !!id);
    for (const id of relatedIds) this.related.add(id);
    const olderBefore = this.older;
    if (relatedIds.length) this.older = noteRelatedContacts(this.older, relatedIds, this.session?.contactId);
    const now = Date.now();
    batch(() => {
      this.s.transcriptState.value = result.state;
      let typingState = this.s.typingState.peek();
      for (const item of result.typing) {
        if (!item.ParticipantId) continue;
        typingState = typingReceived(
          typingState,
          { participantId: item.ParticipantId, displayName: item.DisplayName ?? '', role: item.ParticipantRole ?? 'AGENT' },
          now,
          this.config.typing,
        );
      }
      for (const entry of result.added) {
        if (!entry.own && entry.kind !== 'notice') typingState = typingCleared(typingState, entry.participantId);
        if (entry.kind === 'notice' && entry.event === 'left') typingState = typingCleared(typingState, entry.participantId);
      }
      this.s.typingState.value = typingState;
      if (this.older !== olderBefore) this.s.hasOlder.value = hasOlder(this.older);
    });
    this.scheduleTypingExpiry();
    for (const item of result.typing) {
      if (item.ParticipantId) {
        this.emit('typing', { participantId: item.ParticipantId, displayName: item.DisplayName ?? '', role: item.ParticipantRole ?? 'AGENT' });
      }
    }
    if (result.ownReceipts.length) {
      this.receipts = noteReceiptsSent(this.receipts, result.ownReceipts.map((r) => ({ kind: r.level, messageId: r.messageId })));
    }
    if (this.config.postChatSurvey) this.endFlow = afterEntries(this.endFlow, result.added);
    for (const entry of result.added) {
      this.emit('message', entry);
      if (this.receiptEligible(entry)) this.requestReceipt('delivered', entry.id);
    }
    this.settleUploads([...result.added, ...result.updated]);
    for (const e of result.added) this.dirty.set(e.id, source === 'older' ? 'prepend' : 'append');
    for (const e of result.updated) if (!this.dirty.has(e.id)) this.dirty.set(e.id, 'append');
    this.scheduleSave();
    if (relatedIds.length) void this.saveSession();
    if (result.ended) void this.finishEnded('event');
  }

  private receiptEligible(entry: TranscriptEntry): boolean {
    if (entry.own || entry.kind === 'notice' || entry.role !== 'AGENT') return false;
    if (entry.id.startsWith('local:') || entry.id.includes('#')) return false;
    return !(entry.contactId && this.related.has(entry.contactId));
  }

  /** Uploads whose attachment is now in the transcript leave the uploads list; a rejected one is reported. */
  private settleUploads(entries: readonly TranscriptEntry[]): void {
    for (const entry of entries) {
      if (entry.kind !== 'attachment' || !entry.own) continue;
      if (entry.status === 'REJECTED') {
        this.report('attachment-rejected', `"${entry.name}" was rejected by the service's file check and was not delivered. Send another file.`);
      }
      const uploads = this.s.uploads.peek();
      if (uploads.some((u) => u.attachmentId === entry.attachmentId && u.state === 'done')) {
        this.s.uploads.value = uploads.filter((u) => !(u.attachmentId === entry.attachmentId && u.state === 'done'));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Gap fill and older history

  /**
   * Fills the gap after a (re)connect. The start is captured when the gap opens (at the connect),
   * and kept until a gap fill succeeds: items that arrive on the new socket meanwhile must not move
   * it past items the old socket never delivered. A reconnect during a running gap fill runs it again
   * from the same start.
   */
  private async gapFill(): Promise<void> {
    if (!this.gapFrom) this.gapFrom = { id: lastAnchorId(this.s.transcriptState.peek()) };
    if (this.gapFilling) {
      this.gapFillAgain = true;
      return;
    }
    this.gapFilling = true;
    try {
      do {
        this.gapFillAgain = false;
        await this.gapFillOnce(this.gapFrom.id);
      } while (this.gapFillAgain && !this.ended && !this.stopped);
      this.gapFrom = null;
      this.gapFillFailures = 0;
    } catch (error) {
      if (this.ended || this.stopped || (isChatError(error) && error.code === 'chat-ended')) return;
      this.config.log('gap-fill-failed', { error: describeCause(error) });
      // Retry while connected; otherwise the next connect retries (from the same start).
      const delay = backoffDelay(this.gapFillFailures++, { ...this.config.resendBackoff });
      this.setTimer('gapfill', Math.max(delay, 200), () => {
        if (this.s.connection.peek() === 'connected') void this.gapFill();
      });
    } finally {
      this.gapFilling = false;
    }
  }

  private async gapFillOnce(from: string | undefined): Promise<void> {
    const options = { pageSize: this.config.pageSize, maxPages: 200 };
    let plan: GapFillPlan = startGapFill(from);
    for (;;) {
      const known = new Set(this.s.transcriptState.peek().rows.map((r) => r.entry.id));
      const query = gapFillQuery(plan, options);
      let response;
      try {
        response = await this.op('GetTranscript', query);
      } catch (error) {
        const name = errorName(error);
        if (plan.mode === 'forward' && (name === 'ValidationException' || name === 'ResourceNotFoundException')) {
          // The service no longer knows our last item: page back from the newest instead.
          plan = gapFillFallback();
          continue;
        }
        throw error;
      }
      if (this.stopped) return;
      this.handleItems((response.Transcript ?? []) as ChatItem[]);
      const step = gapFillNext(plan, response, (id) => known.has(id), options);
      if (step.done) {
        if (plan.mode === 'backward' && step.reachedStart && !this.older.targetDone && this.older.target === undefined) {
          this.older = markTargetExhausted(this.older);
          this.s.hasOlder.value = hasOlder(this.older);
          void this.saveSession();
        }
        return;
      }
      plan = step.plan;
    }
  }

  async loadOlder(): Promise<void> {
    if (this.s.loadingOlder.peek() || !hasOlder(this.older) || this.ended) return;
    this.s.loadingOlder.value = true;
    try {
      const { fetchOlder } = await import('./older.js');
      const page = await fetchOlder(
        this.older,
        (contactId) => oldestAnchorId(this.s.transcriptState.peek(), contactId),
        this.config.pageSize,
        (query) => this.op('GetTranscript', query),
      );
      if (!page) {
        this.s.hasOlder.value = false;
        return;
      }
      this.handleItems(page.items, 'older');
      this.older = page.plan;
    } catch (error) {
      if (!this.ended) this.report('connection-failed', `Older messages could not be loaded (${describeCause(error)}). Try again.`, error);
      throw error;
    } finally {
      batch(() => {
        this.s.loadingOlder.value = false;
        this.s.hasOlder.value = hasOlder(this.older);
      });
      void this.saveSession();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sending

  /** Validates, then queues and persists the message before the first attempt. */
  async send(content: string, contentType: string, clientToken: string = randomUuid(), display?: string): Promise<void> {
    if (this.ended || this.s.phase.peek() === 'ended') throw this.endedError();
    // A send while the stored conversation loads waits for it (a reload, a tab taking over).
    if (!this.session && this.resuming) await this.resuming;
    // While the chat is starting, sends queue: they go out once it is connected.
    if (!this.session && this.s.phase.peek() !== 'starting') {
      throw new ChatError('send-failed', 'There is no chat to send to yet. Start the chat first (start()).');
    }
    const types = this.session?.supportedContentTypes ?? this.config.request.supportedMessagingContentTypes ?? [];
    const supported = types.length ? types : [CONTENT_TYPE.plain];
    const invalid = validateMessage(content, contentType, supported);
    if (invalid) throw invalid;
    const record = createRecord(content, contentType, clientToken, nowIso(), typeof display === 'string' && display.trim() ? display : undefined);
    const next = enqueue(this.s.outbox.peek(), record);
    if (next === this.s.outbox.peek()) return; // the same send again (e.g. relayed twice by a follower tab)
    this.s.outbox.value = next;
    this.typingSentAt = undefined;
    await this.saveOutbox();
    void this.pump();
  }

  async retry(id: string): Promise<void> {
    if (this.ended) {
      // Retrying cannot work here: say so (the send stays failed) rather than show "Sending…" forever.
      const e = new ChatError(
        'chat-ended',
        'This chat has ended, so the message cannot be sent in it. Start a new chat: unsent messages are carried over to it, ready to send.',
      );
      this.report(e.code, e.message);
      throw e;
    }
    const next = retrySend(this.s.outbox.peek(), id);
    if (next === this.s.outbox.peek()) return;
    this.s.outbox.value = next;
    await this.saveOutbox();
    void this.pump();
  }

  discard(id: string): void {
    const next = discardSend(this.s.outbox.peek(), id);
    if (next === this.s.outbox.peek()) return;
    this.s.outbox.value = next;
    void this.saveOutbox();
  }

  /** Sends the outbox in order, one message at a time, until it is empty or a try fails. */
  private async pump(): Promise<void> {
    // Without a chat yet (a new one starting, with sends carried over) there is nothing to send to:
    // the first connect pumps.
    if (this.pumping || !this.session) return;
    this.pumping = true;
    try {
      while (!this.ended && !this.stopped) {
        const record = nextToSend(this.s.outbox.peek());
        if (!record) break;
        this.s.outbox.value = attemptStarted(this.s.outbox.peek(), record.clientToken, this.s.transcriptState.peek().nextSeq);
        await this.saveOutbox();
        let response;
        try {
          response = await this.op('SendMessage', { ContentType: record.contentType, Content: record.content, ClientToken: record.clientToken });
        } catch (error) {
          if (this.ended || this.stopped) break;
          const name = errorName(error);
          // Refusals that a retry cannot change fail the send; everything else (throttling, 5xx,
          // network, an expired token) is retried with backoff and after every reconnect.
          const permanent =
            name === 'ValidationException' || name === 'ParticipantValidationError' || (!isRetryable(error) && !isAccessDenied(error));
          if (permanent) {
            const message = `This message was not sent: ${describeCause(error)}. Edit it and send it again, or discard it.`;
            this.s.outbox.value = sendFailed(this.s.outbox.peek(), record.clientToken, 'send-failed', message);
            await this.saveOutbox();
            this.report('send-failed', message, error);
            continue;
          }
          const delay = backoffDelay(this.resendFailures++, { ...this.config.resendBackoff });
          this.config.log('send-retry', { inMs: delay, error: describeCause(error) });
          this.setTimer('resend', delay, () => void this.pump());
          break;
        }
        this.resendFailures = 0;
        this.confirm(record.clientToken, response);
        await this.saveOutbox();
      }
    } finally {
      this.pumping = false;
    }
  }

  private confirm(clientToken: string, response: { Id?: string; AbsoluteTime?: string; MessageMetadata?: { MessageProcessingStatus?: string } }): void {
    const record = findRecord(this.s.outbox.peek(), clientToken);
    if (!record) return;
    batch(() => {
      if (response.Id) {
        this.handleItems(
          [
            acknowledgedItem(
              record,
              { Id: response.Id, ...(response.AbsoluteTime ? { AbsoluteTime: response.AbsoluteTime } : {}), ...(response.MessageMetadata ? { MessageMetadata: response.MessageMetadata } : {}) },
              this.s.me.peek(),
              nowIso(),
            ),
          ],
          'untrusted',
        );
        this.s.transcriptState.value = claimOwnSend(this.s.transcriptState.peek(), response.Id, clientToken, record.display);
        if (!this.dirty.has(response.Id)) this.dirty.set(response.Id, 'append');
      }
      this.s.outbox.value = sendSucceeded(this.s.outbox.peek(), clientToken);
    });
    this.endFlow = visitorSent(this.endFlow);
    this.scheduleSave();
  }

  // ---------------------------------------------------------------------------------------------
  // Typing and receipts

  typingActivity(): void {
    if (this.ended || this.stopped || this.s.phase.peek() !== 'active' || !this.connectionToken) return;
    const now = Date.now();
    if (!shouldSendTyping(this.typingSentAt, now, this.config.typing)) return;
    this.typingSentAt = now;
    this.op('SendEvent', { ContentType: CONTENT_TYPE.typing }).catch((error: unknown) => this.config.log('typing-failed', { error: describeCause(error) }));
  }

  markRead(id: string): void {
    const entry = rowById(this.s.transcriptState.peek(), id)?.entry;
    if (!entry || !this.receiptEligible(entry)) return;
    this.requestReceipt('read', id);
  }

  private requestReceipt(kind: ReceiptKind, messageId: string): void {
    if (!this.config.receipts.enabled || this.ended) return;
    this.receipts = requestReceipt(this.receipts, kind, messageId, Date.now());
    this.scheduleReceipts();
  }

  private scheduleReceipts(): void {
    const due = receiptsDueAt(this.receipts, this.config.receipts);
    if (due === null || this.ended) return;
    this.setTimer('receipts', Math.max(0, due - Date.now()), () => this.flushReceipts());
  }

  private flushReceipts(): void {
    if (this.ended || this.stopped) return;
    if (this.s.connection.peek() !== 'connected') return; // sent after the next connect
    const round = flushReceipts(this.receipts, Date.now(), this.config.receipts);
    this.receipts = round.state;
    for (const r of round.send) {
      this.op('SendEvent', {
        ContentType: r.kind === 'read' ? CONTENT_TYPE.read : CONTENT_TYPE.delivered,
        Content: JSON.stringify({ messageId: r.messageId }),
      }).catch((error: unknown) => this.config.log('receipt-failed', { error: describeCause(error) }));
    }
    this.scheduleReceipts();
  }

  private scheduleTypingExpiry(): void {
    const next = nextTypingExpiry(this.s.typingState.peek());
    if (next === null) return;
    this.setTimer('typing', Math.max(0, next - Date.now()) + 5, () => {
      this.s.typingState.value = typingExpired(this.s.typingState.peek(), Date.now());
      this.scheduleTypingExpiry();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Attachments, views, authentication

  upload(file: Blob, name: string, id: string = randomUuid()): Upload {
    const upload: Upload = { id, name, size: file.size, contentType: file.type, state: 'validating', progress: 0 };
    const update = (patch: Partial<Upload>): void => {
      this.s.uploads.value = this.s.uploads.peek().map((u) => (u.id === id ? { ...u, ...patch } : u));
    };
    if (this.s.uploads.peek().some((u) => u.id === id)) return this.s.uploads.peek().find((u) => u.id === id) as Upload;
    this.s.uploads.value = [...this.s.uploads.peek(), upload];
    let contentType: string;
    try {
      if (this.ended) throw this.endedError();
      if (!this.session) throw new ChatError('attachment-failed', 'There is no chat to send the file to yet. Start the chat first.');
      contentType = checkAttachment({ name, size: file.size, type: file.type }, this.config.attachments);
    } catch (error) {
      const e = isChatError(error) ? error : new ChatError('attachment-failed', describeCause(error));
      update({ state: 'failed', error: e.message });
      this.report(e.code, e.message, error);
      return { ...upload, state: 'failed', error: e.message };
    }
    const controller = new AbortController();
    this.uploadControllers.set(id, controller);
    update({ contentType, state: 'uploading' });
    const calls = {
      start: (input: { ContentType: string; AttachmentSizeInBytes: number; AttachmentName: string; ClientToken: string }) =>
        this.op('StartAttachmentUpload', input, controller.signal),
      complete: (input: { AttachmentIds: string[]; ClientToken: string }) =>
        this.op('CompleteAttachmentUpload', input, controller.signal),
    };
    const tokens = { start: randomUuid(), complete: randomUuid() };
    import('./upload.js')
      .catch((cause: unknown) => {
        throw new ChatError('attachment-failed', `"${name}" could not be sent: the upload could not start (${describeCause(cause)}). Check the connection and try again.`, { cause });
      })
      .then(({ runUpload, defaultUploader }) =>
        runUpload(file, name, contentType, calls, this.config.uploader ?? defaultUploader(), tokens, controller.signal, (p) =>
          update({ state: p.state, progress: p.progress, ...(p.attachmentId ? { attachmentId: p.attachmentId } : {}) }),
        ),
      )
      .then((attachmentId) => {
        // The attachment may already be in the transcript (the socket can beat the response).
        const present = this.s.transcriptState.peek().rows.some((r) => r.entry.kind === 'attachment' && r.entry.attachmentId === attachmentId);
        if (present) this.s.uploads.value = this.s.uploads.peek().filter((u) => u.id !== id);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted || this.stopped) {
          update({ state: 'cancelled' });
          return;
        }
        const e = isChatError(error) ? error : new ChatError('attachment-failed', describeCause(error));
        update({ state: 'failed', error: e.message });
        this.report(e.code, e.message, error);
      })
      .finally(() => this.uploadControllers.delete(id));
    return { ...upload, contentType, state: 'uploading' };
  }

  cancelUpload(id: string): void {
    const controller = this.uploadControllers.get(id);
    if (controller) {
      controller.abort();
      return;
    }
    // Finished, failed or cancelled uploads: dismiss them from the list.
    this.s.uploads.value = this.s.uploads.peek().filter((u) => !(u.id === id && u.state !== 'uploading' && u.state !== 'completing'));
  }

  async attachment(attachmentId: string): Promise<AttachmentLink> {
    try {
      const response = await this.op('GetAttachment', { AttachmentId: attachmentId });
      if (!response.Url) throw new Error('the service returned no URL');
      return { url: response.Url, expiresAt: response.UrlExpiry, size: response.AttachmentSizeInBytes };
    } catch (error) {
      if (isChatError(error)) throw error;
      throw new ChatError('attachment-failed', `The file could not be downloaded (${describeCause(error)}). Try again.`, { cause: error });
    }
  }

  async describeView(viewToken: string): Promise<ViewDescription> {
    let answer;
    try {
      // The answer's reader loads alongside the request, the first time a chat shows a view.
      answer = await Promise.all([this.op('DescribeView', { ViewToken: viewToken }), import('./view-description.js')]);
    } catch (error) {
      if (isChatError(error)) throw error;
      throw new ChatError('view-failed', `The form could not be loaded (${describeCause(error)}).`, { cause: error });
    }
    const [{ View }, { describeView }] = answer;
    return describeView(View);
  }


  async getAuthenticationUrl(sessionId: string, redirectUri: string): Promise<string> {
    const response = await this.op('GetAuthenticationUrl', { SessionId: sessionId, RedirectUri: redirectUri });
    if (!response.AuthenticationUrl) throw new ChatError('connection-failed', 'The service returned no sign-in address. Try again.');
    return response.AuthenticationUrl;
  }

  async cancelAuthentication(sessionId: string): Promise<void> {
    await this.op('CancelParticipantAuthentication', { SessionId: sessionId });
  }

  // ---------------------------------------------------------------------------------------------
  // Ending

  /**
   * DisconnectParticipant, then wait for chat.ended (at most endTimeoutMs). With postChatSurvey the
   * wait is the disconnect flow's (phase wrapping-up, at most postChatTimeoutMs), and end() during it
   * closes at once: the visitor has had enough of the survey.
   */
  async end(): Promise<void> {
    const phase = this.s.phase.peek();
    if (phase === 'wrapping-up') return this.finishEnded('closed');
    if (this.ended || phase === 'ended' || phase === 'idle') return;
    this.s.phase.value = 'ending';
    const endedSoon = new Promise<void>((resolve) => this.endWaiters.push(resolve));
    try {
      await this.op('DisconnectParticipant', {});
    } catch (error) {
      if (this.ended || (isChatError(error) && error.code === 'chat-ended')) return;
      if (this.stopped) return;
      this.s.phase.value = 'active';
      const e = new ChatError('connection-failed', `The chat could not be ended (${describeCause(error)}). Check the connection and try again.`, { cause: error });
      this.report(e.code, e.message, error);
      throw e;
    }
    if (this.config.postChatSurvey && !this.ended) {
      this.s.phase.value = 'wrapping-up';
      this.endFlow = visitorEnded(this.endFlow);
    }
    const waitMs = this.config.postChatSurvey ? this.config.postChatTimeoutMs : this.config.endTimeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([endedSoon, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
    await this.finishEnded('disconnected');
  }

  /** The chat is over: stop every call and timer, fail unsent messages, clear storage, tell the UI. */
  private async finishEnded(reason: 'event' | 'away' | 'disconnected' | 'closed'): Promise<void> {
    if (this.ended || this.stopped) return;
    this.ended = true;
    this.config.log('ended', { reason });
    this.receipts = cancelReceipts(this.receipts);
    this.clearTimers();
    for (const c of this.uploadControllers.values()) c.abort();
    this.abort.abort();
    batch(() => {
      let outbox: Outbox = this.s.outbox.peek();
      for (const r of outbox) {
        if (r.status === 'sending') outbox = sendFailed(outbox, r.clientToken, 'chat-ended', 'The chat ended before this message could be sent.');
      }
      this.s.outbox.value = outbox;
      this.s.typingState.value = {};
      const hasEndedNotice = this.s.transcriptState.peek().rows.some(
        (r) => r.entry.kind === 'notice' && r.entry.event === 'ended' && !(r.entry.contactId && this.related.has(r.entry.contactId)),
      );
      if (!hasEndedNotice) {
        // The end was not seen as an event (ended while away, or no chat.ended before the timeout).
        const result = mergeItems(
          this.s.transcriptState.peek(),
          [
            {
              Id: `local:ended:${this.session?.contactId ?? ''}`,
              AbsoluteTime: nowIso(),
              Type: 'EVENT',
              ContentType: CONTENT_TYPE.chatEnded,
              ParticipantRole: 'SYSTEM',
              ...(this.session ? { ContactId: this.session.contactId } : {}),
            },
          ],
          { participantId: this.s.me.peek().participantId },
        );
        this.s.transcriptState.value = result.state;
      }
      this.s.hasOlder.value = false;
      this.s.phase.value = 'ended';
      if (this.s.connection.peek() !== 'ended') this.s.connection.value = 'ended';
    });
    this.manager?.close({ ended: true });
    const signed = this.session?.signedContactId;
    if (signed) this.config.remembered?.set(signed);
    this.emit('chatEnded', {
      ...(this.session ? { contactId: this.session.contactId } : {}),
      ...(signed ? { signedContactId: signed } : {}),
      ...(this.config.postChatSurvey ? { surveyAnswered: this.endFlow.answered } : {}),
    });
    try {
      await this.saveChain;
      await this.config.persistence.clear();
    } catch (cause) {
      this.report('storage-failed', `The ended chat could not be removed from storage (${describeCause(cause)}).`, cause);
    }
    for (const resolve of this.endWaiters.splice(0)) resolve();
  }

  // ---------------------------------------------------------------------------------------------
  // Stopping

  /** Stops everything in this page and keeps what is stored (a reload, or a tab handing over). */
  async close(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.clearTimers();
    for (const c of this.uploadControllers.values()) c.abort();
    this.abort.abort();
    this.manager?.close();
    for (const dispose of this.disposers.splice(0)) dispose();
    for (const resolve of this.endWaiters.splice(0)) resolve();
    if (!this.ended && this.session) {
      // Write the latest transcript and draft now rather than after the debounce.
      const draft = this.s.draft.peek();
      this.saveChain = this.saveChain.then(() => this.writeTranscript()).then(() => this.config.persistence.saveDraft(draft));
    }
    await this.saveChain.catch(() => {});
  }

  /** Closes and removes the stored conversation. An active chat is left with a best-effort disconnect. */
  async destroy(): Promise<void> {
    const leave = this.leaveRequest();
    await this.close();
    leave?.();
    this.config.remembered?.forget();
    await this.config.persistence.clear().catch(() => {});
  }

  /**
   * The page is going away and nothing can resume this chat after it (it is not stored): leave it
   * now, with a request that outlives the page, rather than leave the agent with a customer who
   * is gone for good.
   */
  leave(): void {
    this.leaveRequest()?.();
  }

  /** A keepalive DisconnectParticipant for an active chat, or null when there is nothing to leave. */
  private leaveRequest(): (() => void) | null {
    const token = this.connectionToken;
    if (this.ended || !this.session || !token) return null;
    return () => void this.config.client.send('DisconnectParticipant', { ConnectionToken: token }, { keepalive: true }).catch(() => {});
  }

  /** A chat this tab took over but could not load (storage kept nothing): it is over here. */
  async endUnresumable(): Promise<void> {
    await this.finishEnded('away');
  }

  get hasEnded(): boolean {
    return this.ended;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  // ---------------------------------------------------------------------------------------------
  // Storage

  private saveSession(): Promise<void> {
    const session = this.session;
    if (!session || this.ended) return Promise.resolve();
    session.history = { complete: this.older.targetDone && this.older.target === undefined, related: [...this.related] };
    return this.queueSave(() => this.config.persistence.saveSession(session));
  }

  private saveOutbox(): Promise<void> {
    if (this.ended) return Promise.resolve();
    const outbox = this.s.outbox.peek();
    return this.queueSave(() => this.config.persistence.saveOutbox(outbox));
  }

  private scheduleSave(): void {
    if (this.ended || this.stopped) return;
    this.setTimer('save', TRANSCRIPT_SAVE_DELAY_MS, () => void this.queueSave(() => this.writeTranscript()));
  }

  /** Writes the rows that changed since the last write (new and updated as newest, older history before). */
  private async writeTranscript(): Promise<void> {
    if (this.ended || !this.session || this.dirty.size === 0) return;
    const dirty = this.dirty;
    this.dirty = new Map();
    // By index rather than a scan of every row: a save follows every quiet moment of a long chat.
    const state = this.s.transcriptState.peek();
    const rows: Row[] = [];
    for (const id of dirty.keys()) {
      const row = id.startsWith('local:') ? undefined : rowById(state, id);
      if (row) rows.push(row);
    }
    rows.sort(compareRows);
    const older = rows.filter((r) => dirty.get(r.entry.id) === 'prepend');
    const newer = rows.filter((r) => dirty.get(r.entry.id) !== 'prepend');
    if (older.length) await this.config.persistence.prependRows(older);
    if (newer.length) await this.config.persistence.putRows(newer);
  }

  setDraft(text: string): void {
    if (this.s.draft.peek() === text) return;
    this.s.draft.value = text;
    if (this.ended || !this.session) return;
    this.setTimer('draft', TRANSCRIPT_SAVE_DELAY_MS, () => void this.queueSave(() => this.config.persistence.saveDraft(this.s.draft.peek())));
  }

  /** Writes happen one after another, in order; a failure is reported once and does not stop the chat. */
  private queueSave(write: () => Promise<void>): Promise<void> {
    const next = this.saveChain.then(write).catch((cause: unknown) => {
      this.report('storage-failed', `The conversation could not be saved in this browser (${describeCause(cause)}); it continues, but a reload may lose it.`, cause);
    });
    this.saveChain = next;
    return next;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private report(code: ChatErrorCode, message: string, cause?: unknown): void {
    this.s.lastError.value = { code, message };
    this.emit('error', { code, message, ...(cause !== undefined ? { cause } : {}) });
  }

  private setTimer(name: string, ms: number, run: () => void): void {
    const old = this.timers.get(name);
    if (old !== undefined) clearTimeout(old);
    if (this.stopped) return;
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        run();
      }, ms),
    );
  }

  private clearTimers(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

// The conversation engine of the tab that holds the connection: its life cycle (start, resume,
// connect, close), the visitor's typing and read marks. The rest stands beside it, each handed the
// callbacks it needs (ports.ts): participant calls and the token (calls.ts), the items that come in
// (incoming.ts), ending (ending.ts), the sender (sender.ts), the saver (saver.ts), history sync
// (history-sync.ts), uploads (uploads.ts) and the receipts going out (receipt-sender.ts).
// Decisions are the pure policies next to them; this file wires them to the socket and the signals.
import { batch, effect } from '@preact/signals-core';
import { WebSocketManager, type ConnectionDetails } from '../connection/index.js';
import { ParticipantCalls } from './calls.js';
import { CONTENT_TYPE } from './content-types.js';
import type { EngineConfig } from './resolved-options.js';
import { ChatError, describeCause, isChatError } from './errors.js';
import { Ending } from './ending.js';
import { HistorySync } from './history-sync.js';
import { Incoming } from './incoming.js';
import { withMirroredSends } from './outbox.js';
import type { SessionDetails, StoredConversation } from './persistence.js';
import type { Emit, ItemSource, Life } from './ports.js';
import { ReceiptSender } from './receipt-sender.js';
import { continueRemembered } from './remembered.js';
import { Saver } from './saver.js';
import { Sender } from './sender.js';
import { sessionFromStart, startChat } from './start.js';
import type { SessionState } from './state.js';
import type { ChatCommands } from './tab-relay.js';
import { Timers } from './timers.js';
import { warmDateFormatting } from './warm-up.js';
import { ownTokens, rowById, transcriptFromRows, type ChatItem } from './transcript.js';
import { shouldSendTyping } from './typing.js';
import { Uploads } from './uploads.js';
import type { ChatErrorCode, StartChatRequest } from './types.js';

export class ChatEngine implements Life, ChatCommands {
  private session: SessionDetails | null = null;
  private resuming: Promise<boolean> | null = null;
  private manager: WebSocketManager | null = null;
  private readonly disposers: (() => void)[] = [];
  private typingSentAt: number | undefined;
  /** A read found no chat stored, and no other tab can have stored one since (config.soleWriter). */
  private storedNothing = false;
  /** Whether the transcript was read beside the first socket's opening (firstConnection). */
  private readEarly = false;
  private readonly abort = new AbortController();
  private stopped = false;
  /** Set while start() makes its first connection: a refusal then means "not started", not "ended". */
  private firstConnect: { refused: unknown } | null = null;
  private readonly timers = new Timers(() => this.stopped);
  private readonly calls: ParticipantCalls;
  private readonly saver: Saver;
  private readonly history: HistorySync;
  private readonly sender: Sender;
  private readonly uploads: Uploads;
  private readonly receipts: ReceiptSender;
  private readonly incoming: Incoming;
  private readonly ending: Ending;

  constructor(
    private readonly s: SessionState,
    private readonly config: EngineConfig,
    private readonly emit: Emit,
  ) {
    const session = (): SessionDetails | null => this.session;
    const common = { s, life: this, report: this.report, setTimer: this.timers.set };
    this.calls = new ParticipantCalls({
      client: config.client,
      life: this,
      session,
      signal: this.abort.signal,
      setTimer: this.timers.set,
      chatOver: () => this.ending.finish('away'),
    });
    const op = this.calls.op;
    const endedError = (): ChatError => this.calls.endedError();
    // A read still under way when a start is abandoned (abandonStart) brings items of no chat.
    const handleItems = (items: readonly ChatItem[], source?: ItemSource): void => {
      if (this.session) this.incoming.handle(items, source);
    };
    this.saver = new Saver({ ...common, persistence: config.persistence, session, history: () => this.history.snapshot() });
    this.history = new HistorySync({
      ...common,
      op,
      handleItems,
      saveSession: () => this.saver.saveSession(),
      pageSize: config.pageSize,
      retryBackoff: config.resendBackoff,
      log: config.log,
    });
    this.sender = new Sender({
      ...common,
      session,
      resuming: () => this.resuming,
      requestedContentTypes: config.request.supportedMessagingContentTypes ?? [],
      retryBackoff: config.resendBackoff,
      op,
      endedError,
      saver: this.saver,
      handleItems,
      queued: () => (this.typingSentAt = undefined),
      confirmed: () => this.ending.sent(),
      log: config.log,
    });
    this.uploads = new Uploads({ ...common, session, rules: config.attachments, uploader: config.uploader, op, endedError, log: config.log });
    this.receipts = new ReceiptSender({ ...common, policy: config.receipts, op, isRelated: (id) => this.history.isRelated(id), log: config.log });
    this.incoming = new Incoming({
      ...common,
      session,
      typing: config.typing,
      history: this.history,
      receipts: this.receipts,
      uploads: this.uploads,
      saver: this.saver,
      emit,
      added: (entries) => this.ending.added(entries),
      ended: () => void this.ending.finish('event'),
    });
    this.ending = new Ending({
      ...common,
      config,
      op,
      session,
      isRelated: (id) => this.history.isRelated(id),
      stop: () => {
        this.receipts.cancel();
        this.timers.clear();
        this.uploads.abortAll();
        this.abort.abort();
      },
      closeSocket: () => this.manager?.close({ ended: true }),
      written: () => this.saver.written(),
      emit,
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Life cycle

  /** Restores a stored conversation: shows it at once, then connects, fills the gap and resends. */
  resume(mirrored?: StoredConversation): Promise<boolean> {
    if (this.session) return Promise.resolve(true);
    // The window's resume() and then its start() ask twice in a row: the second read could only
    // find what another tab wrote, and none writes while this one holds the lock.
    if (this.storedNothing && !mirrored) return Promise.resolve(false);
    this.resuming ??= this.load(mirrored).finally(() => {
      this.resuming = null;
    });
    return this.resuming;
  }

  /**
   * `mirrored`: what a tab taking over saw of the conversation in the tab that held it, for when
   * storage kept nothing (it failed, or never answered and the session went on in memory).
   */
  private async load(mirrored?: StoredConversation): Promise<boolean> {
    let stored;
    try {
      stored = await this.config.persistence.load();
      if (!stored && this.config.soleWriter) this.storedNothing = true;
    } catch (cause) {
      this.report('storage-failed', `The stored conversation could not be read (${describeCause(cause)}); starting without it.`, cause);
      stored = null;
    }
    const fromMirror = !stored && !!mirrored;
    stored ??= mirrored ?? null;
    if (!stored || this.stopped) return false;
    const { session, rows, draft: storedDraft } = stored;
    // Sends the old leader took but had not stored yet (its tab crashed) are in what this tab mirrored.
    const outbox = mirrored && !fromMirror && mirrored.session.contactId === session.contactId ? withMirroredSends(stored.outbox, mirrored.outbox, ownTokens(rows)) : stored.outbox;
    // What is in the box now was typed while this loaded (a tab taking over, slow storage): it wins.
    const draft = this.s.draft.peek() || storedDraft;
    this.session = session;
    // A full store may have dropped the oldest rows: then older history must be fetched again.
    this.history.restore(session, session.history?.complete === true && rows.length < this.config.storedRowLimit);
    batch(() => {
      this.s.me.value = { participantId: session.participantId, displayName: session.displayName };
      this.s.participantId.value = session.participantId;
      this.s.contactId.value = session.contactId;
      this.s.transcriptState.value = transcriptFromRows(rows);
      this.s.outbox.value = outbox;
      this.s.draft.value = draft;
      this.s.hasOlder.value = this.history.hasOlder;
      this.s.phase.value = 'active';
    });
    if (fromMirror) void this.saver.saveSession(); // where storage works again, a reload finds the chat
    if (draft !== storedDraft) this.saver.draftChanged();
    if (outbox !== stored.outbox) void this.saver.saveOutbox();
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
    const onRefused = continueRemembered(full, this.config.remembered, this.config.log);
    this.s.phase.value = 'starting';
    let details;
    try {
      const starting = startChat(provider, full, { ...this.config.startChatHttp, signal: this.abort.signal, ...onRefused });
      warmDateFormatting();
      details = await starting;
    } catch (error) {
      if (this.stopped) throw error;
      this.s.phase.value = 'idle';
      const e = isChatError(error) ? error : new ChatError('start-failed', `The chat could not be started: ${describeCause(error)}`, { cause: error });
      this.report(e.code, e.message, error);
      throw e;
    }
    if (this.stopped) return;
    this.session = sessionFromStart(details, full, Date.now());
    // The back end's ContinuedFromContactId is the real id; the SourceContactId sent may be a signed value.
    this.history.started(details.ContinuedFromContactId ?? full.persistentChat?.SourceContactId, details.ContactId);
    batch(() => {
      this.s.me.value = { participantId: details.ParticipantId, displayName: full.displayName };
      this.s.participantId.value = details.ParticipantId;
      this.s.contactId.value = details.ContactId;
      this.s.hasOlder.value = this.history.hasOlder;
    });
    // Written while the connection is made: neither waits for the other, and the write is queued
    // before anything the connection brings is (the saver writes in order).
    const stored = this.saver.saveSession();
    // A chat started after another ended may have taken over its unsent messages and draft.
    if (this.s.outbox.peek().length) void this.saver.saveOutbox();
    const draft = this.s.draft.peek();
    if (draft) void this.saver.saveDraft(draft);
    const first = (this.firstConnect = { refused: undefined as unknown });
    try {
      await this.connect();
    } catch (error) {
      if (this.hasEnded || this.stopped) return;
      throw error;
    } finally {
      this.firstConnect = null;
    }
    await stored;
    if (first.refused !== undefined && !this.stopped) await this.abandonStart(first.refused);
    if (this.hasEnded) return;
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
    this.calls.forget();
    this.timers.clear();
    batch(() => {
      this.s.phase.value = 'idle';
      this.s.connection.value = 'idle';
      this.s.participantId.value = null;
      this.s.contactId.value = null;
      this.s.hasOlder.value = false;
    });
    await this.saver.written().then(() => this.config.persistence.clear()).catch(() => {});
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
    const manager = new WebSocketManager({ ...this.config.manager, getConnection: this.firstConnection });
    this.manager = manager;
    this.disposers.push(
      effect(() => {
        const state = manager.state.value;
        if (this.s.connection.peek() !== state) {
          this.s.connection.value = state;
          this.emit('connectionChange', state);
        }
      }),
      manager.on('item', (item) => this.incoming.handle([item as ChatItem], this.history.gapPending ? 'untrusted' : 'live')),
      manager.on('connected', ({ reconnect }) => {
        this.config.log('connected', { reconnect });
        this.sender.connected();
        void this.history.gapFill();
        void this.sender.pump();
        this.receipts.schedule();
      }),
      manager.on('ended', ({ error }) => {
        if (this.firstConnect) this.firstConnect.refused = error ?? new Error('the service refused the connection');
        else void this.ending.finish('away');
      }),
      manager.on('error', (error) => this.config.log('connection-error', { code: error.code, message: error.message })),
    );
    try {
      await manager.connect();
    } catch (error) {
      if (this.hasEnded || this.stopped) return;
      const code = (error as { code?: unknown }).code;
      if (code === 'ended' || code === 'closed') return;
      const e = new ChatError('connection-failed', `Could not connect to the chat: ${describeCause(error)}`, { cause: error });
      this.report(e.code, e.message, error);
      throw e;
    }
  }

  /**
   * The socket's connection details. The first time, the token they carry reads the transcript at
   * once, while the socket opens and subscribes (two round trips): what the chat already holds (the
   * contact flow's greeting, what came while the page reloaded) shows that much sooner. The gap fill
   * after the subscription still runs, from where this one began: nothing posted in between is lost.
   * The read goes in the next task, after the socket is opened: showing what it brings takes the main
   * thread for a moment, better spent while the subscription is under way than before it is sent.
   */
  private readonly firstConnection = async (): Promise<ConnectionDetails> => {
    const details = await this.calls.getConnection();
    if (!this.readEarly) {
      this.readEarly = true;
      this.timers.set('early-read', 0, () => void this.history.gapFill());
    }
    return details;
  };

  // ---------------------------------------------------------------------------------------------
  // Commands carried out by the parts

  readonly send: Sender['send'] = (...args) => this.sender.send(...args);
  readonly retry: Sender['retry'] = (id) => this.sender.retry(id);
  readonly discard: Sender['discard'] = (id) => this.sender.discard(id);
  readonly loadOlder: HistorySync['loadOlder'] = () => this.history.loadOlder();
  readonly upload: Uploads['upload'] = (...args) => this.uploads.upload(...args);
  readonly cancelUpload: Uploads['cancel'] = (id) => this.uploads.cancel(id);
  readonly attachment: Uploads['attachment'] = (id) => this.uploads.attachment(id);
  readonly describeView: ParticipantCalls['describeView'] = (viewToken) => this.calls.describeView(viewToken);
  readonly getAuthenticationUrl: ParticipantCalls['getAuthenticationUrl'] = (...args) => this.calls.getAuthenticationUrl(...args);
  readonly cancelAuthentication: ParticipantCalls['cancelAuthentication'] = (sessionId) => this.calls.cancelAuthentication(sessionId);

  setDraft(text: string): void {
    if (this.s.draft.peek() === text) return;
    this.s.draft.value = text;
    if (this.hasEnded || !this.session) return;
    this.saver.draftChanged();
  }

  // ---------------------------------------------------------------------------------------------
  // Typing and receipts

  typingActivity(): void {
    if (this.hasEnded || this.stopped || this.s.phase.peek() !== 'active' || !this.calls.hasToken) return;
    const now = Date.now();
    if (!shouldSendTyping(this.typingSentAt, now, this.config.typing)) return;
    this.typingSentAt = now;
    this.calls.op('SendEvent', { ContentType: CONTENT_TYPE.typing }).catch((error: unknown) => this.config.log('typing-failed', { error: describeCause(error) }));
  }

  markRead(id: string): void {
    const entry = rowById(this.s.transcriptState.peek(), id)?.entry;
    if (entry && this.receipts.eligible(entry)) this.receipts.request('read', id);
  }

  /** See ending.ts. */
  readonly end: Ending['end'] = () => this.ending.end();

  // ---------------------------------------------------------------------------------------------
  // Stopping

  /** Stops everything in this page and keeps what is stored (a reload, or a tab handing over). */
  async close(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.timers.clear();
    this.uploads.abortAll();
    this.abort.abort();
    this.manager?.close();
    for (const dispose of this.disposers.splice(0)) dispose();
    this.ending.wake();
    if (!this.hasEnded && this.session) {
      // Write the latest transcript and draft now rather than after the debounce.
      this.saver.flush(this.s.draft.peek());
    }
    await this.saver.written().catch(() => {});
  }

  /** Closes and removes the stored conversation. An active chat is left with a best-effort disconnect. */
  async destroy(): Promise<void> {
    const leave = this.calls.leaveRequest();
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
    this.calls.leaveRequest()?.();
  }

  /** A chat this tab took over but could not load (storage kept nothing): it is over here. */
  async endUnresumable(): Promise<void> {
    await this.ending.finish('away');
  }

  /** The page is going away: the draft is written at once where the next load finds it. */
  keepDraftNow(): void {
    if (this.hasEnded || !this.session) return;
    this.config.persistence.keepDraftNow?.(this.s.draft.peek());
  }

  /** The conversation's session details (null before a start or a resume), for tabs that mirror it. */
  get details(): SessionDetails | null {
    return this.hasEnded ? null : this.session;
  }

  get hasEnded(): boolean {
    return this.ending.hasEnded;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private readonly report = (code: ChatErrorCode, message: string, cause?: unknown): void => {
    this.s.lastError.value = { code, message };
    this.emit('error', { code, message, ...(cause !== undefined ? { cause } : {}) });
  };
}

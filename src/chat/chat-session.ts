// ChatSession: one conversation with Amazon Connect, as signals and commands, with no UI.
//
//   const session = new ChatSession({ startChat: '/api/start-chat', region: 'us-east-1' });
//   effect(() => render(session.transcript.value));
//   if (!(await session.resume())) await session.start({ displayName: 'Ada' });
//   await session.send('Hello!');
//
// In the tab that holds the conversation (or when tabs are not shared) a ChatEngine does the work.
// Other tabs of the same site mirror that tab's state over a BroadcastChannel and send their
// commands through it; if it closes, one of them takes over (tabs.ts). Which engine runs, and what
// start() and resume() do in each phase, is start-resume.ts.
import type { ReadonlySignal } from '@preact/signals-core';
import { randomUuid } from '../client/uuid.js';
import { CONTENT_TYPE } from './content-types.js';
import { ChatEngine } from './engine.js';
import { engineConfig, sessionParts } from './resolved-options.js';
import { ChatError } from './errors.js';
import { KeptAnswers } from './kept-answers.js';
import { DEFAULTS, type ChatSessionOptions } from './options.js';
import { pageEvents } from './page-events.js';
import type { SessionPersistence } from './persistence.js';
import type { RememberedChat } from './remembered.js';
import { ResendTokens } from './resend-tokens.js';
import { StartResume } from './start-resume.js';
import { createSessionState, resetState, type SessionState } from './state.js';
import { TabMirror, type MirroredState } from './tab-mirror.js';
import { carryOut, TabRelay, type ChatCommands, type RelayedCall, type SessionCommands } from './tab-relay.js';
import type { TabCoordinator, TabMessage, TabRole } from './tabs.js';
import type {
  AttachmentLink,
  ChatErrorCode,
  ChatPhase,
  ChatSessionApi,
  ChatSessionEvents,
  ConnectionState,
  SendOptions,
  StartChatRequest,
  TranscriptEntry,
  TypingParticipant,
  Upload,
  ViewDescription,
} from './types.js';

type Listener = (detail: never) => void;

/** Public methods, bound to the instance so a UI may pass them around (`onClick={session.end}`). */
const BOUND_METHODS = [
  'start', 'resume', 'send', 'retry', 'discard', 'typingActivity', 'markRead', 'upload', 'cancelUpload',
  'attachmentUrl', 'attachment', 'attachmentBlob', 'describeView', 'loadOlder', 'getAuthenticationUrl', 'cancelAuthentication', 'end',
  'setDraft', 'clearError', 'close', 'destroy', 'on',
] as const;

export class ChatSession implements ChatSessionApi {
  readonly phase: ReadonlySignal<ChatPhase>;
  readonly connection: ReadonlySignal<ConnectionState>;
  readonly transcript: ReadonlySignal<readonly TranscriptEntry[]>;
  readonly typing: ReadonlySignal<readonly TypingParticipant[]>;
  readonly uploads: ReadonlySignal<readonly Upload[]>;
  readonly hasOlder: ReadonlySignal<boolean>;
  readonly loadingOlder: ReadonlySignal<boolean>;
  readonly lastError: ReadonlySignal<{ code: ChatErrorCode; message: string } | null>;
  readonly participantId: ReadonlySignal<string | null>;
  readonly contactId: ReadonlySignal<string | null>;
  /** 'leader': this tab holds the conversation; 'follower': another tab does and this one mirrors it; 'solo': not shared. */
  readonly tabRole: ReadonlySignal<TabRole>;
  /** The composer's unsent text, stored with the conversation (see setDraft). */
  readonly draft: ReadonlySignal<string>;

  private readonly s: SessionState;
  private readonly options: ChatSessionOptions;
  /** Why these options cannot work (then nothing starts, resumes or is stored); null when they can. */
  private readonly configError: ChatError | null;
  /** The same for the clientOptions given, whose check loads apart (null when there are none). */
  private readonly clientCheck: Promise<ChatError | null> | null;
  private readonly persistence: SessionPersistence;
  private readonly tabs: TabCoordinator | null;
  /** Which engine this tab runs and when commands may reach it (start-resume.ts). */
  private readonly life: StartResume<ChatEngine>;
  private readonly listeners = new Map<keyof ChatSessionEvents, Set<Listener>>();
  private readonly mirror: TabMirror;
  private closed = false;
  /** A follower's commands, carried out by the tab that holds the chat. */
  private readonly relay: TabRelay;
  /** persistentChat: 'auto': the last ended chat's signed id, continued by the next start. */
  private readonly remembered: RememberedChat | undefined;
  /** DescribeView and GetAttachment answers, asked once per page (kept-answers.ts). */
  private readonly answers = new KeptAnswers();
  private readonly resends = new ResendTokens();

  constructor(options: ChatSessionOptions = {}) {
    this.options = options;
    this.s = createSessionState();
    this.phase = this.s.phase;
    this.connection = this.s.connection;
    this.transcript = this.s.transcript;
    this.typing = this.s.typing;
    this.uploads = this.s.uploads;
    this.hasOlder = this.s.hasOlder;
    this.loadingOlder = this.s.loadingOlder;
    this.lastError = this.s.lastError;
    this.participantId = this.s.participantId;
    this.contactId = this.s.contactId;
    this.tabRole = this.s.tabRole;
    this.draft = this.s.draft;
    const methods = this as unknown as Record<(typeof BOUND_METHODS)[number], (...args: unknown[]) => unknown>;
    for (const name of BOUND_METHODS) methods[name] = methods[name].bind(this);

    const parts = sessionParts(options, (error) => {
      const message = `${error.message} The chat goes on, but a reload may not bring it back.`;
      this.s.lastError.value = { code: 'storage-failed', message };
      this.deliver('error', { code: 'storage-failed', message, cause: error });
    });
    ({ configError: this.configError, clientCheck: this.clientCheck, persistence: this.persistence, remembered: this.remembered, tabs: this.tabs } = parts);

    pageEvents()?.addEventListener('pagehide', this.onPageHide);
    pageEvents()?.addEventListener('visibilitychange', this.onHidden);

    this.mirror = new TabMirror(this.tabs, this.s, () => this.engine?.details ?? null);
    this.relay = new TabRelay(this.tabs, {
      typing: { ...DEFAULTS.typing, ...options.typing },
      attachments: { ...DEFAULTS.attachments, ...options.attachments },
      report: (code, message, cause) => {
        this.s.lastError.value = { code, message };
        this.emit('error', { code, message, cause });
      },
      taken: (clientToken) => this.mirror.shows(clientToken),
    });
    this.life = new StartResume({
      s: this.s,
      newEngine: () =>
        new ChatEngine(this.s, { ...engineConfig(options, { ...parts, remembered: this.remembered }), soleWriter: this.s.tabRole.peek() === 'leader' }, (event, detail) => this.emit(event, detail)),
      relay: this.relay,
      mirror: this.mirror,
      check: () => {
        const refuse = (error: ChatError | null): void => {
          if (!error) return;
          const { code, message } = error;
          this.s.lastError.value = { code, message };
          this.emit('error', { code, message, cause: error.cause });
          throw error;
        };
        if (this.configError || !this.clientCheck) return refuse(this.configError);
        return this.clientCheck.then(refuse);
      },
      reset: () => this.resetSignals(),
    });
    if (this.tabs) this.life.ready = this.setUpTabs(this.tabs);
    else this.life.hold();
  }

  // ---------------------------------------------------------------------------------------------
  // Public API

  start(request: Partial<StartChatRequest> = {}): Promise<void> {
    return this.life.start(request);
  }

  async resume(): Promise<boolean> {
    if (this.configError || (this.clientCheck && (await this.clientCheck))) return false;
    return this.life.resume();
  }

  send(content: string, contentType: string = CONTENT_TYPE.plain, options: SendOptions = {}): Promise<void> {
    // The token is made here, so a command relayed twice by a follower tab is still one message, and
    // so is the same text sent again after a send that failed, which may have gone out all the same.
    const attempt = this.resends.take(content, contentType);
    return this.resends.watch(content, contentType, attempt, this.run((c) => c.send(content, contentType, attempt.token, options.display)));
  }

  retry(id: string): Promise<void> {
    return this.run((c) => c.retry(id));
  }

  discard(id: string): void {
    this.fire((c) => c.discard(id));
  }

  typingActivity(): void {
    this.fire((c) => c.typingActivity());
  }

  markRead(id: string): void {
    this.fire((c) => c.markRead(id));
  }

  upload(file: File | Blob, name?: string): Upload {
    const fileName = name ?? (typeof File !== 'undefined' && file instanceof File ? file.name : 'file');
    return (this.engine ?? this.relay).upload(file, fileName, randomUuid());
  }

  cancelUpload(id: string): void {
    this.fire((c) => c.cancelUpload(id));
  }

  async attachmentUrl(attachmentId: string): Promise<string> {
    return (await this.attachment(attachmentId)).url;
  }

  attachment(attachmentId: string): Promise<AttachmentLink> {
    return this.answers.link(attachmentId, () => this.run((c) => c.attachment(attachmentId)));
  }

  async attachmentBlob(attachmentId: string): Promise<Blob> {
    let response = await this.fetchAttachment(attachmentId);
    // A URL that expired between GetAttachment and now (a slow network, a sleeping laptop): once more.
    if (response.status === 403) {
      this.answers.forgetLink(attachmentId);
      response = await this.fetchAttachment(attachmentId);
    }
    if (!response.ok) {
      throw new ChatError('attachment-failed', `The file could not be downloaded (HTTP ${response.status}). Try again in a moment.`);
    }
    return response.blob();
  }

  private async fetchAttachment(attachmentId: string): Promise<Response> {
    const { url } = await this.attachment(attachmentId);
    return (this.options.fetch ?? fetch)(url, { credentials: 'omit' });
  }

  describeView(viewToken: string): Promise<ViewDescription> {
    return this.answers.view(viewToken, () => this.run((c) => c.describeView(viewToken)));
  }

  loadOlder(): Promise<void> {
    return this.run((c) => c.loadOlder());
  }

  getAuthenticationUrl(sessionId: string, redirectUri: string): Promise<string> {
    return this.run((c) => c.getAuthenticationUrl(sessionId, redirectUri));
  }

  cancelAuthentication(sessionId: string): Promise<void> {
    return this.run((c) => c.cancelAuthentication(sessionId));
  }

  end(): Promise<void> {
    return this.run((c) => c.end());
  }

  /** Keeps the composer's text with the conversation, so a reload (or another tab) shows it again. */
  setDraft(text: string): void {
    if (!this.engine) this.s.draft.value = text;
    this.fire((c) => c.setDraft(text));
  }

  clearError(): void {
    this.s.lastError.value = null;
    if (!this.engine) this.relay.clearError();
  }

  /**
   * Stops this page's part of the conversation and keeps what is stored: what a page unload does.
   * Another tab takes over; a new ChatSession on the same storage resumes it. (Not in ChatSessionApi.)
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    pageEvents()?.removeEventListener('pagehide', this.onPageHide);
    pageEvents()?.removeEventListener('visibilitychange', this.onHidden);
    this.mirror.stop();
    await this.engine?.close();
    this.tabs?.close();
  }

  /** Closes everything and clears stored data. An active chat gets a best-effort disconnect. */
  async destroy(): Promise<void> {
    await this.life.ready;
    if (!this.engine && !this.closed) await this.relay.destroy().catch(() => {});
    this.mirror.stop();
    await this.engine?.destroy();
    this.closed = true;
    pageEvents()?.removeEventListener('pagehide', this.onPageHide);
    pageEvents()?.removeEventListener('visibilitychange', this.onHidden);
    this.tabs?.close();
    this.resetSignals();
  }

  on<K extends keyof ChatSessionEvents>(event: K, listener: (detail: ChatSessionEvents[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  /** A hidden page may be discarded without a pagehide (mobile browsers): the draft is kept now. */
  private readonly onHidden = (): void => {
    const doc = (globalThis as { document?: { visibilityState?: string } }).document;
    if (!this.closed && doc?.visibilityState === 'hidden') this.engine?.keepDraftNow();
  };

  /**
   * The page goes away for good (not into the back/forward cache). The draft is written at once. A chat that is not stored
   * (persistence 'none', or storage failed) cannot be resumed by a reload: leave it, so it does not
   * stay open with a customer who is gone — unless another tab waits to take it over from what it
   * mirrored.
   */
  private readonly onPageHide = (event: Event): void => {
    if (this.closed) return;
    // Synchronously: the debounced IndexedDB write of the last keystrokes may never finish now.
    this.engine?.keepDraftNow();
    if ((event as Event & { persisted?: boolean }).persisted) return;
    this.tabs?.leaving();
    if (this.engine && !this.persistence.durable() && !this.tabs?.othersWaiting) this.engine.leave();
  };

  // ---------------------------------------------------------------------------------------------
  // Engine

  /** Runs a command in this tab when it holds the chat, else in the leader tab. */
  private async run<T>(command: (c: ChatCommands) => Promise<T>): Promise<T> {
    await this.life.ready;
    return command(this.engine ?? this.relay);
  }

  /** The same, for commands nobody waits for: they do not wait for this tab's role either. */
  private fire(command: (c: ChatCommands) => void): void {
    command(this.engine ?? this.relay);
  }

  private get engine(): ChatEngine | null {
    return this.life.engine;
  }

  private resetSignals(): void {
    this.answers.clear();
    resetState(this.s);
  }

  private emit<K extends keyof ChatSessionEvents>(event: K, detail: ChatSessionEvents[K]): void {
    if (this.tabs && this.tabs.role === 'leader') {
      // An error's cause may not survive structured cloning: followers get code and message.
      const shared = event === 'error' ? { code: (detail as ChatSessionEvents['error']).code, message: (detail as ChatSessionEvents['error']).message } : detail;
      this.tabs.post({ t: 'event', from: this.tabs.id, name: event, detail: shared });
    }
    this.deliver(event, detail);
  }

  private deliver<K extends keyof ChatSessionEvents>(event: K, detail: ChatSessionEvents[K]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as (d: ChatSessionEvents[K]) => void)(detail);
      } catch {
        // A failing listener must not break the session or the other listeners.
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Tabs

  private async setUpTabs(tabs: TabCoordinator): Promise<void> {
    tabs.onMessage((message) => this.onTabMessage(message));
    // The election may report 'leader' before start() resolves (from inside the lock's callback):
    // the role is settled here, once, so this tab never runs two engines; later changes take over.
    let elected = false;
    tabs.onRole((role) => {
      if (elected) void this.onRole(role);
    });
    tabs.serve((method, args) => this.dispatch(method, args));
    const first = await tabs.start();
    elected = true;
    if (first === 'follower' && tabs.role === 'leader') {
      // Queued as a follower and already promoted: that is a takeover (resume, then the queued calls).
      this.s.tabRole.value = 'follower';
      await this.onRole('leader');
      return;
    }
    const role = tabs.role;
    this.s.tabRole.value = role;
    if (role !== 'follower') {
      this.life.hold();
      if (role === 'leader') this.mirror.start();
    }
  }

  /** This tab became leader (the previous leader's tab closed): take over the conversation. */
  private async onRole(role: TabRole): Promise<void> {
    this.s.tabRole.value = role;
    if (role !== 'leader' || this.engine || this.closed) return;
    await this.life.takeOver();
    for (const call of this.tabs?.takePendingCalls() ?? []) {
      this.dispatch(call.method, call.args).then(call.resolve, call.reject);
    }
  }

  private onTabMessage(message: TabMessage): void {
    const tabs = this.tabs;
    if (!tabs) return;
    if (message.t === 'hello' && tabs.role === 'leader') {
      this.mirror.greet(message.from);
      return;
    }
    if (this.engine) return; // the rest is for followers
    if (message.t === 'state') {
      // While this tab's own drafts are on their way to the leader, its text wins over the mirror's.
      this.mirror.apply(message.state as MirroredState, { keepDraft: this.relay.draftPending });
    } else if (message.t === 'event') {
      this.deliver(message.name as keyof ChatSessionEvents, message.detail as never);
    }
  }

  /**
   * The leader carries out a follower's command — after it has loaded the conversation: a tab that
   * has just taken over gets the followers' calls (resent to every new leader) while it resumes.
   */
  private async dispatch(method: string, args: unknown[]): Promise<unknown> {
    await this.life.ready;
    const engine = this.life.require();
    return carryOut(engine, this.leaderCommands, { method, args } as RelayedCall);
  }

  /** What followers ask of this session itself, when it leads. */
  private readonly leaderCommands: SessionCommands = {
    start: (request) => this.start(request ?? {}),
    clearError: () => {
      this.s.lastError.value = null;
    },
    destroy: async () => {
      await this.life.require().destroy();
      this.resetSignals();
      this.life.replace();
    },
  };
}

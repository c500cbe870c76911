// The commands of a conversation, typed once (ChatCommands): carried out by the engine in the tab
// that holds the chat, or relayed to that tab by the others (TabRelay implements the same
// interface). On the leader, carryOut() turns a relayed call back into the same typed call, so
// "go to definition" follows ChatSession.send to ChatEngine.send in both cases.
import { checkAttachment, type AttachmentRules } from './attachments.js';
import { ChatError, describeCause } from './errors.js';
import { TabCallError, type TabCoordinator } from './tabs.js';
import { shouldSendTyping, type TypingPolicy } from './typing.js';
import type { AttachmentLink, ChatErrorCode, ChatSessionApi, StartChatRequest, Upload, ViewDescription } from './types.js';

/**
 * What the tab that holds the chat does for the session; the engine implements it. The session's
 * own methods (ChatSessionApi) with the same names, but send and upload take the ids the session
 * made (so a command relayed twice is still one message, one file).
 */
export type ChatCommands = Pick<
  ChatSessionApi,
  | 'retry'
  | 'discard'
  | 'typingActivity'
  | 'markRead'
  | 'cancelUpload'
  | 'attachment'
  | 'describeView'
  | 'loadOlder'
  | 'getAuthenticationUrl'
  | 'cancelAuthentication'
  | 'end'
> & {
  send(content: string, contentType: string, clientToken: string, display?: string): Promise<void>;
  upload(file: Blob, name: string, id: string): Upload;
  setDraft(text: string): void;
};

/** What a follower asks of the leader's session itself (not of its engine). */
export type SessionCommands = Pick<ChatSessionApi, 'clearError' | 'destroy'> & { start(request: Partial<StartChatRequest>): Promise<void> };

type Relayable = ChatCommands & SessionCommands;

/** A call as it crosses to the leader tab: a command's name and its arguments. */
export type RelayedCall = { [K in keyof Relayable]: { method: K; args: Parameters<Relayable[K]> } }[keyof Relayable];

/** The leader carries out a follower's call (an unknown one is refused). */
export function carryOut(engine: ChatCommands, session: SessionCommands, call: RelayedCall): Promise<unknown> | unknown {
  switch (call.method) {
    case 'send':
      return engine.send(...call.args);
    case 'retry':
      return engine.retry(...call.args);
    case 'discard':
      return engine.discard(...call.args);
    case 'typingActivity':
      return engine.typingActivity();
    case 'markRead':
      return engine.markRead(...call.args);
    case 'upload':
      engine.upload(...call.args);
      return undefined; // the follower made its own Upload; the leader's mirror shows its progress
    case 'cancelUpload':
      return engine.cancelUpload(...call.args);
    case 'attachment':
      return engine.attachment(...call.args);
    case 'describeView':
      return engine.describeView(...call.args);
    case 'loadOlder':
      return engine.loadOlder();
    case 'getAuthenticationUrl':
      return engine.getAuthenticationUrl(...call.args);
    case 'cancelAuthentication':
      return engine.cancelAuthentication(...call.args);
    case 'end':
      return engine.end();
    case 'setDraft':
      return engine.setDraft(...call.args);
    case 'start':
      return session.start(...call.args);
    case 'clearError':
      return session.clearError();
    case 'destroy':
      return session.destroy();
    default:
      throw new ChatError('connection-failed', `Unknown command ${(call as { method: unknown }).method}.`);
  }
}

export interface TabRelayOptions {
  /** The follower's own outgoing typing rate: keystrokes must not each become a message to the leader. */
  typing: TypingPolicy;
  /** Files are checked here too, so the visitor learns at once that one cannot be sent. */
  attachments: AttachmentRules;
  /** An error to show in this tab (lastError and the error event). */
  report: (code: ChatErrorCode, message: string, cause: unknown) => void;
  /** Whether the leader's mirrored state shows this send (by ClientToken): then it has it. */
  taken: (clientToken: string) => boolean;
}

/** A follower tab's commands: each is carried out by the tab that holds the chat. */
export class TabRelay implements ChatCommands, SessionCommands {
  private typingRelayedAt: number | undefined;
  /** setDraft calls the leader has not answered yet (the answers come after any older state). */
  private draftsInFlight = 0;

  constructor(
    private readonly tabs: TabCoordinator | null,
    private readonly options: TabRelayOptions,
  ) {}

  /** Carries out a call in the leader tab. Errors come back as ChatErrors. */
  async call(call: RelayedCall): Promise<unknown> {
    const tabs = this.tabs;
    if (!tabs) throw new ChatError('connection-failed', 'This tab does not hold the chat.');
    try {
      return await tabs.call(call.method, call.args);
    } catch (error) {
      if (error instanceof TabCallError) {
        const code = (error.code ?? 'connection-failed') as ChatErrorCode;
        throw new ChatError(code, error.message, { cause: error });
      }
      throw error;
    }
  }

  /** The same, for commands nobody waits for. */
  private fire(call: RelayedCall): void {
    void this.call(call).catch(() => {});
  }

  async send(...args: Parameters<ChatCommands['send']>): Promise<void> {
    try {
      await this.call({ method: 'send', args });
    } catch (error) {
      // No answer came, but the leader's state shows the message: it is in the outbox, which the leader
      // (or the tab that takes over from it) sends. Failing here would put the text back for a second copy.
      if ((error as ChatError).code === 'connection-failed' && this.options.taken(args[2])) return;
      throw error;
    }
  }

  retry(id: string): Promise<void> {
    return this.call({ method: 'retry', args: [id] }) as Promise<void>;
  }

  discard(id: string): void {
    this.fire({ method: 'discard', args: [id] });
  }

  typingActivity(): void {
    const now = Date.now();
    if (!shouldSendTyping(this.typingRelayedAt, now, this.options.typing)) return;
    this.typingRelayedAt = now;
    this.fire({ method: 'typingActivity', args: [] });
  }

  markRead(id: string): void {
    this.fire({ method: 'markRead', args: [id] });
  }

  upload(file: Blob, name: string, id: string): Upload {
    try {
      const contentType = checkAttachment({ name, size: file.size, type: file.type }, this.options.attachments);
      this.fire({ method: 'upload', args: [file, name, id] });
      return { id, name, size: file.size, contentType, state: 'uploading', progress: 0 };
    } catch (error) {
      const e = error instanceof ChatError ? error : new ChatError('attachment-failed', describeCause(error));
      this.options.report(e.code, e.message, error);
      return { id, name, size: file.size, contentType: file.type, state: 'failed', progress: 0, error: e.message };
    }
  }

  cancelUpload(id: string): void {
    this.fire({ method: 'cancelUpload', args: [id] });
  }

  attachment(attachmentId: string): Promise<AttachmentLink> {
    return this.call({ method: 'attachment', args: [attachmentId] }) as Promise<AttachmentLink>;
  }

  describeView(viewToken: string): Promise<ViewDescription> {
    return this.call({ method: 'describeView', args: [viewToken] }) as Promise<ViewDescription>;
  }

  loadOlder(): Promise<void> {
    return this.call({ method: 'loadOlder', args: [] }) as Promise<void>;
  }

  getAuthenticationUrl(sessionId: string, redirectUri: string): Promise<string> {
    return this.call({ method: 'getAuthenticationUrl', args: [sessionId, redirectUri] }) as Promise<string>;
  }

  cancelAuthentication(sessionId: string): Promise<void> {
    return this.call({ method: 'cancelAuthentication', args: [sessionId] }) as Promise<void>;
  }

  end(): Promise<void> {
    return this.call({ method: 'end', args: [] }) as Promise<void>;
  }

  setDraft(text: string): void {
    this.draftsInFlight += 1;
    void this.call({ method: 'setDraft', args: [text] })
      .catch(() => {})
      .finally(() => (this.draftsInFlight -= 1));
  }

  /** Whether this tab's own draft has not reached the leader yet: it wins over mirrored ones. */
  get draftPending(): boolean {
    return this.draftsInFlight > 0;
  }

  start(request: Partial<StartChatRequest>): Promise<void> {
    return this.call({ method: 'start', args: [request] }) as Promise<void>;
  }

  clearError(): void {
    this.fire({ method: 'clearError', args: [] });
  }

  destroy(): Promise<void> {
    return this.call({ method: 'destroy', args: [] }) as Promise<void>;
  }
}

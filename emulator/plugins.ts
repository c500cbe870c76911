// In-process hooks for code that plays the service's side of a chat (the demo bot, tests, custom
// scripts). A plugin sees every contact start, every item and every contact end, and acts through a
// ContactHandle, which posts as the contact flow's SYSTEM participant "BOT" the way Amazon Lex
// messages arrive in a real chat.
//
//   startEmulator({ plugins: [myPlugin] })        // in-process
//   startEmulator({ bot: true })                   // loads emulator/bot/index.ts's default export
//
// Callbacks run after the request that caused them has been answered (never inside it), one at a
// time per emulator, in the order the events happened; a callback that throws or rejects is logged
// and does not affect the chat.
import type { ChatItem, ContactInfo, ParticipantEventKind } from './types.js';

export type { ChatItem, ContactInfo, ParticipantEventKind, ParticipantInfo } from './types.js';

/** Options for what a handle posts. */
export interface PostOptions {
  /** DisplayName of the sender. Default `"BOT"`. The sender is always the contact's SYSTEM participant. */
  displayName?: string;
}

/** A Lex-style streamed message: chunks share one Id; the completing item carries the whole text. */
export interface MessageStream {
  /** The Id every chunk and the final item carry. */
  readonly id: string;
  /** Sends the next chunk (`MessageCompleted: false`, `ChunkNumber` 1, 2, …). */
  chunk(text: string): ChatItem;
  /**
   * Ends the stream: sends `MessageCompleted: true` with the whole text (default: the chunks joined),
   * which replaces the partials in clients and is what GetTranscript returns afterwards.
   */
  complete(fullText?: string): ChatItem;
}

export interface AttachmentToPost {
  /** File name shown to the customer, e.g. `"menu.pdf"`. */
  name: string;
  /** MIME type; must be an allowed attachment type (chat-protocol.md §6). */
  contentType: string;
  bytes: Uint8Array;
}

export interface ContactHandle {
  readonly contactId: string;
  readonly initialContactId: string;
  /** True once the contact has ended; posting then throws. */
  readonly ended: boolean;
  /** A snapshot of the contact and its participants. */
  info(): ContactInfo;
  /** Every stored item of the contact, oldest first (what GetTranscript pages over). */
  items(): ChatItem[];

  /** A `text/plain` message. */
  sendText(text: string, options?: PostOptions): ChatItem;
  /** A `text/markdown` message. */
  sendMarkdown(markdown: string, options?: PostOptions): ChatItem;
  /**
   * An `…message.interactive` message. `template` is the envelope
   * `{templateType, version, data: {content}}` (chat-protocol.md §3.1), as an object or a JSON string.
   */
  sendInteractive(template: object | string, options?: PostOptions): ChatItem;
  /** Starts a streamed message (MessageMetadata.MessageCompleted / ChunkNumber). */
  streamMessage(options?: PostOptions): MessageStream;
  /** An ATTACHMENT item whose bytes GetAttachment serves (scanned like customer uploads). */
  sendAttachment(attachment: AttachmentToPost, options?: PostOptions): ChatItem;
  /**
   * Shows a view (the Show View flow block): issues a view token for DescribeView and posts the
   * `ViewResource` interactive message. `view` is a view name (`"cards"`) or ARN.
   * Throws when the view is unknown.
   */
  showView(view: string, viewData?: unknown, options?: PostOptions): { viewToken: string; item: ChatItem };
  /**
   * A participant event (`…event.participant.<kind>`). `participantId` defaults to the SYSTEM
   * participant; pass the agent's or customer's id to make them e.g. idle.
   */
  emitParticipantEvent(kind: ParticipantEventKind, participantId?: string): ChatItem;
  /** Any other event, e.g. `…event.workflow.cancelled`. `content` is sent as is (a string). */
  emitEvent(contentType: string, content?: string): ChatItem;
  /** Starts customer authentication: emits `authentication.initiated` with a fresh SessionId. */
  startAuthentication(): { sessionId: string; item: ChatItem };
  /**
   * Transfers the contact (to a queue or agent): emits `transfer.succeeded` (or `transfer.failed`
   * with `{ succeeded: false }`); on success the chat continues under a new ContactId with the same
   * InitialContactId, and the customer's tokens keep working.
   */
  transfer(options?: { succeeded?: boolean }): ChatItem;
  /** Ends the contact (like StopContact): `chat.ended` to everyone. */
  end(): void;
  /**
   * True while the contact's disconnect flow runs (the customer ended, or the last agent left): a
   * bot should leave the customer's answers to the flow.
   */
  readonly inDisconnectFlow: boolean;
  /**
   * Records what the customer answered a post-chat survey (shown by GET /emulator/contacts/{id} as
   * `Survey` and in the agent console). `state` defaults to `answered`.
   */
  recordSurvey(answers: Record<string, string>, state?: 'answered' | 'skipped'): void;
  /** The "Transfer to queue" flow block: marks the contact as waiting for an agent (flagged in the agent console). */
  transferToQueue(queueName?: string): void;
  /**
   * Runs `fn` after `ms` unless the contact ends or the emulator closes first. Use it for "bot is
   * thinking" delays so nothing fires after shutdown.
   */
  after(ms: number, fn: () => void): void;
}

/** How message processing ended for a message that was PROCESSING. */
export type MessageDecision = 'APPROVED' | 'REJECTED' | 'FAILED';

/** What a plugin can reach beyond the contact it was called for. */
export interface PluginContext {
  /** Base URL of the emulator, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  /** A handle for any live or ended contact by ContactId (any segment id of it). */
  contact(contactId: string): ContactHandle | undefined;
  /** Handles of contacts that have not ended. */
  liveContacts(): ContactHandle[];
}

export interface EmulatorPlugin {
  /** For log lines. */
  name: string;
  /** After StartChatContact (and after the customer's participant.joined and any InitialMessage). */
  onContactStarted?(contact: ContactHandle): void | Promise<void>;
  /**
   * Every item fanned out on the contact, including typing, receipts metadata and the plugin's own
   * posts (check `item.ParticipantRole`/`item.ParticipantId` to ignore your own).
   */
  onItem?(contact: ContactHandle, item: ChatItem): void | Promise<void>;
  /** After the contact ended (StopContact, customer disconnect, duration limit, handle.end()). */
  onContactEnded?(contact: ContactHandle): void | Promise<void>;
  /**
   * The contact's disconnect flow, for contacts whose flow is `plugin` (the default once a plugin has
   * this hook): the customer ended a chat started with DisconnectOnCustomerExit ["AGENT"], or the
   * last agent left. Post what the flow shows, read the answers in onItem, `recordSurvey` them and
   * `end()` the contact; the emulator ends it after disconnectFlowTimeoutSeconds otherwise.
   */
  onDisconnectFlow?(contact: ContactHandle): void | Promise<void>;
  /**
   * Message processing (a guardrail, a redaction step): when a plugin has this hook, every customer
   * message is answered `MessageProcessingStatus: PROCESSING`, and then sent again (same Id) with
   * the first decision a plugin returns: `REJECTED` or `FAILED`, or nothing (delivered as is).
   */
  processMessage?(contact: ContactHandle, item: ChatItem): MessageDecision | undefined | Promise<MessageDecision | undefined>;
  /** When the emulator closes. */
  close?(): void | Promise<void>;
}

/** The default export of emulator/bot/index.ts (loaded by `startEmulator({ bot: true })`). */
export type EmulatorPluginFactory = (context: PluginContext) => EmulatorPlugin;

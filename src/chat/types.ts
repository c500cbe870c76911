// The public shape of a conversation, as the UI (and site owners building their own UI) see it.
// ChatSession implements `ChatSessionApi`; the UI reads only these signals and calls only these
// methods. Nothing here knows about HTTP, WebSocket or IndexedDB.
import type { ReadonlySignal } from '@preact/signals-core';
import type { ConnectionState } from '../connection/index.js';

export type ParticipantRole = 'AGENT' | 'CUSTOMER' | 'SYSTEM' | 'CUSTOM_BOT' | 'SUPERVISOR';

/**
 * Where the conversation is in its life. `wrapping-up`: the visitor ended a chat started with
 * `postChatSurvey`; the contact's disconnect flow (a post-chat survey) may still post and the visitor
 * may answer, until `chat.ended` (or end() again, or `postChatTimeoutMs`).
 */
export type ChatPhase = 'idle' | 'starting' | 'active' | 'ending' | 'wrapping-up' | 'ended';

/** MessageMetadata.MessageProcessingStatus of a message: held for processing, or not delivered. */
export type MessageProcessing = 'processing' | 'rejected' | 'failed';

/** The socket's state (declared by the connection layer). */
export type { ConnectionState };

/** Delivery state of one of the customer's own sends. */
export type SendStatus = 'sending' | 'sent' | 'failed';

interface EntryBase {
  /** Service item Id; for an own send not yet acknowledged, `local:<ClientToken>`. Unique in the transcript. */
  id: string;
  /** ISO-8601 AbsoluteTime (for a pending own send: the time it was queued). */
  time: string;
  participantId: string;
  displayName: string;
  role: ParticipantRole;
  /** True when the customer (this participant) sent it. */
  own: boolean;
  /** ContactId of the item; differs from the current contact for rehydrated (persistent chat) history. */
  contactId?: string;
}

export interface MessageEntry extends EntryBase {
  kind: 'message';
  /** text/plain, text/markdown, application/json, …message.interactive, …message.interactive.response */
  contentType: string;
  content: string;
  /** Own sends only. */
  status?: SendStatus;
  /** Own failed sends: why, in words for the user. */
  error?: string;
  /** Own sends: the best receipt the other side sent. */
  receipt?: 'delivered' | 'read';
  /** Streaming bot message still growing (chunks arriving). */
  streaming?: boolean;
  /** ClientToken of an own send (stable across retries and reloads). */
  clientToken?: string;
  /**
   * The service holds the message for processing (a guardrail, a redaction step), or did not
   * deliver it: `rejected` (blocked) or `failed` (processing failed). Absent when delivered.
   */
  processing?: MessageProcessing;
  /**
   * Own sends: what the customer's bubble shows instead of the wire content, e.g. the label of the
   * view button pressed ("Book") where the wire says its action ("Next"). Kept with the stored
   * conversation and mirrored to other tabs; absent on items fetched from the service.
   */
  display?: string;
}

export type AttachmentStatus = 'APPROVED' | 'REJECTED' | 'IN_PROGRESS';

export interface AttachmentEntry extends EntryBase {
  kind: 'attachment';
  attachmentId: string;
  name: string;
  /** MIME type. */
  contentType: string;
  status: AttachmentStatus;
  receipt?: 'delivered' | 'read';
}

export type NoticeEvent =
  | 'joined'
  | 'left'
  | 'idle'
  | 'returned'
  | 'autodisconnection'
  | 'invited'
  | 'displayname-updated'
  | 'transfer-succeeded'
  | 'transfer-failed'
  | 'ended'
  | 'rehydrated'
  | 'authentication-initiated'
  | 'authentication-succeeded'
  | 'authentication-failed'
  | 'authentication-timeout'
  | 'authentication-expired'
  | 'authentication-cancelled'
  | 'workflow-cancelled';

export interface NoticeEntry extends EntryBase {
  kind: 'notice';
  event: NoticeEvent;
  /** The item's raw ContentType, for events the UI does not know. */
  contentType: string;
  /** Raw Content, when the event has one (e.g. authentication-initiated: {"SessionId": …}). */
  content?: string;
}

export type TranscriptEntry = MessageEntry | AttachmentEntry | NoticeEntry;

export interface TypingParticipant {
  participantId: string;
  displayName: string;
  role: ParticipantRole;
}

export type UploadState = 'validating' | 'uploading' | 'completing' | 'done' | 'failed' | 'cancelled';

export interface Upload {
  /** Local id of this upload (stable), not the AttachmentId. */
  id: string;
  name: string;
  size: number;
  contentType: string;
  state: UploadState;
  /** 0..1 of the bytes sent. */
  progress: number;
  attachmentId?: string;
  /** For failed: why, for the user. */
  error?: string;
}

/** Where an attachment can be fetched (ChatSessionApi.attachment). */
export interface AttachmentLink {
  /** Presigned URL of the file. */
  url: string;
  /** ISO time the URL stops working, when the service said. */
  expiresAt?: string;
  /** The file's size in bytes, when the service said. */
  size?: number;
}

/** A view from DescribeView, with Template and InputSchema parsed. */
export interface ViewDescription {
  id: string;
  arn?: string;
  name?: string;
  version?: number;
  template: unknown;
  inputSchema: unknown;
  actions: string[];
}

/** Errors a ChatSession reports; `code` is stable for programs, `message` says what to do. */
export type ChatErrorCode =
  /** The options cannot work (e.g. an endpoint that is not an http(s) URL): nothing is started or sent. */
  | 'config-invalid'
  | 'start-failed'
  | 'message-too-long'
  | 'message-empty'
  | 'content-type-unsupported'
  | 'send-failed'
  | 'attachment-too-large'
  | 'attachment-type'
  | 'attachment-quota'
  | 'attachment-rejected'
  | 'attachment-failed'
  | 'connection-failed'
  | 'chat-ended'
  | 'storage-failed'
  | 'view-failed';

export interface ChatSessionEvents {
  /** A new entry from the other side (or an own send confirmed). */
  message: TranscriptEntry;
  typing: TypingParticipant;
  connectionChange: ConnectionState;
  chatStarted: { contactId: string; participantId: string; signedContactId?: string };
  /** `surveyAnswered` with `postChatSurvey`: the visitor sent something to the disconnect flow (the survey). */
  chatEnded: { contactId?: string; signedContactId?: string; surveyAnswered?: boolean };
  error: { code: ChatErrorCode; message: string; cause?: unknown };
}

export interface StartChatDetails {
  ContactId: string;
  ParticipantId: string;
  ParticipantToken: string;
  /** Some back ends return the contact this one continues (persistent chat). */
  ContinuedFromContactId?: string;
  /**
   * This contact's id signed by the back end (connect-chat-widget/server): what a later chat sends as
   * `persistentChat.sourceContactId` to continue this one. Opaque to the widget.
   */
  SignedContactId?: string;
}

export interface StartChatRequest {
  displayName: string;
  attributes?: Record<string, string>;
  initialMessage?: string;
  supportedMessagingContentTypes?: string[];
  persistentChat?: { SourceContactId: string; RehydrationType: 'ENTIRE_PAST_SESSION' | 'FROM_SEGMENT' };
  chatDurationInMinutes?: number;
  /** Sends DisconnectOnCustomerExit ["AGENT"]: the visitor stays for the disconnect flow after ending. */
  disconnectOnCustomerExit?: boolean;
}

/** Either the URL of a back end speaking the customer-backend contract (POST, see README), or a function. */
export type StartChatProvider = string | ((request: StartChatRequest) => Promise<StartChatDetails>);

export interface SendOptions {
  /** Shown in the customer's own bubble instead of the content (plain text); the wire carries `content`. */
  display?: string;
}

/** The surface the UI and site owners use. */
export interface ChatSessionApi {
  readonly phase: ReadonlySignal<ChatPhase>;
  readonly connection: ReadonlySignal<ConnectionState>;
  /** Ordered by time (stable), deduplicated by id; own pending sends included. */
  readonly transcript: ReadonlySignal<readonly TranscriptEntry[]>;
  readonly typing: ReadonlySignal<readonly TypingParticipant[]>;
  readonly uploads: ReadonlySignal<readonly Upload[]>;
  /** True while older history may exist (BACKWARD NextToken or an earlier contact). */
  readonly hasOlder: ReadonlySignal<boolean>;
  readonly loadingOlder: ReadonlySignal<boolean>;
  /** The last error worth showing; cleared by `clearError()`. */
  readonly lastError: ReadonlySignal<{ code: ChatErrorCode; message: string } | null>;
  /** Own ParticipantId once started. */
  readonly participantId: ReadonlySignal<string | null>;
  readonly contactId: ReadonlySignal<string | null>;
  /**
   * The composer's unsent text. The session is its one owner: it keeps it with the conversation
   * (stored, mirrored to other tabs, written at once when the page goes away), so a reload shows it again.
   */
  readonly draft: ReadonlySignal<string>;

  /** Replaces the draft (call on every edit of the message box). */
  setDraft(text: string): void;
  /** Starts a chat (or resumes a stored one). Resolves when connected. */
  start(request?: Partial<StartChatRequest>): Promise<void>;
  /** Resumes a stored conversation if there is one; resolves false when there is none. */
  resume(): Promise<boolean>;
  /**
   * Queues a message; throws a ChatError (code message-too-long / message-empty) before anything is sent.
   * `options.display`: what the own bubble shows instead of `content` (see MessageEntry.display).
   */
  send(content: string, contentType?: string, options?: SendOptions): Promise<void>;
  retry(id: string): Promise<void>;
  discard(id: string): void;
  /** Call on every keystroke; the session throttles to one event per 10 s. */
  typingActivity(): void;
  /** The UI saw this entry on screen with the page visible. */
  markRead(id: string): void;
  /** Starts an upload; progress and state arrive on `uploads`. */
  upload(file: File | Blob, name?: string): Upload;
  cancelUpload(id: string): void;
  attachmentUrl(attachmentId: string): Promise<string>;
  /**
   * GetAttachment: the file's presigned URL with its expiry and the file's size. Kept until shortly
   * before the URL expires, so showing a file again (a reload of its row, a preview) asks once.
   */
  attachment(attachmentId: string): Promise<AttachmentLink>;
  /**
   * An attachment's bytes (GetAttachment, then a GET of the presigned URL). Lets a UI show images
   * under a strict CSP, which allows the fetch (connect-src) but not an <img> from the file host.
   */
  attachmentBlob(attachmentId: string): Promise<Blob>;
  /** DescribeView with Template and InputSchema parsed. Answers are kept per token (treat them as read-only); failures are not. */
  describeView(viewToken: string): Promise<ViewDescription>;
  loadOlder(): Promise<void>;
  getAuthenticationUrl(sessionId: string, redirectUri: string): Promise<string>;
  cancelAuthentication(sessionId: string): Promise<void>;
  /**
   * Customer ends the chat (DisconnectParticipant); the phase becomes `ended` on chat.ended. With
   * postChatSurvey it is `wrapping-up` until then (the visitor may answer the survey); end() again
   * then closes at once, without waiting.
   */
  end(): Promise<void>;
  clearError(): void;
  /** Closes everything and clears stored data. */
  destroy(): Promise<void>;
  on<K extends keyof ChatSessionEvents>(event: K, listener: (detail: ChatSessionEvents[K]) => void): () => void;
}

// ChatSession's one options object. Every default lives in DEFAULTS below and nowhere else.
import type { ParticipantClient, ParticipantClientOptions } from '../client/index.js';
import type { WebSocketConstructor, WebSocketManagerOptions } from '../connection/index.js';
import type { ChatStoreOptions, Persistence } from '../store/index.js';
import type { AttachmentRules, Uploader } from './attachments.js';
import { DEFAULT_ATTACHMENT_MIME_TYPES, MAX_ATTACHMENT_BYTES } from './attachments.js';
import { CONTENT_TYPE } from './content-types.js';
import type { ReceiptPolicy } from './receipts.js';
import type { LockManagerLike, ChannelLike } from './tabs.js';
import type { TypingPolicy } from './typing.js';
import type { StartChatProvider, StartChatRequest } from './types.js';

/** Where a conversation is kept between page loads (declared by the store). */
export type { Persistence };

export interface ChatSessionOptions {
  /**
   * How to start a chat: the URL of a back end speaking the customer-backend contract (POST, see
   * README), or an async function returning {ContactId, ParticipantId, ParticipantToken}.
   * Required for start(); resume() works without it.
   */
  startChat?: StartChatProvider;
  /** Extra members of the start-chat POST body, e.g. {InstanceId, ContactFlowId}. Default none. */
  startChatBody?: Record<string, unknown>;
  /** Extra headers of the start-chat POST. Default none. */
  startChatHeaders?: Record<string, string>;
  /**
   * How long the start-chat back end (or function) may take to answer, body included; then start()
   * fails with 'start-failed' and may be tried again. Default 20 s.
   */
  startTimeoutMs?: number;

  /** AWS region of the Amazon Connect instance. Needed unless `endpoint` or `client` is given. */
  region?: string;
  /** Participant Service endpoint override, e.g. the emulator's 'http://127.0.0.1:8787'. */
  endpoint?: string;
  /**
   * More ParticipantClient options (retries, timeouts, logger). Default none. Unlike a standalone
   * ParticipantClient, validateParams defaults to false here: the session checks messages and files
   * itself; set it to true to also check every request against the model (loaded on first use).
   * They are checked when given (that check loads apart): a wrong one makes start() refuse with
   * 'config-invalid', naming it, as a wrong region or endpoint does.
   */
  clientOptions?: Omit<ParticipantClientOptions, 'region' | 'endpoint'>;
  /** A ready client (tests, custom transports). Default: one built from region/endpoint/clientOptions. */
  client?: ParticipantClient;

  /** Customer's display name. Default 'Customer'. */
  displayName?: string;
  /** Contact attributes for the flow. Default none. */
  attributes?: Record<string, string>;
  /** A first message sent with StartChatContact. Default none. */
  initialMessage?: string;
  /** Content types the customer may send and receive. Default text/plain, text/markdown, interactive.response. */
  supportedMessagingContentTypes?: string[];
  /**
   * Persistent chat: continue an earlier contact. `'auto'`: remember the signed id the back end gave
   * the last chat (SignedContactId, see connect-chat-widget/server) when it ends, per storageKey and
   * where `persistence` keeps things, and continue that chat on the next start; a back end that
   * refuses it (400) gets the start again without it, and the id is forgotten. Default none.
   */
  persistentChat?: StartChatRequest['persistentChat'] | 'auto';
  /**
   * Post-chat survey: StartChatContact gets DisconnectOnCustomerExit ["AGENT"], and when the visitor
   * ends the chat it stays connected (phase `wrapping-up`) for the contact's disconnect flow until
   * chat.ended, `postChatTimeoutMs`, or end() again. Default false.
   */
  postChatSurvey?: boolean;
  /** How long a visitor-ended chat waits for the disconnect flow's chat.ended. Default 5 minutes. */
  postChatTimeoutMs?: number;
  /** Chat duration in minutes (60..10080). Default: the back end's (1500). */
  chatDurationInMinutes?: number;

  /**
   * 'browser' (default): the conversation survives reloads and new tabs until it ends;
   * 'tab': survives reloads of this tab only; 'none': memory only.
   */
  persistence?: Persistence;
  /** Names the stored conversation (and the tab lock); two widgets on one site need two keys. Default 'default'. */
  storageKey?: string;
  /** How many transcript entries are stored (older ones are re-fetched on demand). Default 2000. */
  storedTranscriptLimit?: number;
  /** Options of the underlying store (e.g. an idb-keyval `idbStore` or a `sessionStorage`), mainly for tests. */
  store?: Partial<Omit<ChatStoreOptions, 'namespace' | 'persistence' | 'maxTranscriptItems' | 'onError'>>;

  /** WebSocket constructor; default the global one (browsers, Node ≥ 22). In Node 20 pass `ws`. */
  WebSocket?: WebSocketConstructor;
  /** Fine-tuning of the WebSocket manager (heartbeat, backoff, …). Default: its own defaults. */
  connection?: Omit<WebSocketManagerOptions, 'getConnection' | 'WebSocket'>;

  /** Receipts: on by default, at most one round per 5 s, Delivered waits 300 ms for a Read. */
  receipts?: Partial<ReceiptPolicy> & { enabled?: boolean };
  /** Typing: send at most every 10 s; show others typing for 12 s. */
  typing?: Partial<TypingPolicy>;
  /** Attachments: 20 MB and the service's types by default. */
  attachments?: Partial<AttachmentRules>;
  /** PUTs files; default XMLHttpRequest in browsers (upload progress), fetch elsewhere. */
  uploader?: Uploader;

  /** Items per GetTranscript page (1..100). Default 100. */
  pageSize?: number;
  /** Delays between automatic resends after transient failures. Default 250 ms first, then 1 s doubling to 30 s. */
  resendBackoff?: { firstRetryMs?: number; baseMs?: number; factor?: number; maxMs?: number };
  /** How long end() waits for chat.ended after DisconnectParticipant before ending anyway. Default 10 s. */
  endTimeoutMs?: number;

  /**
   * Tabs (persistence 'browser' only): one tab holds the connection, the others mirror it. `false`
   * makes every tab work alone. Locks and channel are injectable for tests. Default: on.
   */
  tabs?: false | { locks?: LockManagerLike | null; openChannel?: ((name: string) => ChannelLike) | null; callTimeoutMs?: number };

  /** fetch for the start-chat URL and attachment downloads. Default the global fetch. */
  fetch?: typeof fetch;
  /** Debug log (never contains tokens or message content). Default silent. */
  log?: (event: string, detail?: Record<string, unknown>) => void;
}

export const DEFAULTS = {
  displayName: 'Customer',
  supportedMessagingContentTypes: [CONTENT_TYPE.plain, CONTENT_TYPE.markdown, CONTENT_TYPE.interactiveResponse] as string[],
  persistence: 'browser' as Persistence,
  storageKey: 'default',
  storedTranscriptLimit: 2000,
  receipts: { enabled: true, throttleMs: 5000, deliveredDelayMs: 300 },
  typing: { sendIntervalMs: 10_000, displayMs: 12_000 } satisfies TypingPolicy,
  attachments: { maxBytes: MAX_ATTACHMENT_BYTES, mimeTypes: DEFAULT_ATTACHMENT_MIME_TYPES } satisfies AttachmentRules,
  pageSize: 100,
  resendBackoff: { firstRetryMs: 250, baseMs: 1000, factor: 2, maxMs: 30_000 },
  endTimeoutMs: 10_000,
  postChatTimeoutMs: 300_000,
  startTimeoutMs: 20_000,
  tabCallTimeoutMs: 15_000,
};

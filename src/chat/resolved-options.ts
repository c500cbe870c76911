// The session's options resolved (every default from DEFAULTS in options.ts): the parts a session is
// made of (client, persistence, the tab coordinator), what its engine runs with, and the options
// that cannot work at all.
import { UncheckedClientCore } from '../client/base.js';
import type { ParticipantClientOptions } from '../client/options.js';
import { normalizeCustomEndpoint } from '../client/endpoint.js';
import type { WebSocketManagerOptions } from '../connection/index.js';
import type { StorageError } from '../store/index.js';
import type { AttachmentRules, Uploader } from './attachments.js';
import { ChatError, describeCause } from './errors.js';
import { DEFAULTS, type ChatSessionOptions } from './options.js';
import { memoryOnly, type SessionPersistence } from './persistence.js';
import type { ReceiptPolicy } from './receipts.js';
import { rememberedChat, type RememberedChat } from './remembered.js';
import type { StartChatHttpOptions } from './start.js';
import { openStorePersistence } from './store-persistence.js';
import { TabCoordinator } from './tabs.js';
import type { TypingPolicy } from './typing.js';
import type { StartChatProvider, StartChatRequest } from './types.js';

/** The resolved options the engine runs with (see options.ts for the documented defaults). */
export interface EngineConfig {
  client: Pick<UncheckedClientCore, 'send'>;
  persistence: SessionPersistence;
  startChat?: StartChatProvider;
  startChatHttp: StartChatHttpOptions;
  request: StartChatRequest;
  /** Most rows storage keeps; a full store may have dropped older ones. */
  storedRowLimit: number;
  manager: Omit<WebSocketManagerOptions, 'getConnection'>;
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
  /** No other tab writes the store while this engine runs: it holds the tabs' lock. */
  soleWriter?: boolean;
  log: (event: string, detail?: Record<string, unknown>) => void;
}

export interface SessionParts {
  /** Why these options cannot work (then nothing starts, resumes or is stored); null when they can. */
  configError: ChatError | null;
  /**
   * The check of the clientOptions given, loaded only then (the widget passes none): what makes them
   * unusable, or null. Null when there are none to check.
   */
  clientCheck: Promise<ChatError | null> | null;
  client: Pick<UncheckedClientCore, 'send'>;
  persistence: SessionPersistence;
  /** persistentChat: 'auto': the last ended chat's signed id, continued by the next start. */
  remembered: RememberedChat | undefined;
  /** Tabs share the conversation (persistence 'browser' unless tabs: false). */
  tabs: TabCoordinator | null;
}

/** What a session is made of; `onStorageError` hears of a store that fell back to memory. */
export function sessionParts(options: ChatSessionOptions, onStorageError: (error: StorageError) => void): SessionParts {
  // Options that cannot work never throw out of the constructor (a page must not break): the
  // session refuses to start, and says why, through start() and the `error` event.
  const configError = configProblem(options);
  let client: Pick<UncheckedClientCore, 'send'>;
  let clientCheck: Promise<ChatError | null> | null = null;
  if (configError) client = { send: () => Promise.reject(configError) };
  else if (options.client) client = options.client;
  else {
    // The core client: the session checks what the customer types itself (validateMessage,
    // checkAttachment), so the model validation is loaded only when clientOptions ask for it.
    const clientOptions: ParticipantClientOptions = {
      validateParams: false,
      ...options.clientOptions,
      ...(options.region ? { region: options.region } : {}),
      ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    };
    if (options.clientOptions) ({ client, check: clientCheck } = checkedClient(clientOptions));
    else client = new UncheckedClientCore(clientOptions); // region and endpoint: checked by configProblem
  }
  const mode = configError ? 'none' : (options.persistence ?? DEFAULTS.persistence);
  const key = options.storageKey ?? DEFAULTS.storageKey;
  const persistence =
    mode === 'none'
      ? memoryOnly
      : openStorePersistence({
          mode,
          namespace: key,
          maxRows: options.storedTranscriptLimit ?? DEFAULTS.storedTranscriptLimit,
          ...(options.store ? { store: options.store } : {}),
          onError: onStorageError,
        });
  const t = options.tabs || {};
  return {
    configError,
    clientCheck,
    client,
    persistence,
    remembered: options.persistentChat === 'auto' ? rememberedChat(mode, key) : undefined,
    tabs:
      mode === 'browser' && options.tabs !== false
        ? new TabCoordinator({
            name: key,
            ...(t.locks !== undefined ? { locks: t.locks } : {}),
            ...(t.openChannel !== undefined ? { openChannel: t.openChannel } : {}),
            callTimeoutMs: t.callTimeoutMs ?? DEFAULTS.tabCallTimeoutMs,
          })
        : null,
  };
}

/** The options with their defaults, and the parts the session made of them. */
export function engineConfig(
  o: ChatSessionOptions,
  parts: { client: Pick<UncheckedClientCore, 'send'>; persistence: SessionPersistence; remembered: RememberedChat | undefined },
): EngineConfig {
  return {
    client: parts.client,
    persistence: parts.persistence,
    ...(o.startChat ? { startChat: o.startChat } : {}),
    storedRowLimit: o.storedTranscriptLimit ?? DEFAULTS.storedTranscriptLimit,
    startChatHttp: {
      timeoutMs: o.startTimeoutMs ?? DEFAULTS.startTimeoutMs,
      ...(o.startChatBody ? { body: o.startChatBody } : {}),
      ...(o.startChatHeaders ? { headers: o.startChatHeaders } : {}),
      ...(o.fetch ? { fetch: o.fetch } : {}),
    },
    request: {
      displayName: o.displayName ?? DEFAULTS.displayName,
      supportedMessagingContentTypes: o.supportedMessagingContentTypes ?? DEFAULTS.supportedMessagingContentTypes,
      ...(o.attributes ? { attributes: o.attributes } : {}),
      ...(o.initialMessage ? { initialMessage: o.initialMessage } : {}),
      ...(o.persistentChat && o.persistentChat !== 'auto' ? { persistentChat: o.persistentChat } : {}),
      ...(o.chatDurationInMinutes ? { chatDurationInMinutes: o.chatDurationInMinutes } : {}),
      ...(o.postChatSurvey ? { disconnectOnCustomerExit: true } : {}),
    },
    postChatSurvey: o.postChatSurvey === true,
    postChatTimeoutMs: o.postChatTimeoutMs ?? DEFAULTS.postChatTimeoutMs,
    ...(parts.remembered ? { remembered: parts.remembered } : {}),
    manager: {
      ...o.connection,
      ...(o.WebSocket ? { WebSocket: o.WebSocket } : {}),
      ...(o.log && !o.connection?.log ? { log: o.log } : {}),
    },
    receipts: { ...DEFAULTS.receipts, ...o.receipts },
    typing: { ...DEFAULTS.typing, ...o.typing },
    attachments: { ...DEFAULTS.attachments, ...o.attachments },
    ...(o.uploader ? { uploader: o.uploader } : {}),
    pageSize: Math.min(100, Math.max(1, o.pageSize ?? DEFAULTS.pageSize)),
    resendBackoff: { ...DEFAULTS.resendBackoff, ...o.resendBackoff },
    endTimeoutMs: o.endTimeoutMs ?? DEFAULTS.endTimeoutMs,
    log: o.log ?? (() => {}),
  };
}

const invalid = (message: string, cause?: unknown) => new ChatError('config-invalid', message, cause === undefined ? undefined : { cause });

/**
 * The client of the clientOptions given, made once their check (loaded now) has passed. `check`
 * settles with what makes them unusable, or null; start() and resume() wait for it, so no call is
 * made with options that failed. Where the check cannot load (offline), the client is made unchecked,
 * as the client goes on without its validator: a developer's aid must not stop a working chat.
 */
export function checkedClient(
  o: ParticipantClientOptions,
  load: () => Promise<typeof import('../client/check-options.js')> = () => import('../client/check-options.js'),
): { client: Pick<UncheckedClientCore, 'send'>; check: Promise<ChatError | null> } {
  const made = load().then(
    (m) => m.checkOptions(o),
    () => undefined,
  ).then(() => new UncheckedClientCore(o));
  return {
    client: { send: (operation, input, callOptions) => made.then((core) => core.send(operation, input, callOptions)) },
    check: made.then(
      () => null,
      (cause: unknown) => invalid(`The chat cannot start: ${describeCause(cause)}`, cause),
    ),
  };
}

/** What makes these options unusable, as a 'config-invalid' error naming the option and the fix. */
export function configProblem(options: ChatSessionOptions): ChatError | null {
  const mode = options.persistence ?? DEFAULTS.persistence;
  if (!['browser', 'tab', 'none'].includes(mode)) return invalid(`persistence must be 'browser', 'tab' or 'none', not ${JSON.stringify(mode)}.`);
  if (options.client) return null;
  if (options.endpoint !== undefined) {
    // Checked here rather than left to the client: an endpoint that is given but wrong must never
    // fall back to a real AWS region with the visitor's token.
    try {
      normalizeCustomEndpoint(options.endpoint);
    } catch (cause) {
      return invalid(`The chat cannot start: ${describeCause(cause)}`, cause);
    }
    return null;
  }
  if (!options.region || typeof options.region !== 'string') {
    return invalid('The chat cannot start: ChatSession needs the region of your Amazon Connect instance (option region, e.g. "us-east-1") or an endpoint (e.g. the emulator\'s "http://127.0.0.1:8787").');
  }
  return null;
}

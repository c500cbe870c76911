// connect-chat-widget/session: the conversation without a UI (ChatSession), for site owners who
// build their own UI, plus the pure policies it is made of.
export { ChatSession } from './chat-session.js';
export { ChatError, isChatError } from './errors.js';
export { DEFAULTS as SESSION_DEFAULTS, type ChatSessionOptions, type Persistence } from './options.js';
export { startChat, startChatBody, parseStartChatResponse, type StartChatHttpOptions } from './start.js';
export { checkAttachment, resolveContentType, MAX_ATTACHMENT_BYTES, DEFAULT_ATTACHMENT_MIME_TYPES, type AttachmentRules } from './attachments.js';
export { xhrUploader, fetchUploader, type Uploader, type UploadRequest } from './upload.js';
export { CONTENT_TYPE, MESSAGE_LIMITS, NOTICE_EVENTS } from './content-types.js';
export { validateMessage, contentLimit } from './outbox.js';
export { createMemoryLocks, type TabRole, type LockManagerLike, type ChannelLike } from './tabs.js';
export type {
  AttachmentEntry,
  AttachmentLink,
  AttachmentStatus,
  ChatErrorCode,
  ChatPhase,
  ChatSessionApi,
  ChatSessionEvents,
  ConnectionState,
  MessageEntry,
  NoticeEntry,
  NoticeEvent,
  ParticipantRole,
  SendOptions,
  SendStatus,
  StartChatDetails,
  StartChatProvider,
  StartChatRequest,
  TranscriptEntry,
  TypingParticipant,
  Upload,
  UploadState,
  ViewDescription,
} from './types.js';

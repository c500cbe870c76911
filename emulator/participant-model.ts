// The Participant Service's operations as data: route, token kind and request constraints
// (connectparticipant/service-2.json), plus the documented limits the model does not carry.
import { CONTENT_TYPES } from './types.js';
import { bool, int, list, str, struct, type Rule } from './validate.js';

export type ParticipantOperation =
  | 'CreateParticipantConnection'
  | 'DescribeView'
  | 'DisconnectParticipant'
  | 'SendMessage'
  | 'SendEvent'
  | 'GetTranscript'
  | 'StartAttachmentUpload'
  | 'CompleteAttachmentUpload'
  | 'GetAttachment'
  | 'GetAuthenticationUrl'
  | 'CancelParticipantAuthentication';

export interface OperationSpec {
  method: 'GET' | 'POST';
  path: string;
  /** Which token X-Amz-Bearer must carry. */
  token: 'participant' | 'connection';
  /** Body members (the header/path members are checked separately). */
  body: Rule;
}

const clientToken = str({ max: 500 });
const nonEmptyClientToken = str({ required: true, min: 1, max: 500 });

export const OPERATIONS: Record<ParticipantOperation, OperationSpec> = {
  CreateParticipantConnection: {
    method: 'POST',
    path: '/participant/connection',
    token: 'participant',
    body: struct({
      Type: list(str({ enum: ['WEBSOCKET', 'CONNECTION_CREDENTIALS', 'WEBRTC_CONNECTION'] }), { min: 1 }),
      ConnectParticipant: bool(),
    }),
  },
  DescribeView: { method: 'GET', path: '/participant/views/{ViewToken}', token: 'connection', body: struct({}) },
  DisconnectParticipant: {
    method: 'POST',
    path: '/participant/disconnect',
    token: 'connection',
    body: struct({ ClientToken: clientToken }),
  },
  SendMessage: {
    method: 'POST',
    path: '/participant/message',
    token: 'connection',
    body: struct({
      ContentType: str({ required: true, min: 1, max: 100 }),
      Content: str({ required: true, min: 1, max: 16384 }),
      ClientToken: clientToken,
    }),
  },
  SendEvent: {
    method: 'POST',
    path: '/participant/event',
    token: 'connection',
    body: struct({
      ContentType: str({ required: true, min: 1, max: 100 }),
      Content: str({ min: 1, max: 16384 }),
      ClientToken: clientToken,
    }),
  },
  GetTranscript: {
    method: 'POST',
    path: '/participant/transcript',
    token: 'connection',
    body: struct({
      ContactId: str({ min: 1, max: 256 }),
      MaxResults: int({ min: 0, max: 100 }),
      NextToken: str({ min: 1, max: 1000 }),
      ScanDirection: str({ enum: ['FORWARD', 'BACKWARD'] }),
      SortOrder: str({ enum: ['DESCENDING', 'ASCENDING'] }),
      StartPosition: struct({
        Id: str({ min: 1, max: 256 }),
        AbsoluteTime: str({ min: 1, max: 100 }),
        MostRecent: int({ min: 0, max: 100 }),
      }),
    }),
  },
  StartAttachmentUpload: {
    method: 'POST',
    path: '/participant/start-attachment-upload',
    token: 'connection',
    body: struct({
      ContentType: str({ required: true, min: 1, max: 255 }),
      AttachmentSizeInBytes: int({ required: true, min: 1 }),
      AttachmentName: str({ required: true, min: 1, max: 256 }),
      ClientToken: nonEmptyClientToken,
    }),
  },
  CompleteAttachmentUpload: {
    method: 'POST',
    path: '/participant/complete-attachment-upload',
    token: 'connection',
    body: struct({
      AttachmentIds: list(str({ min: 1, max: 256 }), { required: true, min: 1, max: 1 }),
      ClientToken: nonEmptyClientToken,
    }),
  },
  GetAttachment: {
    method: 'POST',
    path: '/participant/attachment',
    token: 'connection',
    body: struct({
      AttachmentId: str({ required: true, min: 1, max: 256 }),
      UrlExpiryInSeconds: int({ min: 5, max: 300 }),
    }),
  },
  GetAuthenticationUrl: {
    method: 'POST',
    path: '/participant/authentication-url',
    token: 'connection',
    body: struct({
      SessionId: str({ required: true, min: 36, max: 36 }),
      RedirectUri: str({ required: true, min: 1, max: 1024 }),
    }),
  },
  CancelParticipantAuthentication: {
    method: 'POST',
    path: '/participant/cancel-authentication',
    token: 'connection',
    body: struct({ SessionId: str({ required: true, min: 36, max: 36 }) }),
  },
};

export const PARTICIPANT_OPERATIONS = Object.keys(OPERATIONS) as ParticipantOperation[];

/** Documented Content limits of SendMessage per ContentType (code points). */
export const MESSAGE_CONTENT_LIMITS: Record<string, number> = {
  [CONTENT_TYPES.text]: 1024,
  [CONTENT_TYPES.markdown]: 1024,
  [CONTENT_TYPES.json]: 12000,
  [CONTENT_TYPES.interactiveResponse]: 12288,
  // Only agents/bots of this emulator may send interactive templates (the service's flows do it).
  [CONTENT_TYPES.interactive]: 16384,
};

/** Types a customer may send (those StartChatContact's SupportedMessagingContentTypes may list). */
export const CUSTOMER_MESSAGE_TYPES: readonly string[] = [
  CONTENT_TYPES.text,
  CONTENT_TYPES.markdown,
  CONTENT_TYPES.json,
  CONTENT_TYPES.interactiveResponse,
];

/** What SupportedMessagingContentTypes may contain (StartChatContact). */
export const SUPPORTED_MESSAGING_TYPES: readonly string[] = [...CUSTOMER_MESSAGE_TYPES, CONTENT_TYPES.interactive];

/** Event types SendEvent accepts (connection.acknowledged is deprecated but still accepted). */
export const SENDABLE_EVENT_TYPES: readonly string[] = [
  CONTENT_TYPES.typing,
  CONTENT_TYPES.connectionAcknowledged,
  CONTENT_TYPES.delivered,
  CONTENT_TYPES.read,
];

/** Attachment MIME types the service accepts (chat-protocol.md §6). */
export const ATTACHMENT_TYPES: readonly string[] = [
  'text/plain',
  'text/csv',
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/heic',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'audio/wav',
  'audio/x-wav',
  'audio/vnd.wave',
  'application/rtf',
  'application/x-rtf',
  'text/richtext',
  'text/rtf',
  'video/quicktime',
  'video/mp4',
];

/** File extensions the service accepts (chat-protocol.md §6). */
export const ATTACHMENT_EXTENSIONS: readonly string[] = [
  '.csv', '.doc', '.docx', '.heic', '.jfif', '.jpeg', '.jpg', '.mov', '.mp4', '.pdf', '.png', '.ppt', '.pptx', '.rtf',
  '.txt', '.wav', '.xls', '.xlsx',
];

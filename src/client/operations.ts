// The 11 operations of the Participant Service as data (wire-spec §3): HTTP binding, the member
// that carries the bearer token, input members in model order, and the modeled errors.
import * as S from './shapes.js';
import type { Members } from './shapes.js';
import type { OperationName, ParticipantErrorName } from './types.js';

export interface OperationSpec {
  name: OperationName;
  method: 'GET' | 'POST';
  /** Request path; `{Label}` segments are filled from the input member of that name. */
  path: string;
  /** The input member sent as `X-Amz-Bearer`. */
  tokenMember: 'ParticipantToken' | 'ConnectionToken';
  input: Members;
  errors: readonly ParticipantErrorName[];
}

const COMMON_ERRORS = [
  'AccessDeniedException',
  'InternalServerException',
  'ThrottlingException',
  'ValidationException',
] as const satisfies readonly ParticipantErrorName[];

const bearer = { shape: S.ParticipantToken, required: true, location: 'header' } as const;

export const OPERATIONS: Readonly<Record<OperationName, OperationSpec>> = {
  CreateParticipantConnection: {
    name: 'CreateParticipantConnection',
    method: 'POST',
    path: '/participant/connection',
    tokenMember: 'ParticipantToken',
    input: {
      Type: { shape: S.ConnectionTypeList },
      ParticipantToken: bearer,
      ConnectParticipant: { shape: S.Bool },
    },
    errors: COMMON_ERRORS,
  },
  DescribeView: {
    name: 'DescribeView',
    method: 'GET',
    path: '/participant/views/{ViewToken}',
    tokenMember: 'ConnectionToken',
    input: {
      ViewToken: { shape: S.ViewToken, required: true, location: 'uri' },
      ConnectionToken: bearer,
    },
    errors: [...COMMON_ERRORS, 'ResourceNotFoundException'],
  },
  DisconnectParticipant: {
    name: 'DisconnectParticipant',
    method: 'POST',
    path: '/participant/disconnect',
    tokenMember: 'ConnectionToken',
    input: {
      ClientToken: { shape: S.ClientToken, idempotencyToken: true },
      ConnectionToken: bearer,
    },
    errors: COMMON_ERRORS,
  },
  SendMessage: {
    name: 'SendMessage',
    method: 'POST',
    path: '/participant/message',
    tokenMember: 'ConnectionToken',
    input: {
      ContentType: { shape: S.ChatContentType, required: true },
      Content: { shape: S.ChatContent, required: true },
      ClientToken: { shape: S.ClientToken, idempotencyToken: true },
      ConnectionToken: bearer,
    },
    errors: COMMON_ERRORS,
  },
  SendEvent: {
    name: 'SendEvent',
    method: 'POST',
    path: '/participant/event',
    tokenMember: 'ConnectionToken',
    input: {
      ContentType: { shape: S.ChatContentType, required: true },
      Content: { shape: S.ChatContent },
      ClientToken: { shape: S.ClientToken, idempotencyToken: true },
      ConnectionToken: bearer,
    },
    errors: [...COMMON_ERRORS, 'ConflictException'],
  },
  GetTranscript: {
    name: 'GetTranscript',
    method: 'POST',
    path: '/participant/transcript',
    tokenMember: 'ConnectionToken',
    input: {
      ContactId: { shape: S.ContactId },
      MaxResults: { shape: S.MaxResults },
      NextToken: { shape: S.NextToken },
      ScanDirection: { shape: S.ScanDirection },
      SortOrder: { shape: S.SortKey },
      StartPosition: { shape: S.StartPosition },
      ConnectionToken: bearer,
    },
    errors: COMMON_ERRORS,
  },
  StartAttachmentUpload: {
    name: 'StartAttachmentUpload',
    method: 'POST',
    path: '/participant/start-attachment-upload',
    tokenMember: 'ConnectionToken',
    input: {
      ContentType: { shape: S.ContentType, required: true },
      AttachmentSizeInBytes: { shape: S.AttachmentSizeInBytes, required: true },
      AttachmentName: { shape: S.AttachmentName, required: true },
      ClientToken: { shape: S.NonEmptyClientToken, required: true, idempotencyToken: true },
      ConnectionToken: bearer,
    },
    errors: [...COMMON_ERRORS, 'ServiceQuotaExceededException'],
  },
  CompleteAttachmentUpload: {
    name: 'CompleteAttachmentUpload',
    method: 'POST',
    path: '/participant/complete-attachment-upload',
    tokenMember: 'ConnectionToken',
    input: {
      AttachmentIds: { shape: S.AttachmentIdList, required: true },
      ClientToken: { shape: S.NonEmptyClientToken, required: true, idempotencyToken: true },
      ConnectionToken: bearer,
    },
    errors: [...COMMON_ERRORS, 'ServiceQuotaExceededException', 'ConflictException'],
  },
  GetAttachment: {
    name: 'GetAttachment',
    method: 'POST',
    path: '/participant/attachment',
    tokenMember: 'ConnectionToken',
    input: {
      AttachmentId: { shape: S.ArtifactId, required: true },
      ConnectionToken: bearer,
      UrlExpiryInSeconds: { shape: S.URLExpiryInSeconds },
    },
    errors: COMMON_ERRORS,
  },
  GetAuthenticationUrl: {
    name: 'GetAuthenticationUrl',
    method: 'POST',
    path: '/participant/authentication-url',
    tokenMember: 'ConnectionToken',
    input: {
      SessionId: { shape: S.SessionId, required: true },
      RedirectUri: { shape: S.RedirectURI, required: true },
      ConnectionToken: bearer,
    },
    errors: COMMON_ERRORS,
  },
  CancelParticipantAuthentication: {
    name: 'CancelParticipantAuthentication',
    method: 'POST',
    path: '/participant/cancel-authentication',
    tokenMember: 'ConnectionToken',
    input: {
      SessionId: { shape: S.SessionId, required: true },
      ConnectionToken: bearer,
    },
    errors: COMMON_ERRORS,
  },
};


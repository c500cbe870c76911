// How each operation goes on the wire (wire-spec §3): all a request needs, without the model's
// constraints. Those live in operations.ts + shapes.ts, which only validation (loaded on demand) and
// the public OPERATIONS export need; a test keeps the two tables in agreement.
import type { OperationName } from './types.js';

export interface WireSpec {
  method: 'GET' | 'POST';
  /** Request path; `{Label}` segments are filled from the input member of that name. */
  path: string;
  /** The input member sent as `X-Amz-Bearer`. */
  tokenMember: 'ParticipantToken' | 'ConnectionToken';
  /** Body members in model order: the JSON body is serialized in this order, as the AWS SDK does. */
  body: readonly string[];
  /** The member filled with a fresh UUID once per call when the caller leaves it unset. */
  idempotencyToken?: string;
  /** Structure members of the body, with their own members in model order. */
  structures?: Readonly<Record<string, readonly string[]>>;
}

const post = (path: string, body: string[], idempotencyToken?: string): WireSpec => ({
  method: 'POST',
  path: `/participant/${path}`,
  tokenMember: 'ConnectionToken',
  body,
  ...(idempotencyToken ? { idempotencyToken } : {}),
});

export const WIRE: Readonly<Record<OperationName, WireSpec>> = {
  CreateParticipantConnection: { ...post('connection', ['Type', 'ConnectParticipant']), tokenMember: 'ParticipantToken' },
  DescribeView: { method: 'GET', path: '/participant/views/{ViewToken}', tokenMember: 'ConnectionToken', body: [] },
  DisconnectParticipant: post('disconnect', ['ClientToken'], 'ClientToken'),
  SendMessage: post('message', ['ContentType', 'Content', 'ClientToken'], 'ClientToken'),
  SendEvent: post('event', ['ContentType', 'Content', 'ClientToken'], 'ClientToken'),
  GetTranscript: {
    ...post('transcript', ['ContactId', 'MaxResults', 'NextToken', 'ScanDirection', 'SortOrder', 'StartPosition']),
    structures: { StartPosition: ['Id', 'AbsoluteTime', 'MostRecent'] },
  },
  StartAttachmentUpload: post('start-attachment-upload', ['ContentType', 'AttachmentSizeInBytes', 'AttachmentName', 'ClientToken'], 'ClientToken'),
  CompleteAttachmentUpload: post('complete-attachment-upload', ['AttachmentIds', 'ClientToken'], 'ClientToken'),
  GetAttachment: post('attachment', ['AttachmentId', 'UrlExpiryInSeconds']),
  GetAuthenticationUrl: post('authentication-url', ['SessionId', 'RedirectUri']),
  CancelParticipantAuthentication: post('cancel-authentication', ['SessionId']),
};

// What to do about an error response of the service, by its error name: the longer half of a service
// error's message (failures.ts). Loaded with the first error response, so a chat that meets none
// does not download it.
import type { OperationName } from './types.js';

export function advice(name: string | undefined, operation: OperationName, status: number): string {
  switch (name) {
    case 'AccessDeniedException':
      return operation === 'CreateParticipantConnection'
        ? 'The ParticipantToken is not valid (expired, from another contact, or a ConnectionToken was passed): start a new chat to get a new ParticipantToken.'
        : 'The ConnectionToken is missing, expired or not valid for this operation, or the chat has ended: call createParticipantConnection again with the ParticipantToken to get a new ConnectionToken.';
    case 'ValidationException':
      return 'The service rejected the input: correct the member named in the message.';
    case 'ThrottlingException':
      return 'Too many requests: slow down and try again in a few seconds.';
    case 'InternalServerException':
      return 'The service failed: try again later.';
    case 'ConflictException':
      return "The request conflicts with the chat's current state (e.g. an upload already in progress, or receipts while more than two participants are present): do not repeat it unchanged.";
    case 'ServiceQuotaExceededException':
      return 'A service quota was reached (e.g. attachment size or number of attachments): reduce it or try again later.';
    case 'ResourceNotFoundException':
      return 'The resource does not exist or is no longer available (e.g. an expired view token).';
    default:
      return status >= 500
        ? 'The service or a proxy in front of it failed: try again later.'
        : 'Check that the request and the endpoint are right.';
  }
}

// connect-chat-widget/client: a small, dependency-free client for the Amazon Connect Participant
// Service, for browsers and Node >= 20.
export { ParticipantClient } from './client.js';
export { ParticipantClientCore } from './core.js';
export { DEFAULTS } from './options.js';
export type { ParticipantClientOptions, ClientLogEvent, Clock } from './options.js';
export type { CallOptions } from './invoke.js';
export type { ApiRequest, StubError, StubNetworkError, StubResponses, StubResult, StubSpec } from './stub.js';
export type { RetryJitter, RetryMode } from './retry.js';
export type { HttpRequest } from './protocol.js';
export type { FetchLike } from './transport.js';
export { resolveEndpoint, PARTITIONS } from './endpoint.js';
export type { EndpointParams, Partition } from './endpoint.js';
export { OPERATIONS } from './operations.js';
export type { OperationSpec } from './operations.js';
export { validateInput, codePointLength, SEND_MESSAGE_CONTENT_LIMITS } from './validate.js';
export {
  ParticipantServiceError,
  ServiceResponseError,
  AccessDeniedException,
  ValidationException,
  ThrottlingException,
  InternalServerException,
  ConflictException,
  ServiceQuotaExceededException,
  ResourceNotFoundException,
  NetworkError,
  RequestTimeoutError,
  RequestAbortedError,
  ParticipantValidationError,
  ClientConfigurationError,
  EndpointConfigurationError,
  MODELED_ERRORS,
} from './errors.js';
export type { ErrorContext, ServiceErrorDetails, ValidationIssue } from './errors.js';
export type * from './types.js';

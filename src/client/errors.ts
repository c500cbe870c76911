// Everything a ParticipantClient call throws is a ParticipantServiceError. Errors carry their context
// (operation, HTTP status, request id, attempts) and say what to do next. They never contain a token.
import type { OperationName, ParticipantErrorName, ResourceType } from './types.js';

export interface ErrorContext {
  operation?: OperationName;
  statusCode?: number;
  requestId?: string;
  /** HTTP attempts made (0 when the call failed before sending anything). */
  attempts?: number;
  /** Whether trying the same call again later may succeed (throttling, 5xx, network, timeout). */
  retryable?: boolean;
  /** A server hint (Retry-After / x-amz-retry-after) in milliseconds, when one came with the error. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** Base of every error thrown by ParticipantClient. `name` is the error code (e.g. `ThrottlingException`). */
export class ParticipantServiceError extends Error {
  operation: OperationName | undefined;
  /** HTTP status of the response; undefined when no response was received. */
  statusCode: number | undefined;
  /** x-amzn-RequestId of the response, for support cases. */
  requestId: string | undefined;
  attempts: number;
  retryable: boolean;
  retryAfterMs: number | undefined;
  /** 'client' for 4xx, 'server' for 5xx; undefined when no response was received. */
  fault: 'client' | 'server' | undefined;

  constructor(name: string, message: string, context: ErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = name;
    this.operation = context.operation;
    this.statusCode = context.statusCode;
    this.requestId = context.requestId;
    this.attempts = context.attempts ?? 0;
    this.retryable = context.retryable ?? false;
    this.retryAfterMs = context.retryAfterMs;
    this.fault = context.statusCode === undefined ? undefined : context.statusCode >= 500 ? 'server' : 'client';
  }
}

/** What the service said, before the client's advice was added. */
export interface ServiceErrorDetails {
  /** The service's own message (body `message` or `Message`). */
  serviceMessage: string;
  /** Other members of the error body (e.g. ResourceId, ResourceType). */
  body: Record<string, unknown>;
}

/** An error response from the service (any status >= 300). Subclasses exist for every modeled error. */
export class ServiceResponseError extends ParticipantServiceError {
  serviceMessage: string;
  body: Record<string, unknown>;
  constructor(name: string, message: string, details: ServiceErrorDetails, context: ErrorContext) {
    super(name, message, context);
    this.serviceMessage = details.serviceMessage;
    this.body = details.body;
  }
}

export type ModeledErrorConstructor = new (
  message: string,
  details: ServiceErrorDetails,
  context: ErrorContext,
) => ServiceResponseError;

// One named class per modeled error, so `instanceof` works and stack traces show the name.
export class AccessDeniedException extends ServiceResponseError {
  constructor(message: string, details: ServiceErrorDetails, context: ErrorContext) {
    super('AccessDeniedException', message, details, context);
  }
}
export class ValidationException extends ServiceResponseError {
  constructor(message: string, details: ServiceErrorDetails, context: ErrorContext) {
    super('ValidationException', message, details, context);
  }
}
export class ThrottlingException extends ServiceResponseError {
  constructor(message: string, details: ServiceErrorDetails, context: ErrorContext) {
    super('ThrottlingException', message, details, context);
  }
}
export class InternalServerException extends ServiceResponseError {
  constructor(message: string, details: ServiceErrorDetails, context: ErrorContext) {
    super('InternalServerException', message, details, context);
  }
}
export class ConflictException extends ServiceResponseError {
  constructor(message: string, details: ServiceErrorDetails, context: ErrorContext) {
    super('ConflictException', message, details, context);
  }
}
export class ServiceQuotaExceededException extends ServiceResponseError {
  constructor(message: string, details: ServiceErrorDetails, context: ErrorContext) {
    super('ServiceQuotaExceededException', message, details, context);
  }
}
export class ResourceNotFoundException extends ServiceResponseError {
  constructor(message: string, details: ServiceErrorDetails, context: ErrorContext) {
    super('ResourceNotFoundException', message, details, context);
  }
  get ResourceId(): string | undefined {
    return typeof this.body.ResourceId === 'string' ? this.body.ResourceId : undefined;
  }
  get ResourceType(): ResourceType | undefined {
    return typeof this.body.ResourceType === 'string' ? (this.body.ResourceType as ResourceType) : undefined;
  }
}

export const MODELED_ERRORS: Readonly<Record<ParticipantErrorName, { status: number; ctor: ModeledErrorConstructor }>> = {
  AccessDeniedException: { status: 403, ctor: AccessDeniedException },
  ValidationException: { status: 400, ctor: ValidationException },
  ThrottlingException: { status: 429, ctor: ThrottlingException },
  InternalServerException: { status: 500, ctor: InternalServerException },
  ConflictException: { status: 409, ctor: ConflictException },
  ServiceQuotaExceededException: { status: 402, ctor: ServiceQuotaExceededException },
  ResourceNotFoundException: { status: 404, ctor: ResourceNotFoundException },
};

export function isModeledErrorName(name: string): name is ParticipantErrorName {
  return Object.prototype.hasOwnProperty.call(MODELED_ERRORS, name);
}

/** The request never got a response: DNS, refused connection, CORS rejection, offline, reset. */
export class NetworkError extends ParticipantServiceError {
  constructor(message: string, context: ErrorContext) {
    super('NetworkError', message, { retryable: true, ...context });
  }
}

/** An attempt took longer than `requestTimeout`. */
export class RequestTimeoutError extends ParticipantServiceError {
  timeoutMs: number;
  constructor(message: string, timeoutMs: number, context: ErrorContext) {
    super('RequestTimeoutError', message, { retryable: true, ...context });
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal fired. `name` is 'AbortError', like fetch's own abort error. */
export class RequestAbortedError extends ParticipantServiceError {
  constructor(message: string, context: ErrorContext) {
    super('AbortError', message, { retryable: false, ...context });
  }
}

export interface ValidationIssue {
  /** Member path, e.g. `Content` or `StartPosition.MostRecent`. */
  member: string;
  /** What is wrong, in words. */
  problem: string;
  /** The limit that was broken, e.g. `1..1024 characters`. */
  limit?: string;
}

/** Client-side validation of the input against the model failed; nothing was sent. */
export class ParticipantValidationError extends ParticipantServiceError {
  issues: ValidationIssue[];
  /** The first issue's member / problem / limit, for the common single-issue case. */
  member: string;
  problem: string;
  limit: string | undefined;
  constructor(operation: OperationName, issues: ValidationIssue[]) {
    const lines = issues.map((i) => `${i.member}: ${i.problem}${i.limit ? ` (allowed: ${i.limit})` : ''}`);
    super(
      'ParticipantValidationError',
      `${operation}: invalid input, nothing was sent. ${lines.join('; ')}. ` +
        'Fix the input (member names are PascalCase, as in the service model).',
      { operation, attempts: 0, retryable: false },
    );
    this.issues = issues;
    this.member = issues[0]?.member ?? '';
    this.problem = issues[0]?.problem ?? '';
    this.limit = issues[0]?.limit;
  }
}

/** The client's options are wrong (bad endpoint, region, retry settings, stubs). Thrown by the constructor. */
export class ClientConfigurationError extends ParticipantServiceError {
  constructor(message: string, name = 'ClientConfigurationError') {
    super(name, message, { attempts: 0, retryable: false });
  }
}

/** The endpoint rule set rejected the configuration (wire-spec §5), or `endpoint` is not a usable URL. */
export class EndpointConfigurationError extends ClientConfigurationError {
  constructor(message: string) {
    super(message, 'EndpointConfigurationError');
  }
}

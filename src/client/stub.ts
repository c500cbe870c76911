// stubResponses mode (like the AWS Ruby SDK's ClientStubs): every call is validated and serialized as
// usual, recorded in `apiRequests`, and answered from per-operation stubs instead of the network.
// Stubs become HTTP responses, so error parsing and retries behave exactly as with a real server.
// Only types are imported: what stub mode needs from the rest of the client comes in as a StubEnv,
// so loading it on demand pulls in nothing the client has already loaded.
import type { HttpRequest, HttpResponse } from './protocol.js';
import type { Transport } from './transport.js';
import type { OperationInput, OperationName, OperationOutput } from './types.js';

/** What stub mode needs from the client (base.ts makes it). */
export interface StubEnv {
  /** The operations that exist. */
  operations: readonly string[];
  /** The HTTP status of a modeled error; undefined for other names. */
  statusOf(error: string): number | undefined;
  /** The error for a bad stub (a ClientConfigurationError). */
  configError(message: string): Error;
}

/** A stubbed error response. `statusCode` defaults to the modeled error's status (else 400). */
export interface StubError {
  error: string;
  message?: string;
  statusCode?: number;
  /** Extra members of the error body (e.g. ResourceId). */
  body?: Record<string, unknown>;
  /** Extra response headers (e.g. `{ 'retry-after': '1' }`). */
  headers?: Record<string, string>;
}

/** A stubbed failure to get any response (as if fetch rejected). */
export interface StubNetworkError {
  networkError: string;
}

export type StubResult<O extends OperationName> = OperationOutput<O> | StubError | StubNetworkError;
export type StubSpec<O extends OperationName> =
  | StubResult<O>
  | ((input: OperationInput<O>) => StubResult<O> | Promise<StubResult<O>>);

/** Per operation: one stub (repeated), or a list answered in order (the last one repeats). */
export type StubResponses = { [O in OperationName]?: StubSpec<O> | StubSpec<O>[] };

/** One call recorded in stub mode: the input as sent (with any generated ClientToken) and the wire request. */
export interface ApiRequest {
  operation: OperationName;
  input: Readonly<Record<string, unknown>>;
  request: HttpRequest;
}

const inSeconds = (s: number): string => new Date(Date.now() + s * 1000).toISOString();

/** Plausible default data for operations without a configured stub. */
function defaultStub(operation: OperationName): Record<string, unknown> {
  const id = (): string => `stub-${Math.random().toString(36).slice(2, 10)}`;
  switch (operation) {
    case 'CreateParticipantConnection':
      return {
        Websocket: { Url: 'wss://stub.invalid/connect', ConnectionExpiry: inSeconds(100) },
        ConnectionCredentials: { ConnectionToken: 'stub-connection-token', Expiry: inSeconds(86_400) },
      };
    case 'SendMessage':
    case 'SendEvent':
      return { Id: id(), AbsoluteTime: new Date().toISOString() };
    case 'GetTranscript':
      return { InitialContactId: 'stub-contact', Transcript: [] };
    case 'StartAttachmentUpload':
      return {
        AttachmentId: id(),
        UploadMetadata: { Url: 'https://stub.invalid/upload', UrlExpiry: inSeconds(300), HeadersToInclude: {} },
      };
    case 'GetAttachment':
      return { Url: 'https://stub.invalid/attachment', UrlExpiry: inSeconds(300), AttachmentSizeInBytes: 1 };
    case 'DescribeView':
      return { View: { Id: 'stub-view', Name: 'stub', Version: 1, Content: { InputSchema: '{}', Template: '{}', Actions: [] } } };
    case 'GetAuthenticationUrl':
      return { AuthenticationUrl: 'https://stub.invalid/authenticate' };
    default:
      return {};
  }
}

const isStubError = (r: object): r is StubError => typeof (r as { error?: unknown }).error === 'string';
const isNetworkError = (r: object): r is StubNetworkError => typeof (r as { networkError?: unknown }).networkError === 'string';

type AnySpec = StubResult<OperationName> | ((input: never) => unknown);

export class StubRegistry {
  private readonly queues = new Map<OperationName, AnySpec[]>();
  private requestCount = 0;
  readonly apiRequests: ApiRequest[] = [];

  constructor(
    stubs: StubResponses,
    private readonly env: StubEnv,
  ) {
    for (const [operation, spec] of Object.entries(stubs)) {
      this.set(operation as OperationName, spec as AnySpec | AnySpec[]);
    }
  }

  /** Replaces the stubs of one operation. */
  set(operation: OperationName, spec: AnySpec | AnySpec[] | undefined): void {
    if (!this.env.operations.includes(operation)) {
      throw this.env.configError(
        `stubResponses: ${JSON.stringify(operation)} is not an operation; use one of ${this.env.operations.join(', ')}.`,
      );
    }
    if (spec === undefined) {
      this.queues.delete(operation);
      return;
    }
    const list = Array.isArray(spec) ? [...spec] : [spec];
    for (const s of list) {
      if (typeof s !== 'function' && (typeof s !== 'object' || s === null)) {
        throw this.env.configError(
          `stubResponses.${operation}: each stub must be output data, { error, message? }, { networkError } or a function.`,
        );
      }
    }
    this.queues.set(operation, list);
  }

  private next(operation: OperationName): AnySpec | undefined {
    const queue = this.queues.get(operation);
    if (!queue || queue.length === 0) return undefined;
    return queue.length > 1 ? queue.shift() : queue[0];
  }

  /** A transport that answers from the stubs. */
  transport(): Transport {
    return async (_request, _signal, context) => {
      const spec = this.next(context.operation);
      const result: unknown =
        spec === undefined
          ? defaultStub(context.operation)
          : typeof spec === 'function'
            ? await (spec as (input: unknown) => unknown)(context.input)
            : spec;
      this.requestCount += 1;
      return this.toResponse(context.operation, result);
    };
  }

  private toResponse(operation: OperationName, result: unknown): HttpResponse {
    const requestId = `stub-request-${this.requestCount}`;
    if (typeof result !== 'object' || result === null) {
      throw this.env.configError(`stubResponses.${operation}: a stub function must return output data or an error stub.`);
    }
    if (isNetworkError(result)) throw new TypeError(result.networkError);
    if (isStubError(result)) {
      const status = result.statusCode ?? this.env.statusOf(result.error) ?? 400;
      const headers = new Headers({
        'content-type': 'application/json',
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': result.error,
        ...result.headers,
      });
      const body = JSON.stringify({ message: result.message ?? `stubbed ${result.error}`, ...result.body });
      return { status, headers, body };
    }
    const headers = new Headers({ 'content-type': 'application/json', 'x-amzn-requestid': requestId });
    return { status: 200, headers, body: JSON.stringify(result) };
  }
}

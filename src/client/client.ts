// ParticipantClient: one typed method per operation of the Amazon Connect Participant Service, with
// model validation (validateParams) and stub mode (stubResponses) built in.
import { ParticipantClientCore } from './core.js';
import type { CallOptions } from './invoke.js';
import { ClientConfigurationError } from './errors.js';
import type { ParticipantClientOptions } from './options.js';
import { StubRegistry, type ApiRequest, type StubSpec } from './stub.js';
import type * as T from './types.js';
import { validateOperation } from './validate.js';

export class ParticipantClient extends ParticipantClientCore {
  constructor(options: ParticipantClientOptions = {}) {
    super(options, { validate: validateOperation, stubs: (responses, env) => new StubRegistry(responses, env) });
  }

  /** POST /participant/connection, authorized by the ParticipantToken: the websocket URL and a ConnectionToken. */
  createParticipantConnection(input: T.CreateParticipantConnectionRequest, options?: CallOptions): Promise<T.CreateParticipantConnectionResponse> {
    return this.send('CreateParticipantConnection', input, options);
  }

  /** POST /participant/message. ClientToken is generated when omitted and kept across retries. */
  sendMessage(input: T.SendMessageRequest, options?: CallOptions): Promise<T.SendMessageResponse> {
    return this.send('SendMessage', input, options);
  }

  /** POST /participant/event: typing, delivered and read receipts. */
  sendEvent(input: T.SendEventRequest, options?: CallOptions): Promise<T.SendEventResponse> {
    return this.send('SendEvent', input, options);
  }

  /** POST /participant/transcript: one page; see paginateTranscript for all pages. */
  getTranscript(input: T.GetTranscriptRequest, options?: CallOptions): Promise<T.GetTranscriptResponse> {
    return this.send('GetTranscript', input, options);
  }

  /** POST /participant/disconnect: the customer leaves the chat. */
  disconnectParticipant(input: T.DisconnectParticipantRequest, options?: CallOptions): Promise<T.DisconnectParticipantResponse> {
    return this.send('DisconnectParticipant', input, options);
  }

  /** POST /participant/start-attachment-upload: a pre-signed URL to PUT the file to. */
  startAttachmentUpload(input: T.StartAttachmentUploadRequest, options?: CallOptions): Promise<T.StartAttachmentUploadResponse> {
    return this.send('StartAttachmentUpload', input, options);
  }

  /** POST /participant/complete-attachment-upload, after the PUT to the pre-signed URL. */
  completeAttachmentUpload(input: T.CompleteAttachmentUploadRequest, options?: CallOptions): Promise<T.CompleteAttachmentUploadResponse> {
    return this.send('CompleteAttachmentUpload', input, options);
  }

  /** POST /participant/attachment: a pre-signed download URL. */
  getAttachment(input: T.GetAttachmentRequest, options?: CallOptions): Promise<T.GetAttachmentResponse> {
    return this.send('GetAttachment', input, options);
  }

  /** GET /participant/views/{ViewToken}: the view (template, schema, actions) of a ShowView message. */
  describeView(input: T.DescribeViewRequest, options?: CallOptions): Promise<T.DescribeViewResponse> {
    return this.send('DescribeView', input, options);
  }

  /** POST /participant/authentication-url, within a minute of the authentication.initiated event. */
  getAuthenticationUrl(input: T.GetAuthenticationUrlRequest, options?: CallOptions): Promise<T.GetAuthenticationUrlResponse> {
    return this.send('GetAuthenticationUrl', input, options);
  }

  /** POST /participant/cancel-authentication: takes the flow's opted-out branch. */
  cancelParticipantAuthentication(input: T.CancelParticipantAuthenticationRequest, options?: CallOptions): Promise<T.CancelParticipantAuthenticationResponse> {
    return this.send('CancelParticipantAuthentication', input, options);
  }

  /**
   * All transcript pages, following NextToken. Stops when a page has no NextToken, or repeats the
   * token it was asked with (a service that would otherwise loop forever).
   */
  async *paginateTranscript(input: T.GetTranscriptRequest, options?: CallOptions): AsyncGenerator<T.GetTranscriptResponse, void, undefined> {
    let next = input.NextToken;
    for (;;) {
      const page = await this.getTranscript(next === undefined ? input : { ...input, NextToken: next }, options);
      yield page;
      if (page.NextToken === undefined || page.NextToken === '' || page.NextToken === next) return;
      next = page.NextToken;
    }
  }

  /** Stub mode only: the calls made so far, oldest first. */
  get apiRequests(): readonly ApiRequest[] {
    if (!this.rt.stubs) {
      throw new ClientConfigurationError('ParticipantClient: apiRequests is recorded only with the stubResponses option.');
    }
    return this.rt.stubs.apiRequests;
  }

  /** Stub mode only: replaces the stubbed responses of one operation (a list is answered in order). */
  stub<O extends T.OperationName>(operation: O, ...responses: StubSpec<O>[]): this {
    if (!this.rt.stubs) {
      throw new ClientConfigurationError('ParticipantClient: stub() needs a client created with stubResponses.');
    }
    this.rt.stubs.set(operation, responses.length === 0 ? undefined : (responses as never));
    return this;
  }
}

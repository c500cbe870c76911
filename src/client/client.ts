// ParticipantClient: one typed method per operation of the Amazon Connect Participant Service, with
// model validation (validateParams) and stub mode (stubResponses) built in.
import { ParticipantClientCore } from './base.js';
import { ClientConfigurationError } from './errors.js';
import type { ParticipantClientOptions } from './options.js';
import { StubRegistry, type ApiRequest, type StubSpec } from './stub.js';
import type * as T from './types.js';
import { validateOperation } from './validate.js';

export class ParticipantClient extends ParticipantClientCore {
  constructor(options: ParticipantClientOptions = {}) {
    super(options, { validate: validateOperation, stubs: (responses) => new StubRegistry(responses) });
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

// ParticipantClientCore: the client core (base.ts) with its options checked first, so a wrong one is
// a ClientConfigurationError at construction that names it, not a surprise at the first call.
import { UncheckedClientCore, type ClientParts } from './base.js';
import { checkOptions } from './check-options.js';
import type { ParticipantClientOptions } from './options.js';

/** The client core: options checked (ClientConfigurationError for a wrong one), operations called by name. */
export class ParticipantClientCore extends UncheckedClientCore {
  constructor(options: ParticipantClientOptions = {}, parts: ClientParts = {}) {
    checkOptions(options);
    super(options, parts);
  }
}

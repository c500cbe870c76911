// createStartChatHandler: a Fetch API handler `(Request) => Promise<Response>` that starts chats for
// the widget (the customer-backend contract) and refuses everything else, in this order:
// origin (403) → method (405) → content type (415) → rate limit (429) → size (413) → JSON (400)
// (pipeline.ts) → the visitor's fields (400) → persistent chat signature (400) → StartChatContact (502/503).
import { connectCaller, type StartChatContactInput } from './connect.js';
import { resolveOptions, type ResolvedOptions, type StartChatHandlerOptions } from './options.js';
import { connectProblem, serve, trustedAttributes, type Handler } from './pipeline.js';
import { readVisitorRequest, type VisitorRequest } from './request.js';
import { jsonResponse, StartChatRefusal } from './responses.js';
import { signContactId, verifySignedContactId } from './signing.js';

export type { RequestInfo } from './pipeline.js';

export type StartChatHandler = Handler;

export function createStartChatHandler(input: StartChatHandlerOptions): StartChatHandler {
  const options = resolveOptions(input);
  const startChatContact = connectCaller(options);
  return serve(options, { verb: 'start chats', name: 'start-chat', counted: 'chats started' }, options.log, async ({ body, request, clientAddress, cors }) => {
    const visitor = readVisitorRequest(body, options);
    const sourceContactId = await verifiedSource(visitor, options);
    const attributes = { ...visitor.attributes, ...(await trustedAttributes(options, request)) };
    const contactInput: StartChatContactInput = {
      InstanceId: options.instanceId,
      ContactFlowId: options.contactFlowId,
      ParticipantDetails: { DisplayName: visitor.displayName },
      SupportedMessagingContentTypes: visitor.supportedMessagingContentTypes,
      ChatDurationInMinutes: visitor.chatDurationInMinutes,
      ...(Object.keys(attributes).length ? { Attributes: attributes } : {}),
      ...(visitor.initialMessage ? { InitialMessage: visitor.initialMessage } : {}),
      ...(sourceContactId && visitor.persistentChat ? { PersistentChat: { SourceContactId: sourceContactId, RehydrationType: visitor.persistentChat.rehydrationType } } : {}),
      ...(visitor.disconnectOnCustomerExit ? { DisconnectOnCustomerExit: ['AGENT'] } : {}),
      ...(visitor.clientToken ? { ClientToken: visitor.clientToken } : {}),
    };
    let result;
    try {
      result = await startChatContact(contactInput);
    } catch (error) {
      return connectProblem(error, sourceContactId !== undefined ? 'continued-chat' : 'chat', options.log, { clientAddress, cors });
    }
    const signed = options.persistentChat
      ? await signContactId(result.ContactId, { secret: options.persistentChat.secrets[0], instanceId: options.instanceId, now: options.now() })
      : undefined;
    options.log({
      kind: 'started',
      status: 200,
      contactId: result.ContactId,
      ...(result.ContinuedFromContactId ? { continuedFrom: result.ContinuedFromContactId } : {}),
      ...(clientAddress ? { clientAddress } : {}),
    });
    return jsonResponse(200, { data: { startChatResult: { ...result, ...(signed ? { SignedContactId: signed } : {}) } } }, cors);
  });
}

/** The real contact id behind a signed SourceContactId, or a 400 saying why it cannot be used. */
async function verifiedSource(visitor: VisitorRequest, options: ResolvedOptions): Promise<string | undefined> {
  if (!visitor.persistentChat) return undefined;
  if (!options.persistentChat) {
    throw new StartChatRefusal(400, 'persistent-chat-disabled', 'persistent chat is not enabled on this back end (its option persistentChat)');
  }
  const verified = await verifySignedContactId(visitor.persistentChat.signedSourceContactId, {
    secrets: options.persistentChat.secrets,
    instanceId: options.instanceId,
    now: options.now(),
    maxAgeMs: options.persistentChat.maxAgeMs,
  });
  if (verified.ok) return verified.contactId;
  const why = {
    malformed: 'is not a signedContactId this back end issued (a bare ContactId is never accepted)',
    signature: 'has a signature this back end did not make',
    expired: 'is too old to continue',
  }[verified.reason];
  throw new StartChatRefusal(400, 'persistent-chat-refused', `PersistentChat.SourceContactId ${why}; start a new chat instead`);
}

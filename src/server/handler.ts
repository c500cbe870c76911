// createStartChatHandler: a Fetch API handler `(Request) => Promise<Response>` that starts chats for
// the widget (the customer-backend contract) and refuses everything else, in this order:
// origin (403) → method (405) → content type (415) → rate limit (429) → size (413) → JSON (400) →
// the visitor's fields (400) → persistent chat signature (400) → StartChatContact (502/503).
import { classifyConnectError, connectCaller, type StartChatContact, type StartChatContactInput } from './connect.js';
import { corsHeaders, preflightHeaders } from './cors.js';
import { resolveOptions, type ResolvedOptions, type StartChatHandlerOptions } from './options.js';
import { clientAddress, RateLimiter } from './rate-limit.js';
import { readVisitorRequest, type VisitorRequest } from './request.js';
import { jsonResponse, refusalResponse, StartChatRefusal } from './responses.js';
import { signContactId, verifySignedContactId } from './signing.js';

/** What adapters know about the connection that a Request does not carry. */
export interface RequestInfo {
  /** The peer's address (the socket's, or API Gateway's sourceIp): the rate limit's key. */
  clientAddress?: string;
}

export type StartChatHandler = (request: Request, info?: RequestInfo) => Promise<Response>;

export function createStartChatHandler(input: StartChatHandlerOptions): StartChatHandler {
  const options = resolveOptions(input);
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit, options.now) : undefined;
  const startChatContact = connectCaller(options);

  return async (request, info = {}) => {
    const origin = request.headers.get('origin');
    const cors = corsHeaders(origin, options.allowedOrigins);
    const address = clientAddress(info.clientAddress, request.headers.get('x-forwarded-for'), options.trustedProxies);
    try {
      if (request.method === 'OPTIONS') return preflight(origin, request.headers.get('access-control-request-headers'), options);
      return await start(request, origin, address, options, limiter, startChatContact, cors);
    } catch (error) {
      const refusal =
        error instanceof StartChatRefusal ? error : new StartChatRefusal(500, 'internal-error', 'the start-chat back end failed; its log says why');
      const event = { status: refusal.status, code: refusal.code, message: refusal.message, ...(address ? { clientAddress: address } : {}) };
      if (refusal.status >= 500) options.log({ kind: 'failed', ...event, ...(error instanceof StartChatRefusal ? {} : { error: describe(error) }) });
      else options.log({ kind: 'refused', ...event });
      return refusalResponse(refusal, cors);
    }
  };
}

function preflight(origin: string | null, requested: string | null, options: ResolvedOptions): Response {
  if (origin === null || !options.allowedOrigins.has(origin)) throw originRefusal(origin);
  return new Response(null, { status: 204, headers: preflightHeaders(origin, requested) });
}

const originRefusal = (origin: string | null): StartChatRefusal =>
  new StartChatRefusal(
    403,
    'origin-not-allowed',
    origin === null
      ? 'no Origin header: chats start from the pages of the allowed origins only'
      : `the origin ${origin} may not start chats here; add it to the back end's allowedOrigins`,
  );

async function start(
  request: Request,
  origin: string | null,
  address: string | undefined,
  options: ResolvedOptions,
  limiter: RateLimiter | undefined,
  startChatContact: StartChatContact,
  cors: Record<string, string>,
): Promise<Response> {
  if (origin === null || !options.allowedOrigins.has(origin)) throw originRefusal(origin);
  if (request.method !== 'POST') {
    throw new StartChatRefusal(405, 'method-not-allowed', `${request.method} is not allowed: POST the start-chat request`, { allow: 'POST, OPTIONS' });
  }
  const type = request.headers.get('content-type') ?? '';
  if (type.split(';')[0].trim().toLowerCase() !== 'application/json') {
    throw new StartChatRefusal(415, 'unsupported-media-type', `the body must be JSON (Content-Type: application/json), got ${type ? `"${type}"` : 'none'}`);
  }
  const decision = limiter?.take(address ?? 'unknown');
  if (decision && !decision.ok) {
    throw new StartChatRefusal(429, 'rate-limited', `too many chats started from this address; try again in ${decision.retryAfterSeconds} s`, {
      'retry-after': String(decision.retryAfterSeconds),
    });
  }
  const visitor = readVisitorRequest(parseJson(await readText(request, options.maxBodyBytes)), options);
  const sourceContactId = await verifiedSource(visitor, options);
  const trusted = options.attributes ? checkTrusted(await options.attributes(request)) : {};
  const attributes = { ...visitor.attributes, ...trusted };
  const contactInput: StartChatContactInput = {
    InstanceId: options.instanceId,
    ContactFlowId: options.contactFlowId,
    ParticipantDetails: { DisplayName: visitor.displayName },
    SupportedMessagingContentTypes: visitor.supportedMessagingContentTypes,
    ChatDurationInMinutes: visitor.chatDurationInMinutes,
    ...(Object.keys(attributes).length ? { Attributes: attributes } : {}),
    ...(visitor.initialMessage ? { InitialMessage: visitor.initialMessage } : {}),
    ...(sourceContactId && visitor.persistentChat ? { PersistentChat: { SourceContactId: sourceContactId, RehydrationType: visitor.persistentChat.rehydrationType } } : {}),
    ...(visitor.clientToken ? { ClientToken: visitor.clientToken } : {}),
  };
  let result;
  try {
    result = await startChatContact(contactInput);
  } catch (error) {
    const { refusal, detail } = classifyConnectError(error, sourceContactId !== undefined);
    const event = { status: refusal.status, code: refusal.code, message: refusal.message, error: detail, ...(address ? { clientAddress: address } : {}) };
    options.log(refusal.status >= 500 ? { kind: 'failed', ...event } : { kind: 'refused', ...event });
    return refusalResponse(refusal, cors);
  }
  const signed = options.persistentChat
    ? await signContactId(result.ContactId, { secret: options.persistentChat.secrets[0], instanceId: options.instanceId, now: options.now() })
    : undefined;
  options.log({
    kind: 'started',
    status: 200,
    contactId: result.ContactId,
    ...(result.ContinuedFromContactId ? { continuedFrom: result.ContinuedFromContactId } : {}),
    ...(address ? { clientAddress: address } : {}),
  });
  return jsonResponse(200, { data: { startChatResult: { ...result, ...(signed ? { SignedContactId: signed } : {}) } } }, cors);
}

/** The body as text, refusing more than `limit` bytes (413) without reading further. */
async function readText(request: Request, limit: number): Promise<string> {
  const tooLarge = (): StartChatRefusal => new StartChatRefusal(413, 'payload-too-large', `the request body is larger than ${limit} bytes`);
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new StartChatRefusal(400, 'invalid-json', 'the request body is not UTF-8 text');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new StartChatRefusal(400, 'invalid-json', 'the request body is not valid JSON');
  }
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

/** The site's own attributes hook must return text values: anything else is its bug (500), not the visitor's. */
function checkTrusted(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new Error('the attributes option returned something other than an object of text values');
  }
  return value as Record<string, string>;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

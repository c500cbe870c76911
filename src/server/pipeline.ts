// The part every handler shares: a Fetch API handler `(Request) => Promise<Response>` that refuses,
// in this order, another origin (403), another method (405), a body that is not JSON (415), too many
// calls from one address (429) and a body over the cap (413), then hands the parsed JSON to the
// handler's own step; refusals and failures become JSON {code, message} and log events, never a stack.
import type { ResolvedCommon } from './common.js';
import { classifyConnectError } from './connect.js';
import { corsHeaders, preflightHeaders } from './cors.js';
import { clientAddress, RateLimiter } from './rate-limit.js';
import { refusalResponse, StartChatRefusal } from './responses.js';

/** What adapters know about the connection that a Request does not carry. */
export interface RequestInfo {
  /** The peer's address (the socket's, or API Gateway's sourceIp): the rate limit's key. */
  clientAddress?: string;
}

export type Handler = (request: Request, info?: RequestInfo) => Promise<Response>;

/** A refusal (4xx) or failure (5xx) as the handlers report them; never a token. */
export type ProblemLogEvent =
  | { kind: 'refused'; status: number; code: string; message: string; clientAddress?: string }
  | { kind: 'failed'; status: number; code: string; message: string; error?: string; clientAddress?: string };

/** Words of one handler's refusals: "may not {verb} here", "too many {counted} from this address". */
export interface Wording {
  /** e.g. 'start chats' */
  verb: string;
  /** e.g. 'start-chat' (the request, the back end) */
  name: string;
  /** e.g. 'chats started' */
  counted: string;
}

export interface Step {
  /** The parsed JSON body of an allowed request. */
  body: unknown;
  request: Request;
  clientAddress: string | undefined;
  /** CORS headers for the answer. */
  cors: Record<string, string>;
}

export function serve(options: ResolvedCommon, wording: Wording, log: (event: ProblemLogEvent) => void, step: (input: Step) => Promise<Response>): Handler {
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit, options.now) : undefined;
  const originRefusal = (origin: string | null): StartChatRefusal =>
    new StartChatRefusal(
      403,
      'origin-not-allowed',
      origin === null
        ? `no Origin header: only the pages of the allowed origins may ${wording.verb}`
        : `the origin ${origin} may not ${wording.verb} here; add it to the back end's allowedOrigins`,
    );

  return async (request, info = {}) => {
    const origin = request.headers.get('origin');
    const cors = corsHeaders(origin, options.allowedOrigins);
    const address = clientAddress(info.clientAddress, request.headers.get('x-forwarded-for'), options.trustedProxies);
    try {
      if (origin === null || !options.allowedOrigins.has(origin)) throw originRefusal(origin);
      if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: preflightHeaders(origin, request.headers.get('access-control-request-headers')) });
      if (request.method !== 'POST') {
        throw new StartChatRefusal(405, 'method-not-allowed', `${request.method} is not allowed: POST the ${wording.name} request`, { allow: 'POST, OPTIONS' });
      }
      const type = request.headers.get('content-type') ?? '';
      if (type.split(';')[0].trim().toLowerCase() !== 'application/json') {
        throw new StartChatRefusal(415, 'unsupported-media-type', `the body must be JSON (Content-Type: application/json), got ${type ? `"${type}"` : 'none'}`);
      }
      const decision = limiter?.take(address ?? 'unknown');
      if (decision && !decision.ok) {
        throw new StartChatRefusal(429, 'rate-limited', `too many ${wording.counted} from this address; try again in ${decision.retryAfterSeconds} s`, {
          'retry-after': String(decision.retryAfterSeconds),
        });
      }
      const body = parseJson(await readText(request, options.maxBodyBytes));
      return await step({ body, request, clientAddress: address, cors });
    } catch (error) {
      const refusal =
        error instanceof StartChatRefusal ? error : new StartChatRefusal(500, 'internal-error', `the ${wording.name} back end failed; its log says why`);
      const event = { status: refusal.status, code: refusal.code, message: refusal.message, ...(address ? { clientAddress: address } : {}) };
      if (refusal.status >= 500) log({ kind: 'failed', ...event, ...(error instanceof StartChatRefusal ? {} : { error: describe(error) }) });
      else log({ kind: 'refused', ...event });
      return refusalResponse(refusal, cors);
    }
  };
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

/** Amazon Connect's refusal or failure, as the page should hear it (logged with the SDK's reason). */
export function connectProblem(
  error: unknown,
  call: Parameters<typeof classifyConnectError>[1],
  log: (event: ProblemLogEvent) => void,
  step: Pick<Step, 'clientAddress' | 'cors'>,
): Response {
  const { refusal, detail } = classifyConnectError(error, call);
  const event = { status: refusal.status, code: refusal.code, message: refusal.message, error: detail, ...(step.clientAddress ? { clientAddress: step.clientAddress } : {}) };
  log(refusal.status >= 500 ? { kind: 'failed', ...event } : { kind: 'refused', ...event });
  return refusalResponse(refusal, step.cors);
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The site's own attributes hook must return text values: anything else is its bug (500), not the visitor's. */
export async function trustedAttributes(options: ResolvedCommon, request: Request): Promise<Record<string, string>> {
  if (!options.attributes) return {};
  const value: unknown = await options.attributes(request);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new Error('the attributes option returned something other than an object of text values');
  }
  return value as Record<string, string>;
}

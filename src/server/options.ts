// Every option of the start-chat back end with its default, in one place, and the check that turns a
// misconfiguration into an error at start-up (naming the option) instead of a failing chat later.

/** AWS credentials; default the SDK's provider chain (environment, profile, the Lambda role, …). */
export type AwsCredentials =
  | { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  | (() => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>);

/** What the handler reports; never a token. `status` is the HTTP status it answered. */
export type StartChatLogEvent =
  | { kind: 'started'; status: 200; contactId: string; continuedFrom?: string; clientAddress?: string }
  | { kind: 'refused'; status: number; code: string; message: string; clientAddress?: string }
  | { kind: 'failed'; status: number; code: string; message: string; error?: string; clientAddress?: string };

export interface StartChatHandlerOptions {
  /** Your Amazon Connect instance id (not its ARN). Required. */
  instanceId: string;
  /** The contact flow chats start in. Required; the page never chooses it. */
  contactFlowId: string;
  /** The instance's region, e.g. 'eu-west-2'. Required. */
  region: string;
  /**
   * Origins of the pages that may start chats, e.g. ['https://www.example.com']. Required: requests
   * from other origins (and without an Origin) get 403 and start nothing. CORS answers these only.
   */
  allowedOrigins: readonly string[];
  /** Contact attribute names a visitor may send (the widget's `attributes`, the pre-chat form). Default none. */
  allowedAttributes?: readonly string[];
  /**
   * Trusted attributes from your server (a signed-in customer's id, their plan), merged over the
   * visitor's: yours win. Gets the request (cookies, headers). Default none.
   */
  attributes?: (request: Request) => Record<string, string> | Promise<Record<string, string>>;
  /** Starts per client address per window; 429 with Retry-After beyond. `false` turns it off. Default 10 per minute. */
  rateLimit?: { max: number; windowMs: number } | false;
  /**
   * How many proxies in front of this server append to X-Forwarded-For (true = 1). The client address
   * is then the entry that many places from the right. Default false: the socket's address.
   */
  trustProxy?: boolean | number;
  /**
   * Persistent chat: the secret (32 characters or more; a list to rotate: the first signs, all
   * verify) that signs the contact ids this handler starts, and how long a signed id may continue
   * a chat. Without it, a body with PersistentChat is refused.
   */
  persistentChat?: { secret: string | readonly string[]; maxAgeDays?: number };
  /** The chat's duration, and the longest a visitor may ask for (60..10080). Default 1500 (the service's). */
  chatDurationInMinutes?: number;
  /** Content types chats support; a visitor may ask for a subset. Default text/plain, text/markdown, interactive responses. */
  supportedMessagingContentTypes?: readonly string[];
  /** The display name when the visitor gives none. Default 'Customer'. */
  defaultDisplayName?: string;
  /** Largest request body in bytes. Default 16384. */
  maxBodyBytes?: number;
  /** A Connect endpoint other than the region's (the emulator in tests). Default the region's. */
  endpoint?: string;
  /** Default the SDK's provider chain. */
  credentials?: AwsCredentials;
  /** Told about every start, refusal and failure (never tokens). Default: failures to console.error. */
  log?: (event: StartChatLogEvent) => void;
  /** The clock in ms (rate limits, signature ages). Default Date.now. */
  now?: () => number;
}

export const INTERACTIVE_RESPONSE = 'application/vnd.amazonaws.connect.message.interactive.response';

export const DEFAULTS = {
  allowedAttributes: [] as readonly string[],
  rateLimit: { max: 10, windowMs: 60_000 },
  trustProxy: false as boolean | number,
  chatDurationInMinutes: 1500,
  supportedMessagingContentTypes: ['text/plain', 'text/markdown', INTERACTIVE_RESPONSE] as readonly string[],
  defaultDisplayName: 'Customer',
  maxBodyBytes: 16_384,
  persistentChatMaxAgeDays: 30,
  log: (event: StartChatLogEvent): void => {
    if (event.kind === 'failed') console.error(`start-chat: ${event.status} ${event.code}: ${event.message}${event.error ? ` (${event.error})` : ''}`);
  },
  now: (): number => Date.now(),
};

export interface ResolvedOptions {
  instanceId: string;
  contactFlowId: string;
  region: string;
  allowedOrigins: ReadonlySet<string>;
  allowedAttributes: ReadonlySet<string>;
  attributes: ((request: Request) => Record<string, string> | Promise<Record<string, string>>) | undefined;
  rateLimit: { max: number; windowMs: number } | false;
  /** Proxies trusted in X-Forwarded-For (0 = none). */
  trustedProxies: number;
  persistentChat: { secrets: readonly string[]; maxAgeMs: number } | undefined;
  chatDurationInMinutes: number;
  supportedMessagingContentTypes: readonly string[];
  defaultDisplayName: string;
  maxBodyBytes: number;
  endpoint: string | undefined;
  credentials: AwsCredentials | undefined;
  log: (event: StartChatLogEvent) => void;
  now: () => number;
}

/** A configuration the handler cannot run with; the message names the option and what it takes. */
export class StartChatConfigError extends TypeError {
  override name = 'StartChatConfigError';
}

const fail = (option: string, problem: string): never => {
  throw new StartChatConfigError(`createStartChatHandler: ${option} ${problem}`);
};

function requiredString(value: unknown, option: string, example: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(option, `is required: a non-empty string such as ${example}`);
  return (value as string).trim();
}

function origin(value: unknown): string {
  if (typeof value !== 'string') return fail('allowedOrigins', `must list origins as strings, got ${JSON.stringify(value)}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('allowedOrigins', `has "${value}", which is not an origin such as https://www.example.com`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search || url.hash || value.endsWith('/*')) {
    return fail('allowedOrigins', `has "${value}": give the page's origin only (scheme://host[:port]), such as ${url.origin}`);
  }
  return url.origin;
}

function positiveInteger(value: unknown, option: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(option, `must be a whole number of at least 1, got ${JSON.stringify(value)}`);
  return value as number;
}

export function resolveOptions(input: StartChatHandlerOptions): ResolvedOptions {
  if (typeof input !== 'object' || input === null) fail('options', 'must be an object');
  const instanceId = requiredString(input.instanceId, 'instanceId', "'a1b2c3d4-…' (the instance id, not its ARN)");
  if (instanceId.startsWith('arn:')) fail('instanceId', 'must be the instance id, not its ARN (the part after instance/)');
  const contactFlowId = requiredString(input.contactFlowId, 'contactFlowId', "'e5f6…' (the flow id from its ARN)");
  const region = requiredString(input.region, 'region', "'eu-west-2'");
  if (!Array.isArray(input.allowedOrigins) || input.allowedOrigins.length === 0) {
    fail('allowedOrigins', "is required: the origins of your pages, such as ['https://www.example.com']");
  }
  const allowedAttributes = input.allowedAttributes ?? DEFAULTS.allowedAttributes;
  if (!Array.isArray(allowedAttributes) || allowedAttributes.some((name) => typeof name !== 'string' || name === '')) {
    fail('allowedAttributes', 'must be a list of attribute names');
  }
  if (input.attributes !== undefined && typeof input.attributes !== 'function') fail('attributes', 'must be a function (request) => ({ name: value })');

  const rateLimit = input.rateLimit ?? DEFAULTS.rateLimit;
  if (rateLimit !== false) {
    if (typeof rateLimit !== 'object' || rateLimit === null) fail('rateLimit', 'must be { max, windowMs } or false');
    positiveInteger(rateLimit.max, 'rateLimit.max');
    positiveInteger(rateLimit.windowMs, 'rateLimit.windowMs');
  }
  const trustProxy = input.trustProxy ?? DEFAULTS.trustProxy;
  if (typeof trustProxy !== 'boolean' && !(Number.isInteger(trustProxy) && trustProxy >= 0)) {
    fail('trustProxy', 'must be true, false or the number of proxies in front of this server');
  }

  let persistentChat: ResolvedOptions['persistentChat'];
  if (input.persistentChat !== undefined) {
    const secrets = typeof input.persistentChat.secret === 'string' ? [input.persistentChat.secret] : input.persistentChat.secret;
    if (!Array.isArray(secrets) || secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s.length < 32)) {
      fail('persistentChat.secret', 'must be a random string of 32 characters or more (or a list of them, the signing one first), e.g. from `openssl rand -base64 32`');
    }
    const days = input.persistentChat.maxAgeDays ?? DEFAULTS.persistentChatMaxAgeDays;
    positiveInteger(days, 'persistentChat.maxAgeDays');
    persistentChat = { secrets: [...secrets], maxAgeMs: days * 86_400_000 };
  }

  const chatDurationInMinutes = input.chatDurationInMinutes ?? DEFAULTS.chatDurationInMinutes;
  if (!Number.isInteger(chatDurationInMinutes) || chatDurationInMinutes < 60 || chatDurationInMinutes > 10_080) {
    fail('chatDurationInMinutes', `must be a whole number of minutes from 60 to 10080, got ${JSON.stringify(chatDurationInMinutes)}`);
  }
  const supported = input.supportedMessagingContentTypes ?? DEFAULTS.supportedMessagingContentTypes;
  if (!Array.isArray(supported) || !supported.includes('text/plain') || supported.some((t) => typeof t !== 'string')) {
    fail('supportedMessagingContentTypes', "must be a list of content types that includes 'text/plain'");
  }
  const defaultDisplayName = input.defaultDisplayName ?? DEFAULTS.defaultDisplayName;
  if (typeof defaultDisplayName !== 'string' || defaultDisplayName.trim() === '' || [...defaultDisplayName].length > 256) {
    fail('defaultDisplayName', 'must be a name of 1 to 256 characters');
  }
  const maxBodyBytes = input.maxBodyBytes === undefined ? DEFAULTS.maxBodyBytes : positiveInteger(input.maxBodyBytes, 'maxBodyBytes');
  if (input.endpoint !== undefined) {
    try {
      new URL(input.endpoint);
    } catch {
      fail('endpoint', `must be a URL such as http://127.0.0.1:8787, got ${JSON.stringify(input.endpoint)}`);
    }
  }
  return {
    instanceId,
    contactFlowId,
    region,
    allowedOrigins: new Set(input.allowedOrigins.map(origin)),
    allowedAttributes: new Set(allowedAttributes),
    attributes: input.attributes,
    rateLimit,
    trustedProxies: trustProxy === true ? 1 : trustProxy === false ? 0 : trustProxy,
    persistentChat,
    chatDurationInMinutes,
    supportedMessagingContentTypes: [...supported],
    defaultDisplayName: defaultDisplayName.trim(),
    maxBodyBytes,
    endpoint: input.endpoint,
    credentials: input.credentials,
    log: input.log ?? DEFAULTS.log,
    now: input.now ?? DEFAULTS.now,
  };
}

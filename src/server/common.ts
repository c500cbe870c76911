// What every handler of connect-chat-widget/server shares: where Amazon Connect is, who may call
// (origins, rate limit, proxies), how large a body may be, where events go; and the checks that turn
// a misconfiguration into an error at start-up, naming the handler and the option.

/** AWS credentials; default the SDK's provider chain (environment, profile, the Lambda role, …). */
export type AwsCredentials =
  | { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  | (() => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>);

export interface CommonOptions {
  /** Your Amazon Connect instance id (not its ARN). Required. */
  instanceId: string;
  /** The contact flow the contacts start in. Required; the page never chooses it. */
  contactFlowId: string;
  /** The instance's region, e.g. 'eu-west-2'. Required. */
  region: string;
  /**
   * Origins of the pages that may call, e.g. ['https://www.example.com']. Required: requests from
   * other origins (and without an Origin) get 403 and do nothing. CORS answers these only.
   */
  allowedOrigins: readonly string[];
  /** Contact attribute names a visitor may send (the widget's `attributes`, the pre-chat form). Default none. */
  allowedAttributes?: readonly string[];
  /**
   * Trusted attributes from your server (a signed-in customer's id, their plan), merged over the
   * visitor's: yours win. Gets the request (cookies, headers). Default none.
   */
  attributes?: (request: Request) => Record<string, string> | Promise<Record<string, string>>;
  /** Calls per client address per window; 429 with Retry-After beyond. `false` turns it off. */
  rateLimit?: { max: number; windowMs: number } | false;
  /**
   * How many proxies in front of this server append to X-Forwarded-For (true = 1). The client address
   * is then the entry that many places from the right. Default false: the socket's address.
   */
  trustProxy?: boolean | number;
  /** Largest request body in bytes. Default 16384. */
  maxBodyBytes?: number;
  /** A Connect endpoint other than the region's (the emulator in tests). Default the region's. */
  endpoint?: string;
  /** Default the SDK's provider chain. */
  credentials?: AwsCredentials;
  /** The clock in ms (rate limits, signature ages). Default Date.now. */
  now?: () => number;
}

export interface ResolvedCommon {
  instanceId: string;
  contactFlowId: string;
  region: string;
  allowedOrigins: ReadonlySet<string>;
  allowedAttributes: ReadonlySet<string>;
  attributes: ((request: Request) => Record<string, string> | Promise<Record<string, string>>) | undefined;
  rateLimit: { max: number; windowMs: number } | false;
  /** Proxies trusted in X-Forwarded-For (0 = none). */
  trustedProxies: number;
  maxBodyBytes: number;
  endpoint: string | undefined;
  credentials: AwsCredentials | undefined;
  now: () => number;
}

export const COMMON_DEFAULTS = {
  allowedAttributes: [] as readonly string[],
  trustProxy: false as boolean | number,
  maxBodyBytes: 16_384,
  now: (): number => Date.now(),
};

/** A configuration a handler cannot run with; the message names the handler, the option and what it takes. */
export class StartChatConfigError extends TypeError {
  override name = 'StartChatConfigError';
}

/** Throws StartChatConfigError for `factory` (e.g. 'createStartChatHandler'). */
export type Fail = (option: string, problem: string) => never;

export function failFor(factory: string): Fail {
  return (option, problem) => {
    throw new StartChatConfigError(`${factory}: ${option} ${problem}`);
  };
}

function requiredString(value: unknown, option: string, example: string, fail: Fail): string {
  if (typeof value !== 'string' || value.trim() === '') fail(option, `is required: a non-empty string such as ${example}`);
  return (value as string).trim();
}

function origin(value: unknown, fail: Fail): string {
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

export function positiveInteger(value: unknown, option: string, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(option, `must be a whole number of at least 1, got ${JSON.stringify(value)}`);
  return value as number;
}

export function resolveCommon(input: CommonOptions, defaults: { rateLimit: { max: number; windowMs: number } }, fail: Fail): ResolvedCommon {
  if (typeof input !== 'object' || input === null) fail('options', 'must be an object');
  const instanceId = requiredString(input.instanceId, 'instanceId', "'a1b2c3d4-…' (the instance id, not its ARN)", fail);
  if (instanceId.startsWith('arn:')) fail('instanceId', 'must be the instance id, not its ARN (the part after instance/)');
  const contactFlowId = requiredString(input.contactFlowId, 'contactFlowId', "'e5f6…' (the flow id from its ARN)", fail);
  const region = requiredString(input.region, 'region', "'eu-west-2'", fail);
  if (!Array.isArray(input.allowedOrigins) || input.allowedOrigins.length === 0) {
    fail('allowedOrigins', "is required: the origins of your pages, such as ['https://www.example.com']");
  }
  const allowedAttributes = input.allowedAttributes ?? COMMON_DEFAULTS.allowedAttributes;
  if (!Array.isArray(allowedAttributes) || allowedAttributes.some((name) => typeof name !== 'string' || name === '')) {
    fail('allowedAttributes', 'must be a list of attribute names');
  }
  if (input.attributes !== undefined && typeof input.attributes !== 'function') fail('attributes', 'must be a function (request) => ({ name: value })');
  const rateLimit = input.rateLimit ?? defaults.rateLimit;
  if (rateLimit !== false) {
    if (typeof rateLimit !== 'object' || rateLimit === null) fail('rateLimit', 'must be { max, windowMs } or false');
    positiveInteger(rateLimit.max, 'rateLimit.max', fail);
    positiveInteger(rateLimit.windowMs, 'rateLimit.windowMs', fail);
  }
  const trustProxy = input.trustProxy ?? COMMON_DEFAULTS.trustProxy;
  if (typeof trustProxy !== 'boolean' && !(Number.isInteger(trustProxy) && trustProxy >= 0)) {
    fail('trustProxy', 'must be true, false or the number of proxies in front of this server');
  }
  const maxBodyBytes = input.maxBodyBytes === undefined ? COMMON_DEFAULTS.maxBodyBytes : positiveInteger(input.maxBodyBytes, 'maxBodyBytes', fail);
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
    allowedOrigins: new Set(input.allowedOrigins.map((value) => origin(value, fail))),
    allowedAttributes: new Set(allowedAttributes),
    attributes: input.attributes,
    rateLimit,
    trustedProxies: trustProxy === true ? 1 : trustProxy === false ? 0 : trustProxy,
    maxBodyBytes,
    endpoint: input.endpoint,
    credentials: input.credentials,
    now: input.now ?? COMMON_DEFAULTS.now,
  };
}

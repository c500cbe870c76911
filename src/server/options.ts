// Every option of the start-chat back end with its default, in one place, and the check that turns a
// misconfiguration into an error at start-up (naming the option) instead of a failing chat later.
// The options every handler shares are in common.ts.
import { failFor, positiveInteger, resolveCommon, type CommonOptions, type ResolvedCommon } from './common.js';

export { StartChatConfigError, type AwsCredentials } from './common.js';

/** What the handler reports; never a token. `status` is the HTTP status it answered. */
export type StartChatLogEvent =
  | { kind: 'started'; status: 200; contactId: string; continuedFrom?: string; clientAddress?: string }
  | { kind: 'refused'; status: number; code: string; message: string; clientAddress?: string }
  | { kind: 'failed'; status: number; code: string; message: string; error?: string; clientAddress?: string };

export interface StartChatHandlerOptions extends CommonOptions {
  /** Starts per client address per window; 429 with Retry-After beyond. `false` turns it off. Default 10 per minute. */
  rateLimit?: { max: number; windowMs: number } | false;
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
  /**
   * StartChatContact's DisconnectOnCustomerExit (a post-chat survey in the contact's disconnect flow):
   * 'page' (default) passes ["AGENT"] when the page asks (the widget's `postChatSurvey`); 'always' asks
   * for every chat; 'never' refuses a page that asks.
   */
  disconnectOnCustomerExit?: 'page' | 'always' | 'never';
  /** Told about every start, refusal and failure (never tokens). Default: failures to console.error. */
  log?: (event: StartChatLogEvent) => void;
}

export const INTERACTIVE_RESPONSE = 'application/vnd.amazonaws.connect.message.interactive.response';

export const DEFAULTS = {
  allowedAttributes: [] as readonly string[],
  rateLimit: { max: 10, windowMs: 60_000 },
  trustProxy: false as boolean | number,
  chatDurationInMinutes: 1500,
  supportedMessagingContentTypes: ['text/plain', 'text/markdown', INTERACTIVE_RESPONSE] as readonly string[],
  defaultDisplayName: 'Customer',
  disconnectOnCustomerExit: 'page' as const,
  maxBodyBytes: 16_384,
  persistentChatMaxAgeDays: 30,
  log: (event: StartChatLogEvent): void => {
    if (event.kind === 'failed') console.error(`start-chat: ${event.status} ${event.code}: ${event.message}${event.error ? ` (${event.error})` : ''}`);
  },
  now: (): number => Date.now(),
};

export interface ResolvedOptions extends ResolvedCommon {
  persistentChat: { secrets: readonly string[]; maxAgeMs: number } | undefined;
  chatDurationInMinutes: number;
  supportedMessagingContentTypes: readonly string[];
  defaultDisplayName: string;
  disconnectOnCustomerExit: 'page' | 'always' | 'never';
  log: (event: StartChatLogEvent) => void;
}

const fail = failFor('createStartChatHandler');

export function resolveOptions(input: StartChatHandlerOptions): ResolvedOptions {
  const common = resolveCommon(input, DEFAULTS, fail);
  let persistentChat: ResolvedOptions['persistentChat'];
  if (input.persistentChat !== undefined) {
    const secrets = typeof input.persistentChat.secret === 'string' ? [input.persistentChat.secret] : input.persistentChat.secret;
    if (!Array.isArray(secrets) || secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s.length < 32)) {
      fail('persistentChat.secret', 'must be a random string of 32 characters or more (or a list of them, the signing one first), e.g. from `openssl rand -base64 32`');
    }
    const days = input.persistentChat.maxAgeDays ?? DEFAULTS.persistentChatMaxAgeDays;
    positiveInteger(days, 'persistentChat.maxAgeDays', fail);
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
  const disconnectOnCustomerExit = input.disconnectOnCustomerExit ?? DEFAULTS.disconnectOnCustomerExit;
  if (!['page', 'always', 'never'].includes(disconnectOnCustomerExit)) fail('disconnectOnCustomerExit', "must be 'page', 'always' or 'never'");
  return {
    ...common,
    persistentChat,
    chatDurationInMinutes,
    supportedMessagingContentTypes: [...supported],
    defaultDisplayName: defaultDisplayName.trim(),
    disconnectOnCustomerExit,
    log: input.log ?? DEFAULTS.log,
  };
}

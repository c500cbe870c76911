// What a visitor's page may ask for, read from the widget's start-chat body (the customer-backend
// contract: ParticipantDetails, Attributes, InitialMessage, SupportedMessagingContentTypes,
// ChatDurationInMinutes, PersistentChat, DisconnectOnCustomerExit, ClientToken). Everything else is refused by name, so a page
// can never choose the instance or the contact flow, and a typo does not pass silently.
import type { ResolvedOptions } from './options.js';
import { StartChatRefusal } from './responses.js';

export interface VisitorRequest {
  displayName: string;
  attributes: Record<string, string>;
  initialMessage?: { ContentType: string; Content: string };
  supportedMessagingContentTypes: string[];
  chatDurationInMinutes: number;
  /** The signed value this back end issued; verified by the handler. */
  persistentChat?: { signedSourceContactId: string; rehydrationType: 'ENTIRE_PAST_SESSION' | 'FROM_SEGMENT' };
  /** StartChatContact gets DisconnectOnCustomerExit ["AGENT"] (a post-chat survey). */
  disconnectOnCustomerExit: boolean;
  clientToken?: string;
}

const MEMBERS = new Set([
  'ParticipantDetails',
  'Attributes',
  'InitialMessage',
  'SupportedMessagingContentTypes',
  'ChatDurationInMinutes',
  'PersistentChat',
  'DisconnectOnCustomerExit',
  'ClientToken',
]);
const CHOSEN_BY_SERVER = new Set(['InstanceId', 'ContactFlowId']);
const MESSAGE_LIMIT = 1024;
const ATTRIBUTE_LIMIT = 32_767;

const bad = (message: string, code = 'invalid-request'): StartChatRefusal => new StartChatRefusal(400, code, message);
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const codePoints = (text: string): number => [...text].length;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function displayName(details: unknown, fallback: string): string {
  if (details === undefined) return fallback;
  if (!isRecord(details)) throw bad('ParticipantDetails must be an object such as {"DisplayName": "Ada"}');
  const extra = Object.keys(details).filter((k) => k !== 'DisplayName');
  if (extra.length) throw bad(`ParticipantDetails takes DisplayName only; remove ${extra.join(', ')}`);
  const name = details.DisplayName;
  if (name === undefined) return fallback;
  if (typeof name !== 'string') throw bad('ParticipantDetails.DisplayName must be a string');
  const trimmed = name.trim();
  if (trimmed === '') return fallback;
  if (codePoints(trimmed) > 256) throw bad(`ParticipantDetails.DisplayName is ${codePoints(trimmed)} characters long; the most is 256`);
  if (CONTROL.test(trimmed)) throw bad('ParticipantDetails.DisplayName must not contain control characters (line breaks, tabs, …)');
  return trimmed;
}

/** The page's Attributes, refusing names `allowedAttributes` does not list. */
export function pageAttributes(value: unknown, allowed: ReadonlySet<string>): Record<string, string> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw bad('Attributes must be an object of text values such as {"plan": "gold"}');
  const refused = Object.keys(value).filter((name) => !allowed.has(name));
  if (refused.length) {
    const list = refused.map((name) => `"${name.slice(0, 100)}"`).join(', ');
    throw bad(
      `the attribute${refused.length === 1 ? '' : 's'} ${list} may not be set by the page; ` +
        (allowed.size ? `it may set ${[...allowed].map((n) => `"${n}"`).join(', ')}` : 'it may set none') +
        ' (the back end option allowedAttributes lists them)',
      'attribute-not-allowed',
    );
  }
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw bad(`Attributes.${name} must be text, got ${v === null ? 'null' : typeof v}`);
    if (codePoints(v) > ATTRIBUTE_LIMIT) throw bad(`Attributes.${name} is longer than ${ATTRIBUTE_LIMIT} characters`);
    out[name] = v;
  }
  return out;
}

function contentTypes(value: unknown, configured: readonly string[]): string[] {
  if (value === undefined) return [...configured];
  if (!Array.isArray(value) || value.some((t) => typeof t !== 'string')) throw bad('SupportedMessagingContentTypes must be a list of content types');
  const unknown = value.filter((t) => !configured.includes(t as string));
  if (unknown.length) throw bad(`SupportedMessagingContentTypes: ${unknown.join(', ')} is not enabled on this back end; it supports ${configured.join(', ')}`);
  if (!value.includes('text/plain')) throw bad("SupportedMessagingContentTypes must include 'text/plain'");
  return [...new Set(value as string[])];
}

function initialMessage(value: unknown, supported: readonly string[]): VisitorRequest['initialMessage'] {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw bad('InitialMessage must be {"ContentType": "text/plain", "Content": "…"}');
  const { ContentType, Content } = value;
  if (ContentType !== 'text/plain' && ContentType !== 'text/markdown') throw bad("InitialMessage.ContentType must be 'text/plain' or 'text/markdown'");
  if (!supported.includes(ContentType)) throw bad(`InitialMessage.ContentType ${ContentType} is not in SupportedMessagingContentTypes`);
  if (typeof Content !== 'string' || Content.trim() === '') throw bad('InitialMessage.Content must be non-empty text');
  if (codePoints(Content) > MESSAGE_LIMIT) throw bad(`InitialMessage.Content is ${codePoints(Content)} characters long; the most is ${MESSAGE_LIMIT}`);
  return { ContentType, Content };
}

function duration(value: unknown, max: number): number {
  if (value === undefined) return max;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 60 || value > max) {
    throw bad(`ChatDurationInMinutes must be a whole number from 60 to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function persistentChat(value: unknown): VisitorRequest['persistentChat'] {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw bad('PersistentChat must be {"SourceContactId": "…", "RehydrationType"?: "ENTIRE_PAST_SESSION"}');
  const { SourceContactId, RehydrationType = 'ENTIRE_PAST_SESSION' } = value;
  if (typeof SourceContactId !== 'string' || SourceContactId === '' || SourceContactId.length > 1024) {
    throw bad('PersistentChat.SourceContactId must be the signedContactId the widget got when the earlier chat started');
  }
  if (RehydrationType !== 'ENTIRE_PAST_SESSION' && RehydrationType !== 'FROM_SEGMENT') {
    throw bad("PersistentChat.RehydrationType must be 'ENTIRE_PAST_SESSION' or 'FROM_SEGMENT'");
  }
  return { signedSourceContactId: SourceContactId, rehydrationType: RehydrationType };
}

/** The page's idempotency token (a retried request starts nothing twice). */
export function readClientToken(value: unknown): string | undefined {
  if (value !== undefined && (typeof value !== 'string' || value === '' || value.length > 500)) throw bad('ClientToken must be text of 1 to 500 characters');
  return value;
}

/** Whether the chat keeps the visitor in the disconnect flow when they end it: the page asks with ["AGENT"]. */
function disconnectOnCustomerExit(value: unknown, policy: ResolvedOptions['disconnectOnCustomerExit']): boolean {
  if (value === undefined) return policy === 'always';
  if (!Array.isArray(value) || value.length !== 1 || value[0] !== 'AGENT') {
    throw bad('DisconnectOnCustomerExit must be ["AGENT"] (the widget\'s postChatSurvey sends it)');
  }
  if (policy === 'never') throw bad("DisconnectOnCustomerExit is turned off on this back end (its option disconnectOnCustomerExit: 'never'); turn off the widget's postChatSurvey");
  return true;
}

/** The visitor's request, or a StartChatRefusal (400) naming what is wrong. */
export function readVisitorRequest(body: unknown, options: ResolvedOptions): VisitorRequest {
  if (!isRecord(body)) throw bad('the body must be a JSON object (the widget sends {"ParticipantDetails": {"DisplayName": …}, …})');
  const chosen = Object.keys(body).filter((k) => CHOSEN_BY_SERVER.has(k));
  if (chosen.length) {
    throw bad(`${chosen.join(' and ')} ${chosen.length > 1 ? 'are' : 'is'} chosen by the back end (its options), never by the page: remove ${chosen.length > 1 ? 'them' : 'it'} from the widget's startChatBody`);
  }
  const unknown = Object.keys(body).filter((k) => !MEMBERS.has(k));
  if (unknown.length) throw bad(`unknown member${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k.slice(0, 100)}"`).join(', ')}; the body takes ${[...MEMBERS].join(', ')}`);
  const supported = contentTypes(body.SupportedMessagingContentTypes, options.supportedMessagingContentTypes);
  const clientToken = readClientToken(body.ClientToken);
  const message = initialMessage(body.InitialMessage, supported);
  const persistent = persistentChat(body.PersistentChat);
  return {
    displayName: displayName(body.ParticipantDetails, options.defaultDisplayName),
    attributes: pageAttributes(body.Attributes, options.allowedAttributes),
    supportedMessagingContentTypes: supported,
    chatDurationInMinutes: duration(body.ChatDurationInMinutes, options.chatDurationInMinutes),
    disconnectOnCustomerExit: disconnectOnCustomerExit(body.DisconnectOnCustomerExit, options.disconnectOnCustomerExit),
    ...(message ? { initialMessage: message } : {}),
    ...(persistent ? { persistentChat: persistent } : {}),
    ...(clientToken !== undefined ? { clientToken } : {}),
  };
}

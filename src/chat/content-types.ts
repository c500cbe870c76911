// Content types of the Participant Service (chat-protocol.md §2) and how events map to notices.
import type { NoticeEvent } from './types.js';

const EVENT = 'application/vnd.amazonaws.connect.event.';

export const CONTENT_TYPE = {
  plain: 'text/plain',
  markdown: 'text/markdown',
  json: 'application/json',
  interactive: 'application/vnd.amazonaws.connect.message.interactive',
  interactiveResponse: 'application/vnd.amazonaws.connect.message.interactive.response',
  typing: `${EVENT}typing`,
  delivered: `${EVENT}message.delivered`,
  read: `${EVENT}message.read`,
  metadata: `${EVENT}message.metadata`,
  chatEnded: `${EVENT}chat.ended`,
} as const;

/** Event ContentType → notice kind. Events not listed here (e.g. participant.active) are not shown. */
export const NOTICE_EVENTS: Readonly<Record<string, NoticeEvent>> = {
  [`${EVENT}participant.joined`]: 'joined',
  [`${EVENT}participant.left`]: 'left',
  [`${EVENT}participant.idle`]: 'idle',
  [`${EVENT}participant.returned`]: 'returned',
  [`${EVENT}participant.autodisconnection`]: 'autodisconnection',
  [`${EVENT}participant.invited`]: 'invited',
  [`${EVENT}participant.displayname.updated`]: 'displayname-updated',
  [`${EVENT}transfer.succeeded`]: 'transfer-succeeded',
  [`${EVENT}transfer.failed`]: 'transfer-failed',
  [`${EVENT}chat.ended`]: 'ended',
  [`${EVENT}chat.rehydrated`]: 'rehydrated',
  [`${EVENT}authentication.initiated`]: 'authentication-initiated',
  [`${EVENT}authentication.succeeded`]: 'authentication-succeeded',
  [`${EVENT}authentication.failed`]: 'authentication-failed',
  [`${EVENT}authentication.timeout`]: 'authentication-timeout',
  [`${EVENT}authentication.expired`]: 'authentication-expired',
  [`${EVENT}authentication.cancelled`]: 'authentication-cancelled',
  [`${EVENT}workflow.cancelled`]: 'workflow-cancelled',
};

/**
 * SendMessage Content limits per ContentType, in characters (chat-protocol.md §0.1 "Limits").
 * The service counts characters for the text types; a type not listed falls back to the model's 16384.
 */
export const MESSAGE_LIMITS: Readonly<Record<string, number>> = {
  [CONTENT_TYPE.plain]: 1024,
  [CONTENT_TYPE.markdown]: 1024,
  [CONTENT_TYPE.json]: 12000,
  [CONTENT_TYPE.interactiveResponse]: 12288,
};
export const MODEL_CONTENT_LIMIT = 16384;

/** Content types a customer may send with SendMessage. */
export const SENDABLE_MESSAGE_TYPES: readonly string[] = [
  CONTENT_TYPE.plain,
  CONTENT_TYPE.markdown,
  CONTENT_TYPE.json,
  CONTENT_TYPE.interactiveResponse,
];

/**
 * Characters as the service counts them against MESSAGE_LIMITS (code points: an emoji is one). Here,
 * beside the limits, because the composer counts too: the outbox stays out of the window's code.
 */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

// The outbox: the customer's sends that the service has not acknowledged yet, as a pure state
// machine. A send gets its ClientToken before its first attempt and is persisted before it is tried;
// every retry (after a socket drop, an offline spell or a reload) reuses that token so the service
// stores the message once. States: sending (queued or in flight) → removed when acknowledged (the
// message then lives in the transcript), or → failed on an error that retrying cannot fix; a failed
// send waits for retry() or discard().
import { CONTENT_TYPE, characterCount, MESSAGE_LIMITS, MODEL_CONTENT_LIMIT, SENDABLE_MESSAGE_TYPES } from './content-types.js';
import { ChatError } from './errors.js';
import { messageEntry } from './entry.js';
import type { ChatItem } from './transcript.js';
import type { ChatErrorCode, MessageEntry } from './types.js';

export interface OutboxRecord {
  readonly clientToken: string;
  readonly content: string;
  readonly contentType: string;
  /** ISO time the customer pressed send. */
  readonly queuedAt: string;
  readonly status: 'sending' | 'failed';
  /** Attempts made so far (across reloads). */
  readonly attempts: number;
  /**
   * Transcript sequence number when the first attempt started. An own message first seen after it,
   * with the same content, may be this send's echo (the socket often beats the HTTP response).
   */
  readonly echoAfterSeq?: number;
  /** For failed: why, for the user. */
  readonly error?: string;
  readonly errorCode?: ChatErrorCode;
  /** What the own bubble shows instead of the content (MessageEntry.display). */
  readonly display?: string;
}

export type Outbox = readonly OutboxRecord[];

export const LOCAL_PREFIX = 'local:';

export function localId(clientToken: string): string {
  return `${LOCAL_PREFIX}${clientToken}`;
}

export function tokenOfLocalId(id: string): string | undefined {
  return id.startsWith(LOCAL_PREFIX) ? id.slice(LOCAL_PREFIX.length) : undefined;
}

/**
 * Length as the service counts it: characters (Unicode code points), so an emoji is one. (The
 * client's model validation counts the same way; this copy keeps it out of the widget's first load.)
 */
export function contentLimit(contentType: string): number {
  return MESSAGE_LIMITS[contentType] ?? MODEL_CONTENT_LIMIT;
}

/**
 * Checks a message before anything is queued or sent. Returns the error to throw (the draft stays
 * with the caller), or null when the message may be sent.
 */
export function validateMessage(
  content: string,
  contentType: string,
  supportedContentTypes: readonly string[],
): ChatError | null {
  if (!SENDABLE_MESSAGE_TYPES.includes(contentType) || !supportedContentTypes.includes(contentType)) {
    const allowed = supportedContentTypes.filter((t) => SENDABLE_MESSAGE_TYPES.includes(t));
    return new ChatError(
      'content-type-unsupported',
      `Messages of type "${contentType}" cannot be sent in this chat. Send one of: ${allowed.join(', ')}` +
        ` (add the type to supportedMessagingContentTypes when the chat is started).`,
    );
  }
  if (content.trim().length === 0) {
    return new ChatError('message-empty', 'The message is empty. Type something before sending.');
  }
  const limit = contentLimit(contentType);
  // Characters as the service counts them (code points: an emoji is one).
  const length = characterCount(content);
  if (length > limit) {
    const over = length - limit;
    return new ChatError(
      'message-too-long',
      `The message is ${length} characters long; ${contentType === CONTENT_TYPE.plain || contentType === CONTENT_TYPE.markdown ? 'chat messages' : `"${contentType}" messages`} may have at most ${limit}. ` +
        `Shorten it by ${over} character${over === 1 ? '' : 's'} or split it into several messages; your text has been kept.`,
    );
  }
  return null;
}

export function createRecord(content: string, contentType: string, clientToken: string, now: string, display?: string): OutboxRecord {
  const record: OutboxRecord = { clientToken, content, contentType, queuedAt: now, status: 'sending', attempts: 0 };
  return display ? { ...record, display } : record;
}

export function enqueue(outbox: Outbox, record: OutboxRecord): Outbox {
  if (outbox.some((r) => r.clientToken === record.clientToken)) return outbox;
  return [...outbox, record];
}

/**
 * The next send to try: the oldest one still sending. Sends go one at a time in queue order, so
 * the service receives (and time-stamps) them in the order the customer wrote them.
 */
export function nextToSend(outbox: Outbox): OutboxRecord | undefined {
  return outbox.find((r) => r.status === 'sending');
}

function update(outbox: Outbox, clientToken: string, change: (r: OutboxRecord) => OutboxRecord): Outbox {
  let changed = false;
  const next = outbox.map((r) => {
    if (r.clientToken !== clientToken) return r;
    changed = true;
    return change(r);
  });
  return changed ? next : outbox;
}

export function attemptStarted(outbox: Outbox, clientToken: string, transcriptSeq: number): Outbox {
  return update(outbox, clientToken, (r) => ({
    ...r,
    attempts: r.attempts + 1,
    echoAfterSeq: r.echoAfterSeq ?? transcriptSeq,
  }));
}

/** Acknowledged: the message now lives in the transcript under its service Id. */
export function sendSucceeded(outbox: Outbox, clientToken: string): Outbox {
  return outbox.filter((r) => r.clientToken !== clientToken);
}

/** A failure retrying cannot fix (e.g. a ValidationException): the send waits for retry or discard. */
export function sendFailed(outbox: Outbox, clientToken: string, code: ChatErrorCode, message: string): Outbox {
  return update(outbox, clientToken, (r) => ({ ...r, status: 'failed', error: message, errorCode: code }));
}

/** The chat ended: every send still under way fails. */
export function failSending(outbox: Outbox, code: ChatErrorCode, message: string): Outbox {
  let next = outbox;
  for (const r of outbox) if (r.status === 'sending') next = sendFailed(next, r.clientToken, code, message);
  return next;
}

/** Manual retry of a failed send (id = `local:<ClientToken>`), with the same ClientToken. */
export function retrySend(outbox: Outbox, id: string): Outbox {
  const token = tokenOfLocalId(id) ?? id;
  return update(outbox, token, (r) => {
    if (r.status !== 'failed') return r;
    const { error: _e, errorCode: _c, ...rest } = r;
    return { ...rest, status: 'sending' };
  });
}

/**
 * What a new chat takes over from one that ended: every send that never reached the service, as a
 * failed send the customer may retry (in the new chat) or discard. Nothing is sent by itself: the
 * new chat may be with someone else, and the customer decides.
 */
/**
 * A tab taking over: storage's outbox, plus the sends the old leader had taken (they were in the
 * state it mirrored) but may not have stored before its tab went away; not those storage already
 * shows sent (`sent`: ClientTokens of the stored transcript). A send taken twice is still one
 * message: it keeps its ClientToken.
 */
export function withMirroredSends(stored: Outbox, mirrored: Outbox, sent: ReadonlySet<string>): Outbox {
  const known = new Set(stored.map((r) => r.clientToken));
  const missing = mirrored.filter((r) => !known.has(r.clientToken) && !sent.has(r.clientToken));
  return missing.length ? [...stored, ...missing] : stored;
}

export function carryOver(outbox: Outbox): Outbox {
  return outbox.map((r) => ({
    clientToken: r.clientToken,
    content: r.content,
    contentType: r.contentType,
    queuedAt: r.queuedAt,
    status: 'failed',
    attempts: 0,
    error: 'Not sent: the previous chat ended first. Retry sends it in this chat.',
    errorCode: 'chat-ended',
  }));
}

/** Removes a failed send. Sends still in progress cannot be discarded (they may already be stored). */
export function discardSend(outbox: Outbox, id: string): Outbox {
  const token = tokenOfLocalId(id) ?? id;
  return outbox.filter((r) => !(r.clientToken === token && r.status === 'failed'));
}

export function findRecord(outbox: Outbox, id: string): OutboxRecord | undefined {
  const token = tokenOfLocalId(id) ?? id;
  return outbox.find((r) => r.clientToken === token);
}

export interface Sender {
  participantId: string;
  displayName: string;
}

/** How a pending send looks in the transcript. */
export function pendingEntry(record: OutboxRecord, me: Sender): MessageEntry {
  return messageEntry({
    id: localId(record.clientToken),
    time: record.queuedAt,
    participantId: me.participantId,
    displayName: me.displayName,
    role: 'CUSTOMER',
    own: true,
    contentType: record.contentType,
    content: record.content,
    status: record.status,
    clientToken: record.clientToken,
    error: record.error || undefined,
    display: record.display,
  });
}

/** The item an acknowledged send stands for, to merge into the transcript until the service's copy arrives. */
export function acknowledgedItem(
  record: OutboxRecord,
  response: { Id: string; AbsoluteTime?: string; MessageMetadata?: { MessageProcessingStatus?: string } },
  me: Sender,
  now: string,
): ChatItem {
  const status = response.MessageMetadata?.MessageProcessingStatus;
  return {
    Id: response.Id,
    AbsoluteTime: response.AbsoluteTime || now,
    Type: 'MESSAGE',
    ContentType: record.contentType,
    Content: record.content,
    ParticipantId: me.participantId,
    DisplayName: me.displayName,
    ParticipantRole: 'CUSTOMER',
    // SendMessage says PROCESSING when the service holds the message (a guardrail, a redaction step).
    ...(status ? { MessageMetadata: { MessageId: response.Id, MessageProcessingStatus: status as 'PROCESSING' } } : {}),
  };
}

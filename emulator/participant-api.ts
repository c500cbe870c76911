// The 11 Participant Service operations (wire-spec §3). Each request goes: token (403) → model
// constraints (400) → idempotency (a repeated ClientToken gets the first answer) → chat state → act.
import { randomUUID } from 'node:crypto';
import type { AttachmentService } from './attachments.js';
import type { ChatActions } from './chat-actions.js';
import { accessDenied, isoTime, notFound, ServiceError, validationError } from './http.js';
import type { ResolvedOptions } from './options.js';
import type { MessageProcessing } from './processing.js';
import {
  CUSTOMER_MESSAGE_TYPES,
  MESSAGE_CONTENT_LIMITS,
  OPERATIONS,
  SENDABLE_EVENT_TYPES,
  type ParticipantOperation,
} from './participant-model.js';
import { applyReceipt, metadataItem, receiptKind, receiptMessageId, receiptsAllowed } from './receipts.js';
import type { Contact, EmulatorState, Participant } from './store.js';
import { pageTranscript, TranscriptQueryError, type StoredItem, type TranscriptQuery } from './transcript.js';
import { CONTENT_TYPES, type ChatItem } from './types.js';
import { codePoints, str, validationMessage, violations } from './validate.js';
import { getView } from './views/index.js';
import { WEBSOCKET_PATH } from './websocket.js';

export interface ParticipantRequest {
  /** X-Amz-Bearer. */
  token: string | undefined;
  /** The parsed JSON body (`{}` for GET). */
  body: Record<string, unknown>;
  /** DescribeView's path label, percent-decoded. */
  viewToken?: string;
  /** Base URL for URLs handed out (http://host:port). */
  base: string;
}

export interface ParticipantDeps {
  state: EmulatorState;
  options: ResolvedOptions;
  actions: ChatActions;
  attachments: AttachmentService;
  processing: MessageProcessing;
}

/** Operations a participant may still call after leaving or after the chat ended (until the token expires). */
const READ_ONLY: ReadonlySet<ParticipantOperation> = new Set(['GetTranscript', 'GetAttachment', 'DescribeView']);

const IDEMPOTENT: ReadonlySet<ParticipantOperation> = new Set([
  'SendMessage',
  'SendEvent',
  'DisconnectParticipant',
  'StartAttachmentUpload',
  'CompleteAttachmentUpload',
]);

function authenticate(op: ParticipantOperation, token: string | undefined, state: EmulatorState): Participant {
  const tokenMember = OPERATIONS[op].token === 'participant' ? 'ParticipantToken' : 'ConnectionToken';
  if (!token) throw accessDenied();
  const tooLong = violations(token, str({ max: 1000 }), tokenMember);
  if (tooLong.length > 0) throw validationError(validationMessage(tooLong) as string);
  if (OPERATIONS[op].token === 'participant') {
    const participant = state.participantTokens.get(token);
    if (!participant) throw accessDenied();
    state.checkDeadline(participant.contact);
    if (participant.state === 'left' || participant.contact.endedAt !== undefined) throw accessDenied();
    return participant;
  }
  const grant = state.connectionTokens.get(token);
  if (!grant) throw accessDenied();
  if (state.now() > grant.expiresAt) {
    throw accessDenied('Access denied: the ConnectionToken has expired; call CreateParticipantConnection with the ParticipantToken for a new one');
  }
  state.checkDeadline(grant.participant.contact);
  return grant.participant;
}

function checkBody(op: ParticipantOperation, request: ParticipantRequest): void {
  const found = violations(request.body, OPERATIONS[op].body, '');
  if (op === 'DescribeView') found.push(...violations(request.viewToken, str({ required: true, min: 1, max: 1000 }), 'ViewToken'));
  const message = validationMessage(found);
  if (message) throw validationError(message);
}

/** Runs one operation; returns the JSON response body or throws a ServiceError. */
export function participantOperation(op: ParticipantOperation, request: ParticipantRequest, deps: ParticipantDeps): unknown {
  const { state } = deps;
  const participant = authenticate(op, request.token, state);
  checkBody(op, request);

  const clientToken = request.body.ClientToken;
  const key = IDEMPOTENT.has(op) && typeof clientToken === 'string' && clientToken !== '' ? `${op}|${participant.id}|${clientToken}` : undefined;
  if (key && state.idempotency.has(key)) return state.idempotency.get(key);

  if (!READ_ONLY.has(op) && (participant.state === 'left' || participant.contact.endedAt !== undefined)) {
    throw accessDenied(
      participant.contact.endedAt !== undefined ? 'Access denied: the chat has ended' : 'Access denied: the participant has disconnected',
    );
  }
  const result = run(op, participant, request, deps);
  if (key) state.idempotency.set(key, result);
  return result;
}

function run(op: ParticipantOperation, participant: Participant, request: ParticipantRequest, deps: ParticipantDeps): unknown {
  const body = request.body;
  const contact = participant.contact;
  switch (op) {
    case 'CreateParticipantConnection':
      return createConnection(participant, body, request.base, deps);
    case 'DisconnectParticipant':
      deps.actions.disconnect(participant);
      return {};
    case 'SendMessage':
      return sendMessage(participant, body.ContentType as string, body.Content as string, deps);
    case 'SendEvent':
      return sendEvent(participant, body.ContentType as string, body.Content as string | undefined, deps);
    case 'GetTranscript':
      return getTranscript(contact, body as TranscriptQuery & { ContactId?: string });
    case 'DescribeView': {
      const entry = deps.state.viewTokens.get(request.viewToken as string);
      const view = entry && entry.contact === contact ? getView(entry.viewArn) : undefined;
      if (!view) throw notFound('The view token was not found for this contact: use the viewToken of a ViewResource message of this chat');
      return { View: view };
    }
    case 'StartAttachmentUpload':
      return deps.attachments.start(
        participant,
        body as { ContentType: string; AttachmentSizeInBytes: number; AttachmentName: string },
        request.base,
      );
    case 'CompleteAttachmentUpload':
      deps.attachments.complete(participant, (body.AttachmentIds as string[])[0]);
      return {};
    case 'GetAttachment':
      if (participant.role === 'CUSTOM_BOT') throw accessDenied('Access denied: CUSTOM_BOT participants cannot download attachments');
      return deps.attachments.download(participant, body.AttachmentId as string, (body.UrlExpiryInSeconds as number | undefined) ?? 300, request.base);
    case 'GetAuthenticationUrl':
      return authenticationUrl(participant, body.SessionId as string, body.RedirectUri as string, request.base, deps);
    case 'CancelParticipantAuthentication':
      cancelAuthentication(participant, body.SessionId as string, deps);
      return {};
  }
}

function createConnection(participant: Participant, body: Record<string, unknown>, base: string, deps: ParticipantDeps): unknown {
  const types = (body.Type as string[] | undefined) ?? [];
  if (types.includes('WEBRTC_CONNECTION')) {
    throw validationError('Type WEBRTC_CONNECTION needs a contact with in-app calling; the emulator serves chat only (WEBSOCKET, CONNECTION_CREDENTIALS)');
  }
  participant.connected = true;
  const result: Record<string, unknown> = {};
  if (types.includes('WEBSOCKET')) {
    const { ticket, expiresAt } = deps.state.issueSocketTicket(participant, deps.options.websocketUrlTtlSeconds);
    const wsBase = base.replace(/^http/, 'ws');
    result.Websocket = { Url: `${wsBase}${WEBSOCKET_PATH}?X-Amz-Security-Token=${ticket}`, ConnectionExpiry: isoTime(expiresAt) };
  }
  if (types.includes('CONNECTION_CREDENTIALS')) {
    const { token, expiresAt } = deps.state.issueConnectionToken(participant, deps.options.connectionTokenTtlSeconds);
    result.ConnectionCredentials = { ConnectionToken: token, Expiry: isoTime(expiresAt) };
  }
  return result;
}

function sendMessage(participant: Participant, contentType: string, content: string, deps: ParticipantDeps): unknown {
  const contact = participant.contact;
  if (participant.role === 'CUSTOMER') {
    if (!CUSTOMER_MESSAGE_TYPES.includes(contentType)) {
      throw validationError(`ContentType "${contentType}" cannot be sent by a customer; use one of ${CUSTOMER_MESSAGE_TYPES.join(', ')}`);
    }
    if (!contact.supportedTypes.includes(contentType)) {
      throw validationError(
        `ContentType "${contentType}" is not enabled for this chat: StartChatContact's SupportedMessagingContentTypes is [${contact.supportedTypes.join(', ')}]`,
      );
    }
  } else if (MESSAGE_CONTENT_LIMITS[contentType] === undefined) {
    throw validationError(`ContentType "${contentType}" is not a message type; use one of ${Object.keys(MESSAGE_CONTENT_LIMITS).join(', ')}`);
  }
  const limit = MESSAGE_CONTENT_LIMITS[contentType];
  const length = codePoints(content);
  if (length > limit) {
    throw validationError(
      `1 validation error detected: Value at 'Content' failed to satisfy constraint: Member must have length less than or equal to ${limit} for ContentType ${contentType} (got ${length})`,
    );
  }
  if (contentType !== CONTENT_TYPES.text && contentType !== CONTENT_TYPES.markdown) {
    try {
      JSON.parse(content);
    } catch {
      throw validationError(`Content must be a JSON document for ContentType ${contentType}`);
    }
  }
  const held = participant.role === 'CUSTOMER' ? deps.processing.hold() : undefined;
  if (!held) {
    const item = deps.actions.message(contact, participant, contentType, content);
    return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
  }
  const id = randomUUID();
  const item = deps.state.append(
    contact,
    { Type: 'MESSAGE', ContentType: contentType, Content: content, MessageMetadata: { MessageId: id, MessageProcessingStatus: 'PROCESSING' } },
    participant,
    { id },
  );
  held(contact, item);
  return { Id: item.Id, AbsoluteTime: item.AbsoluteTime, MessageMetadata: { MessageProcessingStatus: 'PROCESSING' } };
}

function sendEvent(participant: Participant, contentType: string, content: string | undefined, deps: ParticipantDeps): unknown {
  const { state, actions } = deps;
  const contact = participant.contact;
  if (!SENDABLE_EVENT_TYPES.includes(contentType)) {
    throw validationError(`ContentType "${contentType}" cannot be sent with SendEvent; use one of ${SENDABLE_EVENT_TYPES.join(', ')}`);
  }
  const kind = receiptKind(contentType);
  if (!kind) {
    if (contentType === CONTENT_TYPES.connectionAcknowledged) participant.connected = true;
    // Typing and acknowledgements are fanned out but not kept in the transcript.
    const item = actions.event(contact, contentType, undefined, participant, false);
    return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
  }
  const parsed = receiptMessageId(content);
  if ('error' in parsed) throw validationError(parsed.error);
  const message = state.findItem(contact, parsed.messageId);
  if (!message || (message.Type !== 'MESSAGE' && message.Type !== 'ATTACHMENT')) {
    throw validationError(`messageId "${parsed.messageId}" is not a message or attachment of this chat`);
  }
  const active = state.activeParticipants(contact).length;
  if (!receiptsAllowed(active)) {
    throw new ServiceError(409, 'ConflictException', `message receipts are not supported with more than two active participants (${active} are active)`);
  }
  const time = isoTime(state.tick(contact));
  const receipt = applyReceipt(message, participant.id, kind, time);
  const item = metadataItem(randomUUID(), time, parsed.messageId, receipt);
  state.publish(contact, item);
  return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
}

function getTranscript(contact: Contact, query: TranscriptQuery & { ContactId?: string }): unknown {
  let items: StoredItem[] = contact.items;
  let scope = `chat:${contact.initialContactId}`;
  if (query.ContactId !== undefined) {
    const id = query.ContactId;
    items = contact.items.filter((s) => s.item.ContactId === id || s.item.RelatedContactId === id);
    if (!contact.segmentIds.includes(id) && items.length === 0) {
      throw validationError(`ContactId "${id}" is not a contact of this chat; use the ContactId or a previous contact of the chat`);
    }
    scope = `contact:${id}`;
  }
  try {
    const page = pageTranscript(items, query, scope);
    const response: Record<string, unknown> = {
      InitialContactId: contact.initialContactId,
      Transcript: page.items.map(transcriptItem),
    };
    if (page.nextToken) response.NextToken = page.nextToken;
    return response;
  } catch (error) {
    if (error instanceof TranscriptQueryError) throw validationError(error.message);
    throw error;
  }
}

/**
 * An item as GetTranscript returns it: the model's Item has no InitialContactId (the WebSocket item
 * carries it; the response has it once, at the top).
 */
function transcriptItem(stored: ChatItem): ChatItem {
  const item = structuredClone(stored);
  delete item.InitialContactId;
  return item;
}

function authSession(participant: Participant, sessionId: string, deps: ParticipantDeps) {
  const session = deps.state.authSessions.get(sessionId);
  if (!session || session.contact !== participant.contact) {
    throw validationError(`SessionId "${sessionId}" is not an authentication session of this chat; use the SessionId of its authentication.initiated event`);
  }
  return session;
}

function authenticationUrl(participant: Participant, sessionId: string, redirectUri: string, base: string, deps: ParticipantDeps): unknown {
  const session = authSession(participant, sessionId, deps);
  let redirect: URL;
  try {
    redirect = new URL(redirectUri);
  } catch {
    throw validationError(`RedirectUri "${redirectUri}" is not an absolute URL`);
  }
  if (redirect.protocol !== 'https:' && redirect.protocol !== 'http:') throw validationError('RedirectUri must be an http(s) URL');
  if (session.state !== 'initiated' && session.state !== 'url-issued') {
    throw validationError(`the authentication session is already ${session.state}; start a new one`);
  }
  if (deps.state.now() - session.initiatedAt > 60_000) {
    session.state = 'expired';
    deps.actions.authenticationEvent(session, 'expired');
    throw validationError('GetAuthenticationUrl must be called within 60 seconds of the authentication.initiated event; the session has expired');
  }
  session.redirectUri = redirect.toString();
  session.state = 'url-issued';
  return { AuthenticationUrl: `${base}/emulator/auth/${encodeURIComponent(sessionId)}` };
}

function cancelAuthentication(participant: Participant, sessionId: string, deps: ParticipantDeps): void {
  const session = authSession(participant, sessionId, deps);
  if (session.state === 'cancelled') return;
  if (session.state !== 'initiated' && session.state !== 'url-issued') {
    throw validationError(`the authentication session is already ${session.state} and cannot be cancelled`);
  }
  session.state = 'cancelled';
  deps.actions.authenticationEvent(session, 'cancelled');
}

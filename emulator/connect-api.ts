// The Amazon Connect side: StartChatContact (PUT /contact/chat), CreateParticipant
// (POST /contact/create-participant, with the AGENT and SUPERVISOR roles as an emulator extension),
// StopContact (POST /contact/stop), and the customer-backend contract POST /start-chat that Amazon's
// sample back end implements (chat-protocol.md §9).
import { isoTime, ServiceError } from './http.js';
import type { ChatActions } from './chat-actions.js';
import type { ResolvedOptions } from './options.js';
import { MESSAGE_CONTENT_LIMITS, SUPPORTED_MESSAGING_TYPES } from './participant-model.js';
import type { Contact, EmulatorState } from './store.js';
import { CONTENT_TYPES, type ChatItem, type DisconnectFlowName, type ParticipantRole } from './types.js';
import { codePoints, int, list, map, str, struct, validationMessage, violations, type Rule } from './validate.js';

export interface ConnectDeps {
  state: EmulatorState;
  options: ResolvedOptions;
  actions: ChatActions;
  /** The disconnect flow a new contact gets: the option's, else `plugin` when a plugin has onDisconnectFlow. */
  disconnectFlow: () => DisconnectFlowName | undefined;
}

const invalidParameter = (message: string): ServiceError => new ServiceError(400, 'InvalidParameterException', message);
const invalidRequest = (message: string): ServiceError => new ServiceError(400, 'InvalidRequestException', message);
const resourceNotFound = (message: string): ServiceError => new ServiceError(404, 'ResourceNotFoundException', message);
const contactNotFound = (message: string): ServiceError => new ServiceError(410, 'ContactNotFoundException', message);

function check(body: Record<string, unknown>, rule: Rule): void {
  const message = validationMessage(violations(body, rule, ''));
  if (message) throw invalidParameter(message);
}

const START_CHAT_CONTACT = struct({
  InstanceId: str({ required: true, min: 1, max: 100 }),
  ContactFlowId: str({ required: true, min: 1, max: 500 }),
  Attributes: map(str({ min: 1, max: 32767 }), str({ max: 32767 })),
  ParticipantDetails: struct({ DisplayName: str({ required: true, min: 1, max: 256 }) }, { required: true }),
  InitialMessage: struct({ ContentType: str({ required: true, min: 1, max: 100 }), Content: str({ required: true, min: 1, max: 16384 }) }),
  ClientToken: str({ max: 500 }),
  ChatDurationInMinutes: int({ min: 60, max: 10080 }),
  SupportedMessagingContentTypes: list(str({ min: 1, max: 100 })),
  PersistentChat: struct({
    RehydrationType: str({ enum: ['ENTIRE_PAST_SESSION', 'FROM_SEGMENT'] }),
    SourceContactId: str({ min: 1, max: 256 }),
  }),
  DisconnectOnCustomerExit: list(str({ enum: ['AGENT'] })),
});

const CREATE_PARTICIPANT = struct({
  InstanceId: str({ required: true, min: 1, max: 100 }),
  ContactId: str({ required: true, min: 1, max: 256 }),
  ClientToken: str({ max: 500 }),
  ParticipantDetails: struct(
    {
      ParticipantRole: str({ enum: ['AGENT', 'CUSTOMER', 'SYSTEM', 'CUSTOM_BOT', 'SUPERVISOR'] }),
      DisplayName: str({ min: 1, max: 256 }),
    },
    { required: true },
  ),
});

const STOP_CONTACT = struct({
  ContactId: str({ required: true, min: 1, max: 256 }),
  InstanceId: str({ required: true, min: 1, max: 100 }),
  DisconnectReason: struct({ Code: str({ min: 1, max: 128 }) }),
});

/** Roles CreateParticipant accepts: CUSTOM_BOT (the service's), AGENT and SUPERVISOR (emulator extension). */
export const CREATABLE_ROLES: readonly ParticipantRole[] = ['CUSTOM_BOT', 'AGENT', 'SUPERVISOR'];

const DEFAULT_NAMES: Record<string, string> = { AGENT: 'Agent', CUSTOM_BOT: 'Bot', SUPERVISOR: 'Supervisor' };

export interface StartChatInput {
  InstanceId: string;
  ContactFlowId: string;
  Attributes?: Record<string, string>;
  ParticipantDetails: { DisplayName: string };
  InitialMessage?: { ContentType: string; Content: string };
  ClientToken?: string;
  ChatDurationInMinutes?: number;
  SupportedMessagingContentTypes?: string[];
  PersistentChat?: { RehydrationType?: string; SourceContactId?: string };
  DisconnectOnCustomerExit?: string[];
}

export interface StartChatResult {
  ContactId: string;
  ParticipantId: string;
  ParticipantToken: string;
  ContinuedFromContactId?: string;
}

export function startChatContact(body: Record<string, unknown>, deps: ConnectDeps): StartChatResult {
  check(body, START_CHAT_CONTACT);
  const input = body as unknown as StartChatInput;
  const { state, options, actions } = deps;
  const key = input.ClientToken ? `StartChatContact|${input.ClientToken}` : undefined;
  if (key && state.idempotency.has(key)) return state.idempotency.get(key) as StartChatResult;

  const supported = input.SupportedMessagingContentTypes ?? [CONTENT_TYPES.text];
  if (!supported.includes(CONTENT_TYPES.text)) {
    throw invalidRequest('SupportedMessagingContentTypes must contain text/plain');
  }
  const unsupported = supported.filter((t) => !SUPPORTED_MESSAGING_TYPES.includes(t));
  if (unsupported.length > 0) {
    throw invalidParameter(`SupportedMessagingContentTypes: ${unsupported.join(', ')} not supported; use ${SUPPORTED_MESSAGING_TYPES.join(', ')}`);
  }
  if (input.InitialMessage) {
    const { ContentType, Content } = input.InitialMessage;
    if (ContentType !== CONTENT_TYPES.text && ContentType !== CONTENT_TYPES.markdown) {
      throw invalidParameter(`InitialMessage.ContentType must be text/plain or text/markdown, got "${ContentType}"`);
    }
    if (!supported.includes(ContentType)) throw invalidParameter(`InitialMessage.ContentType ${ContentType} is not in SupportedMessagingContentTypes`);
    if (codePoints(Content) > MESSAGE_CONTENT_LIMITS[ContentType]) {
      throw invalidParameter(`InitialMessage.Content is longer than ${MESSAGE_CONTENT_LIMITS[ContentType]} characters`);
    }
  }

  let history: ChatItem[] = [];
  let source: Contact | undefined;
  if (input.PersistentChat) {
    const { RehydrationType, SourceContactId } = input.PersistentChat;
    if (!RehydrationType || !SourceContactId) {
      throw invalidParameter('PersistentChat needs both RehydrationType (ENTIRE_PAST_SESSION or FROM_SEGMENT) and SourceContactId');
    }
    source = state.findContact(SourceContactId);
    if (!source) throw resourceNotFound(`PersistentChat.SourceContactId "${SourceContactId}" is not a contact of this instance`);
    if (source.endedAt === undefined) throw invalidRequest(`PersistentChat.SourceContactId "${SourceContactId}" has not ended; only ended chats can be rehydrated`);
    history = rehydratedItems(source, RehydrationType, SourceContactId);
  }

  const contact = state.createContact({
    instanceId: input.InstanceId,
    contactFlowId: input.ContactFlowId,
    attributes: { ...(input.Attributes ?? {}) },
    supportedTypes: [...supported],
    durationMinutes: input.ChatDurationInMinutes ?? options.chatDurationMinutes,
    previousContactId: input.PersistentChat?.SourceContactId,
    disconnectOnCustomerExit: [...new Set(input.DisconnectOnCustomerExit ?? [])],
    disconnectFlow: deps.disconnectFlow(),
  });
  for (const item of history) state.store(contact, item);
  const customer = state.addParticipant(contact, 'CUSTOMER', input.ParticipantDetails.DisplayName);
  actions.participantEvent(contact, 'joined', customer);
  if (source) actions.event(contact, CONTENT_TYPES.chatRehydrated);
  if (input.InitialMessage) actions.message(contact, customer, input.InitialMessage.ContentType, input.InitialMessage.Content);
  state.started(contact);

  const result: StartChatResult = {
    ContactId: contact.id,
    ParticipantId: customer.id,
    ParticipantToken: customer.participantToken as string,
  };
  if (source) result.ContinuedFromContactId = input.PersistentChat?.SourceContactId;
  if (key) state.idempotency.set(key, result);
  return result;
}

/**
 * The past items a persistent chat starts with: ENTIRE_PAST_SESSION takes the whole source chat
 * (SourceContactId must be its initial contact); FROM_SEGMENT takes the source chat from that
 * contact (segment) on. Past items keep their Id, lose ContactId and gain RelatedContactId.
 */
function rehydratedItems(source: Contact, type: string, sourceContactId: string): ChatItem[] {
  if (type === 'ENTIRE_PAST_SESSION') {
    if (sourceContactId !== source.initialContactId) {
      throw invalidRequest(
        `ENTIRE_PAST_SESSION needs the initial contact of the past chat as SourceContactId ("${source.initialContactId}"), or use FROM_SEGMENT`,
      );
    }
    return source.items.map(({ item }) => asPast(item, item.ContactId ?? item.RelatedContactId));
  }
  const segments = source.segmentIds.slice(source.segmentIds.indexOf(sourceContactId));
  return source.items.filter(({ item }) => item.ContactId !== undefined && segments.includes(item.ContactId)).map(({ item }) => asPast(item, item.ContactId));
}

function asPast(item: ChatItem, relatedContactId: string | undefined): ChatItem {
  const copy = structuredClone(item);
  delete copy.ContactId;
  if (relatedContactId) copy.RelatedContactId = relatedContactId;
  return copy;
}

export function createParticipant(body: Record<string, unknown>, deps: ConnectDeps): unknown {
  check(body, CREATE_PARTICIPANT);
  const { state, actions } = deps;
  const input = body as { ContactId: string; ClientToken?: string; ParticipantDetails: { ParticipantRole?: ParticipantRole; DisplayName?: string } };
  const key = input.ClientToken ? `CreateParticipant|${input.ContactId}|${input.ClientToken}` : undefined;
  if (key && state.idempotency.has(key)) return state.idempotency.get(key);
  const role = input.ParticipantDetails.ParticipantRole ?? 'CUSTOM_BOT';
  if (!CREATABLE_ROLES.includes(role)) {
    throw invalidRequest(`ParticipantRole ${role} cannot be added to a chat; use CUSTOM_BOT, or AGENT / SUPERVISOR (emulator extension)`);
  }
  const contact = state.findContact(input.ContactId);
  if (!contact) throw resourceNotFound(`ContactId "${input.ContactId}" is not a contact of this instance`);
  if (contact.endedAt !== undefined) throw invalidRequest(`contact ${input.ContactId} has ended`);
  const participant = state.addParticipant(contact, role, input.ParticipantDetails.DisplayName ?? DEFAULT_NAMES[role]);
  actions.participantEvent(contact, 'joined', participant);
  const result = {
    ParticipantCredentials: { ParticipantToken: participant.participantToken, Expiry: isoTime(contact.deadline) },
    ParticipantId: participant.id,
  };
  if (key) state.idempotency.set(key, result);
  return result;
}

export function stopContact(body: Record<string, unknown>, deps: ConnectDeps): unknown {
  check(body, STOP_CONTACT);
  const contactId = body.ContactId as string;
  const contact = deps.state.findContact(contactId);
  if (!contact) throw contactNotFound(`ContactId "${contactId}" is not a contact of this instance`);
  if (contact.endedAt !== undefined) throw contactNotFound(`contact ${contactId} has already ended`);
  deps.state.endContact(contact);
  return {};
}

// ------------------------------------------------------------------ POST /start-chat

/** Defaults for the customer-backend contract when the page leaves the Connect ids out. */
export const START_CHAT_DEFAULTS = { InstanceId: 'emulator-instance', ContactFlowId: 'emulator-contact-flow', DisplayName: 'Customer' };

/**
 * The sample back end's request → StartChatContact. It is lenient like that back end: Attributes
 * may be a JSON string, SupportedMessagingContentTypes a comma-separated string,
 * ChatDurationInMinutes a numeric string, the display name `ParticipantDetails.DisplayName` or
 * `Username`/`DisplayName`.
 */
export function startChat(body: Record<string, unknown>, deps: ConnectDeps): unknown {
  const input: Record<string, unknown> = {
    InstanceId: body.InstanceId ?? START_CHAT_DEFAULTS.InstanceId,
    ContactFlowId: body.ContactFlowId ?? START_CHAT_DEFAULTS.ContactFlowId,
    ParticipantDetails: body.ParticipantDetails ?? { DisplayName: body.DisplayName ?? body.Username ?? START_CHAT_DEFAULTS.DisplayName },
  };
  let attributes = body.Attributes;
  if (typeof attributes === 'string') {
    try {
      attributes = JSON.parse(attributes);
    } catch {
      throw invalidParameter('Attributes must be an object of strings or a JSON string of one');
    }
  }
  if (attributes !== undefined) input.Attributes = attributes;
  const types = body.SupportedMessagingContentTypes;
  if (types !== undefined) input.SupportedMessagingContentTypes = typeof types === 'string' ? types.split(',').map((t) => t.trim()).filter(Boolean) : types;
  const duration = body.ChatDurationInMinutes;
  if (duration !== undefined) input.ChatDurationInMinutes = typeof duration === 'string' ? Number(duration) : duration;
  for (const key of ['InitialMessage', 'PersistentChat', 'ClientToken', 'DisconnectOnCustomerExit'] as const) if (body[key] !== undefined) input[key] = body[key];
  const result = startChatContact(input, deps);
  const supported = (input.SupportedMessagingContentTypes as string[] | undefined) ?? [CONTENT_TYPES.text];
  return {
    data: {
      startChatResult: result,
      featurePermissions: { ATTACHMENTS: true, MESSAGING_MARKDOWN: supported.includes(CONTENT_TYPES.markdown) },
    },
  };
}

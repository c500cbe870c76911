// Wire shapes the emulator stores and sends. The service model's types come from src/client/types.ts
// (one source of truth); this file only adds what the model leaves out but the service sends.
import type { Item, MessageMetadata, ParticipantRole } from '../src/client/types.js';

export type { AttachmentItem, Item, ParticipantRole, Receipt } from '../src/client/types.js';

/**
 * MessageMetadata as it appears on chat items: the model's members plus the Lex streaming fields
 * (`MessageCompleted`, `ChunkNumber`) that the service sends on SYSTEM bot chunks but the model omits.
 */
export interface ChatMessageMetadata extends MessageMetadata {
  MessageCompleted?: boolean;
  ChunkNumber?: number;
}

/**
 * A chat item as stored and fanned out: Item plus what the wire carries beyond the model —
 * InitialContactId, the streaming metadata fields, and the `MESSAGEMETADATA` type receipts arrive as.
 */
export interface ChatItem extends Omit<Item, 'MessageMetadata' | 'Type'> {
  Type?: Item['Type'] | 'MESSAGEMETADATA';
  InitialContactId?: string;
  MessageMetadata?: ChatMessageMetadata;
}

/** `application/vnd.amazonaws.connect.` — the prefix of every vendor content type. */
export const VND = 'application/vnd.amazonaws.connect.';

export const CONTENT_TYPES = {
  text: 'text/plain',
  markdown: 'text/markdown',
  json: 'application/json',
  interactive: `${VND}message.interactive`,
  interactiveResponse: `${VND}message.interactive.response`,
  typing: `${VND}event.typing`,
  delivered: `${VND}event.message.delivered`,
  read: `${VND}event.message.read`,
  metadata: `${VND}event.message.metadata`,
  connectionAcknowledged: `${VND}event.connection.acknowledged`,
  chatEnded: `${VND}event.chat.ended`,
  chatRehydrated: `${VND}event.chat.rehydrated`,
  transferSucceeded: `${VND}event.transfer.succeeded`,
  transferFailed: `${VND}event.transfer.failed`,
} as const;

/** Participant events (`…event.participant.<kind>`) a bot or the control API may emit. */
export type ParticipantEventKind =
  | 'joined'
  | 'left'
  | 'idle'
  | 'returned'
  | 'autodisconnection'
  | 'invited'
  | 'displayname.updated'
  | 'active'
  | 'inactive';

export const PARTICIPANT_EVENT_KINDS: readonly ParticipantEventKind[] = [
  'joined',
  'left',
  'idle',
  'returned',
  'autodisconnection',
  'invited',
  'displayname.updated',
  'active',
  'inactive',
];

/** Authentication events (`…event.authentication.<kind>`). */
export type AuthenticationEventKind = 'initiated' | 'succeeded' | 'failed' | 'timeout' | 'expired' | 'cancelled';

/** A participant as the control API and plugins see it. */
export interface ParticipantInfo {
  ParticipantId: string;
  DisplayName: string;
  ParticipantRole: ParticipantRole;
  /** `joined` until the participant disconnects or the contact ends. */
  State: 'joined' | 'left';
  /** True after a CreateParticipantConnection (or for the built-in SYSTEM "BOT"). */
  Connected: boolean;
  /** Sockets currently open for this participant. */
  Sockets: number;
}

/**
 * A contact's disconnect flow: `survey` is the built-in post-chat survey (a rating view, then an
 * optional comment); `plugin` hands the flow to the plugins' `onDisconnectFlow`.
 */
export type DisconnectFlowName = 'survey' | 'plugin';

export const DISCONNECT_FLOWS: readonly DisconnectFlowName[] = ['survey', 'plugin'];

/** A post-chat survey as it stands: `pending` while the flow waits for the customer. */
export interface SurveyRecord {
  state: 'pending' | 'answered' | 'skipped' | 'unanswered';
  /** The built-in survey's `rating` ("1".."5") and `comment`; whatever a plugin records. */
  answers: Record<string, string>;
  answeredAt?: number;
}

/** A task (StartTaskContact) as the emulator keeps it and the control API shows it. */
export interface TaskContact {
  ContactId: string;
  InstanceId: string;
  /** The flow it runs in: ContactFlowId, or the one a QuickConnectId / TaskTemplateId names. */
  ContactFlowId?: string;
  QuickConnectId?: string;
  TaskTemplateId?: string;
  Name: string;
  Description?: string;
  Attributes: Record<string, string>;
  References: Record<string, { Type: string; Value?: string }>;
  PreviousContactId?: string;
  RelatedContactId?: string;
  /** ISO time the flow runs (ScheduledTime), else when it was created. */
  ScheduledTime?: string;
  CreatedAt: string;
}

/** A contact as the control API and plugins see it. */
export interface ContactInfo {
  ContactId: string;
  InitialContactId: string;
  /** Contact this one continues (persistent chat) or was transferred from. */
  PreviousContactId?: string;
  InstanceId: string;
  ContactFlowId: string;
  Attributes: Record<string, string>;
  SupportedMessagingContentTypes: string[];
  State: 'active' | 'ended';
  StartedAt: string;
  EndedAt?: string;
  Participants: ParticipantInfo[];
  /** StartChatContact's DisconnectOnCustomerExit, when given. */
  DisconnectOnCustomerExit?: string[];
  /** The disconnect flow: `waiting` until the customer or the last agent leaves. */
  DisconnectFlow?: { Name: DisconnectFlowName; State: 'waiting' | 'running' | 'done' };
  /** A post-chat survey's answers (the built-in flow's `rating` and `comment`). */
  Survey?: { State: SurveyRecord['state']; Answers: Record<string, string>; AnsweredAt?: string };
  /** Set when the flow queued the contact for an agent (the demo bot's `agent`). */
  Queue?: { Name: string; EnqueuedAt: string };
}

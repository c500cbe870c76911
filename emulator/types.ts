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
}

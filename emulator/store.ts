// Everything the emulator holds: contacts (one object per chat session, across transfer segments),
// participants, tokens, items, attachments, view tokens and sign-in sessions, plus the one place
// where items are created and handed to the fan-out.
import { randomBytes, randomUUID } from 'node:crypto';
import { isoTime } from './http.js';
import { initialFaults, type FaultState } from './faults.js';
import type { ArtifactStatus } from '../src/client/types.js';
import type { StoredItem } from './transcript.js';
import type { ChatItem, ContactInfo, DisconnectFlowName, ParticipantInfo, ParticipantRole, SurveyRecord, TaskContact } from './types.js';

export interface Participant {
  id: string;
  role: ParticipantRole;
  displayName: string;
  state: 'joined' | 'left';
  /** After CreateParticipantConnection. */
  connected: boolean;
  /** Absent for the contact's built-in SYSTEM participant. */
  participantToken?: string;
  contact: Contact;
}

export interface Attachment {
  id: string;
  contact: Contact;
  participant: Participant;
  name: string;
  contentType: string;
  declaredSize: number;
  bytes?: Buffer;
  /** pending: URL issued · uploading: PUT in progress · uploaded: bytes stored · completed: item sent. */
  upload: 'pending' | 'uploading' | 'uploaded' | 'completed';
  status?: ArtifactStatus;
  uploadExpiresAt: number;
  /** The ATTACHMENT item, once completed. */
  itemId?: string;
}

export interface AuthSession {
  sessionId: string;
  contact: Contact;
  participant: Participant;
  initiatedAt: number;
  /** Set by GetAuthenticationUrl. */
  redirectUri?: string;
  state: 'initiated' | 'url-issued' | 'succeeded' | 'failed' | 'timeout' | 'expired' | 'cancelled';
}

/** One chat: the contact chain a customer stays in (transfers add segments with new ContactIds). */
export interface Contact {
  /** The current segment's ContactId. */
  id: string;
  initialContactId: string;
  /** Every ContactId of the chain, oldest first. */
  segmentIds: string[];
  /** Persistent chat: the contact this chat continues. */
  previousContactId?: string;
  instanceId: string;
  contactFlowId: string;
  attributes: Record<string, string>;
  supportedTypes: string[];
  startedAt: number;
  endedAt?: number;
  /** ChatDurationInMinutes after the start. */
  deadline: number;
  participants: Map<string, Participant>;
  /** The flow's SYSTEM participant ("BOT") that plugins post as. */
  system: Participant;
  /** Stored items in arrival order: rehydrated history first, then this chain's own. */
  items: StoredItem[];
  /** Monotonic clock of this contact's items. */
  lastTime: number;
  attachmentsStarted: number;
  timers: Set<ReturnType<typeof setTimeout>>;
  /** StartChatContact's DisconnectOnCustomerExit: who leaves with the customer so the disconnect flow can run. */
  disconnectOnCustomerExit: string[];
  /** The contact's disconnect flow (the "Set disconnect flow" block), if any. */
  disconnectFlow?: DisconnectFlowName;
  /** Whether the disconnect flow has run: `running` while the customer is in it. */
  disconnectFlowState?: 'running' | 'done';
  /** What the customer answered a post-chat survey (built-in flow, or a plugin's recordSurvey). */
  survey?: SurveyRecord;
  /** Set when the flow put the contact in a queue for an agent (the "Transfer to queue" block). */
  queue?: { name: string; enqueuedAt: number };
}

export interface ConnectionGrant {
  participant: Participant;
  expiresAt: number;
}

export type ItemListener = (contact: Contact, item: ChatItem) => void;
export type ContactListener = (contact: Contact) => void;

export function newToken(bytes = 48): string {
  return randomBytes(bytes).toString('base64url');
}

export class EmulatorState {
  /** By every segment ContactId. */
  readonly contacts = new Map<string, Contact>();
  /** Every chat, oldest first. */
  readonly chats: Contact[] = [];
  readonly participantTokens = new Map<string, Participant>();
  readonly connectionTokens = new Map<string, ConnectionGrant>();
  /** WebSocket URL tickets (usable until expiresAt). */
  readonly socketTickets = new Map<string, ConnectionGrant>();
  readonly viewTokens = new Map<string, { contact: Contact; viewArn: string }>();
  readonly authSessions = new Map<string, AuthSession>();
  readonly attachments = new Map<string, Attachment>();
  /** Task contacts (StartTaskContact), oldest first. */
  readonly tasks: TaskContact[] = [];
  /** Idempotent results by `operation|participant|ClientToken`. */
  readonly idempotency = new Map<string, unknown>();
  faults: FaultState = initialFaults();
  private seq = 0;
  private readonly itemListeners: ItemListener[] = [];
  private readonly startListeners: ContactListener[] = [];
  private readonly endListeners: ContactListener[] = [];
  private readonly flowListeners: ContactListener[] = [];

  constructor(readonly now: () => number) {}

  onItem(listener: ItemListener): void {
    this.itemListeners.push(listener);
  }
  onContactStarted(listener: ContactListener): void {
    this.startListeners.push(listener);
  }
  onContactEnded(listener: ContactListener): void {
    this.endListeners.push(listener);
  }
  onDisconnectFlow(listener: ContactListener): void {
    this.flowListeners.push(listener);
  }

  // ------------------------------------------------------------------ contacts and participants

  createContact(input: {
    instanceId: string;
    contactFlowId: string;
    attributes: Record<string, string>;
    supportedTypes: string[];
    durationMinutes: number;
    previousContactId?: string;
    disconnectOnCustomerExit?: string[];
    disconnectFlow?: DisconnectFlowName;
  }): Contact {
    const id = randomUUID();
    const now = this.now();
    const contact: Contact = {
      id,
      initialContactId: id,
      segmentIds: [id],
      instanceId: input.instanceId,
      contactFlowId: input.contactFlowId,
      attributes: input.attributes,
      supportedTypes: input.supportedTypes,
      startedAt: now,
      deadline: now + input.durationMinutes * 60_000,
      participants: new Map(),
      // Set just below: the SYSTEM participant points back at its contact.
      system: undefined as unknown as Participant,
      items: [],
      lastTime: 0,
      attachmentsStarted: 0,
      timers: new Set(),
      disconnectOnCustomerExit: [...(input.disconnectOnCustomerExit ?? [])],
    };
    if (input.previousContactId) contact.previousContactId = input.previousContactId;
    if (input.disconnectFlow) contact.disconnectFlow = input.disconnectFlow;
    contact.system = { id: randomUUID(), role: 'SYSTEM', displayName: 'BOT', state: 'joined', connected: true, contact };
    this.contacts.set(id, contact);
    this.chats.push(contact);
    return contact;
  }

  addParticipant(contact: Contact, role: ParticipantRole, displayName: string): Participant {
    const participant: Participant = {
      id: randomUUID(),
      role,
      displayName,
      state: 'joined',
      connected: false,
      participantToken: newToken(96),
      contact,
    };
    contact.participants.set(participant.id, participant);
    this.participantTokens.set(participant.participantToken as string, participant);
    return participant;
  }

  /** The contact (chat) a ContactId of any of its segments belongs to; ends it if its time is up. */
  findContact(contactId: string): Contact | undefined {
    const contact = this.contacts.get(contactId);
    if (contact) this.checkDeadline(contact);
    return contact;
  }

  checkDeadline(contact: Contact): void {
    if (contact.endedAt === undefined && this.now() >= contact.deadline) this.endContact(contact);
  }

  /** Participants that count for receipts: joined, not the flow's SYSTEM participant. */
  activeParticipants(contact: Contact): Participant[] {
    return [...contact.participants.values()].filter((p) => p.state === 'joined');
  }

  /** A new transfer segment: a new ContactId, same InitialContactId. */
  addSegment(contact: Contact): string {
    const id = randomUUID();
    contact.segmentIds.push(id);
    contact.id = id;
    this.contacts.set(id, contact);
    return id;
  }

  endContact(contact: Contact): void {
    if (contact.endedAt !== undefined) return;
    this.append(contact, { Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.chat.ended' });
    contact.endedAt = this.now();
    if (contact.disconnectFlowState === 'running') contact.disconnectFlowState = 'done';
    if (contact.survey?.state === 'pending') contact.survey = { ...contact.survey, state: 'unanswered' };
    for (const participant of contact.participants.values()) participant.state = 'left';
    for (const timer of contact.timers) clearTimeout(timer);
    contact.timers.clear();
    for (const listener of this.endListeners) listener(contact);
  }

  /**
   * Runs the contact's disconnect flow (once): the customer stays, everyone else has left; the flow
   * ends the contact, or `timeoutMs` does.
   */
  startDisconnectFlow(contact: Contact, timeoutMs: number): void {
    if (!contact.disconnectFlow || contact.disconnectFlowState || contact.endedAt !== undefined) return;
    contact.disconnectFlowState = 'running';
    if (contact.survey === undefined && contact.disconnectFlow === 'survey') contact.survey = { state: 'pending', answers: {} };
    this.later(contact, timeoutMs, () => {
      if (contact.survey?.state === 'pending') contact.survey = { ...contact.survey, state: 'unanswered' };
      this.endContact(contact);
    });
    for (const listener of this.flowListeners) listener(contact);
  }

  started(contact: Contact): void {
    const untilDeadline = Math.max(0, contact.deadline - this.now());
    // Timers beyond ~24.8 days overflow; the lazy check in findContact covers those.
    if (untilDeadline < 2 ** 31 - 1) this.later(contact, untilDeadline, () => this.endContact(contact));
    for (const listener of this.startListeners) listener(contact);
  }

  /** A timer owned by the contact: cleared when the contact ends or the emulator closes. */
  later(contact: Contact, ms: number, fn: () => void): void {
    if (contact.endedAt !== undefined) return;
    const timer = setTimeout(() => {
      contact.timers.delete(timer);
      fn();
    }, ms);
    timer.unref?.();
    contact.timers.add(timer);
  }

  // ------------------------------------------------------------------ tokens

  issueConnectionToken(participant: Participant, ttlSeconds: number): { token: string; expiresAt: number } {
    const token = newToken(96);
    const expiresAt = this.now() + ttlSeconds * 1000;
    this.connectionTokens.set(token, { participant, expiresAt });
    return { token, expiresAt };
  }

  issueSocketTicket(participant: Participant, ttlSeconds: number): { ticket: string; expiresAt: number } {
    const ticket = newToken(32);
    const expiresAt = this.now() + ttlSeconds * 1000;
    this.socketTickets.set(ticket, { participant, expiresAt });
    return { ticket, expiresAt };
  }

  expireConnectionTokens(contactId?: string): number {
    let count = 0;
    const contact = contactId === undefined ? undefined : this.contacts.get(contactId);
    for (const grant of this.connectionTokens.values()) {
      if (contact && grant.participant.contact !== contact) continue;
      grant.expiresAt = Math.min(grant.expiresAt, this.now() - 1);
      count++;
    }
    return count;
  }

  // ------------------------------------------------------------------ items

  /**
   * Creates an item on the contact (Id, AbsoluteTime, InitialContactId, ContactId filled in), stores
   * it unless `store` is false (typing, receipts metadata, stream chunks), and fans it out.
   */
  append(contact: Contact, fields: ChatItem, sender?: Participant, options: { store?: boolean; id?: string } = {}): ChatItem {
    const item: ChatItem = {
      AbsoluteTime: isoTime(this.tick(contact)),
      Id: options.id ?? randomUUID(),
      ...fields,
    };
    if (sender) {
      item.ParticipantId = sender.id;
      item.DisplayName = sender.displayName;
      item.ParticipantRole = sender.role;
    }
    if (item.Type !== 'MESSAGEMETADATA') {
      item.InitialContactId = contact.initialContactId;
      item.ContactId = contact.id;
    }
    if (options.store !== false) this.store(contact, item);
    this.publish(contact, item);
    return item;
  }

  /** Stores an item as is (rehydrated history, or a finished stream) in arrival order. */
  store(contact: Contact, item: ChatItem): void {
    contact.items.push({ seq: ++this.seq, item });
  }

  /** Hands an already built item to the fan-out and plugins (without storing it). */
  publish(contact: Contact, item: ChatItem): void {
    for (const listener of this.itemListeners) listener(contact, item);
  }

  /** Replaces a stored item in place (same Id): attachment scan results, finished streams. */
  replaceStored(contact: Contact, item: ChatItem): boolean {
    const stored = contact.items.find((s) => s.item.Id === item.Id);
    if (!stored) return false;
    stored.item = item;
    return true;
  }

  findItem(contact: Contact, id: string): ChatItem | undefined {
    return contact.items.find((s) => s.item.Id === id)?.item;
  }

  /** This contact's clock: never earlier than its previous item. */
  tick(contact: Contact): number {
    contact.lastTime = Math.max(this.now(), contact.lastTime);
    return contact.lastTime;
  }

  // ------------------------------------------------------------------ views for the control API

  participantInfo(participant: Participant, sockets: number): ParticipantInfo {
    return {
      ParticipantId: participant.id,
      DisplayName: participant.displayName,
      ParticipantRole: participant.role,
      State: participant.state,
      Connected: participant.connected,
      Sockets: sockets,
    };
  }

  contactInfo(contact: Contact, socketsOf: (participantId: string) => number): ContactInfo {
    const info: ContactInfo = {
      ContactId: contact.id,
      InitialContactId: contact.initialContactId,
      InstanceId: contact.instanceId,
      ContactFlowId: contact.contactFlowId,
      Attributes: { ...contact.attributes },
      SupportedMessagingContentTypes: [...contact.supportedTypes],
      State: contact.endedAt === undefined ? 'active' : 'ended',
      StartedAt: isoTime(contact.startedAt),
      Participants: [...contact.participants.values()].map((p) => this.participantInfo(p, socketsOf(p.id))),
    };
    if (contact.previousContactId) info.PreviousContactId = contact.previousContactId;
    if (contact.endedAt !== undefined) info.EndedAt = isoTime(contact.endedAt);
    if (contact.disconnectOnCustomerExit.length > 0) info.DisconnectOnCustomerExit = [...contact.disconnectOnCustomerExit];
    if (contact.disconnectFlow) info.DisconnectFlow = { Name: contact.disconnectFlow, State: contact.disconnectFlowState ?? 'waiting' };
    if (contact.survey) {
      info.Survey = { State: contact.survey.state, Answers: { ...contact.survey.answers } };
      if (contact.survey.answeredAt !== undefined) info.Survey.AnsweredAt = isoTime(contact.survey.answeredAt);
    }
    if (contact.queue) info.Queue = { Name: contact.queue.name, EnqueuedAt: isoTime(contact.queue.enqueuedAt) };
    return info;
  }

  /** Ends every timer (emulator shutdown). */
  dispose(): void {
    for (const contact of this.chats) {
      for (const timer of contact.timers) clearTimeout(timer);
      contact.timers.clear();
    }
  }
}

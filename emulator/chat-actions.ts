// What happens in a chat, shared by the Participant Service routes, the Connect-side routes, the
// control API and plugin handles: messages, events, leaving, ending, transfers, views, attachments
// and the authentication events.
import { randomUUID } from 'node:crypto';
import { getView } from './views/index.js';
import { newToken, type Attachment, type AuthSession, type Contact, type EmulatorState, type Participant } from './store.js';
import type { ResolvedOptions } from './options.js';
import { CONTENT_TYPES, VND, type AuthenticationEventKind, type ChatItem, type ParticipantEventKind } from './types.js';

export class ChatActions {
  constructor(
    private readonly state: EmulatorState,
    private readonly options: ResolvedOptions,
  ) {}

  message(contact: Contact, sender: Participant, contentType: string, content: string): ChatItem {
    return this.state.append(contact, { Type: 'MESSAGE', ContentType: contentType, Content: content }, sender);
  }

  participantEvent(contact: Contact, kind: ParticipantEventKind, participant: Participant): ChatItem {
    return this.state.append(contact, { Type: 'EVENT', ContentType: `${VND}event.participant.${kind}` }, participant);
  }

  /** An event without a sender (chat.*, transfer.*, authentication.*), or with one when given. */
  event(contact: Contact, contentType: string, content?: string, sender?: Participant, store = true): ChatItem {
    const fields: ChatItem = { Type: 'EVENT', ContentType: contentType };
    if (content !== undefined) fields.Content = content;
    return this.state.append(contact, fields, sender, { store });
  }

  /**
   * DisconnectParticipant. The customer leaving ends the chat, unless the contact has a disconnect
   * flow and StartChatContact's DisconnectOnCustomerExit named AGENT: then the agents leave and the
   * customer stays in the flow (a post-chat survey) until it ends the chat. The last agent leaving
   * runs the disconnect flow too; without one, the chat goes on as before.
   */
  disconnect(participant: Participant): void {
    const contact = participant.contact;
    if (participant.state === 'left' || contact.endedAt !== undefined) return;
    if (participant.role === 'CUSTOMER') {
      if (disconnectFlowOnCustomerExit(contact)) {
        for (const other of contact.participants.values()) {
          if (other.role === 'AGENT' && other.state === 'joined') this.leave(contact, other);
        }
        this.state.startDisconnectFlow(contact, this.options.disconnectFlowTimeoutSeconds * 1000);
        return;
      }
      // The customer still gets chat.ended (clients such as amazon-connect-chatjs >= 4 tear down
      // only when it arrives), so they leave with everyone else.
      this.participantEvent(contact, 'left', participant);
      this.state.endContact(contact);
      return;
    }
    this.leave(contact, participant);
    if (participant.role === 'AGENT' && contact.disconnectFlow && !hasJoined(contact, 'AGENT') && hasJoined(contact, 'CUSTOMER')) {
      this.state.startDisconnectFlow(contact, this.options.disconnectFlowTimeoutSeconds * 1000);
    }
  }

  private leave(contact: Contact, participant: Participant): void {
    this.participantEvent(contact, 'left', participant);
    participant.state = 'left';
  }

  /**
   * A transfer: on success a new segment (new ContactId, same InitialContactId), agents and bots of
   * the old segment leave, the customer stays.
   */
  transfer(contact: Contact, succeeded: boolean): ChatItem {
    if (!succeeded) return this.event(contact, CONTENT_TYPES.transferFailed);
    for (const participant of contact.participants.values()) {
      if (participant.role !== 'CUSTOMER' && participant.state === 'joined') {
        this.participantEvent(contact, 'left', participant);
        participant.state = 'left';
      }
    }
    const item = this.event(contact, CONTENT_TYPES.transferSucceeded);
    this.state.addSegment(contact);
    return item;
  }

  /** The Show View flow block: a view token for DescribeView and the ViewResource message. */
  showView(contact: Contact, view: string, viewData: unknown, sender: Participant): { viewToken: string; item: ChatItem } {
    const described = getView(view);
    if (!described) throw new RangeError(`unknown view "${view}": use a view name such as cards, detail, list, form, confirmation, or its ARN`);
    const viewToken = newToken(96);
    this.state.viewTokens.set(viewToken, { contact, viewArn: described.Arn });
    const content = {
      templateType: 'ViewResource',
      version: '1.0',
      data: { content: { viewId: described.Arn, viewToken, viewData: viewData ?? {} } },
    };
    const item = this.message(contact, sender, CONTENT_TYPES.interactive, JSON.stringify(content));
    return { viewToken, item };
  }

  /** The scan result attachments get now: a fault override, else the option, else none (APPROVED). */
  private scanResult(): 'APPROVED' | 'REJECTED' | undefined {
    return this.state.faults.scanResult ?? this.options.scanResult;
  }

  /**
   * Sends the ATTACHMENT item of an uploaded attachment. Without scanning it is APPROVED at once;
   * with scanning it is sent IN_PROGRESS and, after scanDelayMs, again (same Id) with the result.
   */
  completeAttachment(attachment: Attachment): ChatItem {
    const contact = attachment.contact;
    const scan = this.scanResult();
    attachment.upload = 'completed';
    attachment.status = scan === undefined ? 'APPROVED' : 'IN_PROGRESS';
    const item = this.state.append(contact, this.attachmentFields(attachment), attachment.participant);
    attachment.itemId = item.Id;
    if (scan !== undefined) {
      this.state.later(contact, this.options.scanDelayMs, () => {
        attachment.status = scan;
        const updated: ChatItem = { ...item, ...this.attachmentFields(attachment) };
        this.state.replaceStored(contact, updated);
        this.state.publish(contact, updated);
      });
    }
    return item;
  }

  private attachmentFields(attachment: Attachment): ChatItem {
    return {
      Type: 'ATTACHMENT',
      Attachments: [
        {
          ContentType: attachment.contentType,
          AttachmentId: attachment.id,
          AttachmentName: attachment.name,
          Status: attachment.status,
        },
      ],
    };
  }

  /** An attachment from the service side (bot), stored directly and sent like a customer's. */
  postAttachment(contact: Contact, sender: Participant, name: string, contentType: string, bytes: Uint8Array): ChatItem {
    const attachment: Attachment = {
      id: randomUUID(),
      contact,
      participant: sender,
      name,
      contentType,
      declaredSize: bytes.byteLength,
      bytes: Buffer.from(bytes),
      upload: 'uploaded',
      uploadExpiresAt: 0,
    };
    this.state.attachments.set(attachment.id, attachment);
    return this.completeAttachment(attachment);
  }

  // ------------------------------------------------------------------ authentication

  authenticationEvent(session: AuthSession, kind: AuthenticationEventKind): ChatItem {
    return this.event(session.contact, `${VND}event.authentication.${kind}`, JSON.stringify({ SessionId: session.sessionId }));
  }

  /** The Authenticate Customer flow block: a SessionId the client passes to GetAuthenticationUrl. */
  startAuthentication(contact: Contact): { sessionId: string; item: ChatItem } {
    const customer = [...contact.participants.values()].find((p) => p.role === 'CUSTOMER');
    if (!customer) throw new RangeError('the contact has no customer to authenticate');
    const session: AuthSession = { sessionId: randomUUID(), contact, participant: customer, initiatedAt: this.state.now(), state: 'initiated' };
    this.state.authSessions.set(session.sessionId, session);
    const item = this.authenticationEvent(session, 'initiated');
    this.state.later(contact, this.options.authenticationTimeoutSeconds * 1000, () => {
      if (session.state === 'initiated' || session.state === 'url-issued') {
        session.state = 'timeout';
        this.authenticationEvent(session, 'timeout');
      }
    });
    return { sessionId: session.sessionId, item };
  }

  /** The sign-in page's outcome: succeeded (with an optional new display name) or failed. */
  finishAuthentication(session: AuthSession, outcome: 'succeeded' | 'failed', displayName?: string): void {
    if (session.state !== 'url-issued' && session.state !== 'initiated') return;
    session.state = outcome;
    this.authenticationEvent(session, outcome);
    if (outcome === 'succeeded' && displayName && displayName !== session.participant.displayName) {
      session.participant.displayName = displayName;
      this.participantEvent(session.contact, 'displayname.updated', session.participant);
    }
  }
}

function hasJoined(contact: Contact, role: Participant['role']): boolean {
  return [...contact.participants.values()].some((p) => p.role === role && p.state === 'joined');
}

/** The customer's exit runs the disconnect flow (rather than ending the chat) once, while nothing else does. */
function disconnectFlowOnCustomerExit(contact: Contact): boolean {
  return contact.disconnectFlow !== undefined && contact.disconnectFlowState === undefined && contact.disconnectOnCustomerExit.includes('AGENT');
}

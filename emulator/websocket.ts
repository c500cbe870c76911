// The chat WebSocket (chat-protocol.md §1): URL tickets from CreateParticipantConnection, the
// subscribe handshake, heartbeat and ping answers, and fan-out of every item to every subscribed
// socket of the contact's joined participants. Faults can silence heartbeats/pings, refuse
// subscribes, drop sockets and cap socket lifetimes.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { latencyFor, takeFailure } from './faults.js';
import type { Contact, EmulatorState, Participant } from './store.js';
import type { ChatItem } from './types.js';

/** Path of WebSocket URLs; the ticket is the `X-Amz-Security-Token` query parameter. */
export const WEBSOCKET_PATH = '/websocket';

interface ChatSocket {
  ws: WebSocket;
  participant: Participant;
  connectionId: string;
  subscribed: boolean;
  openedAt: number;
  lifetime?: ReturnType<typeof setTimeout>;
}

/** The frame every item travels in. */
export function chatFrame(item: ChatItem): string {
  return JSON.stringify({ topic: 'aws/chat', contentType: 'application/json', content: JSON.stringify(item) });
}

export class SocketHub {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly byParticipant = new Map<string, Set<ChatSocket>>();

  constructor(
    private readonly state: EmulatorState,
    private readonly log: (line: string) => void,
  ) {}

  /** Handles an HTTP upgrade on WEBSOCKET_PATH; refuses with an HTTP status when the ticket is bad. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    const refuse = (status: number, text: string): void => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${JSON.stringify({ message: text })}`);
    };
    const failure = takeFailure(this.state.faults, 'WebSocketConnect', false);
    if (failure) return refuse(failure.status, failure.message);
    const ticket = url.searchParams.get('X-Amz-Security-Token') ?? '';
    const grant = this.state.socketTickets.get(ticket);
    if (!grant) return refuse(403, 'Forbidden');
    if (this.state.now() > grant.expiresAt) {
      return refuse(403, 'Forbidden: the WebSocket URL expired (it is valid for 100 s); call CreateParticipantConnection again');
    }
    const participant = grant.participant;
    this.state.checkDeadline(participant.contact);
    if (participant.state !== 'joined') return refuse(403, 'Forbidden: the participant has left or the chat has ended');

    const delay = latencyFor(this.state.faults, 'WebSocketConnect');
    const accept = (): void =>
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.register(ws, participant);
      });
    if (delay > 0) setTimeout(accept, delay).unref?.();
    else accept();
  }

  private register(ws: WebSocket, participant: Participant): void {
    const chat: ChatSocket = { ws, participant, connectionId: randomUUID(), subscribed: false, openedAt: this.state.now() };
    let set = this.byParticipant.get(participant.id);
    if (!set) this.byParticipant.set(participant.id, (set = new Set()));
    set.add(chat);
    this.scheduleLifetime(chat);
    ws.on('message', (data, isBinary) => this.onFrame(chat, isBinary ? '' : data.toString()));
    ws.on('close', () => this.forget(chat));
    ws.on('error', () => this.forget(chat));
    this.log(`ws open ${participant.role} ${participant.id} contact ${participant.contact.id}`);
  }

  private forget(chat: ChatSocket): void {
    if (chat.lifetime) clearTimeout(chat.lifetime);
    this.byParticipant.get(chat.participant.id)?.delete(chat);
  }

  private send(chat: ChatSocket, frame: unknown): void {
    if (chat.ws.readyState === chat.ws.OPEN) chat.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  private onFrame(chat: ChatSocket, text: string): void {
    if (text.trim() === '') return;
    let frame: { topic?: unknown; content?: { topics?: unknown } };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      this.send(chat, { message: 'Internal server error', connectionId: chat.connectionId, requestId: randomUUID() });
      return;
    }
    const faults = this.state.faults;
    switch (frame.topic) {
      case 'aws/subscribe': {
        const topics = frame.content?.topics;
        const valid = Array.isArray(topics) && topics.every((t) => typeof t === 'string');
        if (!valid || faults.refuseSubscribes) {
          this.send(chat, { topic: 'aws/subscribe', content: { status: 'failure', topics: valid ? topics : [] } });
          return;
        }
        if ((topics as string[]).includes('aws/chat')) chat.subscribed = true;
        this.send(chat, { topic: 'aws/subscribe', content: { status: 'success', topics } });
        return;
      }
      case 'aws/unsubscribe': {
        const topics = frame.content?.topics;
        if (Array.isArray(topics) && topics.includes('aws/chat')) chat.subscribed = false;
        this.send(chat, { topic: 'aws/unsubscribe', content: { status: 'success', topics: Array.isArray(topics) ? topics : [] } });
        return;
      }
      case 'aws/heartbeat':
        if (!faults.ignoreHeartbeats) this.send(chat, { topic: 'aws/heartbeat' });
        return;
      case 'aws/ping':
        if (!faults.ignorePings) this.send(chat, { topic: 'aws/ping', statusCode: 200, statusContent: 'OK' });
        return;
      default:
        // API Gateway's answer to a frame no route takes.
        this.send(chat, { message: 'Forbidden', connectionId: chat.connectionId, requestId: randomUUID() });
    }
  }

  /** Sends an item to every subscribed socket of the contact's joined participants. */
  deliver(contact: Contact, item: ChatItem): void {
    const frame = chatFrame(item);
    for (const participant of contact.participants.values()) {
      if (participant.state !== 'joined') continue;
      for (const chat of this.byParticipant.get(participant.id) ?? []) {
        if (chat.subscribed) this.send(chat, frame);
      }
    }
  }

  socketCount(participantId: string): number {
    return this.byParticipant.get(participantId)?.size ?? 0;
  }

  private all(contactId?: string): ChatSocket[] {
    const contact = contactId === undefined ? undefined : this.state.contacts.get(contactId);
    const out: ChatSocket[] = [];
    for (const set of this.byParticipant.values()) {
      for (const chat of set) if (!contact || chat.participant.contact === contact) out.push(chat);
    }
    return out;
  }

  /** Drops sockets: abruptly (no close frame) unless a close code is given. Returns how many. */
  drop(options: { contactId?: string; code?: number; reason?: string } = {}): number {
    const sockets = this.all(options.contactId);
    for (const chat of sockets) {
      if (options.code !== undefined) chat.ws.close(options.code, options.reason ?? 'closed by the emulator');
      else chat.ws.terminate();
      this.forget(chat);
    }
    return sockets.length;
  }

  /** Applies a changed lifetime fault to open sockets, counted from now. */
  applyLifetimes(): void {
    const now = this.state.now();
    for (const chat of this.all()) this.scheduleLifetime(chat, now);
  }

  private scheduleLifetime(chat: ChatSocket, from = chat.openedAt): void {
    if (chat.lifetime) clearTimeout(chat.lifetime);
    chat.lifetime = undefined;
    const seconds = this.state.faults.closeSocketsAfterSeconds;
    if (seconds === null) return;
    const remaining = Math.max(0, from + seconds * 1000 - this.state.now());
    chat.lifetime = setTimeout(() => {
      // API Gateway's way of ending a connection at its maximum duration.
      chat.ws.close(1001, 'Going away');
      this.forget(chat);
    }, remaining);
    chat.lifetime.unref?.();
  }

  close(): void {
    for (const chat of this.all()) {
      chat.ws.terminate();
      this.forget(chat);
    }
    this.wss.close();
  }
}

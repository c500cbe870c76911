// The console's WebSocket: subscribe to aws/chat, heartbeat every 10 s, hand every chat item to
// `onItem`. Deliberately small (a dev tool): when the socket closes it reports it; the session decides
// whether to fetch a new URL and reconnect.
import type { ChatItem } from './items.js';

export interface ChatSocketHandlers {
  onOpen(): void;
  onItem(item: ChatItem): void;
  onClose(code: number): void;
}

const HEARTBEAT_MS = 10_000;

export class ChatSocket {
  private readonly socket: WebSocket;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private closedByUs = false;

  constructor(url: string, private readonly handlers: ChatSocketHandlers) {
    this.socket = new WebSocket(url);
    this.socket.addEventListener('open', () => {
      this.send({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } });
      this.heartbeat = setInterval(() => this.send({ topic: 'aws/heartbeat' }), HEARTBEAT_MS);
    });
    this.socket.addEventListener('message', (event) => this.onFrame(event.data));
    this.socket.addEventListener('close', (event) => {
      clearInterval(this.heartbeat);
      if (!this.closedByUs) this.handlers.onClose(event.code);
    });
  }

  close(): void {
    this.closedByUs = true;
    clearInterval(this.heartbeat);
    this.socket.close(1000, 'agent console closed the chat');
  }

  private send(frame: object): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private onFrame(data: unknown): void {
    if (typeof data !== 'string' || data === '') return;
    let frame: { topic?: string; content?: unknown };
    try {
      frame = JSON.parse(data) as { topic?: string; content?: unknown };
    } catch {
      return;
    }
    if (frame.topic === 'aws/subscribe') {
      const content = frame.content as { status?: string } | undefined;
      if (content?.status === 'success') this.handlers.onOpen();
      return;
    }
    if (frame.topic !== 'aws/chat' || typeof frame.content !== 'string') return;
    try {
      this.handlers.onItem(JSON.parse(frame.content) as ChatItem);
    } catch {
      // A frame that is not an item is not ours to show.
    }
  }
}

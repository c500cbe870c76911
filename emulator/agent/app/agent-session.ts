// One contact the agent joined: the agent's participant connection (through this project's
// ParticipantClient), its socket, and the transcript as signals for the UI.
import { signal } from '@preact/signals';
import type { ParticipantClient } from '../../../src/client/index.js';
import type { AgentCredentials, ContactInfo } from './api.js';
import { ChatSocket } from './socket.js';
import { CHAT_ENDED, INTERACTIVE, latestUnread, mergeItem } from './items.js';
import type { ChatItem, Entry } from './items.js';

export type SessionStatus = 'connecting' | 'connected' | 'reconnecting' | 'left' | 'ended';

const VND = 'application/vnd.amazonaws.connect.';
/** How long someone shows as typing after their typing event (as the official UIs do). */
const TYPING_SHOWN_MS = 12_000;
/** At most one typing event per this many ms (the service's clients throttle the same way). */
const TYPING_THROTTLE_MS = 10_000;
const RECONNECT_DELAY_MS = 2_000;

export class AgentSession {
  readonly entries = signal<Entry[]>([]);
  readonly status = signal<SessionStatus>('connecting');
  /** Display name of whoever is typing, for 12 s after their typing event. */
  readonly typing = signal<string | undefined>(undefined);
  readonly error = signal<string | undefined>(undefined);

  private connectionToken = '';
  private socket: ChatSocket | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private lastTypingSent = 0;
  private readonly readSent = new Set<string>();
  private readonly deliveredSent = new Set<string>();

  constructor(
    private readonly client: ParticipantClient,
    readonly contact: ContactInfo,
    readonly credentials: AgentCredentials,
    /** Whether the agent is looking at this chat (then incoming messages are marked read). */
    private readonly isVisible: () => boolean,
  ) {}

  get participantId(): string {
    return this.credentials.ParticipantId;
  }

  get active(): boolean {
    return this.status.value === 'connected' || this.status.value === 'connecting' || this.status.value === 'reconnecting';
  }

  /** CreateParticipantConnection (as an agent: ConnectParticipant), then the socket. */
  async connect(): Promise<void> {
    const connection = await this.client.createParticipantConnection({
      ParticipantToken: this.credentials.ParticipantToken,
      Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
      ConnectParticipant: true,
    });
    const token = connection.ConnectionCredentials?.ConnectionToken;
    const url = connection.Websocket?.Url;
    if (!token || !url) throw new Error('CreateParticipantConnection answered without a ConnectionToken or WebSocket URL');
    this.connectionToken = token;
    this.socket = new ChatSocket(url, {
      onOpen: () => {
        this.status.value = 'connected';
        void this.loadTranscript();
      },
      onItem: (item) => this.receive(item),
      onClose: () => this.onSocketClosed(),
    });
  }

  private onSocketClosed(): void {
    if (!this.active) return;
    this.status.value = 'reconnecting';
    setTimeout(() => {
      if (this.status.value !== 'reconnecting') return;
      this.connect().catch((error: unknown) => {
        // A 403 here means the contact ended while we were away.
        this.status.value = 'ended';
        this.fail(error);
      });
    }, RECONNECT_DELAY_MS);
  }

  /** Fills gaps after (re)connecting: the newest 100 items. */
  async loadTranscript(): Promise<void> {
    try {
      const page = await this.client.getTranscript({
        ConnectionToken: this.connectionToken,
        MaxResults: 100,
        ScanDirection: 'BACKWARD',
        SortOrder: 'ASCENDING',
      });
      for (const item of page.Transcript ?? []) this.receive(item, false);
    } catch (error) {
      this.fail(error);
    }
  }

  private receive(item: ChatItem, live = true): void {
    if (item.ContentType === `${VND}event.typing`) {
      if (item.ParticipantId !== this.participantId) this.showTyping(item.DisplayName ?? 'Someone');
      return;
    }
    this.entries.value = mergeItem(this.entries.value, item, this.participantId);
    if (item.Type === 'MESSAGE' && item.ParticipantId !== this.participantId) this.typing.value = undefined;
    if (item.ContentType === CHAT_ENDED) {
      this.status.value = 'ended';
      this.socket?.close();
      return;
    }
    if (item.ContentType === `${VND}event.participant.left` && item.ParticipantId === this.participantId) {
      // Removed from the chat (e.g. by a transfer): nothing more will arrive for us.
      this.status.value = 'left';
      this.socket?.close();
      return;
    }
    if (live && item.Type === 'MESSAGE' && item.ParticipantRole === 'CUSTOMER' && item.Id) void this.sendReceipt('delivered', item.Id);
    if (live && item.Type === 'ATTACHMENT' && item.ParticipantRole === 'CUSTOMER' && item.Id) void this.sendReceipt('delivered', item.Id);
    this.markRead();
  }

  private showTyping(name: string): void {
    this.typing.value = name;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => (this.typing.value = undefined), TYPING_SHOWN_MS);
  }

  /** Marks the newest incoming customer message read, if the agent is looking at this chat. */
  markRead(): void {
    if (!this.active || !this.isVisible()) return;
    const item = latestUnread(this.entries.value, this.participantId, this.readSent);
    if (item?.Id && item.ParticipantRole === 'CUSTOMER') void this.sendReceipt('read', item.Id);
  }

  private async sendReceipt(kind: 'delivered' | 'read', messageId: string): Promise<void> {
    const sent = kind === 'read' ? this.readSent : this.deliveredSent;
    if (sent.has(messageId) || this.readSent.has(messageId) || !this.active) return;
    sent.add(messageId);
    try {
      await this.client.sendEvent({
        ConnectionToken: this.connectionToken,
        ContentType: `${VND}event.message.${kind}`,
        Content: JSON.stringify({ messageId }),
      });
    } catch (error) {
      this.fail(error);
    }
  }

  async sendText(text: string, markdown: boolean): Promise<void> {
    await this.sendMessage(markdown ? 'text/markdown' : 'text/plain', text);
  }

  /** An interactive template envelope `{templateType, version, data}` as JSON text. */
  async sendTemplate(json: string): Promise<void> {
    await this.sendMessage(INTERACTIVE, json);
  }

  private async sendMessage(contentType: string, content: string): Promise<void> {
    const response = await this.client.sendMessage({ ConnectionToken: this.connectionToken, ContentType: contentType, Content: content });
    this.error.value = undefined;
    if (response.Id && !this.entries.value.some((entry) => entry.item.Id === response.Id)) {
      // Show it now; the socket echo (same Id) merges into it.
      this.receive(
        {
          Id: response.Id,
          AbsoluteTime: response.AbsoluteTime,
          Type: 'MESSAGE',
          ContentType: contentType,
          Content: content,
          ParticipantId: this.participantId,
          ParticipantRole: 'AGENT',
          DisplayName: 'You',
        },
        false,
      );
    }
  }

  /** Typing, throttled to one event per 10 s. */
  typingNow(): void {
    const now = Date.now();
    if (!this.active || now - this.lastTypingSent < TYPING_THROTTLE_MS) return;
    this.lastTypingSent = now;
    this.client.sendEvent({ ConnectionToken: this.connectionToken, ContentType: `${VND}event.typing` }).catch((error: unknown) => this.fail(error));
  }

  /** StartAttachmentUpload -> PUT to the pre-signed URL -> CompleteAttachmentUpload. */
  async sendFile(file: File): Promise<void> {
    const upload = await this.client.startAttachmentUpload({
      ConnectionToken: this.connectionToken,
      AttachmentName: file.name,
      AttachmentSizeInBytes: file.size,
      ContentType: file.type || 'application/octet-stream',
    });
    const url = upload.UploadMetadata?.Url;
    if (!upload.AttachmentId || !url) throw new Error('StartAttachmentUpload answered without AttachmentId or UploadMetadata.Url');
    const put = await fetch(url, { method: 'PUT', headers: upload.UploadMetadata?.HeadersToInclude ?? {}, body: file });
    if (!put.ok) throw new Error(`uploading ${file.name} failed: the upload URL answered ${put.status}`);
    await this.client.completeAttachmentUpload({ ConnectionToken: this.connectionToken, AttachmentIds: [upload.AttachmentId] });
    this.error.value = undefined;
  }

  /** A short-lived download URL of an attachment (GetAttachment). */
  async attachmentUrl(attachmentId: string): Promise<string> {
    const response = await this.client.getAttachment({ ConnectionToken: this.connectionToken, AttachmentId: attachmentId });
    if (!response.Url) throw new Error('GetAttachment answered without a Url');
    return response.Url;
  }

  /** DisconnectParticipant: the agent leaves; the contact goes on without them. */
  async leave(): Promise<void> {
    await this.client.disconnectParticipant({ ConnectionToken: this.connectionToken });
    this.status.value = 'left';
    this.socket?.close();
  }

  close(): void {
    clearTimeout(this.typingTimer);
    this.socket?.close();
  }

  fail(error: unknown): void {
    this.error.value = error instanceof Error ? error.message : String(error);
  }
}

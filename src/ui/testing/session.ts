// A ChatSessionApi test double for jsdom unit tests of the UI only (the e2e tests run the real
// session against the emulator). It keeps the contract's signals, records every call, and lets a
// test play the other side (`receive`, `setPhase`, …).
import { signal } from '@preact/signals';
import type {
  ChatErrorCode,
  ChatPhase,
  ChatSessionApi,
  ChatSessionEvents,
  ConnectionState,
  MessageEntry,
  SendOptions,
  StartChatRequest,
  TranscriptEntry,
  TypingParticipant,
  Upload,
  ViewDescription,
} from '../../chat/types';

type Listener = (detail: never) => void;

let n = 0;
export const iso = (ms: number) => new Date(ms).toISOString();

/** An incoming agent message (override anything). */
export function agentMessage(content: string, extra: Partial<MessageEntry> = {}): MessageEntry {
  return {
    kind: 'message', id: `m${++n}`, time: iso(Date.now()), participantId: 'agent-1', displayName: 'Ana', role: 'AGENT',
    own: false, contentType: 'text/plain', content, ...extra,
  };
}

export class FakeSession implements ChatSessionApi {
  readonly phase = signal<ChatPhase>('idle');
  readonly connection = signal<ConnectionState>('idle');
  readonly transcript = signal<readonly TranscriptEntry[]>([]);
  readonly typing = signal<readonly TypingParticipant[]>([]);
  readonly uploads = signal<readonly Upload[]>([]);
  readonly hasOlder = signal(false);
  readonly loadingOlder = signal(false);
  readonly lastError = signal<{ code: ChatErrorCode; message: string } | null>(null);
  readonly participantId = signal<string | null>(null);
  readonly contactId = signal<string | null>(null);
  /** The unsent text; a test sets it to play a resumed conversation or another tab. */
  readonly draft = signal('');

  readonly calls: { method: string; args: unknown[] }[] = [];
  /** Make the next start() fail. */
  failStart = false;
  /** What resume() reports (true also makes the phase active). */
  resumable = false;
  /** Entries loadOlder() prepends, page by page. */
  olderPages: TranscriptEntry[][] = [];
  private listeners = new Map<string, Set<Listener>>();

  private record(method: string, ...args: unknown[]) {
    this.calls.push({ method, args });
  }
  called(method: string) {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async start(request?: Partial<StartChatRequest>) {
    this.record('start', request);
    this.phase.value = 'starting';
    await Promise.resolve();
    if (this.failStart) {
      this.phase.value = 'idle';
      this.lastError.value = { code: 'start-failed', message: 'The back end said no.' };
      throw new Error('start failed');
    }
    this.phase.value = 'active';
    this.connection.value = 'connected';
  }
  async resume() {
    this.record('resume');
    if (this.resumable) {
      this.phase.value = 'active';
      this.connection.value = 'connected';
    }
    return this.resumable;
  }
  async send(content: string, contentType = 'text/plain', options: SendOptions = {}) {
    this.record('send', content, contentType);
    if (!content.trim()) throw new Error('message-empty');
    const token = `t${++n}`;
    this.transcript.value = [
      ...this.transcript.value,
      { kind: 'message', id: `local:${token}`, time: iso(Date.now()), participantId: 'me', displayName: 'Me', role: 'CUSTOMER', own: true, contentType, content, status: 'sending', clientToken: token, display: options.display },
    ];
  }
  async retry(id: string) {
    this.record('retry', id);
  }
  discard(id: string) {
    this.record('discard', id);
    this.transcript.value = this.transcript.value.filter((e) => e.id !== id);
  }
  setDraft(text: string) {
    this.record('setDraft', text);
    this.draft.value = text;
  }
  typingActivity() {
    this.record('typingActivity');
  }
  markRead(id: string) {
    this.record('markRead', id);
  }
  upload(file: File | Blob, name?: string): Upload {
    this.record('upload', file, name);
    const u: Upload = { id: `u${++n}`, name: name ?? 'blob', size: file.size, contentType: file.type, state: 'uploading', progress: 0.4 };
    this.uploads.value = [...this.uploads.value, u];
    return u;
  }
  cancelUpload(id: string) {
    this.record('cancelUpload', id);
    this.uploads.value = this.uploads.value.map((u) => (u.id === id ? { ...u, state: 'cancelled' } : u));
  }
  async attachmentUrl(attachmentId: string) {
    this.record('attachmentUrl', attachmentId);
    return `https://files.example/${attachmentId}`;
  }
  async attachment(attachmentId: string) {
    this.record('attachment', attachmentId);
    return { url: `https://files.example/${attachmentId}`, size: 2048 };
  }
  async attachmentBlob(attachmentId: string): Promise<Blob> {
    this.record('attachmentBlob', attachmentId);
    throw new Error('no attachment bytes in this double');
  }
  async describeView(viewToken: string): Promise<ViewDescription> {
    this.record('describeView', viewToken);
    throw new Error('no views in this double');
  }
  async loadOlder() {
    this.record('loadOlder');
    const page = this.olderPages.shift();
    if (page) this.transcript.value = [...page, ...this.transcript.value];
    this.hasOlder.value = this.olderPages.length > 0;
  }
  async getAuthenticationUrl(sessionId: string, redirectUri: string) {
    this.record('getAuthenticationUrl', sessionId, redirectUri);
    return 'https://idp.example/signin';
  }
  async cancelAuthentication(sessionId: string) {
    this.record('cancelAuthentication', sessionId);
  }
  async end() {
    this.record('end');
    this.phase.value = 'ending';
    await Promise.resolve();
    this.setEnded();
  }
  clearError() {
    this.record('clearError');
    this.lastError.value = null;
  }
  async destroy() {
    this.record('destroy');
  }
  on<K extends keyof ChatSessionEvents>(event: K, listener: (detail: ChatSessionEvents[K]) => void) {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as Listener);
    this.listeners.set(event, set);
    return () => set.delete(listener as Listener);
  }

  // The other side, for tests.
  emit<K extends keyof ChatSessionEvents>(event: K, detail: ChatSessionEvents[K]) {
    for (const l of this.listeners.get(event) ?? []) (l as (d: ChatSessionEvents[K]) => void)(detail);
  }
  receive(...entries: TranscriptEntry[]) {
    this.transcript.value = [...this.transcript.value, ...entries];
    for (const e of entries) this.emit('message', e);
  }
  setEnded() {
    this.phase.value = 'ended';
    this.connection.value = 'ended';
    this.emit('chatEnded', {});
  }
}

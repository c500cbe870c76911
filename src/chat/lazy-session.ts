// A ChatSession in a chunk of its own, behind a thin stand-in the UI can render at once. The script-tag
// widget renders its window from widget.js alone (the critical path after the click) while the session
// (client, socket, store, the engine: about half of the widget) downloads beside it: `load` starts
// when the stand-in is made.
//
// Until the session is there the stand-in reads as a session that has not started (phase 'idle',
// nothing in the transcript); from then on every signal reads the session's own. Commands that
// answer with a promise (start, resume, send, end, …) wait for the session and then run on it; a
// session that cannot be loaded rejects them, and the next one tries again (the window shows its
// usual error with Retry). The few commands that answer at once (typing, read marks, discard,
// cancel) only make sense for what a loaded session put on screen: before it they do nothing. The
// draft typed before it loads is handed to it first, so nothing typed is lost.
import { computed, signal, type ReadonlySignal } from '@preact/signals-core';
import type { ChatSession } from './chat-session.js';
import { ChatError, describeCause } from './errors.js';
import type { ChatSessionOptions } from './options.js';
import type { TabRole } from './tabs.js';
import type { ChatSessionApi, ChatSessionEvents, Upload } from './types.js';

/** What loads the session's chunk, e.g. `() => import('./chat-session.js').then((m) => m.ChatSession)`. */
export type LoadSession = () => Promise<new (options: ChatSessionOptions) => ChatSession>;

export type LazySession = ChatSessionApi & {
  readonly tabRole: ReadonlySignal<TabRole>;
  close(): Promise<void>;
  /** The session once its chunk has loaded (for tests and tools). */
  loaded(): Promise<ChatSession>;
};

type Events = keyof ChatSessionEvents;
type AnyListener = (detail: ChatSessionEvents[Events]) => void;

/** A session that has not started, as the UI sees it before the real one is there. */
const BEFORE = {
  phase: 'idle',
  connection: 'idle',
  transcript: [],
  typing: [],
  uploads: [],
  hasOlder: false,
  loadingOlder: false,
  lastError: null,
  participantId: null,
  contactId: null,
  tabRole: 'solo',
} as const;

type Read = keyof typeof BEFORE;

export function lazySession(load: LoadSession, options: ChatSessionOptions): LazySession {
  const real = signal<ChatSession | null>(null);
  const draft = signal('');
  const listeners: { event: Events; listener: AnyListener; off?: () => void }[] = [];
  let loading: Promise<ChatSession> | undefined;

  const session = (): Promise<ChatSession> => {
    loading ??= load().then(
      (Session) => {
        const s = new Session(options);
        // Before anything reads the session: what was typed, and who listens.
        if (draft.peek()) s.setDraft(draft.peek());
        for (const l of listeners) l.off = s.on(l.event, l.listener);
        real.value = s;
        return s;
      },
      (error: unknown) => {
        loading = undefined; // the next command tries again
        throw new ChatError('start-failed', `The chat could not be loaded (${describeCause(error)}). Check the connection and try again.`, { cause: error });
      },
    );
    return loading;
  };
  void session().catch(() => {}); // start downloading now; commands report a failure

  const read = <K extends Read>(key: K): LazySession[K] =>
    computed(() => {
      const s = real.value;
      return s ? s[key].value : BEFORE[key];
    }) as unknown as LazySession[K];
  const later =
    <A extends unknown[], R>(run: (s: ChatSession, ...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      session().then((s) => run(s, ...args));
  const now =
    <A extends unknown[]>(run: (s: ChatSession, ...args: A) => void) =>
    (...args: A): void => {
      const s = real.peek();
      if (s) run(s, ...args);
    };

  return {
    phase: read('phase'),
    connection: read('connection'),
    transcript: read('transcript'),
    typing: read('typing'),
    uploads: read('uploads'),
    hasOlder: read('hasOlder'),
    loadingOlder: read('loadingOlder'),
    lastError: read('lastError'),
    participantId: read('participantId'),
    contactId: read('contactId'),
    tabRole: read('tabRole'),
    draft: computed(() => real.value?.draft.value ?? draft.value),
    setDraft(text) {
      draft.value = text;
      real.peek()?.setDraft(text);
    },
    start: later((s, request) => s.start(request)),
    resume: later((s) => s.resume()),
    send: later((s, content, contentType, sendOptions) => s.send(content, contentType, sendOptions)),
    retry: later((s, id) => s.retry(id)),
    attachmentUrl: later((s, id) => s.attachmentUrl(id)),
    attachment: later((s, id) => s.attachment(id)),
    attachmentBlob: later((s, id) => s.attachmentBlob(id)),
    describeView: later((s, token) => s.describeView(token)),
    loadOlder: later((s) => s.loadOlder()),
    getAuthenticationUrl: later((s, sessionId, redirectUri) => s.getAuthenticationUrl(sessionId, redirectUri)),
    cancelAuthentication: later((s, sessionId) => s.cancelAuthentication(sessionId)),
    end: later((s) => s.end()),
    destroy: later((s) => s.destroy()),
    close: () => (loading ? loading.then((s) => s.close(), () => undefined) : Promise.resolve()),
    discard: now((s, id) => s.discard(id)),
    typingActivity: now((s) => s.typingActivity()),
    markRead: now((s, id) => s.markRead(id)),
    cancelUpload: now((s, id) => s.cancelUpload(id)),
    clearError: now((s) => s.clearError()),
    upload(file, name): Upload {
      const s = real.peek();
      if (s) return s.upload(file, name);
      // Files are offered only in a chat the session started, so the window does not get here.
      const size = file.size;
      return { id: `unloaded:${Date.now()}`, name: name ?? 'file', size, contentType: file.type, state: 'failed', progress: 0, error: 'The chat is still loading; send the file again in a moment.' };
    },
    on(event, listener) {
      const entry = { event, listener: listener as AnyListener, off: real.peek()?.on(event, listener) };
      listeners.push(entry);
      return () => {
        const i = listeners.indexOf(entry);
        if (i >= 0) listeners.splice(i, 1);
        entry.off?.();
      };
    },
    loaded: session,
  };
}

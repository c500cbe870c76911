// The visitor's uploads: checked, then sent by the three-step upload of upload.ts (loaded the first
// time a file is sent), shown in the uploads signal until the attachment is in the transcript.
// Also the download link of an attachment.
import { randomUuid } from '../client/uuid.js';
import { checkAttachment, type AttachmentRules, type Uploader } from './attachments.js';
import { ChatError, describeCause, isChatError } from './errors.js';
import { pageEvents } from './page-events.js';
import type { SessionDetails } from './persistence.js';
import type { Life, Log, Op, Report } from './ports.js';
import type { SessionState } from './state.js';
import type { AttachmentLink, TranscriptEntry, Upload } from './types.js';

export interface UploadsPorts {
  s: SessionState;
  life: Life;
  session: () => SessionDetails | null;
  rules: AttachmentRules;
  /** Default: XMLHttpRequest in browsers, fetch elsewhere (upload.ts). */
  uploader: Uploader | undefined;
  op: Op;
  endedError: () => ChatError;
  report: Report;
  log: Log;
}

/** How many times a file is tried in all when the network keeps going while it is sent. */
const MAX_OFFLINE_TRIES = 5;

/**
 * Resolves once the browser is back online (the socket is no longer `offline`), or on abort. Only
 * offline: a socket that cannot reconnect while HTTP works (a proxy) must not hold files back.
 */
function untilOnline(s: SessionState, signal: AbortSignal): Promise<void> {
  if (s.connection.peek() !== 'offline' || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stop();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const stop = s.connection.subscribe((state) => {
      if (state !== 'offline') queueMicrotask(done);
    });
    signal.addEventListener('abort', done, { once: true });
  });
}

/** While a file is on its way, leaving the page asks first: the file would go with the page, unsent and unseen. */
const askBeforeLeaving = (e: BeforeUnloadEvent): void => {
  e.preventDefault();
  e.returnValue = ''; // browsers before the preventDefault() of the spec
};

export class Uploads {
  private readonly controllers = new Map<string, AbortController>();
  /** Settles when the upload sent last has settled: files complete in the order they were sent. */
  private lastSettled: Promise<unknown> = Promise.resolve();

  constructor(private readonly p: UploadsPorts) {}

  upload(file: Blob, name: string, id: string = randomUuid()): Upload {
    const s = this.p.s;
    const upload: Upload = { id, name, size: file.size, contentType: file.type, state: 'validating', progress: 0 };
    const update = (patch: Partial<Upload>): void => {
      s.uploads.value = s.uploads.peek().map((u) => (u.id === id ? { ...u, ...patch } : u));
    };
    if (s.uploads.peek().some((u) => u.id === id)) return s.uploads.peek().find((u) => u.id === id) as Upload;
    s.uploads.value = [...s.uploads.peek(), upload];
    let contentType: string;
    try {
      if (this.p.life.hasEnded) throw this.p.endedError();
      if (!this.p.session()) throw new ChatError('attachment-failed', 'There is no chat to send the file to yet. Start the chat first.');
      contentType = checkAttachment({ name, size: file.size, type: file.type }, this.p.rules);
    } catch (error) {
      const e = isChatError(error) ? error : new ChatError('attachment-failed', describeCause(error));
      update({ state: 'failed', error: e.message });
      this.p.report(e.code, e.message, error);
      return { ...upload, state: 'failed', error: e.message };
    }
    const controller = new AbortController();
    this.controllers.set(id, controller);
    if (this.controllers.size === 1) pageEvents()?.addEventListener('beforeunload', askBeforeLeaving);
    update({ contentType, state: 'uploading' });
    // Files upload side by side, but each completes (becomes an attachment in the chat) only after
    // the one sent before it has settled: the agent gets them in the order the visitor picked them.
    const before = this.lastSettled;
    const calls = {
      start: (input: { ContentType: string; AttachmentSizeInBytes: number; AttachmentName: string; ClientToken: string }) =>
        this.p.op('StartAttachmentUpload', input, controller.signal),
      complete: async (input: { AttachmentIds: string[]; ClientToken: string }) => {
        await before;
        return this.p.op('CompleteAttachmentUpload', input, controller.signal);
      },
    };
    const tokens = { start: randomUuid(), complete: randomUuid() };
    const attempt = () =>
      import('./upload.js')
        .catch((cause: unknown) => {
          throw new ChatError('attachment-failed', `"${name}" could not be sent: the upload could not start (${describeCause(cause)}). Check the connection and try again.`, { cause });
        })
        .then(({ runUpload, defaultUploader }) =>
          runUpload(file, name, contentType, calls, this.p.uploader ?? defaultUploader(), tokens, controller.signal, (p) =>
            update({ state: p.state, progress: p.progress, ...(p.attachmentId ? { attachmentId: p.attachmentId } : {}) }),
          ),
        );
    // Offline, a file waits for the network as a message does, and one that failed because the
    // network went meanwhile is tried again once it is back.
    const run = async (): Promise<string> => {
      for (let tries = 1; ; tries++) {
        await untilOnline(s, controller.signal);
        try {
          return await attempt();
        } catch (error) {
          const wentOffline = !controller.signal.aborted && isChatError(error) && error.code === 'attachment-failed' && s.connection.peek() === 'offline';
          if (!wentOffline || tries >= MAX_OFFLINE_TRIES) throw error;
          this.p.log('upload-waits', { name, error: describeCause(error) });
        }
      }
    };
    const settled = run();
    this.lastSettled = settled.catch(() => {});
    settled
      .then((attachmentId) => {
        // The attachment may already be in the transcript (the socket can beat the response).
        const present = s.transcriptState.peek().rows.some((r) => r.entry.kind === 'attachment' && r.entry.attachmentId === attachmentId);
        if (present) s.uploads.value = s.uploads.peek().filter((u) => u.id !== id);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted || this.p.life.isStopped) {
          update({ state: 'cancelled' });
          return;
        }
        const e = isChatError(error) ? error : new ChatError('attachment-failed', describeCause(error));
        update({ state: 'failed', error: e.message });
        this.p.report(e.code, e.message, error);
      })
      .finally(() => {
        this.controllers.delete(id);
        if (!this.controllers.size) pageEvents()?.removeEventListener('beforeunload', askBeforeLeaving);
      });
    return { ...upload, contentType, state: 'uploading' };
  }

  cancel(id: string): void {
    const controller = this.controllers.get(id);
    if (controller) {
      controller.abort();
      return;
    }
    // Finished, failed or cancelled uploads: dismiss them from the list.
    const s = this.p.s;
    s.uploads.value = s.uploads.peek().filter((u) => !(u.id === id && u.state !== 'uploading' && u.state !== 'completing'));
  }

  /** Stops every running upload (the chat ended, or the page stops). */
  abortAll(): void {
    for (const c of this.controllers.values()) c.abort();
  }

  /** Uploads whose attachment is now in the transcript leave the uploads list; a rejected one is reported. */
  settle(entries: readonly TranscriptEntry[]): void {
    const s = this.p.s;
    for (const entry of entries) {
      if (entry.kind !== 'attachment' || !entry.own) continue;
      if (entry.status === 'REJECTED') {
        this.p.report('attachment-rejected', `"${entry.name}" was rejected by the service's file check and was not delivered. Send another file.`);
      }
      const uploads = s.uploads.peek();
      if (uploads.some((u) => u.attachmentId === entry.attachmentId && u.state === 'done')) {
        s.uploads.value = uploads.filter((u) => !(u.attachmentId === entry.attachmentId && u.state === 'done'));
      }
    }
  }

  async attachment(attachmentId: string): Promise<AttachmentLink> {
    try {
      const response = await this.p.op('GetAttachment', { AttachmentId: attachmentId });
      if (!response.Url) throw new Error('the service returned no URL');
      return { url: response.Url, expiresAt: response.UrlExpiry, size: response.AttachmentSizeInBytes };
    } catch (error) {
      if (isChatError(error)) throw error;
      throw new ChatError('attachment-failed', `The file could not be downloaded (${describeCause(error)}). Try again.`, { cause: error });
    }
  }
}

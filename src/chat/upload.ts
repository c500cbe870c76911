// The three-step upload (chat-protocol.md §6: StartAttachmentUpload → PUT with HeadersToInclude →
// CompleteAttachmentUpload) with progress, and the uploaders. Loaded when the first file is sent.
// Browsers upload with XMLHttpRequest because fetch reports no upload progress; Node (tests) and
// other runtimes without XMLHttpRequest use fetch and report progress only at the end.
import type { StartAttachmentUploadResponse } from '../client/types.js';
import { ChatError, describeCause } from './errors.js';
import type { ChatErrorCode, UploadState } from './types.js';

export interface UploadRequest {
  url: string;
  headers: Record<string, string>;
  body: Blob;
  signal: AbortSignal;
  /** Bytes sent so far and the total. */
  onProgress(sent: number, total: number): void;
}

/** PUTs the file; resolves with the HTTP status (rejects on network failure or abort). */
export type Uploader = (request: UploadRequest) => Promise<{ status: number }>;

function abortError(): Error {
  return new DOMException('The upload was cancelled.', 'AbortError');
}

/** Browser uploader with real upload progress. */
export const xhrUploader: Uploader = ({ url, headers, body, signal, onProgress }) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onload = () => {
      onProgress(body.size, body.size);
      resolve({ status: xhr.status });
    };
    xhr.onerror = () => reject(new Error(`The upload to ${new URL(url).host} failed: network error.`));
    xhr.onabort = () => reject(abortError());
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });

/** Uploader for runtimes without XMLHttpRequest: progress jumps from 0 to 1 when the PUT completes. */
export const fetchUploader: Uploader = async ({ url, headers, body, signal, onProgress }) => {
  onProgress(0, body.size);
  const response = await fetch(url, { method: 'PUT', headers, body, signal });
  await response.arrayBuffer().catch(() => undefined);
  onProgress(body.size, body.size);
  return { status: response.status };
};

export function defaultUploader(): Uploader {
  return typeof XMLHttpRequest === 'function' ? xhrUploader : fetchUploader;
}

// ---------------------------------------------------------------------------------------------
// The upload flow

export interface UploadCalls {
  start(input: { ContentType: string; AttachmentSizeInBytes: number; AttachmentName: string; ClientToken: string }): Promise<StartAttachmentUploadResponse>;
  complete(input: { AttachmentIds: string[]; ClientToken: string }): Promise<unknown>;
}

export interface UploadProgress {
  state: UploadState;
  progress: number;
  attachmentId?: string;
}

/** Maps a failed service call of the upload to the error the customer sees. */
export function uploadError(name: string, cause: unknown): ChatError {
  const errorName = cause instanceof Error ? cause.name : '';
  const detail = describeCause(cause);
  if (errorName === 'AbortError') return new ChatError('attachment-failed', `The upload of "${name}" was cancelled.`, { cause });
  if (errorName === 'ServiceQuotaExceededException') {
    return new ChatError(
      'attachment-quota',
      `"${name}" was not sent: this chat has reached the maximum number of attachments. Send the rest by another way or start a new chat.`,
      { cause },
    );
  }
  if (errorName === 'ValidationException') {
    const code: ChatErrorCode = /size|large|bytes/i.test(detail) ? 'attachment-too-large' : 'attachment-type';
    return new ChatError(code, `The service refused "${name}": ${detail}`, { cause });
  }
  if (cause instanceof ChatError) return cause;
  return new ChatError('attachment-failed', `"${name}" could not be sent (${detail}). Try again.`, { cause });
}

/**
 * Runs the three steps. `report` receives every state change; the promise resolves with the
 * AttachmentId, or rejects with a ChatError (cancelled uploads reject with an AbortError).
 */
export async function runUpload(
  file: Blob,
  name: string,
  contentType: string,
  calls: UploadCalls,
  uploader: Uploader,
  tokens: { start: string; complete: string },
  signal: AbortSignal,
  report: (p: UploadProgress) => void,
): Promise<string> {
  const checkAbort = (): void => {
    if (signal.aborted) throw abortError();
  };
  report({ state: 'uploading', progress: 0 });
  let started: StartAttachmentUploadResponse;
  try {
    started = await calls.start({ ContentType: contentType, AttachmentSizeInBytes: file.size, AttachmentName: name, ClientToken: tokens.start });
  } catch (cause) {
    throw uploadError(name, cause);
  }
  checkAbort();
  const attachmentId = started.AttachmentId;
  const url = started.UploadMetadata?.Url;
  if (!attachmentId || !url) {
    throw new ChatError('attachment-failed', `"${name}" could not be sent: the service returned no upload address. Try again.`);
  }
  let status: number;
  try {
    ({ status } = await uploader({
      url,
      headers: started.UploadMetadata?.HeadersToInclude ?? {},
      body: file,
      signal,
      onProgress: (sent, total) => report({ state: 'uploading', progress: total > 0 ? Math.min(1, sent / total) : 0, attachmentId }),
    }));
  } catch (cause) {
    if (signal.aborted) throw abortError();
    throw new ChatError('attachment-failed', `The upload of "${name}" failed (${describeCause(cause)}). Check the connection and try again.`, { cause });
  }
  checkAbort();
  if (status < 200 || status >= 300) {
    throw new ChatError('attachment-failed', `The upload of "${name}" failed (HTTP ${status}). Try again.`);
  }
  report({ state: 'completing', progress: 1, attachmentId });
  try {
    await calls.complete({ AttachmentIds: [attachmentId], ClientToken: tokens.complete });
  } catch (cause) {
    throw uploadError(name, cause);
  }
  report({ state: 'done', progress: 1, attachmentId });
  return attachmentId;
}

// Attachments (chat-protocol.md §6): checks before anything is uploaded, the three-step upload
// (StartAttachmentUpload → PUT with HeadersToInclude → CompleteAttachmentUpload) with progress, and
// the uploaders. Browsers upload with XMLHttpRequest because fetch reports no upload progress; Node
// (tests) and other runtimes without XMLHttpRequest use fetch and report progress only at the end.
import type { StartAttachmentUploadResponse } from '../client/types.js';
import { ChatError, describeCause } from './errors.js';
import type { ChatErrorCode, UploadState } from './types.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** File extension → MIME type for the types the service accepts (chat-protocol.md §6). */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  heic: 'image/heic',
  jfif: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  mov: 'video/quicktime',
  mp4: 'video/mp4',
  pdf: 'application/pdf',
  png: 'image/png',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  rtf: 'application/rtf',
  txt: 'text/plain',
  wav: 'audio/wav',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** MIME types accepted, including the aliases browsers report for some of them. */
export const DEFAULT_ATTACHMENT_MIME_TYPES: readonly string[] = [
  ...new Set([
    ...Object.values(ATTACHMENT_TYPES),
    'audio/x-wav',
    'audio/vnd.wave',
    'application/x-rtf',
    'text/richtext',
    'text/rtf',
  ]),
];

export interface AttachmentRules {
  /** Largest file in bytes (default 20 MB, the service's limit). */
  maxBytes: number;
  /** Accepted MIME types. */
  mimeTypes: readonly string[];
}

export const defaultAttachmentRules: AttachmentRules = { maxBytes: MAX_ATTACHMENT_BYTES, mimeTypes: DEFAULT_ATTACHMENT_MIME_TYPES };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The MIME type to declare: the browser's, or from the extension when the browser gave none. */
export function resolveContentType(name: string, reportedType: string): string {
  const type = reportedType.split(';')[0].trim().toLowerCase();
  if (type && type !== 'application/octet-stream') return type;
  return ATTACHMENT_TYPES[extensionOf(name)] ?? type;
}

function allowedExtensions(rules: AttachmentRules): string {
  return Object.entries(ATTACHMENT_TYPES)
    .filter(([, mime]) => rules.mimeTypes.includes(mime))
    .map(([ext]) => `.${ext}`)
    .join(' ');
}

/** Checks a file before upload. Returns its MIME type, or throws a ChatError saying what to do. */
export function checkAttachment(file: { name: string; size: number; type: string }, rules: AttachmentRules = defaultAttachmentRules): string {
  const contentType = resolveContentType(file.name, file.type);
  if (!contentType || !rules.mimeTypes.includes(contentType)) {
    throw new ChatError(
      'attachment-type',
      `"${file.name}" cannot be sent: files of type ${contentType || 'unknown'} are not accepted. ` +
        `Send one of these kinds instead: ${allowedExtensions(rules)}.`,
    );
  }
  if (file.size > rules.maxBytes) {
    throw new ChatError(
      'attachment-too-large',
      `"${file.name}" is ${formatBytes(file.size)}; files can be at most ${formatBytes(rules.maxBytes)}. ` +
        `Send a smaller file (for example, compress it or reduce an image's size).`,
    );
  }
  if (file.size === 0) {
    throw new ChatError('attachment-failed', `"${file.name}" is empty (0 bytes). Choose a file that has content.`);
  }
  return contentType;
}

// ---------------------------------------------------------------------------------------------
// Uploaders

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

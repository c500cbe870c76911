// Attachments (chat-protocol.md §6): the checks made before anything is uploaded. The upload itself
// (upload.ts) is loaded when the first file is sent.
import { ChatError } from './errors.js';
export type { Uploader, UploadRequest } from './upload.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** StartAttachmentUpload's AttachmentName limit, in characters (code points). */
export const MAX_ATTACHMENT_NAME = 256;
const codePoints = (s: string): number => [...s].length;

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
  if (codePoints(file.name) > MAX_ATTACHMENT_NAME) {
    // The service's AttachmentName limit: say so before uploading rather than relay its refusal.
    throw new ChatError('attachment-failed', `"${file.name.slice(0, 40)}…" has too long a name (at most ${MAX_ATTACHMENT_NAME} characters). Rename the file and send it again.`);
  }
  return contentType;
}

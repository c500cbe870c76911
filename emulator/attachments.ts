// Attachments (chat-protocol.md §6): StartAttachmentUpload hands out a signed, expiring PUT URL on the
// emulator (standing in for S3), the PUT stores the bytes, CompleteAttachmentUpload sends the
// ATTACHMENT item, GetAttachment hands out a signed, expiring GET URL that serves the bytes.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatActions } from './chat-actions.js';
import { conflict, isoTime, quotaExceeded, sendBody, validationError } from './http.js';
import type { ResolvedOptions } from './options.js';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_TYPES } from './participant-model.js';
import type { Attachment, EmulatorState, Participant } from './store.js';

export const ATTACHMENT_PATH = '/emulator/attachments/';

/** Signs `method id expiry` so URLs can't be forged or stretched. */
export class UrlSigner {
  private readonly secret = randomBytes(32);

  sign(method: string, id: string, expiresAt: number): string {
    return createHmac('sha256', this.secret).update(`${method}\n${id}\n${expiresAt}`).digest('base64url');
  }

  /** 'ok', or why the URL is refused. */
  verify(method: string, id: string, url: URL, now: number): 'ok' | 'expired' | 'bad-signature' {
    const expires = Number(url.searchParams.get('X-Amz-Expires-At'));
    const signature = url.searchParams.get('X-Amz-Signature') ?? '';
    const expected = Buffer.from(this.sign(method, id, expires));
    const given = Buffer.from(signature);
    if (!Number.isFinite(expires) || expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
    return now > expires ? 'expired' : 'ok';
  }

  url(base: string, method: string, id: string, expiresAt: number): string {
    const query = new URLSearchParams({ 'X-Amz-Expires-At': String(expiresAt), 'X-Amz-Signature': this.sign(method, id, expiresAt) });
    return `${base}${ATTACHMENT_PATH}${encodeURIComponent(id)}?${query.toString()}`;
  }
}

/** S3's error document, which is what a presigned URL answers with. */
function s3Error(res: ServerResponse, status: number, code: string, message: string): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  sendBody(res, status, xml, 'application/xml', { 'access-control-allow-origin': '*' });
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

export class AttachmentService {
  readonly signer = new UrlSigner();

  constructor(
    private readonly state: EmulatorState,
    private readonly options: ResolvedOptions,
    private readonly actions: ChatActions,
  ) {}

  start(
    participant: Participant,
    input: { ContentType: string; AttachmentSizeInBytes: number; AttachmentName: string },
    base: string,
  ): { AttachmentId: string; UploadMetadata: { Url: string; UrlExpiry: string; HeadersToInclude: Record<string, string> } } {
    if (!ATTACHMENT_TYPES.includes(input.ContentType)) {
      throw validationError(
        `ContentType "${input.ContentType}" is not an allowed attachment type; allowed: ${ATTACHMENT_TYPES.join(', ')}`,
      );
    }
    const extension = extensionOf(input.AttachmentName);
    if (extension !== '' && !ATTACHMENT_EXTENSIONS.includes(extension)) {
      throw validationError(
        `AttachmentName "${input.AttachmentName}" has the extension ${extension}, which is not allowed; allowed: ${ATTACHMENT_EXTENSIONS.join(' ')}`,
      );
    }
    if (input.AttachmentSizeInBytes > this.options.maxAttachmentBytes) {
      throw validationError(
        `AttachmentSizeInBytes ${input.AttachmentSizeInBytes} is larger than the limit of ${this.options.maxAttachmentBytes} bytes (20 MB)`,
      );
    }
    const contact = participant.contact;
    if (contact.attachmentsStarted >= this.options.attachmentQuotaPerContact) {
      throw quotaExceeded(
        `this chat already has ${contact.attachmentsStarted} attachments, the most allowed per contact (${this.options.attachmentQuotaPerContact})`,
      );
    }
    contact.attachmentsStarted += 1;
    const expiresAt = this.state.now() + this.options.uploadUrlTtlSeconds * 1000;
    const attachment: Attachment = {
      id: randomUUID(),
      contact,
      participant,
      name: input.AttachmentName,
      contentType: input.ContentType,
      declaredSize: input.AttachmentSizeInBytes,
      upload: 'pending',
      uploadExpiresAt: expiresAt,
    };
    this.state.attachments.set(attachment.id, attachment);
    return {
      AttachmentId: attachment.id,
      UploadMetadata: {
        Url: this.signer.url(base, 'PUT', attachment.id, expiresAt),
        UrlExpiry: isoTime(expiresAt),
        HeadersToInclude: { 'Content-Type': input.ContentType },
      },
    };
  }

  private ownAttachment(participant: Participant, id: string, member: string): Attachment {
    const attachment = this.state.attachments.get(id);
    if (!attachment || attachment.contact !== participant.contact) {
      throw validationError(`${member} "${id}" is not an attachment of this chat`);
    }
    return attachment;
  }

  complete(participant: Participant, id: string): void {
    const attachment = this.ownAttachment(participant, id, 'AttachmentIds');
    if (attachment.participant !== participant) throw validationError(`AttachmentIds "${id}" was started by another participant`);
    switch (attachment.upload) {
      case 'completed':
        return; // already sent: completing twice sends nothing twice
      case 'uploading':
        throw conflict(`attachment ${id} is still being uploaded; call CompleteAttachmentUpload after the PUT has finished`);
      case 'pending':
        throw validationError(`attachment ${id} has no uploaded file; PUT the file to UploadMetadata.Url with HeadersToInclude first`);
      case 'uploaded': {
        const size = attachment.bytes?.byteLength ?? 0;
        if (size !== attachment.declaredSize) {
          throw validationError(
            `attachment ${id}: ${size} bytes were uploaded but StartAttachmentUpload declared AttachmentSizeInBytes ${attachment.declaredSize}`,
          );
        }
        this.actions.completeAttachment(attachment);
      }
    }
  }

  download(participant: Participant, id: string, expirySeconds: number, base: string): { Url: string; UrlExpiry: string; AttachmentSizeInBytes: number } {
    const attachment = this.ownAttachment(participant, id, 'AttachmentId');
    if (attachment.upload !== 'completed') throw validationError(`attachment ${id} has not been completed (CompleteAttachmentUpload)`);
    if (attachment.status === 'REJECTED') throw validationError(`attachment ${id} was rejected by the attachment scan and cannot be downloaded`);
    if (attachment.status === 'IN_PROGRESS') throw validationError(`attachment ${id} is still being scanned; try again when its status is APPROVED`);
    const expiresAt = this.state.now() + expirySeconds * 1000;
    return {
      Url: this.signer.url(base, 'GET', attachment.id, expiresAt),
      UrlExpiry: isoTime(expiresAt),
      AttachmentSizeInBytes: attachment.bytes?.byteLength ?? attachment.declaredSize,
    };
  }

  /** PUT <upload URL>: stores the bytes, checking signature, expiry, Content-Type and size. */
  async handleUpload(req: IncomingMessage, res: ServerResponse, id: string, url: URL): Promise<void> {
    const attachment = this.state.attachments.get(id);
    const verdict = this.signer.verify('PUT', id, url, this.state.now());
    if (!attachment || verdict === 'bad-signature') return s3Error(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    if (verdict === 'expired') return s3Error(res, 403, 'AccessDenied', 'Request has expired');
    if (attachment.upload === 'completed') return s3Error(res, 403, 'AccessDenied', 'The attachment was already completed');
    const contentType = req.headers['content-type'] ?? '';
    if (contentType !== attachment.contentType) {
      return s3Error(
        res,
        403,
        'SignatureDoesNotMatch',
        `Content-Type "${contentType}" differs from the signed "${attachment.contentType}": send HeadersToInclude with the PUT`,
      );
    }
    const limit = this.options.maxAttachmentBytes;
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > limit) return s3Error(res, 400, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed size of ${limit} bytes`);
    attachment.upload = 'uploading';
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    try {
      await new Promise<void>((resolve, reject) => {
        req.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) {
            tooLarge = true;
            resolve();
            return;
          }
          chunks.push(chunk);
        });
        req.on('end', resolve);
        req.on('aborted', () => reject(new Error('upload aborted')));
        req.on('error', reject);
      });
    } catch {
      attachment.upload = 'pending';
      return;
    }
    if (tooLarge) {
      attachment.upload = 'pending';
      res.setHeader('connection', 'close');
      return s3Error(res, 400, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed size of ${limit} bytes`);
    }
    attachment.bytes = Buffer.concat(chunks);
    attachment.upload = 'uploaded';
    sendBody(res, 200, '', 'text/plain', { etag: `"${randomUUID()}"`, 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag' });
  }

  /** GET <download URL>: the bytes with their Content-Type. */
  handleDownload(req: IncomingMessage, res: ServerResponse, id: string, url: URL): void {
    const attachment = this.state.attachments.get(id);
    const verdict = this.signer.verify('GET', id, url, this.state.now());
    if (!attachment || verdict === 'bad-signature' || !attachment.bytes) {
      return s3Error(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    }
    if (verdict === 'expired') return s3Error(res, 403, 'AccessDenied', 'Request has expired');
    const headers = {
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
      'access-control-allow-origin': '*',
      'cache-control': 'private, max-age=0',
    };
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...headers, 'content-type': attachment.contentType, 'content-length': String(attachment.bytes.byteLength) });
      res.end();
      return;
    }
    sendBody(res, 200, attachment.bytes, attachment.contentType, headers);
  }
}

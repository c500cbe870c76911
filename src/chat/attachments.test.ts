import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAttachment, resolveContentType } from './attachments.js';
import { fetchUploader, runUpload, uploadError, type UploadCalls, type UploadProgress } from './upload.js';
import { ChatError } from './errors.js';

describe('checkAttachment', () => {
  it('accepts allowed types and resolves a missing type from the extension', () => {
    expect(checkAttachment({ name: 'a.pdf', size: 10, type: 'application/pdf' })).toBe('application/pdf');
    expect(checkAttachment({ name: 'Report.DOCX', size: 10, type: '' })).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(resolveContentType('x.png', 'application/octet-stream')).toBe('image/png');
  });

  it('refuses files over 20 MB with the sizes in the message', () => {
    try {
      checkAttachment({ name: 'big.mp4', size: 20 * 1024 * 1024 + 1, type: 'video/mp4' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ChatError);
      expect((e as ChatError).code).toBe('attachment-too-large');
      expect((e as ChatError).message).toMatch(/"big\.mp4" is 20\.0 MB; files can be at most 20\.0 MB/);
    }
    expect(() => checkAttachment({ name: 'ok.mp4', size: 20 * 1024 * 1024, type: 'video/mp4' })).not.toThrow();
  });

  it('refuses other types and lists what is allowed', () => {
    try {
      checkAttachment({ name: 'run.exe', size: 10, type: 'application/x-msdownload' });
      expect.unreachable();
    } catch (e) {
      expect((e as ChatError).code).toBe('attachment-type');
      expect((e as ChatError).message).toContain('application/x-msdownload');
      expect((e as ChatError).message).toContain('.pdf');
    }
    expect(() => checkAttachment({ name: 'x', size: 10, type: '' })).toThrow(/unknown/);
    expect(() => checkAttachment({ name: 'a.pdf', size: 10, type: 'application/pdf' }, { maxBytes: 100, mimeTypes: ['image/png'] })).toThrow(ChatError);
  });

  it('refuses empty files', () => {
    expect(() => checkAttachment({ name: 'e.txt', size: 0, type: 'text/plain' })).toThrow(/empty/);
  });

  it('refuses names longer than the service allows (256 characters, an emoji counting once)', () => {
    const ok = `${'😀'.repeat(252)}.txt`; // 256 code points, 508 UTF-16 units
    expect(checkAttachment({ name: ok, size: 1, type: 'text/plain' })).toBe('text/plain');
    expect(() => checkAttachment({ name: `x${ok}`, size: 1, type: 'text/plain' })).toThrow(/too long a name \(at most 256 characters\)\. Rename/);
  });
});

describe('uploadError', () => {
  const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });
  it('maps quota, validation and other failures', () => {
    expect(uploadError('f', named('ServiceQuotaExceededException')).code).toBe('attachment-quota');
    expect(uploadError('f', named('ValidationException', 'AttachmentSizeInBytes too large')).code).toBe('attachment-too-large');
    expect(uploadError('f', named('ValidationException', 'unsupported ContentType')).code).toBe('attachment-type');
    expect(uploadError('f', named('InternalServerException')).code).toBe('attachment-failed');
  });
});

describe('runUpload against a real HTTP server', () => {
  let server: Server;
  let base: string;
  const received: { headers: IncomingMessage['headers']; bytes: number }[] = [];
  let status = 200;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let bytes = 0;
      req.on('data', (c: Buffer) => (bytes += c.length));
      req.on('end', () => {
        received.push({ headers: req.headers, bytes });
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  function calls(log: string[]): UploadCalls {
    return {
      start: async (input) => {
        log.push(`start ${input.AttachmentName} ${input.AttachmentSizeInBytes} ${input.ContentType} ${input.ClientToken}`);
        return { AttachmentId: 'att-1', UploadMetadata: { Url: `${base}/upload/att-1`, HeadersToInclude: { 'Content-Type': input.ContentType, 'x-amz-meta-test': 'yes' } } };
      },
      complete: async (input) => {
        log.push(`complete ${input.AttachmentIds.join(',')} ${input.ClientToken}`);
        return {};
      },
    };
  }

  it('starts, PUTs with HeadersToInclude, completes, and reports progress', async () => {
    status = 200;
    const log: string[] = [];
    const states: UploadProgress[] = [];
    const file = new Blob([new Uint8Array(50_000)], { type: 'image/png' });
    const id = await runUpload(file, 'cat.png', 'image/png', calls(log), fetchUploader, { start: 's1', complete: 'c1' }, new AbortController().signal, (p) => states.push(p));
    expect(id).toBe('att-1');
    expect(log).toEqual(['start cat.png 50000 image/png s1', 'complete att-1 c1']);
    const put = received.at(-1)!;
    expect(put.bytes).toBe(50_000);
    expect(put.headers['content-type']).toBe('image/png');
    expect(put.headers['x-amz-meta-test']).toBe('yes');
    expect(states.map((s) => s.state)).toEqual(['uploading', 'uploading', 'uploading', 'completing', 'done']);
    expect(states.at(-1)).toEqual({ state: 'done', progress: 1, attachmentId: 'att-1' });
  });

  it('fails with attachment-failed when the PUT is refused, and does not complete', async () => {
    status = 403;
    const log: string[] = [];
    const error = await runUpload(new Blob(['hello']), 'a.txt', 'text/plain', calls(log), fetchUploader, { start: 's', complete: 'c' }, new AbortController().signal, () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatError);
    expect((error as ChatError).code).toBe('attachment-failed');
    expect((error as ChatError).message).toContain('HTTP 403');
    expect(log).toHaveLength(1);
  });

  it('stops without completing when cancelled', async () => {
    status = 200;
    const log: string[] = [];
    const controller = new AbortController();
    const slow: UploadCalls = { ...calls(log), start: async (input) => { controller.abort(); return calls(log).start(input); } };
    const error = await runUpload(new Blob(['x']), 'a.txt', 'text/plain', slow, fetchUploader, { start: 's', complete: 'c' }, controller.signal, () => {}).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(log.some((l) => l.startsWith('complete'))).toBe(false);
  });
});

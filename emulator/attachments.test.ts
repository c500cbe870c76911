// Attachments: signed expiring URLs, the 20 MB and type limits, 409 while uploading, the scan result.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { connect, emulator, FrameSocket, json, manualClock, startChat } from './testing/helpers.js';

const clock = manualClock();
let emu: Emulator;
beforeAll(async () => {
  emu = await emulator({ now: clock.now, maxAttachmentBytes: 64 * 1024 });
});
afterAll(async () => {
  await emu.close();
});

type Start = { AttachmentId: string; UploadMetadata: { Url: string; UrlExpiry: string; HeadersToInclude: Record<string, string> } };

async function chat() {
  const started = await startChat(emu.url);
  return { ...started, ...(await connect(emu.url, started.participantToken)) };
}
const call = <T = Record<string, unknown>>(token: string, path: string, body: unknown) =>
  json<T>(`${emu.url}/participant/${path}`, { body, headers: { 'x-amz-bearer': token } });
const start = (token: string, extra: Record<string, unknown> = {}) =>
  call<Start>(token, 'start-attachment-upload', { ContentType: 'text/plain', AttachmentName: 'a.txt', AttachmentSizeInBytes: 5, ClientToken: crypto.randomUUID(), ...extra });
const complete = (token: string, id: string) => call(token, 'complete-attachment-upload', { AttachmentIds: [id], ClientToken: crypto.randomUUID() });
const put = (url: string, body: string | Uint8Array<ArrayBuffer>, contentType = 'text/plain') => fetch(url, { method: 'PUT', headers: { 'Content-Type': contentType }, body });

describe('StartAttachmentUpload limits', () => {
  it('refuses types, extensions and sizes outside the limits with the member named', async () => {
    const c = await chat();
    const type = await start(c.connectionToken, { ContentType: 'application/x-msdownload', AttachmentName: 'a.exe' });
    expect(type.status).toBe(400);
    expect(type.body).toHaveProperty('message', expect.stringMatching(/ContentType "application\/x-msdownload" is not an allowed attachment type/));
    const extension = await start(c.connectionToken, { AttachmentName: 'a.exe' });
    expect(extension.body).toHaveProperty('message', expect.stringMatching(/extension \.exe/));
    const size = await start(c.connectionToken, { AttachmentSizeInBytes: 64 * 1024 + 1 });
    expect(size.body).toHaveProperty('message', expect.stringMatching(/larger than the limit of 65536 bytes/));
    const zero = await start(c.connectionToken, { AttachmentSizeInBytes: 0 });
    expect(zero.body).toHaveProperty('message', expect.stringMatching(/'AttachmentSizeInBytes'.*greater than or equal to 1/));
    const noToken = await call(c.connectionToken, 'start-attachment-upload', { ContentType: 'text/plain', AttachmentName: 'a.txt', AttachmentSizeInBytes: 5 });
    expect(noToken.body).toHaveProperty('message', expect.stringMatching(/'ClientToken' failed to satisfy constraint: Member must not be null/));
  });

  it('the real 20 MB default', async () => {
    const big = await emulator();
    try {
      const started = await startChat(big.url);
      const { connectionToken } = await connect(big.url, started.participantToken);
      const ok = await json(`${big.url}/participant/start-attachment-upload`, {
        body: { ContentType: 'video/mp4', AttachmentName: 'v.mp4', AttachmentSizeInBytes: 20 * 1024 * 1024, ClientToken: 'a' },
        headers: { 'x-amz-bearer': connectionToken },
      });
      expect(ok.status).toBe(200);
      const over = await json(`${big.url}/participant/start-attachment-upload`, {
        body: { ContentType: 'video/mp4', AttachmentName: 'v.mp4', AttachmentSizeInBytes: 20 * 1024 * 1024 + 1, ClientToken: 'b' },
        headers: { 'x-amz-bearer': connectionToken },
      });
      expect(over.status).toBe(400);
    } finally {
      await big.close();
    }
  });
});

describe('the upload URL', () => {
  it('expires, is signed, checks Content-Type and size', async () => {
    const c = await chat();
    const started = (await start(c.connectionToken)).body;
    expect(Date.parse(started.UploadMetadata.UrlExpiry) - clock.now()).toBe(300_000);
    const forged = started.UploadMetadata.Url.replace(/Signature=[^&]+/, 'Signature=forged');
    expect((await put(forged, 'hello')).status).toBe(403);
    const wrongType = await put(started.UploadMetadata.Url, 'hello', 'image/png');
    expect(wrongType.status).toBe(403);
    expect(await wrongType.text()).toMatch(/SignatureDoesNotMatch/);
    const tooBig = await put(started.UploadMetadata.Url, new Uint8Array(64 * 1024 + 10));
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toMatch(/EntityTooLarge/);
    clock.advance(301_000);
    const late = await put(started.UploadMetadata.Url, 'hello');
    expect(late.status).toBe(403);
    expect(await late.text()).toMatch(/Request has expired/);
  });

  it('CompleteAttachmentUpload: 400 before any upload, 409 while uploading, 400 on a size mismatch, once only', async () => {
    const c = await chat();
    const socket = await FrameSocket.subscribed(c.websocketUrl);
    const started = (await start(c.connectionToken, { AttachmentSizeInBytes: 10 })).body;
    const early = await complete(c.connectionToken, started.AttachmentId);
    expect(early.status).toBe(400);
    expect(early.body.message).toMatch(/no uploaded file/);

    // A PUT that has sent half its body and is still going.
    const url = new URL(started.UploadMetadata.Url);
    const slow = request(url, { method: 'PUT', headers: { 'content-type': 'text/plain', 'content-length': '9' } });
    const finished = new Promise<number>((resolve, reject) => {
      slow.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      slow.on('error', reject);
    });
    slow.write('12345');
    await new Promise((r) => setTimeout(r, 100));
    const during = await complete(c.connectionToken, started.AttachmentId);
    expect(during.status).toBe(409);
    expect(during.headers.get('x-amzn-errortype')).toBe('ConflictException');
    slow.end('6789');
    expect(await finished).toBe(200);
    const mismatch = await complete(c.connectionToken, started.AttachmentId);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.message).toMatch(/9 bytes were uploaded but StartAttachmentUpload declared AttachmentSizeInBytes 10/);
    expect((await put(started.UploadMetadata.Url, '1234567890')).status).toBe(200);
    expect((await complete(c.connectionToken, started.AttachmentId)).status).toBe(200);
    expect((await complete(c.connectionToken, started.AttachmentId)).status).toBe(200);
    await socket.waitForItem((i) => i.Type === 'ATTACHMENT');
    const stored = await json<{ Items: Array<{ Type: string }> }>(`${emu.url}/emulator/contacts/${c.contactId}/items`);
    expect(stored.body.Items.filter((i) => i.Type === 'ATTACHMENT')).toHaveLength(1);
    socket.close();
  });
});

describe('the download URL', () => {
  it('serves the bytes until it expires; unknown attachments are refused', async () => {
    const c = await chat();
    const started = (await start(c.connectionToken, { ContentType: 'application/pdf', AttachmentName: 'doc.pdf', AttachmentSizeInBytes: 8 })).body;
    await put(started.UploadMetadata.Url, '%PDF-1.4', 'application/pdf');
    await complete(c.connectionToken, started.AttachmentId);
    const got = await call<{ Url: string; UrlExpiry: string; AttachmentSizeInBytes: number }>(c.connectionToken, 'attachment', { AttachmentId: started.AttachmentId, UrlExpiryInSeconds: 5 });
    expect(got.body.AttachmentSizeInBytes).toBe(8);
    expect(Date.parse(got.body.UrlExpiry) - clock.now()).toBe(5000);
    const download = await fetch(got.body.Url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''doc.pdf");
    expect(await download.text()).toBe('%PDF-1.4');
    clock.advance(6000);
    expect((await fetch(got.body.Url)).status).toBe(403);
    const unknown = await call(c.connectionToken, 'attachment', { AttachmentId: 'nope' });
    expect(unknown.status).toBe(400);
    const other = await chat();
    const foreign = await call(other.connectionToken, 'attachment', { AttachmentId: started.AttachmentId });
    expect(foreign.body.message).toMatch(/not an attachment of this chat/);
  });
});

describe('scan result', () => {
  it('IN_PROGRESS first, then REJECTED with the same Id; rejected files cannot be downloaded', async () => {
    const c = await chat();
    const socket = await FrameSocket.subscribed(c.websocketUrl);
    await json(`${emu.url}/emulator/faults`, { body: { scanResult: 'REJECTED' } });
    try {
      const started = (await start(c.connectionToken)).body;
      await put(started.UploadMetadata.Url, 'virus');
      await complete(c.connectionToken, started.AttachmentId);
      const first = await socket.waitForItem((i) => i.Type === 'ATTACHMENT');
      expect(first.Attachments?.[0].Status).toBe('IN_PROGRESS');
      const refusedEarly = await call(c.connectionToken, 'attachment', { AttachmentId: started.AttachmentId });
      expect(refusedEarly.body.message).toMatch(/still being scanned/);
      const second = await socket.waitForItem((i) => i.Type === 'ATTACHMENT' && i.Attachments?.[0].Status === 'REJECTED');
      expect(second.Id).toBe(first.Id);
      const transcript = await call<{ Transcript: Array<{ Type: string; Attachments?: Array<{ Status: string }> }> }>(c.connectionToken, 'transcript', {});
      expect(transcript.body.Transcript.find((i) => i.Type === 'ATTACHMENT')?.Attachments?.[0].Status).toBe('REJECTED');
      const refused = await call(c.connectionToken, 'attachment', { AttachmentId: started.AttachmentId });
      expect(refused.body.message).toMatch(/rejected by the attachment scan/);
    } finally {
      await json(`${emu.url}/emulator/faults`, { method: 'DELETE' });
      socket.close();
    }
  });

  it('the scanResult option approves after a scan', async () => {
    const scanning = await emulator({ scanResult: 'APPROVED', scanDelayMs: 50 });
    try {
      const started = await startChat(scanning.url);
      const { connectionToken, websocketUrl } = await connect(scanning.url, started.participantToken);
      const socket = await FrameSocket.subscribed(websocketUrl);
      const headers = { 'x-amz-bearer': connectionToken };
      const upload = await json<Start>(`${scanning.url}/participant/start-attachment-upload`, {
        body: { ContentType: 'image/png', AttachmentName: 'p.png', AttachmentSizeInBytes: 3, ClientToken: 'c1' },
        headers,
      });
      await put(upload.body.UploadMetadata.Url, 'png', 'image/png');
      await json(`${scanning.url}/participant/complete-attachment-upload`, { body: { AttachmentIds: [upload.body.AttachmentId], ClientToken: 'c2' }, headers });
      await socket.waitForItem((i) => i.Attachments?.[0].Status === 'IN_PROGRESS');
      await socket.waitForItem((i) => i.Attachments?.[0].Status === 'APPROVED');
      socket.close();
    } finally {
      await scanning.close();
    }
  });
});

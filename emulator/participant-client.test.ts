// The project's own ParticipantClient (src/client) through the same scenarios as the official SDK.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  ParticipantClient,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
  type ParticipantServiceError,
} from '../src/client/index.js';
import type { Emulator } from './index.js';
import { addParticipant, emulator, FrameSocket, json, startChat } from './testing/helpers.js';

const READ = 'application/vnd.amazonaws.connect.event.message.read';
let emu: Emulator;
let client: ParticipantClient;
/** Skips the client's own model checks, so the emulator's are what answers. */
let unchecked: ParticipantClient;

beforeAll(async () => {
  emu = await emulator({ attachmentQuotaPerContact: 2 });
  client = new ParticipantClient({ endpoint: emu.url, maxAttempts: 1 });
  unchecked = new ParticipantClient({ endpoint: emu.url, maxAttempts: 1, validateParams: false });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await json(`${emu.url}/emulator/faults`, { method: 'DELETE' });
});

async function rejection(promise: Promise<unknown>): Promise<ParticipantServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as ParticipantServiceError;
  }
  throw new Error('expected the call to fail');
}

async function customer(extra: Record<string, unknown> = {}) {
  const chat = await startChat(emu.url, extra);
  const out = await client.createParticipantConnection({ ParticipantToken: chat.participantToken, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] });
  return {
    chat,
    token: out.ConnectionCredentials?.ConnectionToken as string,
    websocketUrl: out.Websocket?.Url as string,
    expiry: out.ConnectionCredentials?.Expiry as string,
  };
}

describe('ParticipantClient against the emulator', () => {
  it('connects, sends once per ClientToken, reads the transcript page by page, and sees its message on the socket', async () => {
    const c = await customer();
    expect(c.websocketUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    expect(Date.parse(c.expiry)).toBeGreaterThan(Date.now() + 86_000_000);
    const socket = await FrameSocket.subscribed(c.websocketUrl);
    const first = await client.sendMessage({ ConnectionToken: c.token, ContentType: 'text/plain', Content: 'hello', ClientToken: 'once' });
    const again = await client.sendMessage({ ConnectionToken: c.token, ContentType: 'text/plain', Content: 'hello', ClientToken: 'once' });
    expect(again.Id).toBe(first.Id);
    await socket.waitForItem((i) => i.Id === first.Id);
    for (let i = 0; i < 12; i++) await client.sendMessage({ ConnectionToken: c.token, ContentType: 'text/plain', Content: `n${i}` });
    const ids: string[] = [];
    for await (const page of client.paginateTranscript({ ConnectionToken: c.token, MaxResults: 4 })) {
      expect(page.InitialContactId).toBe(c.chat.contactId);
      ids.push(...(page.Transcript ?? []).map((i) => i.Id as string));
    }
    expect(ids).toHaveLength(14); // joined + hello + 12
    expect(new Set(ids).size).toBe(14);
    socket.close();
  });

  it('typing, read receipts, and 409 with three participants', async () => {
    const c = await customer();
    const agent = await addParticipant(emu.url, c.chat.contactId);
    const agentConnection = await client.createParticipantConnection({ ParticipantToken: agent.participantToken, Type: ['CONNECTION_CREDENTIALS'], ConnectParticipant: true });
    const agentToken = agentConnection.ConnectionCredentials?.ConnectionToken as string;
    const typing = await client.sendEvent({ ConnectionToken: c.token, ContentType: 'application/vnd.amazonaws.connect.event.typing' });
    expect(typing.Id).toBeTruthy();
    const message = await client.sendMessage({ ConnectionToken: agentToken, ContentType: 'text/plain', Content: 'Agent here' });
    await client.sendEvent({ ConnectionToken: c.token, ContentType: READ, Content: JSON.stringify({ messageId: message.Id }) });
    const transcript = await client.getTranscript({ ConnectionToken: c.token, MaxResults: 50 });
    expect(transcript.Transcript?.find((i) => i.Id === message.Id)?.MessageMetadata?.Receipts?.[0].ReadTimestamp).toBeTruthy();
    await addParticipant(emu.url, c.chat.contactId, 'SUPERVISOR', 'Supervisor');
    const conflict = await rejection(client.sendEvent({ ConnectionToken: c.token, ContentType: READ, Content: JSON.stringify({ messageId: message.Id }) }));
    expect(conflict).toBeInstanceOf(ConflictException);
    expect(conflict.statusCode).toBe(409);
  });

  it('DescribeView for a shown view; ResourceNotFoundException otherwise', async () => {
    const c = await customer();
    const shown = await json<{ viewToken: string }>(`${emu.url}/emulator/contacts/${c.chat.contactId}/views`, { body: { view: 'list', viewData: {} } });
    const view = await client.describeView({ ConnectionToken: c.token, ViewToken: shown.body.viewToken });
    expect(view.View?.Name).toBe('list');
    expect(JSON.parse(view.View?.Content?.Template as string)).toHaveProperty('Head');
    const missing = await rejection(client.describeView({ ConnectionToken: c.token, ViewToken: 'a/b c' }));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });

  it('attachments: upload, complete, download; the quota is a ServiceQuotaExceededException', async () => {
    const c = await customer();
    const bytes = new TextEncoder().encode('from our client');
    const started = await client.startAttachmentUpload({ ConnectionToken: c.token, ContentType: 'text/plain', AttachmentName: 'c.txt', AttachmentSizeInBytes: bytes.byteLength });
    await fetch(started.UploadMetadata?.Url as string, { method: 'PUT', headers: started.UploadMetadata?.HeadersToInclude, body: bytes });
    await client.completeAttachmentUpload({ ConnectionToken: c.token, AttachmentIds: [started.AttachmentId as string] });
    const got = await client.getAttachment({ ConnectionToken: c.token, AttachmentId: started.AttachmentId as string });
    expect(got.AttachmentSizeInBytes).toBe(bytes.byteLength);
    expect(await (await fetch(got.Url as string)).text()).toBe('from our client');
    await client.startAttachmentUpload({ ConnectionToken: c.token, ContentType: 'text/plain', AttachmentName: 'd.txt', AttachmentSizeInBytes: 1 });
    const quota = await rejection(client.startAttachmentUpload({ ConnectionToken: c.token, ContentType: 'text/plain', AttachmentName: 'e.txt', AttachmentSizeInBytes: 1 }));
    expect(quota).toBeInstanceOf(ServiceQuotaExceededException);
    expect(quota.statusCode).toBe(402);
  });

  it('authentication URL and cancel', async () => {
    const c = await customer();
    const started = await json<{ SessionId: string }>(`${emu.url}/emulator/contacts/${c.chat.contactId}/authentication`, { body: {} });
    const url = await client.getAuthenticationUrl({ ConnectionToken: c.token, SessionId: started.body.SessionId, RedirectUri: 'https://example.com/back' });
    expect(url.AuthenticationUrl).toContain(started.body.SessionId);
    await client.cancelParticipantAuthentication({ ConnectionToken: c.token, SessionId: started.body.SessionId });
  });

  it('server-side validation and access errors arrive as the modeled classes with status and request id', async () => {
    const c = await customer({ SupportedMessagingContentTypes: ['text/plain'] });
    const markdown = await rejection(unchecked.sendMessage({ ConnectionToken: c.token, ContentType: 'text/markdown', Content: '*x*' }));
    expect(markdown).toBeInstanceOf(ValidationException);
    expect(markdown.message).toMatch(/SupportedMessagingContentTypes/);
    expect(markdown.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const long = await rejection(unchecked.sendMessage({ ConnectionToken: c.token, ContentType: 'text/plain', Content: 'y'.repeat(1025) }));
    expect(long).toBeInstanceOf(ValidationException);
    const denied = await rejection(client.sendMessage({ ConnectionToken: 'not-a-token', ContentType: 'text/plain', Content: 'x' }));
    expect(denied).toBeInstanceOf(AccessDeniedException);
    expect(denied.statusCode).toBe(403);
  });

  it('throttling and server errors map to their classes; a retrying client gets through and stores one message', async () => {
    const c = await customer();
    await json(`${emu.url}/emulator/faults`, { body: { fail: [{ operation: 'SendMessage', status: 429 }, { operation: 'GetTranscript', status: 500 }] } });
    expect(await rejection(client.sendMessage({ ConnectionToken: c.token, ContentType: 'text/plain', Content: 'x' }))).toBeInstanceOf(ThrottlingException);
    const internal = await rejection(client.getTranscript({ ConnectionToken: c.token }));
    expect(internal).toBeInstanceOf(InternalServerException);
    expect(internal.fault).toBe('server');
    const retrying = new ParticipantClient({ endpoint: emu.url, maxAttempts: 3 });
    await json(`${emu.url}/emulator/faults`, { body: { fail: { operation: 'SendMessage', status: 500, count: 2 } } });
    await retrying.sendMessage({ ConnectionToken: c.token, ContentType: 'text/plain', Content: 'retried' });
    const transcript = await client.getTranscript({ ConnectionToken: c.token, MaxResults: 50 });
    expect(transcript.Transcript?.filter((i) => i.Content === 'retried')).toHaveLength(1);
  });

  it('disconnect ends the chat; later sends are AccessDeniedException', async () => {
    const c = await customer();
    await client.disconnectParticipant({ ConnectionToken: c.token });
    expect(await rejection(client.sendMessage({ ConnectionToken: c.token, ContentType: 'text/plain', Content: 'x' }))).toBeInstanceOf(AccessDeniedException);
    expect(await rejection(client.createParticipantConnection({ ParticipantToken: c.chat.participantToken, Type: ['WEBSOCKET'] }))).toBeInstanceOf(AccessDeniedException);
  });
});

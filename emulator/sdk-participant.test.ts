// Conformance: the official @aws-sdk/client-connectparticipant through all 11 operations and every
// modeled error against the emulator.
import {
  AccessDeniedException,
  CancelParticipantAuthenticationCommand,
  CompleteAttachmentUploadCommand,
  ConflictException,
  ConnectParticipantClient,
  ConnectParticipantServiceException,
  CreateParticipantConnectionCommand,
  DescribeViewCommand,
  DisconnectParticipantCommand,
  GetAttachmentCommand,
  GetAuthenticationUrlCommand,
  GetTranscriptCommand,
  InternalServerException,
  paginateGetTranscript,
  ResourceNotFoundException,
  SendEventCommand,
  SendMessageCommand,
  ServiceQuotaExceededException,
  StartAttachmentUploadCommand,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-connectparticipant';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { addParticipant, connect, emulator, json, participantClient, startChat, type Connection } from './testing/helpers.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const READ = 'application/vnd.amazonaws.connect.event.message.read';
const TYPING = 'application/vnd.amazonaws.connect.event.typing';

let emu: Emulator;
let client: ConnectParticipantClient;

async function rejection(promise: Promise<unknown>): Promise<ConnectParticipantServiceException> {
  try {
    await promise;
  } catch (error) {
    return error as ConnectParticipantServiceException;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  emu = await emulator({ attachmentQuotaPerContact: 3 });
  client = participantClient(emu.url);
});
afterAll(async () => {
  client.destroy();
  await emu.close();
});
beforeEach(async () => {
  await json(`${emu.url}/emulator/faults`, { method: 'DELETE' });
});

interface Chat {
  contactId: string;
  participantToken: string;
  customer: Connection;
}

async function newChat(extra: Record<string, unknown> = {}): Promise<Chat> {
  const started = await startChat(emu.url, {
    SupportedMessagingContentTypes: ['text/plain', 'text/markdown', 'application/vnd.amazonaws.connect.message.interactive.response'],
    ...extra,
  });
  return { contactId: started.contactId, participantToken: started.participantToken, customer: await connect(emu.url, started.participantToken) };
}

describe('CreateParticipantConnection', () => {
  it('returns a ws://127.0.0.1 URL valid for 100 s and a ConnectionToken valid for a day', async () => {
    const started = await startChat(emu.url);
    const before = Date.now();
    const out = await client.send(
      new CreateParticipantConnectionCommand({ ParticipantToken: started.participantToken, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }),
    );
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.Websocket?.Url).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${emu.port}/`));
    expect(out.Websocket?.ConnectionExpiry).toMatch(ISO);
    const urlLife = Date.parse(out.Websocket?.ConnectionExpiry as string) - before;
    expect(urlLife).toBeGreaterThan(95_000);
    expect(urlLife).toBeLessThanOrEqual(101_000);
    const tokenLife = Date.parse(out.ConnectionCredentials?.Expiry as string) - before;
    expect(tokenLife).toBeGreaterThan(86_395_000);
    expect(tokenLife).toBeLessThanOrEqual(86_401_000);
    expect(out.ConnectionCredentials?.ConnectionToken?.length).toBeGreaterThan(20);
  });

  it('returns only what Type asks for', async () => {
    const started = await startChat(emu.url);
    const out = await client.send(new CreateParticipantConnectionCommand({ ParticipantToken: started.participantToken, Type: ['CONNECTION_CREDENTIALS'] }));
    expect(out.Websocket).toBeUndefined();
    expect(out.ConnectionCredentials?.ConnectionToken).toBeTruthy();
  });

  it('refuses a ConnectionToken, an unknown token and an empty Type list', async () => {
    const chat = await newChat();
    const wrongKind = await rejection(client.send(new CreateParticipantConnectionCommand({ ParticipantToken: chat.customer.connectionToken, Type: ['WEBSOCKET'] })));
    expect(wrongKind).toBeInstanceOf(AccessDeniedException);
    expect(wrongKind.$metadata.httpStatusCode).toBe(403);
    expect(wrongKind.message).toBe('Access denied');
    const unknown = await rejection(client.send(new CreateParticipantConnectionCommand({ ParticipantToken: 'nope', Type: ['WEBSOCKET'] })));
    expect(unknown).toBeInstanceOf(AccessDeniedException);
    const empty = await rejection(client.send(new CreateParticipantConnectionCommand({ ParticipantToken: chat.participantToken, Type: [] })));
    expect(empty).toBeInstanceOf(ValidationException);
    expect(empty.message).toMatch(/'Type'.*length greater than or equal to 1/);
    const bogus = await rejection(
      client.send(new CreateParticipantConnectionCommand({ ParticipantToken: chat.participantToken, Type: ['CARRIER_PIGEON' as 'WEBSOCKET'] })),
    );
    expect(bogus).toBeInstanceOf(ValidationException);
    expect(bogus.message).toMatch(/Type\.1\.member.*enum/);
  });
});

describe('SendMessage', () => {
  it('stores the message with Id and AbsoluteTime and dedupes by ClientToken', async () => {
    const chat = await newChat();
    const first = await client.send(new SendMessageCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: 'text/plain', Content: 'hello', ClientToken: 'token-1' }));
    expect(first.Id).toBeTruthy();
    expect(first.AbsoluteTime).toMatch(ISO);
    const again = await client.send(new SendMessageCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: 'text/plain', Content: 'hello', ClientToken: 'token-1' }));
    expect(again.Id).toBe(first.Id);
    const transcript = await client.send(new GetTranscriptCommand({ ConnectionToken: chat.customer.connectionToken, MaxResults: 100 }));
    const messages = transcript.Transcript?.filter((i) => i.Type === 'MESSAGE') ?? [];
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ Id: first.Id, Content: 'hello', ContentType: 'text/plain', ParticipantRole: 'CUSTOMER', DisplayName: 'Customer', ContactId: chat.contactId });
  });

  it('enforces the per-ContentType limits and the chat\'s supported types', async () => {
    const chat = await newChat({ SupportedMessagingContentTypes: ['text/plain'] });
    const token = chat.customer.connectionToken;
    expect(await client.send(new SendMessageCommand({ ConnectionToken: token, ContentType: 'text/plain', Content: 'x'.repeat(1024) }))).toHaveProperty('Id');
    const tooLong = await rejection(client.send(new SendMessageCommand({ ConnectionToken: token, ContentType: 'text/plain', Content: 'x'.repeat(1025) })));
    expect(tooLong).toBeInstanceOf(ValidationException);
    expect(tooLong.message).toMatch(/'Content'.*1024/);
    // Emoji count as one character each (code points), as the model's length does.
    expect(await client.send(new SendMessageCommand({ ConnectionToken: token, ContentType: 'text/plain', Content: '😀'.repeat(1024) }))).toHaveProperty('Id');
    const markdown = await rejection(client.send(new SendMessageCommand({ ConnectionToken: token, ContentType: 'text/markdown', Content: '**hi**' })));
    expect(markdown).toBeInstanceOf(ValidationException);
    expect(markdown.message).toMatch(/SupportedMessagingContentTypes/);
    const missing = await rejection(client.send(new SendMessageCommand({ ConnectionToken: token, ContentType: 'text/plain', Content: undefined as unknown as string })));
    expect(missing.message).toMatch(/'Content' failed to satisfy constraint: Member must not be null/);
    const interactive = await rejection(
      client.send(new SendMessageCommand({ ConnectionToken: token, ContentType: 'application/vnd.amazonaws.connect.message.interactive', Content: '{}' })),
    );
    expect(interactive.message).toMatch(/cannot be sent by a customer/);
  });

  it('checks JSON content types and the larger interactive.response limit', async () => {
    const chat = await newChat();
    const type = 'application/vnd.amazonaws.connect.message.interactive.response';
    const notJson = await rejection(client.send(new SendMessageCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: type, Content: 'not json' })));
    expect(notJson).toBeInstanceOf(ValidationException);
    const big = JSON.stringify({ data: 'x'.repeat(12_000) });
    expect(await client.send(new SendMessageCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: type, Content: big }))).toHaveProperty('Id');
  });
});

describe('SendEvent', () => {
  it('fans out typing without storing it', async () => {
    const chat = await newChat();
    const out = await client.send(new SendEventCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: TYPING }));
    expect(out.Id).toBeTruthy();
    expect(out.AbsoluteTime).toMatch(ISO);
    const transcript = await client.send(new GetTranscriptCommand({ ConnectionToken: chat.customer.connectionToken, MaxResults: 100 }));
    expect(transcript.Transcript?.some((i) => i.ContentType === TYPING)).toBe(false);
  });

  it('records read receipts on the message; 400 for an unknown message; 409 with three participants', async () => {
    const chat = await newChat();
    const agent = await addParticipant(emu.url, chat.contactId);
    const agentConnection = await connect(emu.url, agent.participantToken);
    const message = await client.send(new SendMessageCommand({ ConnectionToken: agentConnection.connectionToken, ContentType: 'text/plain', Content: 'Hi, I am your agent' }));
    await client.send(new SendEventCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: READ, Content: JSON.stringify({ messageId: message.Id }) }));
    const transcript = await client.send(new GetTranscriptCommand({ ConnectionToken: chat.customer.connectionToken, MaxResults: 100 }));
    const stored = transcript.Transcript?.find((i) => i.Id === message.Id);
    const receipt = stored?.MessageMetadata?.Receipts?.[0];
    expect(receipt?.ReadTimestamp).toMatch(ISO);
    expect(receipt?.DeliveredTimestamp).toMatch(ISO);
    const unknown = await rejection(
      client.send(new SendEventCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: READ, Content: JSON.stringify({ messageId: 'nope' }) })),
    );
    expect(unknown).toBeInstanceOf(ValidationException);
    const badType = await rejection(client.send(new SendEventCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: 'application/vnd.amazonaws.connect.event.chat.ended' })));
    expect(badType.message).toMatch(/cannot be sent with SendEvent/);
    await addParticipant(emu.url, chat.contactId, 'SUPERVISOR', 'Boss');
    const conflict = await rejection(
      client.send(new SendEventCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: READ, Content: JSON.stringify({ messageId: message.Id }) })),
    );
    expect(conflict).toBeInstanceOf(ConflictException);
    expect(conflict.$metadata.httpStatusCode).toBe(409);
  });
});

describe('GetTranscript', () => {
  it('pages with the SDK paginator through every item once, with InitialContactId', async () => {
    const chat = await newChat();
    for (let i = 1; i <= 23; i++) {
      await client.send(new SendMessageCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: 'text/plain', Content: `m${i}` }));
    }
    const contents: string[] = [];
    let pages = 0;
    for await (const page of paginateGetTranscript({ client, pageSize: 5 }, { ConnectionToken: chat.customer.connectionToken, SortOrder: 'ASCENDING' })) {
      pages++;
      expect(page.InitialContactId).toBe(chat.contactId);
      contents.unshift(...(page.Transcript ?? []).filter((i) => i.Type === 'MESSAGE').map((i) => i.Content as string));
    }
    expect(pages).toBe(5); // 23 messages + the customer's joined event = 24 items
    expect(contents).toEqual(Array.from({ length: 23 }, (_, i) => `m${i + 1}`));
  });

  it('honours ContactId, StartPosition and rejects bad input by member', async () => {
    const chat = await newChat();
    const sent = await client.send(new SendMessageCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: 'text/plain', Content: 'one' }));
    await client.send(new SendMessageCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: 'text/plain', Content: 'two' }));
    const forward = await client.send(
      new GetTranscriptCommand({ ConnectionToken: chat.customer.connectionToken, ContactId: chat.contactId, StartPosition: { Id: sent.Id }, SortOrder: 'ASCENDING' }),
    );
    expect(forward.Transcript?.map((i) => i.Content)).toEqual(['one', 'two']);
    const tooMany = await rejection(client.send(new GetTranscriptCommand({ ConnectionToken: chat.customer.connectionToken, MaxResults: 101 })));
    expect(tooMany).toBeInstanceOf(ValidationException);
    expect(tooMany.message).toMatch(/'MaxResults'.*less than or equal to 100/);
    const direction = await rejection(client.send(new GetTranscriptCommand({ ConnectionToken: chat.customer.connectionToken, ScanDirection: 'SIDEWAYS' as 'FORWARD' })));
    expect(direction.message).toMatch(/'ScanDirection'.*FORWARD, BACKWARD/);
    const otherContact = await rejection(client.send(new GetTranscriptCommand({ ConnectionToken: chat.customer.connectionToken, ContactId: 'someone-else' })));
    expect(otherContact.message).toMatch(/ContactId "someone-else" is not a contact of this chat/);
    const mostRecent = await rejection(
      client.send(new GetTranscriptCommand({ ConnectionToken: chat.customer.connectionToken, StartPosition: { MostRecent: 101 } })),
    );
    expect(mostRecent.message).toMatch(/StartPosition\.MostRecent/);
  });
});

describe('DescribeView', () => {
  it('describes the view of a ViewResource message; 404 for unknown tokens', async () => {
    const chat = await newChat();
    const shown = await json<{ viewToken: string; item: { Content: string } }>(`${emu.url}/emulator/contacts/${chat.contactId}/views`, {
      body: { view: 'cards', viewData: { Heading: 'Pick one' } },
    });
    expect(shown.status).toBe(200);
    const content = JSON.parse(shown.body.item.Content) as { templateType: string; data: { content: { viewToken: string; viewId: string } } };
    expect(content.templateType).toBe('ViewResource');
    expect(content.data.content.viewToken).toBe(shown.body.viewToken);
    const out = await client.send(new DescribeViewCommand({ ConnectionToken: chat.customer.connectionToken, ViewToken: shown.body.viewToken }));
    expect(out.View?.Name).toBe('cards');
    expect(out.View?.Arn).toBe(content.data.content.viewId);
    expect(typeof out.View?.Version).toBe('number');
    expect(JSON.parse(out.View?.Content?.Template as string)).toHaveProperty('Body');
    expect(JSON.parse(out.View?.Content?.InputSchema as string)).toHaveProperty('type');
    expect(out.View?.Content?.Actions).toContain('ActionSelected');
    const missing = await rejection(client.send(new DescribeViewCommand({ ConnectionToken: chat.customer.connectionToken, ViewToken: 'a/b c:d' })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing.$metadata.httpStatusCode).toBe(404);
    const other = await newChat();
    const foreign = await rejection(client.send(new DescribeViewCommand({ ConnectionToken: other.customer.connectionToken, ViewToken: shown.body.viewToken })));
    expect(foreign).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('attachments', () => {
  it('upload, complete, download: the bytes and Content-Type come back', async () => {
    const chat = await newChat();
    const bytes = new TextEncoder().encode('hello attachment');
    const started = await client.send(
      new StartAttachmentUploadCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: 'text/plain', AttachmentName: 'note.txt', AttachmentSizeInBytes: bytes.byteLength }),
    );
    expect(started.UploadMetadata?.HeadersToInclude).toEqual({ 'Content-Type': 'text/plain' });
    expect(started.UploadMetadata?.UrlExpiry).toMatch(ISO);
    const put = await fetch(started.UploadMetadata?.Url as string, { method: 'PUT', headers: started.UploadMetadata?.HeadersToInclude, body: bytes });
    expect(put.status).toBe(200);
    await client.send(new CompleteAttachmentUploadCommand({ ConnectionToken: chat.customer.connectionToken, AttachmentIds: [started.AttachmentId as string] }));
    const transcript = await client.send(new GetTranscriptCommand({ ConnectionToken: chat.customer.connectionToken }));
    const item = transcript.Transcript?.find((i) => i.Type === 'ATTACHMENT');
    expect(item?.Attachments?.[0]).toEqual({ AttachmentId: started.AttachmentId, AttachmentName: 'note.txt', ContentType: 'text/plain', Status: 'APPROVED' });
    const got = await client.send(new GetAttachmentCommand({ ConnectionToken: chat.customer.connectionToken, AttachmentId: started.AttachmentId, UrlExpiryInSeconds: 60 }));
    expect(got.AttachmentSizeInBytes).toBe(bytes.byteLength);
    const download = await fetch(got.Url as string);
    expect(download.headers.get('content-type')).toBe('text/plain');
    expect(await download.text()).toBe('hello attachment');
    const expiry = await rejection(client.send(new GetAttachmentCommand({ ConnectionToken: chat.customer.connectionToken, AttachmentId: started.AttachmentId, UrlExpiryInSeconds: 301 })));
    expect(expiry.message).toMatch(/'UrlExpiryInSeconds'/);
  });

  it('ServiceQuotaExceededException (402) past the per-contact quota', async () => {
    const chat = await newChat();
    const start = () =>
      client.send(new StartAttachmentUploadCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: 'image/png', AttachmentName: 'a.png', AttachmentSizeInBytes: 10 }));
    await start();
    await start();
    await start();
    const error = await rejection(start());
    expect(error).toBeInstanceOf(ServiceQuotaExceededException);
    expect(error.$metadata.httpStatusCode).toBe(402);
  });
});

describe('authentication', () => {
  it('GetAuthenticationUrl and CancelParticipantAuthentication for a session the flow started', async () => {
    const chat = await newChat();
    const started = await json<{ SessionId: string }>(`${emu.url}/emulator/contacts/${chat.contactId}/authentication`, { body: {} });
    expect(started.body.SessionId).toHaveLength(36);
    const out = await client.send(
      new GetAuthenticationUrlCommand({ ConnectionToken: chat.customer.connectionToken, SessionId: started.body.SessionId, RedirectUri: 'http://127.0.0.1:1/back' }),
    );
    expect(out.AuthenticationUrl).toBe(`${emu.url}/emulator/auth/${started.body.SessionId}`);
    await client.send(new CancelParticipantAuthenticationCommand({ ConnectionToken: chat.customer.connectionToken, SessionId: started.body.SessionId }));
    const shortId = await rejection(client.send(new CancelParticipantAuthenticationCommand({ ConnectionToken: chat.customer.connectionToken, SessionId: 'short' })));
    expect(shortId).toBeInstanceOf(ValidationException);
    expect(shortId.message).toMatch(/'SessionId'.*greater than or equal to 36/);
    const unknown = await rejection(
      client.send(new GetAuthenticationUrlCommand({ ConnectionToken: chat.customer.connectionToken, SessionId: '00000000-0000-4000-8000-000000000000', RedirectUri: 'http://x/' })),
    );
    expect(unknown.message).toMatch(/not an authentication session of this chat/);
  });
});

describe('DisconnectParticipant', () => {
  it('ends the chat for a customer; later calls get 403; a retry with the same ClientToken succeeds', async () => {
    const chat = await newChat();
    await client.send(new DisconnectParticipantCommand({ ConnectionToken: chat.customer.connectionToken, ClientToken: 'bye-1' }));
    const retry = await client.send(new DisconnectParticipantCommand({ ConnectionToken: chat.customer.connectionToken, ClientToken: 'bye-1' }));
    expect(retry.$metadata.httpStatusCode).toBe(200);
    const after = await rejection(client.send(new SendMessageCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: 'text/plain', Content: 'still there?' })));
    expect(after).toBeInstanceOf(AccessDeniedException);
    const reconnect = await rejection(client.send(new CreateParticipantConnectionCommand({ ParticipantToken: chat.participantToken, Type: ['WEBSOCKET'] })));
    expect(reconnect).toBeInstanceOf(AccessDeniedException);
    // The transcript stays readable until the token expires.
    const transcript = await client.send(new GetTranscriptCommand({ ConnectionToken: chat.customer.connectionToken, SortOrder: 'ASCENDING' }));
    expect(transcript.Transcript?.map((i) => i.ContentType)).toEqual([
      'application/vnd.amazonaws.connect.event.participant.joined',
      'application/vnd.amazonaws.connect.event.participant.left',
      'application/vnd.amazonaws.connect.event.chat.ended',
    ]);
  });
});

describe('modeled errors the SDK retries', () => {
  it('ThrottlingException (429) and InternalServerException (500) map to their classes', async () => {
    const chat = await newChat();
    await json(`${emu.url}/emulator/faults`, { body: { fail: [{ operation: 'SendMessage', status: 429 }, { operation: 'GetTranscript', status: 500 }] } });
    const throttled = await rejection(client.send(new SendMessageCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: 'text/plain', Content: 'x' })));
    expect(throttled).toBeInstanceOf(ThrottlingException);
    expect(throttled.$metadata.httpStatusCode).toBe(429);
    const internal = await rejection(client.send(new GetTranscriptCommand({ ConnectionToken: chat.customer.connectionToken })));
    expect(internal).toBeInstanceOf(InternalServerException);
    expect(internal.$fault).toBe('server');
  });

  it('a retrying client gets through two injected 500s with one message stored (same ClientToken)', async () => {
    const chat = await newChat();
    const retrying = participantClient(emu.url, 3);
    await json(`${emu.url}/emulator/faults`, { body: { fail: { operation: 'SendMessage', status: 500, count: 2 } } });
    const out = await retrying.send(new SendMessageCommand({ ConnectionToken: chat.customer.connectionToken, ContentType: 'text/plain', Content: 'persistent' }));
    retrying.destroy();
    expect(out.$metadata.attempts).toBe(3);
    const transcript = await client.send(new GetTranscriptCommand({ ConnectionToken: chat.customer.connectionToken }));
    expect(transcript.Transcript?.filter((i) => i.Content === 'persistent')).toHaveLength(1);
  });
});

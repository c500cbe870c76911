// Conformance: the official @aws-sdk/client-connect StartChatContact, CreateParticipant and
// StopContact against the emulator, plus the customer-backend route POST /start-chat.
import {
  ConnectClient,
  ContactNotFoundException,
  CreateParticipantCommand,
  InvalidParameterException,
  InvalidRequestException,
  ResourceNotFoundException,
  StartChatContactCommand,
  StopContactCommand,
} from '@aws-sdk/client-connect';
import { ConnectParticipantClient, GetTranscriptCommand, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { connect, connectClient, emulator, FrameSocket, json, participantClient } from './testing/helpers.js';

let emu: Emulator;
let connectApi: ConnectClient;
let participant: ConnectParticipantClient;

beforeAll(async () => {
  emu = await emulator();
  connectApi = connectClient(emu.url);
  participant = participantClient(emu.url);
});
afterAll(async () => {
  connectApi.destroy();
  participant.destroy();
  await emu.close();
});

async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}

const START = { InstanceId: 'instance-1', ContactFlowId: 'flow-1', ParticipantDetails: { DisplayName: 'Jane' } };

describe('StartChatContact', () => {
  it('starts a chat with attributes, an initial message and content types', async () => {
    const out = await connectApi.send(
      new StartChatContactCommand({
        ...START,
        Attributes: { orderId: '42' },
        InitialMessage: { ContentType: 'text/plain', Content: 'Where is my order?' },
        SupportedMessagingContentTypes: ['text/plain', 'text/markdown'],
        ChatDurationInMinutes: 60,
      }),
    );
    expect(out.ContactId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.ParticipantId).toBeTruthy();
    expect(out.ParticipantToken).toBeTruthy();
    const contact = await json<{ Attributes: Record<string, string>; SupportedMessagingContentTypes: string[]; Participants: Array<{ DisplayName: string; ParticipantRole: string }> }>(
      `${emu.url}/emulator/contacts/${out.ContactId}`,
    );
    expect(contact.body.Attributes).toEqual({ orderId: '42' });
    expect(contact.body.SupportedMessagingContentTypes).toEqual(['text/plain', 'text/markdown']);
    expect(contact.body.Participants).toEqual([expect.objectContaining({ DisplayName: 'Jane', ParticipantRole: 'CUSTOMER' })]);
    const connection = await connect(emu.url, out.ParticipantToken as string);
    const transcript = await participant.send(new GetTranscriptCommand({ ConnectionToken: connection.connectionToken, SortOrder: 'ASCENDING' }));
    expect(transcript.Transcript?.map((i) => i.ContentType)).toEqual(['application/vnd.amazonaws.connect.event.participant.joined', 'text/plain']);
    expect(transcript.Transcript?.[1]).toMatchObject({ Content: 'Where is my order?', ParticipantRole: 'CUSTOMER', DisplayName: 'Jane' });
  });

  it('is idempotent by ClientToken', async () => {
    const a = await connectApi.send(new StartChatContactCommand({ ...START, ClientToken: 'same-start' }));
    const b = await connectApi.send(new StartChatContactCommand({ ...START, ClientToken: 'same-start' }));
    expect(b.ContactId).toBe(a.ContactId);
    expect(b.ParticipantToken).toBe(a.ParticipantToken);
  });

  it('rejects bad input with InvalidParameterException / InvalidRequestException naming the member', async () => {
    const noName = await rejection(connectApi.send(new StartChatContactCommand({ ...START, ParticipantDetails: { DisplayName: '' } })));
    expect(noName).toBeInstanceOf(InvalidParameterException);
    expect(noName.message).toMatch(/ParticipantDetails\.DisplayName/);
    const duration = await rejection(connectApi.send(new StartChatContactCommand({ ...START, ChatDurationInMinutes: 59 })));
    expect(duration.message).toMatch(/'ChatDurationInMinutes'.*greater than or equal to 60/);
    const noPlain = await rejection(connectApi.send(new StartChatContactCommand({ ...START, SupportedMessagingContentTypes: ['text/markdown'] })));
    expect(noPlain).toBeInstanceOf(InvalidRequestException);
    expect(noPlain.message).toMatch(/must contain text\/plain/);
  });

  it('persistent chat: rehydrates an ended chat with RelatedContactId and ContinuedFromContactId', async () => {
    const first = await connectApi.send(new StartChatContactCommand(START));
    const firstConnection = await connect(emu.url, first.ParticipantToken as string);
    const said = await participant.send(new SendMessageCommand({ ConnectionToken: firstConnection.connectionToken, ContentType: 'text/plain', Content: 'remember me' }));
    const notEnded = await rejection(
      connectApi.send(new StartChatContactCommand({ ...START, PersistentChat: { RehydrationType: 'ENTIRE_PAST_SESSION', SourceContactId: first.ContactId } })),
    );
    expect(notEnded).toBeInstanceOf(InvalidRequestException);
    await connectApi.send(new StopContactCommand({ InstanceId: 'instance-1', ContactId: first.ContactId }));
    const second = await connectApi.send(
      new StartChatContactCommand({ ...START, PersistentChat: { RehydrationType: 'ENTIRE_PAST_SESSION', SourceContactId: first.ContactId } }),
    );
    expect(second.ContinuedFromContactId).toBe(first.ContactId);
    expect(second.ContactId).not.toBe(first.ContactId);
    const connection = await connect(emu.url, second.ParticipantToken as string);
    const transcript = await participant.send(new GetTranscriptCommand({ ConnectionToken: connection.connectionToken, SortOrder: 'ASCENDING', MaxResults: 100 }));
    const past = transcript.Transcript?.find((i) => i.Id === said.Id);
    expect(past).toMatchObject({ Content: 'remember me', RelatedContactId: first.ContactId });
    expect(past?.ContactId).toBeUndefined();
    expect(transcript.Transcript?.some((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.chat.rehydrated')).toBe(true);
    const onlyPast = await participant.send(new GetTranscriptCommand({ ConnectionToken: connection.connectionToken, ContactId: first.ContactId, MaxResults: 100 }));
    expect(onlyPast.Transcript?.every((i) => i.RelatedContactId === first.ContactId)).toBe(true);
    const unknown = await rejection(
      connectApi.send(new StartChatContactCommand({ ...START, PersistentChat: { RehydrationType: 'FROM_SEGMENT', SourceContactId: 'no-such-contact' } })),
    );
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('StartChatContact DisconnectOnCustomerExit', () => {
  it('is accepted as the model has it (["AGENT"]) and kept on the contact; anything else is refused naming it', async () => {
    const out = await connectApi.send(new StartChatContactCommand({ ...START, DisconnectOnCustomerExit: ['AGENT'] }));
    const contact = await json<{ DisconnectOnCustomerExit?: string[] }>(`${emu.url}/emulator/contacts/${out.ContactId}`);
    expect(contact.body.DisconnectOnCustomerExit).toEqual(['AGENT']);
    const wrong = await rejection(
      connectApi.send(new StartChatContactCommand({ ...START, DisconnectOnCustomerExit: ['CUSTOMER' as 'AGENT'] })),
    );
    expect(wrong).toBeInstanceOf(InvalidParameterException);
    expect(wrong.message).toMatch(/'DisconnectOnCustomerExit.1.member'.*enum value set: \[AGENT\]/);
    const viaBackend = await json<{ data: { startChatResult: { ContactId: string } } }>(`${emu.url}/start-chat`, {
      body: { ParticipantDetails: { DisplayName: 'Ada' }, DisconnectOnCustomerExit: ['AGENT'] },
    });
    const forwarded = await json<{ DisconnectOnCustomerExit?: string[] }>(`${emu.url}/emulator/contacts/${viaBackend.body.data.startChatResult.ContactId}`);
    expect(forwarded.body.DisconnectOnCustomerExit).toEqual(['AGENT']);
  });
});

describe('CreateParticipant', () => {
  it('adds an AGENT (emulator extension) who can chat through the participant API', async () => {
    const chat = await connectApi.send(new StartChatContactCommand(START));
    const customer = await connect(emu.url, chat.ParticipantToken as string);
    const socket = await FrameSocket.subscribed(customer.websocketUrl);
    const agent = await connectApi.send(
      new CreateParticipantCommand({ InstanceId: 'instance-1', ContactId: chat.ContactId, ParticipantDetails: { ParticipantRole: 'AGENT', DisplayName: 'Sam' } }),
    );
    expect(agent.ParticipantId).toBeTruthy();
    expect(agent.ParticipantCredentials?.ParticipantToken).toBeTruthy();
    expect(Date.parse(agent.ParticipantCredentials?.Expiry as string)).toBeGreaterThan(Date.now());
    const joined = await socket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.participant.joined' && i.ParticipantRole === 'AGENT');
    expect(joined).toMatchObject({ DisplayName: 'Sam', ParticipantId: agent.ParticipantId });
    const agentConnection = await connect(emu.url, agent.ParticipantCredentials?.ParticipantToken as string);
    await participant.send(new SendMessageCommand({ ConnectionToken: agentConnection.connectionToken, ContentType: 'text/markdown', Content: '**Hello** Jane' }));
    const message = await socket.waitForItem((i) => i.Type === 'MESSAGE');
    expect(message).toMatchObject({ ParticipantRole: 'AGENT', DisplayName: 'Sam', ContentType: 'text/markdown', InitialContactId: chat.ContactId, ContactId: chat.ContactId });
    socket.close();
  });

  it('defaults to CUSTOM_BOT, refuses CUSTOMER, unknown and ended contacts', async () => {
    const chat = await connectApi.send(new StartChatContactCommand(START));
    const bot = await connectApi.send(new CreateParticipantCommand({ InstanceId: 'instance-1', ContactId: chat.ContactId, ParticipantDetails: {} }));
    const contact = await json<{ Participants: Array<{ ParticipantId: string; ParticipantRole: string; DisplayName: string }> }>(`${emu.url}/emulator/contacts/${chat.ContactId}`);
    expect(contact.body.Participants.find((p) => p.ParticipantId === bot.ParticipantId)).toMatchObject({ ParticipantRole: 'CUSTOM_BOT', DisplayName: 'Bot' });
    const customer = await rejection(
      connectApi.send(new CreateParticipantCommand({ InstanceId: 'instance-1', ContactId: chat.ContactId, ParticipantDetails: { ParticipantRole: 'CUSTOMER' } })),
    );
    expect(customer).toBeInstanceOf(InvalidRequestException);
    const unknown = await rejection(connectApi.send(new CreateParticipantCommand({ InstanceId: 'instance-1', ContactId: 'nope', ParticipantDetails: { ParticipantRole: 'AGENT' } })));
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
    await connectApi.send(new StopContactCommand({ InstanceId: 'instance-1', ContactId: chat.ContactId }));
    const ended = await rejection(
      connectApi.send(new CreateParticipantCommand({ InstanceId: 'instance-1', ContactId: chat.ContactId, ParticipantDetails: { ParticipantRole: 'AGENT' } })),
    );
    expect(ended).toBeInstanceOf(InvalidRequestException);
  });
});

describe('StopContact', () => {
  it('ends the chat: chat.ended to every socket, then 403 for the tokens; twice = ContactNotFoundException', async () => {
    const chat = await connectApi.send(new StartChatContactCommand(START));
    const customer = await connect(emu.url, chat.ParticipantToken as string);
    const socket = await FrameSocket.subscribed(customer.websocketUrl);
    await connectApi.send(new StopContactCommand({ InstanceId: 'instance-1', ContactId: chat.ContactId, DisconnectReason: { Code: 'AGENT_HANGUP' } }));
    const ended = await socket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.chat.ended');
    expect(ended).toMatchObject({ Type: 'EVENT', ContactId: chat.ContactId, InitialContactId: chat.ContactId });
    const again = await rejection(connectApi.send(new StopContactCommand({ InstanceId: 'instance-1', ContactId: chat.ContactId })));
    expect(again).toBeInstanceOf(ContactNotFoundException);
    expect(again.$metadata.httpStatusCode).toBe(410);
    const send = await rejection(participant.send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'hello?' })));
    expect(send.name).toBe('AccessDeniedException');
    const live = await json<{ Contacts: Array<{ ContactId: string }> }>(`${emu.url}/emulator/contacts`);
    expect(live.body.Contacts.some((c) => c.ContactId === chat.ContactId)).toBe(false);
    const all = await json<{ Contacts: Array<{ ContactId: string; State: string }> }>(`${emu.url}/emulator/contacts?all=true`);
    expect(all.body.Contacts.find((c) => c.ContactId === chat.ContactId)?.State).toBe('ended');
    socket.close();
  });
});

describe('POST /start-chat (customer-backend contract)', () => {
  it('answers {data:{startChatResult}} and accepts the sample back end\'s loose shapes', async () => {
    const out = await json<{ data: { startChatResult: { ContactId: string; ParticipantId: string; ParticipantToken: string }; featurePermissions: Record<string, boolean> } }>(
      `${emu.url}/start-chat`,
      {
        body: {
          InstanceId: 'instance-1',
          ContactFlowId: 'flow-1',
          ParticipantDetails: { DisplayName: 'Web visitor' },
          Attributes: JSON.stringify({ page: '/pricing' }),
          SupportedMessagingContentTypes: 'text/plain,text/markdown',
          ChatDurationInMinutes: '90',
        },
      },
    );
    expect(out.status).toBe(200);
    expect(out.headers.get('access-control-allow-origin')).toBe('*');
    const result = out.body.data.startChatResult;
    expect(Object.keys(result).sort()).toEqual(['ContactId', 'ParticipantId', 'ParticipantToken']);
    expect(out.body.data.featurePermissions).toEqual({ ATTACHMENTS: true, MESSAGING_MARKDOWN: true });
    const contact = await json<{ Attributes: Record<string, string>; SupportedMessagingContentTypes: string[] }>(`${emu.url}/emulator/contacts/${result.ContactId}`);
    expect(contact.body.Attributes).toEqual({ page: '/pricing' });
    expect(contact.body.SupportedMessagingContentTypes).toEqual(['text/plain', 'text/markdown']);
    await connect(emu.url, result.ParticipantToken);
  });

  it('reports errors as {data:{Error}} with the status', async () => {
    const out = await json<{ data: { Error: { code: string; message: string } } }>(`${emu.url}/start-chat`, {
      body: { ParticipantDetails: { DisplayName: '' } },
    });
    expect(out.status).toBe(400);
    expect(out.body.data.Error.code).toBe('InvalidParameterException');
    expect(out.body.data.Error.message).toMatch(/DisplayName/);
  });
});

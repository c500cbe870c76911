// The chat WebSocket protocol (chat-protocol.md §1) against a real ws client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { addParticipant, connect, emulator, FrameSocket, json, manualClock, startChat } from './testing/helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});

async function send(url: string, token: string, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  return json(`${url}/participant/${path}`, { body, headers: { 'x-amz-bearer': token } });
}

describe('handshake', () => {
  it('answers subscribe, heartbeat and ping exactly as the service does', async () => {
    const chat = await startChat(emu.url);
    const { websocketUrl } = await connect(emu.url, chat.participantToken);
    const socket = await FrameSocket.open(websocketUrl);
    socket.send({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } });
    expect(await socket.waitFor((f) => f.topic === 'aws/subscribe')).toEqual({ topic: 'aws/subscribe', content: { status: 'success', topics: ['aws/chat'] } });
    socket.send({ topic: 'aws/heartbeat' });
    expect(await socket.waitFor((f) => f.topic === 'aws/heartbeat')).toEqual({ topic: 'aws/heartbeat' });
    socket.send({ topic: 'aws/ping' });
    expect(await socket.waitFor((f) => f.topic === 'aws/ping')).toEqual({ topic: 'aws/ping', statusCode: 200, statusContent: 'OK' });
    socket.send('not json');
    const error = await socket.waitFor((f) => f.message !== undefined);
    expect(error).toMatchObject({ message: 'Internal server error' });
    expect(error.topic).toBeUndefined();
    socket.close();
  });

  it('delivers nothing before subscribing, and nothing after unsubscribing', async () => {
    const chat = await startChat(emu.url);
    const { websocketUrl, connectionToken } = await connect(emu.url, chat.participantToken);
    const socket = await FrameSocket.open(websocketUrl);
    await send(emu.url, connectionToken, 'message', { ContentType: 'text/plain', Content: 'early' });
    socket.send({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } });
    await socket.waitFor((f) => f.topic === 'aws/subscribe');
    await send(emu.url, connectionToken, 'message', { ContentType: 'text/plain', Content: 'late' });
    await socket.waitForItem((i) => i.Content === 'late');
    expect(socket.items().some((i) => i.Content === 'early')).toBe(false);
    socket.send({ topic: 'aws/unsubscribe', content: { topics: ['aws/chat'] } });
    await socket.waitFor((f) => f.topic === 'aws/unsubscribe');
    await send(emu.url, connectionToken, 'message', { ContentType: 'text/plain', Content: 'after' });
    socket.send({ topic: 'aws/heartbeat' });
    await socket.waitFor((f) => f.topic === 'aws/heartbeat');
    expect(socket.items().some((i) => i.Content === 'after')).toBe(false);
    socket.close();
  });

  it('refuses unknown tickets and URLs older than 100 s with 403', async () => {
    const clock = manualClock();
    const timed = await emulator({ now: clock.now });
    try {
      const chat = await startChat(timed.url);
      const { websocketUrl } = await connect(timed.url, chat.participantToken);
      await expect(FrameSocket.open(websocketUrl.replace(/Token=[^&]+/, 'Token=forged'))).rejects.toThrow(/403/);
      clock.advance(99_000);
      (await FrameSocket.open(websocketUrl)).close(); // still inside 100 s, and reusable
      clock.advance(2_000);
      await expect(FrameSocket.open(websocketUrl)).rejects.toThrow(/403/);
    } finally {
      await timed.close();
    }
  });
});

describe('fan-out', () => {
  it('sends every item to every subscribed socket of the contact, in the aws/chat frame, own echoes included', async () => {
    const chat = await startChat(emu.url);
    const customer = await connect(emu.url, chat.participantToken);
    const agent = await addParticipant(emu.url, chat.contactId);
    const agentConnection = await connect(emu.url, agent.participantToken);
    const customerTab1 = await FrameSocket.subscribed(customer.websocketUrl);
    const customerTab2 = await FrameSocket.subscribed((await connect(emu.url, chat.participantToken)).websocketUrl);
    const agentSocket = await FrameSocket.subscribed(agentConnection.websocketUrl);
    const other = await startChat(emu.url);
    const outsider = await FrameSocket.subscribed((await connect(emu.url, other.participantToken)).websocketUrl);

    const sent = await send(emu.url, customer.connectionToken, 'message', { ContentType: 'text/plain', Content: 'hello all' });
    for (const socket of [customerTab1, customerTab2, agentSocket]) {
      const frame = await socket.waitFor((f) => f.topic === 'aws/chat' && (f.content as string).includes('hello all'));
      expect(frame.contentType).toBe('application/json');
      expect(typeof frame.content).toBe('string');
      expect(JSON.parse(frame.content as string)).toEqual({
        AbsoluteTime: sent.body.AbsoluteTime,
        Id: sent.body.Id,
        Type: 'MESSAGE',
        ContentType: 'text/plain',
        Content: 'hello all',
        ParticipantId: chat.participantId,
        DisplayName: 'Customer',
        ParticipantRole: 'CUSTOMER',
        InitialContactId: chat.contactId,
        ContactId: chat.contactId,
      });
    }
    await send(emu.url, agentConnection.connectionToken, 'event', { ContentType: 'application/vnd.amazonaws.connect.event.typing' });
    const typing = await customerTab1.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.typing');
    expect(typing).toMatchObject({ Type: 'EVENT', ParticipantRole: 'AGENT' });
    expect(typing.Content).toBeUndefined();
    outsider.send({ topic: 'aws/heartbeat' });
    await outsider.waitFor((f) => f.topic === 'aws/heartbeat');
    expect(outsider.items().filter((i) => i.Type === 'MESSAGE')).toEqual([]);
    for (const s of [customerTab1, customerTab2, agentSocket, outsider]) s.close();
  });

  it('receipts: a MESSAGEMETADATA item to both sides; read implies delivered', async () => {
    const chat = await startChat(emu.url);
    const customer = await connect(emu.url, chat.participantToken);
    const agent = await addParticipant(emu.url, chat.contactId);
    const agentConnection = await connect(emu.url, agent.participantToken);
    const agentSocket = await FrameSocket.subscribed(agentConnection.websocketUrl);
    const customerSocket = await FrameSocket.subscribed(customer.websocketUrl);
    const message = await send(emu.url, agentConnection.connectionToken, 'message', { ContentType: 'text/plain', Content: 'How can I help?' });
    await send(emu.url, customer.connectionToken, 'event', {
      ContentType: 'application/vnd.amazonaws.connect.event.message.read',
      Content: JSON.stringify({ messageId: message.body.Id, disableThrottle: true }),
    });
    for (const socket of [agentSocket, customerSocket]) {
      const metadata = await socket.waitForItem((i) => i.Type === 'MESSAGEMETADATA');
      expect(metadata.ContentType).toBe('application/vnd.amazonaws.connect.event.message.metadata');
      expect(metadata.MessageMetadata?.MessageId).toBe(message.body.Id);
      const receipt = metadata.MessageMetadata?.Receipts?.[0];
      expect(receipt?.RecipientParticipantId).toBe(chat.participantId);
      expect(receipt?.ReadTimestamp).toBeTruthy();
      expect(receipt?.DeliveredTimestamp).toBe(receipt?.ReadTimestamp);
    }
    agentSocket.close();
    customerSocket.close();
  });

  it('a customer who disconnects still gets participant.left and chat.ended; an agent who leaves gets nothing more', async () => {
    const chat = await startChat(emu.url);
    const customer = await connect(emu.url, chat.participantToken);
    const agent = await addParticipant(emu.url, chat.contactId);
    const agentConnection = await connect(emu.url, agent.participantToken);
    const customerSocket = await FrameSocket.subscribed(customer.websocketUrl);
    const agentSocket = await FrameSocket.subscribed(agentConnection.websocketUrl);
    await send(emu.url, agentConnection.connectionToken, 'disconnect', {});
    await agentSocket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.participant.left');
    await customerSocket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.participant.left' && i.ParticipantRole === 'AGENT');
    await send(emu.url, customer.connectionToken, 'message', { ContentType: 'text/plain', Content: 'anyone?' });
    await send(emu.url, customer.connectionToken, 'disconnect', {});
    await customerSocket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.participant.left' && i.ParticipantRole === 'CUSTOMER');
    await customerSocket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.chat.ended');
    expect(agentSocket.items().some((i) => i.Content === 'anyone?' || i.ContentType === 'application/vnd.amazonaws.connect.event.chat.ended')).toBe(false);
    customerSocket.close();
    agentSocket.close();
  });

  it('participant events emitted through the control API reach the customer', async () => {
    const chat = await startChat(emu.url);
    const customer = await connect(emu.url, chat.participantToken);
    const socket = await FrameSocket.subscribed(customer.websocketUrl);
    const agent = await addParticipant(emu.url, chat.contactId);
    await json(`${emu.url}/emulator/contacts/${chat.contactId}/events`, { body: { Kind: 'idle', ParticipantId: agent.participantId } });
    await json(`${emu.url}/emulator/contacts/${chat.contactId}/events`, { body: { Kind: 'returned', ParticipantId: agent.participantId } });
    const idle = await socket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.participant.idle');
    expect(idle.ParticipantId).toBe(agent.participantId);
    const returned = await socket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.participant.returned');
    expect(returned).toMatchObject({ Type: 'EVENT', ParticipantRole: 'AGENT', DisplayName: 'Agent Smith' });
    socket.close();
  });
});

// Message processing: a held customer message is answered and sent PROCESSING, then sent again with
// the same Id as REJECTED, FAILED or delivered; the fault and a plugin's processMessage decide.
import { ConnectParticipantClient, GetTranscriptCommand, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import type { EmulatorPlugin } from './plugins.js';
import { addParticipant, connect, emulator, FrameSocket, json, participantClient, startChat } from './testing/helpers.js';
import type { ChatItem } from './types.js';

let emu: Emulator;
let sdk: ConnectParticipantClient;
beforeAll(async () => {
  emu = await emulator();
  sdk = participantClient(emu.url);
});
afterAll(async () => {
  sdk.destroy();
  await emu.close();
});

async function chat(url = emu.url) {
  const started = await startChat(url);
  const customer = await connect(url, started.participantToken);
  const socket = await FrameSocket.subscribed(customer.websocketUrl);
  return { started, customer, socket };
}

const statusOf = (item: ChatItem) => item.MessageMetadata?.MessageProcessingStatus;

describe('the messageProcessing fault', () => {
  for (const status of ['REJECTED', 'FAILED'] as const) {
    it(`${status}: SendMessage answers PROCESSING, the item follows with the same Id and ${status}, GetTranscript keeps it`, async () => {
      const { started, customer, socket } = await chat();
      const agent = await addParticipant(emu.url, started.contactId);
      const agentSocket = await FrameSocket.subscribed((await connect(emu.url, agent.participantToken)).websocketUrl);
      const fault = await json(`${emu.url}/emulator/faults`, { body: { messageProcessing: { status, delayMs: 50 } } });
      expect(fault.body).toMatchObject({ messageProcessing: { status, count: 1, delayMs: 50 } });

      const sent = await sdk.send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'my card is 4111 1111 1111 1111' }));
      expect(sent.MessageMetadata?.MessageProcessingStatus).toBe('PROCESSING');
      const held = await socket.waitForItem((i) => i.Id === sent.Id);
      expect(held.MessageMetadata).toMatchObject({ MessageId: sent.Id, MessageProcessingStatus: 'PROCESSING' });
      const decided = await socket.waitForItem((i) => i.Id === sent.Id && statusOf(i) === status);
      expect(decided.Content).toBe('my card is 4111 1111 1111 1111');
      await agentSocket.waitForItem((i) => i.Id === sent.Id && statusOf(i) === status);
      const transcript = await sdk.send(new GetTranscriptCommand({ ConnectionToken: customer.connectionToken, SortOrder: 'ASCENDING' }));
      expect(transcript.Transcript?.find((i) => i.Id === sent.Id)?.MessageMetadata?.MessageProcessingStatus).toBe(status);

      // The fault was for one message: the next one is plain.
      const next = await sdk.send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'hello' }));
      expect(next.MessageMetadata).toBeUndefined();
      socket.close();
      agentSocket.close();
    });
  }

  it('APPROVED: the item follows without a status (delivered)', async () => {
    const { customer, socket } = await chat();
    await json(`${emu.url}/emulator/faults`, { body: { messageProcessing: { status: 'APPROVED', count: 1, delayMs: 0 } } });
    const sent = await sdk.send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'fine' }));
    await socket.waitForItem((i) => i.Id === sent.Id && statusOf(i) === 'PROCESSING');
    const delivered = await socket.waitFor(
      (f) => f.topic === 'aws/chat' && ((i: ChatItem) => i.Id === sent.Id && i.MessageMetadata !== undefined && statusOf(i) === undefined)(JSON.parse(f.content as string) as ChatItem),
    );
    expect(JSON.parse(delivered.content as string)).toMatchObject({ MessageMetadata: { MessageId: sent.Id } });
    socket.close();
  });

  it('refuses a bad rule and changes nothing', async () => {
    const bad = await json<{ message: string }>(`${emu.url}/emulator/faults`, { body: { messageProcessing: { status: 'BLOCKED' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/messageProcessing must be null or/);
    const standing = await json<{ messageProcessing: unknown }>(`${emu.url}/emulator/faults`);
    expect(standing.body.messageProcessing).toBeNull();
  });
});

describe("a plugin's processMessage", () => {
  it('holds every customer message and decides it (a guardrail)', async () => {
    // A bot beside the guardrail sees each customer message once, when delivered: never a blocked one.
    const seen: string[] = [];
    const plugin: EmulatorPlugin = {
      name: 'guardrail',
      processMessage: (_contact, item) => ((item.Content ?? '').includes('password') ? 'REJECTED' : undefined),
    };
    const bot: EmulatorPlugin = { name: 'bot', onItem: (_contact, item) => void (item.ParticipantRole === 'CUSTOMER' && item.Type === 'MESSAGE' && seen.push(item.Content ?? '')) };
    const guarded = await emulator({ plugins: [plugin, bot] });
    const client = participantClient(guarded.url);
    try {
      const { customer, socket } = await chat(guarded.url);
      const blocked = await client.send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'my password is hunter2' }));
      const fine = await client.send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'where is my order?' }));
      expect([blocked.MessageMetadata?.MessageProcessingStatus, fine.MessageMetadata?.MessageProcessingStatus]).toEqual(['PROCESSING', 'PROCESSING']);
      await socket.waitForItem((i) => i.Id === blocked.Id && statusOf(i) === 'REJECTED');
      await socket.waitFor((f) => f.topic === 'aws/chat' && ((i: ChatItem) => i.Id === fine.Id && i.MessageMetadata !== undefined && statusOf(i) === undefined)(JSON.parse(f.content as string) as ChatItem));
      await expect.poll(() => seen).toEqual(['where is my order?']);
      socket.close();
    } finally {
      client.destroy();
      await guarded.close();
    }
  });
});

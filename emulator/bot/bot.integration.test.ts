// The demo bot inside a real emulator: a customer (this project's ParticipantClient + a real
// WebSocket) talks to it; every reply is checked as the customer receives it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ParticipantClient } from '../../src/client/index.js';
import { startEmulator } from '../index.js';
import type { ChatItem, Emulator } from '../index.js';
import { TEXT } from './script.js';

const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';
const INTERACTIVE_RESPONSE = `${INTERACTIVE}.response`;

let emulator: Emulator;
let client: ParticipantClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, bot: true });
  client = new ParticipantClient({ endpoint: emulator.url, maxAttempts: 1 });
});
afterAll(() => emulator.close());

/** A customer in a fresh chat: sends, and waits for items as they arrive on the socket. */
async function customer(name = 'Jane') {
  const started = (await (
    await fetch(`${emulator.url}/contact/chat`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        InstanceId: 'test-instance',
        ContactFlowId: 'test-flow',
        ParticipantDetails: { DisplayName: name },
        SupportedMessagingContentTypes: ['text/plain', 'text/markdown', INTERACTIVE_RESPONSE],
      }),
    })
  ).json()) as { ContactId: string; ParticipantToken: string };
  const connection = await client.createParticipantConnection({
    ParticipantToken: started.ParticipantToken,
    Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
  });
  const token = connection.ConnectionCredentials?.ConnectionToken ?? '';
  const received: ChatItem[] = [];
  const waiters: Array<() => void> = [];
  const socket = new WebSocket(connection.Websocket?.Url ?? '');
  await new Promise<void>((ok, fail) => {
    socket.on('error', fail);
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as { topic: string; content?: unknown };
      if (frame.topic === 'aws/subscribe') ok();
      if (frame.topic === 'aws/chat' && typeof frame.content === 'string') {
        received.push(JSON.parse(frame.content) as ChatItem);
        for (const wake of waiters.splice(0)) wake();
      }
    });
    socket.on('open', () => socket.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } })));
  });
  // What was said before the socket subscribed (the bot greets when the contact starts; on a busy
  // machine that can be before): from the transcript, as a real client catches up after connecting.
  const before = await client.getTranscript({ ConnectionToken: token, ScanDirection: 'FORWARD', SortOrder: 'ASCENDING', MaxResults: 100 });
  for (const item of before.Transcript ?? []) {
    if (!received.some((seen) => seen.Id === item.Id)) received.push(item as ChatItem);
  }

  /** Resolves with the first bot item after `from` that matches. */
  const next = async (test: (item: ChatItem) => boolean, from: number, what: string): Promise<ChatItem> => {
    const deadline = Date.now() + 8_000;
    for (;;) {
      const found = received.slice(from).find((item) => item.ParticipantRole === 'SYSTEM' && test(item));
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = received.map((item) => `${item.ContentType ?? item.Type}: ${(item.Content ?? '').slice(0, 60)}`).join('\n');
        throw new Error(`no bot item ${what}; received:\n${seen}`);
      }
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 500);
      });
    }
  };
  const say = async (content: string, contentType = 'text/plain'): Promise<number> => {
    const mark = received.length;
    await client.sendMessage({ ConnectionToken: token, ContentType: contentType, Content: content });
    return mark;
  };
  return { contactId: started.ContactId, token, received, next, say, close: () => socket.close() };
}

const hasText = (text: string) => (item: ChatItem) => item.Content === text;
const template = (type: string) => (item: ChatItem) =>
  item.ContentType === INTERACTIVE && (JSON.parse(item.Content ?? '{}') as { templateType?: string }).templateType === type;

describe('demo bot in the emulator', () => {
  it('greets, shows a list and pages it with SHOW_MORE under the same referenceId', async () => {
    const jane = await customer();
    await jane.next(hasText(TEXT.greeting), 0, 'greeting');
    const first = await jane.next(template('ListPicker'), await jane.say('list'), 'ListPicker');
    const content = (JSON.parse(first.Content ?? '') as { data: { content: Record<string, unknown> } }).data.content;
    const mark = await jane.say(
      JSON.stringify({
        version: '1.0',
        data: { actionName: 'SHOW_MORE', preIndex: content.preIndex, nextIndex: content.nextIndex, listId: content.listId, templateType: 'ListPicker', referenceId: content.referenceId },
        action: 'SHOW_MORE',
      }),
      INTERACTIVE_RESPONSE,
    );
    const second = await jane.next(template('ListPicker'), mark, 'second page');
    expect(JSON.parse(second.Content ?? '').data.content).toMatchObject({ referenceId: content.referenceId, preIndex: 0 });
    await jane.next(hasText(TEXT.picked('Warranty')), await jane.say('Warranty'), 'answer to the pick');
    jane.close();
  });

  it('shows a view that DescribeView can describe', async () => {
    const jane = await customer();
    const shown = await jane.next(template('ViewResource'), await jane.say('view delivery'), 'ViewResource');
    const viewToken = (JSON.parse(shown.Content ?? '') as { data: { content: { viewToken: string } } }).data.content.viewToken;
    const described = await client.describeView({ ConnectionToken: jane.token, ViewToken: viewToken });
    expect(described.View?.Name).toBe('DeliveryOptions');
    expect(JSON.parse(described.View?.Content?.Template ?? '{}')).toHaveProperty('Head.Title', 'DeliveryOptions');
    jane.close();
  });

  it('sends an attachment whose bytes GetAttachment serves', async () => {
    const jane = await customer();
    const attachment = await jane.next((item) => item.Type === 'ATTACHMENT', await jane.say('file'), 'ATTACHMENT');
    const id = attachment.Attachments?.[0]?.AttachmentId ?? '';
    const { Url } = await client.getAttachment({ ConnectionToken: jane.token, AttachmentId: id });
    const download = await fetch(Url ?? '');
    expect(await download.text()).toContain('Receipt #10423');
    jane.close();
  });

  it('streams a message in chunks that share one Id and complete with the whole text', async () => {
    const jane = await customer();
    const mark = await jane.say('stream');
    const done = await jane.next((item) => item.MessageMetadata?.MessageCompleted === true, mark, 'completed stream');
    const chunks = jane.received.slice(mark).filter((item) => item.Id === done.Id && item.MessageMetadata?.MessageCompleted === false);
    expect(chunks.map((item) => item.MessageMetadata?.ChunkNumber)).toEqual(TEXT.streamChunks.map((_, index) => index + 1));
    expect(done.Content).toBe(TEXT.streamChunks.join(''));
    jane.close();
  });

  it('hands over to an agent and stays quiet once the agent joined', async () => {
    const jane = await customer();
    const asked = await jane.say('agent');
    await jane.next(hasText(TEXT.handover), asked, 'handover');
    await jane.next(hasText(TEXT.handoverHint(`${emulator.url}/agent`)), asked, 'agent console hint');
    // The handover queues the contact for an agent (the agent console flags it).
    await expect
      .poll(async () => ((await (await fetch(`${emulator.url}/emulator/contacts/${jane.contactId}`)).json()) as { Queue?: { Name: string } }).Queue?.Name)
      .toBe('BasicQueue');
    const created = await fetch(`${emulator.url}/contact/create-participant`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ InstanceId: 'test-instance', ContactId: jane.contactId, ParticipantDetails: { ParticipantRole: 'AGENT', DisplayName: 'Sam' } }),
    });
    expect(created.status).toBe(200);
    const { ParticipantCredentials } = (await created.json()) as { ParticipantCredentials: { ParticipantToken: string } };
    await client.createParticipantConnection({ ParticipantToken: ParticipantCredentials.ParticipantToken, Type: ['CONNECTION_CREDENTIALS'], ConnectParticipant: true });
    const mark = await jane.say('help');
    // The bot would answer "help" within its reply delay; give it three times that.
    await new Promise((ok) => setTimeout(ok, 1_500));
    expect(jane.received.slice(mark).filter((item) => item.ParticipantRole === 'SYSTEM' && item.Type === 'MESSAGE')).toEqual([]);
    jane.close();
  });
});

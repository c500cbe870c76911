// amazon-connect-chatjs (Amazon's official browser library) in real Chromium against the emulator, from a
// page on the site origin (another origin than the emulator, so CORS is real). The agent is played from
// Node through the emulator's Participant Service routes (CreateParticipant with the AGENT role).
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import { startEmulator } from '../emulator/index.js';

const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 18787}`;
const VND = 'application/vnd.amazonaws.connect.';

interface Item {
  Id?: string;
  Type?: string;
  ContentType?: string;
  Content?: string;
  ParticipantId?: string;
  ParticipantRole?: string;
  Attachments?: Array<{ AttachmentId: string; AttachmentName: string; ContentType: string; Status: string }>;
  MessageMetadata?: { MessageId?: string; Receipts?: Array<{ ReadTimestamp?: string; DeliveredTimestamp?: string; RecipientParticipantId?: string }> };
}

interface ChatjsEvent {
  kind: string;
  data: Item | null;
}

async function api<T>(path: string, body: unknown, token?: string, method = 'POST'): Promise<T> {
  const response = await fetch(`${EMULATOR}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { 'x-amz-bearer': token } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** The agent: a participant of the contact with its own socket, recording every item. */
class Agent {
  readonly items: Item[] = [];
  private constructor(
    readonly participantId: string,
    readonly token: string,
    private readonly socket: WebSocket,
  ) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { topic?: string; content?: string };
      if (frame.topic === 'aws/chat' && frame.content) this.items.push(JSON.parse(frame.content) as Item);
    });
  }

  static async join(contactId: string): Promise<Agent> {
    const created = await api<{ ParticipantId: string; ParticipantCredentials: { ParticipantToken: string } }>('/contact/create-participant', {
      InstanceId: 'e2e-instance',
      ContactId: contactId,
      ParticipantDetails: { ParticipantRole: 'AGENT', DisplayName: 'Agent Ada' },
    });
    const connection = await api<{ Websocket: { Url: string }; ConnectionCredentials: { ConnectionToken: string } }>(
      '/participant/connection',
      { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'], ConnectParticipant: true },
      created.ParticipantCredentials.ParticipantToken,
    );
    const socket = new WebSocket(connection.Websocket.Url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const agent = new Agent(created.ParticipantId, connection.ConnectionCredentials.ConnectionToken, socket);
    const subscribed = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        if ((JSON.parse(data.toString()) as { topic?: string }).topic === 'aws/subscribe') resolve();
      }),
    );
    socket.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
    await subscribed;
    return agent;
  }

  say(text: string): Promise<{ Id: string }> {
    return api('/participant/message', { ContentType: 'text/plain', Content: text }, this.token);
  }

  event(contentType: string, content?: string): Promise<{ Id: string }> {
    return api('/participant/event', { ContentType: contentType, ...(content ? { Content: content } : {}) }, this.token);
  }

  async waitFor(predicate: (item: Item) => boolean): Promise<Item> {
    await expect.poll(() => this.items.some(predicate), { timeout: 10_000 }).toBe(true);
    return this.items.find(predicate) as Item;
  }

  close(): void {
    this.socket.terminate();
  }
}

/** What the chatjs driver page has recorded so far. */
const chatjsEvents = (page: Page): Promise<ChatjsEvent[]> =>
  page.evaluate(() => (window as unknown as { chatjsTest: { events: ChatjsEvent[] } }).chatjsTest.events);

async function waitForEvent(page: Page, predicate: (event: ChatjsEvent) => boolean): Promise<ChatjsEvent> {
  await expect.poll(async () => (await chatjsEvents(page)).some(predicate), { timeout: 10_000 }).toBe(true);
  return (await chatjsEvents(page)).find(predicate) as ChatjsEvent;
}

test('amazon-connect-chatjs: connect, agent message, send, typing, receipts, attachment, end', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const started = await api<{ ContactId: string; ParticipantId: string; ParticipantToken: string }>(
    '/contact/chat',
    { InstanceId: 'e2e-instance', ContactFlowId: 'e2e-flow', ParticipantDetails: { DisplayName: 'Chatjs Customer' } },
    undefined,
    'PUT',
  );
  await page.goto('/chatjs.html');
  const agent = await Agent.join(started.ContactId);

  try {
    await test.step('connect and subscribe', async () => {
      const result = await page.evaluate(
        ([url, details]) => (window as unknown as { chatjsTest: { start(u: string, d: unknown): Promise<{ connectSuccess: boolean }> } }).chatjsTest.start(url, details),
        [EMULATOR, { ContactId: started.ContactId, ParticipantId: started.ParticipantId, ParticipantToken: started.ParticipantToken }] as const,
      );
      expect(result.connectSuccess).toBe(true);
      await waitForEvent(page, (e) => e.kind === 'established');
      await expect
        .poll(async () => {
          const contact = await (await fetch(`${EMULATOR}/emulator/contacts/${started.ContactId}`)).json();
          return (contact as { Participants: Array<{ ParticipantRole: string; Sockets: number }> }).Participants.find((p) => p.ParticipantRole === 'CUSTOMER')?.Sockets;
        })
        .toBe(1);
    });

    let agentMessageId = '';
    await test.step('receive an agent message', async () => {
      agentMessageId = (await agent.say('Hello from the agent')).Id;
      const event = await waitForEvent(page, (e) => e.kind === 'message' && e.data?.Id === agentMessageId);
      expect(event.data).toMatchObject({ Type: 'MESSAGE', Content: 'Hello from the agent', ParticipantRole: 'AGENT' });
    });

    let customerMessageId = '';
    await test.step('send a message', async () => {
      const sent = await page.evaluate(() => (window as unknown as { chatjsTest: { send(t: string): Promise<{ Id: string }> } }).chatjsTest.send('Hi, I need help'));
      customerMessageId = sent.Id;
      const seen = await agent.waitFor((i) => i.Id === customerMessageId);
      expect(seen).toMatchObject({ Content: 'Hi, I need help', ParticipantRole: 'CUSTOMER', ParticipantId: started.ParticipantId });
    });

    await test.step('typing, both ways', async () => {
      await page.evaluate(() => (window as unknown as { chatjsTest: { typing(): Promise<void> } }).chatjsTest.typing());
      await agent.waitFor((i) => i.ContentType === `${VND}event.typing` && i.ParticipantRole === 'CUSTOMER');
      await agent.event(`${VND}event.typing`);
      await waitForEvent(page, (e) => e.kind === 'typing' && e.data?.ParticipantRole === 'AGENT');
    });

    await test.step('read receipts, both ways', async () => {
      await page.evaluate((id) => (window as unknown as { chatjsTest: { read(id: string): Promise<void> } }).chatjsTest.read(id), agentMessageId);
      const metadata = await agent.waitFor((i) => i.Type === 'MESSAGEMETADATA' && i.MessageMetadata?.MessageId === agentMessageId);
      expect(metadata.MessageMetadata?.Receipts?.[0]).toMatchObject({ RecipientParticipantId: started.ParticipantId });
      expect(metadata.MessageMetadata?.Receipts?.[0].ReadTimestamp).toBeTruthy();
      await agent.event(`${VND}event.message.read`, JSON.stringify({ messageId: customerMessageId }));
      const read = await waitForEvent(page, (e) => e.kind === 'read' && e.data?.MessageMetadata?.MessageId === customerMessageId);
      expect(read.data?.MessageMetadata?.Receipts?.[0].RecipientParticipantId).toBe(agent.participantId);
    });

    await test.step('send an attachment, the agent downloads it; chatjs downloads it too', async () => {
      await page.evaluate(() =>
        (window as unknown as { chatjsTest: { attach(n: string, t: string, x: string): Promise<unknown> } }).chatjsTest.attach('receipt.txt', 'text/plain', 'order #42'),
      );
      const item = await agent.waitFor((i) => i.Type === 'ATTACHMENT');
      const attachment = item.Attachments?.[0];
      expect(attachment).toMatchObject({ AttachmentName: 'receipt.txt', ContentType: 'text/plain', Status: 'APPROVED' });
      const link = await api<{ Url: string }>('/participant/attachment', { AttachmentId: attachment?.AttachmentId }, agent.token);
      expect(await (await fetch(link.Url)).text()).toBe('order #42');
      const downloaded = await page.evaluate(
        (id) => (window as unknown as { chatjsTest: { download(id: string): Promise<{ type: string; text: string }> } }).chatjsTest.download(id),
        attachment?.AttachmentId as string,
      );
      expect(downloaded).toEqual({ type: 'text/plain', text: 'order #42' });
    });

    await test.step('the transcript through chatjs', async () => {
      const transcript = await page.evaluate(() => (window as unknown as { chatjsTest: { transcript(): Promise<Item[]> } }).chatjsTest.transcript());
      const messages = transcript.filter((i) => i.Type === 'MESSAGE').map((i) => i.Content);
      expect(messages).toEqual(['Hello from the agent', 'Hi, I need help']);
      expect(transcript.some((i) => i.ContentType === `${VND}event.typing`)).toBe(false);
    });

    await test.step('end the chat from chatjs', async () => {
      await page.evaluate(() => (window as unknown as { chatjsTest: { end(): Promise<void> } }).chatjsTest.end());
      await waitForEvent(page, (e) => e.kind === 'ended');
      await agent.waitFor((i) => i.ContentType === `${VND}event.chat.ended`);
      const contact = (await (await fetch(`${EMULATOR}/emulator/contacts/${started.ContactId}`)).json()) as { State: string };
      expect(contact.State).toBe('ended');
    });
    expect(pageErrors).toEqual([]);
  } finally {
    agent.close();
  }
});

test('amazon-connect-chatjs: the agent side ends the chat (StopContact) and chatjs reports it', async ({ page }) => {
  const started = await api<{ ContactId: string; ParticipantId: string; ParticipantToken: string }>(
    '/contact/chat',
    { InstanceId: 'e2e-instance', ContactFlowId: 'e2e-flow', ParticipantDetails: { DisplayName: 'Second Customer' } },
    undefined,
    'PUT',
  );
  await page.goto('/chatjs.html');
  await page.evaluate(
    ([url, details]) => (window as unknown as { chatjsTest: { start(u: string, d: unknown): Promise<unknown> } }).chatjsTest.start(url, details),
    [EMULATOR, { ContactId: started.ContactId, ParticipantId: started.ParticipantId, ParticipantToken: started.ParticipantToken }] as const,
  );
  await waitForEvent(page, (e) => e.kind === 'established');
  // chatjs may report "established" before the emulator has taken its aws/subscribe frame, and an
  // event sent to an unsubscribed socket is not delivered (as with the service). A message that
  // reaches chatjs proves the subscription; only then is the contact stopped.
  // Posted again every 500 ms until one arrives: a message posted before the subscription is lost.
  await expect
    .poll(async () => {
      if ((await chatjsEvents(page)).some((e) => e.kind === 'message' && e.data?.Content?.startsWith('before the stop'))) return true;
      await api(`/emulator/contacts/${encodeURIComponent(started.ContactId)}/messages`, { Content: 'before the stop' });
      return false;
    }, { timeout: 15_000, intervals: [500] })
    .toBe(true);
  await api('/contact/stop', { InstanceId: 'e2e-instance', ContactId: started.ContactId });
  await waitForEvent(page, (e) => e.kind === 'ended');
  const endedItem = await waitForEvent(page, (e) => e.kind === 'message' && e.data?.ContentType === `${VND}event.chat.ended`);
  expect(endedItem.data).toMatchObject({ Type: 'EVENT', ContactId: started.ContactId, InitialContactId: started.ContactId });
});

test('amazon-connect-chatjs works with strict CORS (only the headers the real service allows)', async ({ page }) => {
  const strict = await startEmulator({ port: 0, host: '127.0.0.1', strictCors: true });
  try {
    const response = await fetch(`${strict.url}/contact/chat`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ InstanceId: 'e2e-instance', ContactFlowId: 'e2e-flow', ParticipantDetails: { DisplayName: 'Strict Customer' } }),
    });
    const started = (await response.json()) as { ContactId: string; ParticipantId: string; ParticipantToken: string };
    await page.goto('/chatjs.html');
    const result = await page.evaluate(
      ([url, details]) => (window as unknown as { chatjsTest: { start(u: string, d: unknown): Promise<{ connectSuccess: boolean }> } }).chatjsTest.start(url, details),
      [strict.url, { ContactId: started.ContactId, ParticipantId: started.ParticipantId, ParticipantToken: started.ParticipantToken }] as const,
    );
    expect(result.connectSuccess).toBe(true);
    const sent = await page.evaluate(() => (window as unknown as { chatjsTest: { send(t: string): Promise<{ Id: string }> } }).chatjsTest.send('through strict CORS'));
    expect(sent.Id).toBeTruthy();
    const transcript = await page.evaluate(() => (window as unknown as { chatjsTest: { transcript(): Promise<Item[]> } }).chatjsTest.transcript());
    expect(transcript.map((i) => i.Content)).toContain('through strict CORS');
  } finally {
    await strict.close();
  }
});

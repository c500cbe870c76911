// Plugins and ContactHandle: what a bot can do in a chat, seen by a customer over the real protocol.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { loadBotFactory } from './plugin-host.js';
import type { ContactHandle, EmulatorPlugin } from './plugins.js';
import { addParticipant, connect, emulator, FrameSocket, json, startChat } from './testing/helpers.js';
import type { ChatItem } from './types.js';

interface Recorded {
  started: ContactHandle[];
  items: Array<{ contactId: string; item: ChatItem }>;
  ended: string[];
}

function recorder(): { plugin: EmulatorPlugin; seen: Recorded } {
  const seen: Recorded = { started: [], items: [], ended: [] };
  return {
    seen,
    plugin: {
      name: 'recorder',
      onContactStarted: (contact) => {
        seen.started.push(contact);
      },
      onItem: (contact, item) => {
        seen.items.push({ contactId: contact.contactId, item });
        if (item.ParticipantRole === 'CUSTOMER' && item.Content === 'echo please') contact.sendText(`echo: ${item.Content}`);
        if (item.Content === 'crash the plugin') throw new Error('plugin bug');
      },
      onContactEnded: (contact) => {
        seen.ended.push(contact.contactId);
      },
    },
  };
}

const logs: string[] = [];
const { plugin, seen } = recorder();
let emu: Emulator;
beforeAll(async () => {
  emu = await emulator({ plugins: [plugin], log: (line) => logs.push(line) });
});
afterAll(async () => {
  await emu.close();
});

async function customerChat() {
  const chat = await startChat(emu.url);
  const connection = await connect(emu.url, chat.participantToken);
  const socket = await FrameSocket.subscribed(connection.websocketUrl);
  await emu.pluginsIdle();
  const handle = seen.started.find((h) => h.contactId === chat.contactId);
  if (!handle) throw new Error('onContactStarted was not called');
  return { chat, connection, socket, handle };
}

const sendMessage = (token: string, content: string) =>
  json(`${emu.url}/participant/message`, { body: { ContentType: 'text/plain', Content: content }, headers: { 'x-amz-bearer': token } });

describe('hooks', () => {
  it('onContactStarted, onItem (after the request), replies as the SYSTEM participant "BOT"', async () => {
    const { chat, connection, socket, handle } = await customerChat();
    expect(handle.info()).toMatchObject({ ContactId: chat.contactId, State: 'active' });
    await sendMessage(connection.connectionToken, 'echo please');
    const reply = await socket.waitForItem((i) => i.Content === 'echo: echo please');
    expect(reply).toMatchObject({ Type: 'MESSAGE', ContentType: 'text/plain', ParticipantRole: 'SYSTEM', DisplayName: 'BOT', ContactId: chat.contactId });
    expect(seen.items.some((s) => s.contactId === chat.contactId && s.item.Content === 'echo please')).toBe(true);
    socket.close();
  });

  it('a throwing plugin is logged and the chat goes on', async () => {
    const { connection, socket } = await customerChat();
    await sendMessage(connection.connectionToken, 'crash the plugin');
    await sendMessage(connection.connectionToken, 'echo please');
    await socket.waitForItem((i) => i.Content === 'echo: echo please');
    expect(logs.some((l) => l.includes('plugin recorder onItem failed') && l.includes('plugin bug'))).toBe(true);
    socket.close();
  });
});

describe('ContactHandle', () => {
  it('markdown, interactive templates (object or string) and a custom display name', async () => {
    const { socket, handle } = await customerChat();
    handle.sendMarkdown('**bold**', { displayName: 'Helper' });
    const template = { templateType: 'QuickReply', version: '1.0', data: { content: { title: 'Pick', elements: [{ title: 'A' }, { title: 'B' }] } } };
    handle.sendInteractive(template);
    const markdown = await socket.waitForItem((i) => i.ContentType === 'text/markdown');
    expect(markdown).toMatchObject({ Content: '**bold**', DisplayName: 'Helper', ParticipantRole: 'SYSTEM' });
    const interactive = await socket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.message.interactive');
    expect(JSON.parse(interactive.Content as string)).toEqual(template);
    socket.close();
  });

  it('streams chunks with one Id, ChunkNumber and MessageCompleted; the transcript keeps the whole message', async () => {
    const { socket, handle, connection } = await customerChat();
    const stream = handle.streamMessage();
    stream.chunk('Hel');
    stream.chunk('lo ');
    stream.complete('Hello there');
    const final = await socket.waitForItem((i) => i.MessageMetadata?.MessageCompleted === true);
    const chunks = socket.items().filter((i) => i.Id === stream.id);
    expect(chunks.map((c) => [c.Content, c.MessageMetadata?.ChunkNumber, c.MessageMetadata?.MessageCompleted])).toEqual([
      ['Hel', 1, false],
      ['lo ', 2, false],
      ['Hello there', 3, true],
    ]);
    expect(final).toMatchObject({ ParticipantRole: 'SYSTEM', DisplayName: 'BOT', Type: 'MESSAGE' });
    expect(() => stream.chunk('more')).toThrow(/already complete/);
    const transcript = await json<{ Transcript: ChatItem[] }>(`${emu.url}/participant/transcript`, { body: {}, headers: { 'x-amz-bearer': connection.connectionToken } });
    expect(transcript.body.Transcript.filter((i) => i.Id === stream.id).map((i) => i.Content)).toEqual(['Hello there']);
    socket.close();
  });

  it('posts an attachment the customer can download', async () => {
    const { socket, handle, connection } = await customerChat();
    const item = handle.sendAttachment({ name: 'menu.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('soup of the day') });
    const seenItem = await socket.waitForItem((i) => i.Type === 'ATTACHMENT');
    expect(seenItem.Id).toBe(item.Id);
    const id = seenItem.Attachments?.[0].AttachmentId as string;
    const got = await json<{ Url: string }>(`${emu.url}/participant/attachment`, { body: { AttachmentId: id }, headers: { 'x-amz-bearer': connection.connectionToken } });
    expect(await (await fetch(got.body.Url)).text()).toBe('soup of the day');
    expect(() => handle.sendAttachment({ name: 'x.exe', contentType: 'application/x-msdownload', bytes: new Uint8Array(1) })).toThrow(/not allowed/);
    socket.close();
  });

  it('shows a view; unknown views throw', async () => {
    const { socket, handle } = await customerChat();
    const { viewToken, item } = handle.showView('confirmation', { Heading: 'Done' });
    const content = JSON.parse(item.Content as string) as { data: { content: { viewToken: string; viewData: unknown } } };
    expect(content.data.content).toMatchObject({ viewToken, viewData: { Heading: 'Done' } });
    await socket.waitForItem((i) => i.Id === item.Id);
    expect(() => handle.showView('no-such-view')).toThrow(/unknown view "no-such-view"/);
    socket.close();
  });

  it('transfer: agents leave, new ContactId, same InitialContactId, the customer keeps chatting', async () => {
    const { chat, socket, handle, connection } = await customerChat();
    const agent = await addParticipant(emu.url, chat.contactId);
    handle.transfer();
    await socket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.participant.left' && i.ParticipantId === agent.participantId);
    const transferred = await socket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.transfer.succeeded');
    expect(transferred.ContactId).toBe(chat.contactId);
    expect(handle.contactId).not.toBe(chat.contactId);
    await sendMessage(connection.connectionToken, 'after transfer');
    const after = await socket.waitForItem((i) => i.Content === 'after transfer');
    expect(after).toMatchObject({ ContactId: handle.contactId, InitialContactId: chat.contactId });
    const oldSegment = await json<{ Transcript: ChatItem[] }>(`${emu.url}/participant/transcript`, {
      body: { ContactId: chat.contactId, MaxResults: 100 },
      headers: { 'x-amz-bearer': connection.connectionToken },
    });
    expect(oldSegment.body.Transcript.some((i) => i.Content === 'after transfer')).toBe(false);
    const contacts = await json<{ ContactId: string; SegmentIds: string[] }>(`${emu.url}/emulator/contacts/${chat.contactId}`);
    expect(contacts.body.SegmentIds).toEqual([chat.contactId, handle.contactId]);
    handle.transfer({ succeeded: false });
    await socket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.transfer.failed');
    socket.close();
  });

  it('after() runs later, end() ends the chat, timers are dropped and posting throws afterwards', async () => {
    const { chat, socket, handle } = await customerChat();
    let ran = 0;
    const first = new Promise<void>((resolve) => handle.after(10, () => {
      ran++;
      resolve();
    }));
    handle.after(60_000, () => ran++);
    await first;
    expect(ran).toBe(1);
    handle.end();
    await socket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.chat.ended');
    await emu.pluginsIdle();
    expect(seen.ended).toContain(chat.contactId);
    expect(handle.ended).toBe(true);
    expect(() => handle.sendText('hello?')).toThrow(/has ended/);
    expect(emu.state.findContact(chat.contactId)?.timers.size).toBe(0);
    socket.close();
  });

  it('the control API acts through the same handle (messages, events, end)', async () => {
    const { chat, socket } = await customerChat();
    const posted = await json<{ item: ChatItem }>(`${emu.url}/emulator/contacts/${chat.contactId}/messages`, { body: { Content: '# Hi', ContentType: 'text/markdown' } });
    expect(posted.status).toBe(200);
    await socket.waitForItem((i) => i.Id === posted.body.item.Id);
    const event = await json(`${emu.url}/emulator/contacts/${chat.contactId}/events`, { body: { ContentType: 'application/vnd.amazonaws.connect.event.workflow.cancelled' } });
    expect(event.status).toBe(200);
    const badKind = await json(`${emu.url}/emulator/contacts/${chat.contactId}/events`, { body: { Kind: 'dancing' } });
    expect(badKind.status).toBe(400);
    await json(`${emu.url}/emulator/contacts/${chat.contactId}/end`, { body: {} });
    const late = await json(`${emu.url}/emulator/contacts/${chat.contactId}/messages`, { body: { Content: 'late' } });
    expect(late.status).toBe(400);
    expect(late.body.message).toMatch(/has ended/);
    const unknown = await json(`${emu.url}/emulator/contacts/nope/items`);
    expect(unknown.status).toBe(404);
    socket.close();
  });
});

describe('the demo bot', () => {
  it('bot: true loads emulator/bot and it greets a new chat', async () => {
    const withBot = await emulator({ bot: true });
    try {
      const chat = await startChat(withBot.url);
      const { websocketUrl } = await connect(withBot.url, chat.participantToken);
      const socket = await FrameSocket.subscribed(websocketUrl);
      const greeting = await socket.waitForItem((i) => i.ParticipantRole === 'SYSTEM' && i.Type === 'MESSAGE', 10_000);
      expect(greeting.DisplayName).toBe('BOT');
      socket.close();
    } finally {
      await withBot.close();
    }
  });

  it('a missing bot module is a clear error', async () => {
    await expect(loadBotFactory(new URL('./no-such-bot/index.ts', import.meta.url))).rejects.toThrow(/the demo bot is not installed: .*no-such-bot.*--no-bot/);
  });
});

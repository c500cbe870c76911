// ChatSession against the real emulator (in-process, port 0), with its faults.
import { effect } from '@preact/signals-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientLogEvent } from '../client/index.js';
import type { ChatSession } from './chat-session.js';
import { ChatError } from './errors.js';
import { AgentPeer, customerSession, eventually, NodeWS, sleep, startTestEmulator, TestNetwork, until, type TestEmulator } from './testing/harness.js';
import type { MessageEntry, TranscriptEntry } from './types.js';

let emu: TestEmulator;
const cleanup: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  emu = await startTestEmulator();
});

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await emu.close();
});

function track(session: ChatSession): ChatSession {
  cleanup.push(() => session.close());
  return session;
}

async function startedPair(options: Parameters<typeof customerSession>[0]['options'] = {}, network?: TestNetwork) {
  const calls: ClientLogEvent[] = [];
  const session = track(
    customerSession({
      emu,
      ...(network ? { network } : {}),
      options: { ...options, clientOptions: { logger: (e) => calls.push(e), ...options.clientOptions } },
    }),
  );
  await session.start();
  const contactId = session.contactId.value as string;
  const agent = await AgentPeer.join(emu, contactId);
  cleanup.push(() => agent.close());
  return { session, agent, contactId, calls };
}

const messages = (t: readonly TranscriptEntry[]): MessageEntry[] => t.filter((e): e is MessageEntry => e.kind === 'message');
const texts = (t: readonly TranscriptEntry[]): string[] => messages(t).map((e) => e.content);

describe('ChatSession with the emulator', () => {
  it('starts, sends and receives, with receipts and typing', async () => {
    const { session, agent, contactId } = await startedPair();
    expect(session.phase.value).toBe('active');
    expect(session.connection.value).toBe('connected');
    expect(session.participantId.value).toBeTruthy();

    const seen: string[] = [];
    session.on('message', (e) => {
      if (e.kind === 'message') seen.push(e.content);
    });

    await session.send('Hello agent');
    const mine = await until(session.transcript, (t) => messages(t).some((m) => m.content === 'Hello agent' && m.status === 'sent' && !!m.clientToken && !m.id.startsWith('local:')));
    expect(messages(mine).filter((m) => m.content === 'Hello agent')).toHaveLength(1);
    expect(messages(mine).find((m) => m.content === 'Hello agent')?.clientToken).toBeTruthy();

    await agent.sendEvent('application/vnd.amazonaws.connect.event.typing');
    await until(session.typing, (t) => t.some((p) => p.participantId === agent.participantId), 5000, 'agent typing');
    const agentMessageId = await agent.send('Hi, how can I help?');
    const t = await until(session.transcript, (t) => texts(t).includes('Hi, how can I help?'));
    expect(session.typing.value).toEqual([]); // the agent's message clears the indicator
    expect(texts(t).slice(-2)).toEqual(['Hello agent', 'Hi, how can I help?']);
    expect(seen).toContain('Hi, how can I help?');

    // Delivered is sent for the agent's message; Read when the UI says it was seen.
    session.markRead(agentMessageId);
    const stored = await eventually(async () => {
      const items = await emu.items(contactId);
      const item = items.find((i) => i.Id === agentMessageId);
      return item?.MessageMetadata?.Receipts?.some((r) => r.ReadTimestamp && r.RecipientParticipantId === session.participantId.value) ? item : undefined;
    }, 8000, 'read receipt stored');
    expect(stored.MessageMetadata?.Receipts?.length).toBeGreaterThan(0);

    // The agent reads ours: the receipt is folded into our message.
    const own = messages(session.transcript.value).find((m) => m.content === 'Hello agent') as MessageEntry;
    await agent.sendEvent('application/vnd.amazonaws.connect.event.message.read', JSON.stringify({ messageId: own.id }));
    await until(session.transcript, (t) => messages(t).some((m) => m.id === own.id && m.receipt === 'read'), 5000, 'read receipt folded');
  });

  it('refuses a message over the limit before sending anything, and keeps nothing queued', async () => {
    const { session, contactId, calls } = await startedPair();
    const before = calls.filter((c) => c.type === 'request' && c.operation === 'SendMessage').length;
    const error = await session.send('x'.repeat(1025)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatError);
    expect((error as ChatError).code).toBe('message-too-long');
    await expect(session.send('   ')).rejects.toMatchObject({ code: 'message-empty' });
    await expect(session.send('{}', 'application/json')).rejects.toMatchObject({ code: 'content-type-unsupported' });
    await sleep(200);
    expect(calls.filter((c) => c.type === 'request' && c.operation === 'SendMessage').length).toBe(before);
    expect(session.transcript.value.some((e) => e.id.startsWith('local:'))).toBe(false);
    const items = await emu.items(contactId);
    expect(items.some((i) => i.Type === 'MESSAGE' && i.ParticipantId === session.participantId.value)).toBe(false);
  });

  it('fills the gap after a socket drop (FORWARD from the last item, page after page)', async () => {
    const { session, agent } = await startedPair({ pageSize: 5 });
    await session.send('before the drop');
    await until(session.transcript, (t) => texts(t).includes('before the drop'));
    const network = await emu.faults({ dropSockets: true, refuseSubscribes: true });
    expect(network.socketsDropped).toBeGreaterThan(0);
    // While the customer cannot subscribe, the agent writes 12 messages (more than two pages of 5).
    for (let i = 0; i < 12; i++) await agent.send(`missed ${i}`);
    await emu.faults({ refuseSubscribes: false });
    const t = await until(session.transcript, (t) => texts(t).filter((x) => x.startsWith('missed')).length === 12, 15_000, 'gap filled');
    expect(texts(t).filter((x) => x.startsWith('missed'))).toEqual(Array.from({ length: 12 }, (_, i) => `missed ${i}`));
    expect(new Set(t.map((e) => e.id)).size).toBe(t.length);
  });

  it('notices unanswered heartbeats, reconnects and catches up', async () => {
    const { session, agent } = await startedPair();
    await emu.faults({ ignoreHeartbeats: true });
    await until(session.connection, (c) => c === 'reconnecting' || c === 'connecting', 8000, 'dead socket noticed');
    await agent.send('during the outage');
    await emu.faults({ ignoreHeartbeats: false });
    await until(session.connection, (c) => c === 'connected', 10_000, 'reconnected');
    await until(session.transcript, (t) => texts(t).includes('during the outage'), 10_000, 'message after reconnect');
  });

  it('delivers every send exactly once through 429 and 500 bursts (same ClientToken)', async () => {
    const { session, contactId } = await startedPair();
    await emu.faults({ fail: [{ operation: 'SendMessage', status: 429, count: 4 }, { operation: 'SendMessage', status: 500, count: 4 }] });
    await session.send('one');
    await session.send('two');
    await session.send('three');
    const t = await until(session.transcript, (t) => messages(t).filter((m) => m.own && m.status === 'sent' && !m.id.startsWith('local:')).length === 3, 15_000, 'all sent');
    expect(texts(t)).toEqual(['one', 'two', 'three']);
    const stored = (await emu.items(contactId)).filter((i) => i.Type === 'MESSAGE' && i.ParticipantRole === 'CUSTOMER').map((i) => i.Content);
    expect(stored).toEqual(['one', 'two', 'three']);
  });

  it('renews an expired ConnectionToken and carries on', async () => {
    const { session, agent, calls } = await startedPair();
    const connectionsBefore = calls.filter((c) => c.type === 'request' && c.operation === 'CreateParticipantConnection').length;
    await emu.faults({ expireConnectionTokens: true });
    await session.send('after expiry');
    await until(session.transcript, (t) => messages(t).some((m) => m.content === 'after expiry' && !m.id.startsWith('local:')), 8000, 'sent with a new token');
    expect(calls.filter((c) => c.type === 'request' && c.operation === 'CreateParticipantConnection').length).toBeGreaterThan(connectionsBefore);
    expect(session.phase.value).toBe('active');
    await agent.send('still here');
    await until(session.transcript, (t) => texts(t).includes('still here'));
  });

  it('keeps order under latency', async () => {
    const { session, contactId } = await startedPair();
    await emu.faults({ latencyMs: 150 });
    const sends = ['a', 'b', 'c', 'd'].map((x) => session.send(x));
    await Promise.all(sends);
    await until(session.transcript, (t) => messages(t).filter((m) => m.own && !m.id.startsWith('local:')).length === 4, 10_000, 'all four sent');
    expect(texts(session.transcript.value)).toEqual(['a', 'b', 'c', 'd']);
    const stored = (await emu.items(contactId)).filter((i) => i.Type === 'MESSAGE' && i.ParticipantRole === 'CUSTOMER').map((i) => i.Content);
    expect(stored).toEqual(['a', 'b', 'c', 'd']);
  });

  it('holds sends while offline and sends them when back, once', async () => {
    const network = new TestNetwork();
    const { session, contactId } = await startedPair({}, network);
    network.set(false);
    await emu.faults({ dropSockets: true });
    await until(session.connection, (c) => c === 'offline', 5000, 'offline');
    await session.send('typed offline');
    expect(messages(session.transcript.value).find((m) => m.content === 'typed offline')?.status).toBe('sending');
    await sleep(300);
    network.set(true);
    await until(session.transcript, (t) => messages(t).some((m) => m.content === 'typed offline' && !m.id.startsWith('local:')), 8000, 'sent after coming back');
    const stored = (await emu.items(contactId)).filter((i) => i.Content === 'typed offline');
    expect(stored).toHaveLength(1);
  });

  it('ends as "ended" when the chat ended while away (403 on reconnect), then makes no calls', async () => {
    const network = new TestNetwork();
    const { session, contactId, calls } = await startedPair({}, network);
    const ended: unknown[] = [];
    const errors: unknown[] = [];
    session.on('chatEnded', (e) => ended.push(e));
    session.on('error', (e) => errors.push(e));
    network.set(false);
    await emu.faults({ dropSockets: true });
    await until(session.connection, (c) => c === 'offline', 5000, 'offline');
    await emu.stopContact(contactId);
    network.set(true);
    await until(session.phase, (p) => p === 'ended', 8000, 'ended');
    expect(session.connection.value).toBe('ended');
    expect(ended).toHaveLength(1);
    expect(errors).toEqual([]);
    const last = session.transcript.value.at(-1);
    expect(last).toMatchObject({ kind: 'notice', event: 'ended' });
    const count = calls.length;
    await expect(session.send('too late')).rejects.toMatchObject({ code: 'chat-ended' });
    session.typingActivity();
    session.markRead(last?.id ?? '');
    await sleep(1500);
    expect(calls.length).toBe(count);
  });

  it('end(): disconnects, waits for chat.ended, and sends no receipts afterwards', async () => {
    const { session, agent, calls } = await startedPair({ receipts: { throttleMs: 2000 } });
    const id = await agent.send('bye?');
    await until(session.transcript, (t) => texts(t).includes('bye?'));
    await session.end();
    expect(session.phase.value).toBe('ended');
    expect(session.transcript.value.some((e) => e.kind === 'notice' && e.event === 'ended')).toBe(true);
    const count = calls.filter((c) => c.type === 'request').length;
    session.markRead(id);
    await sleep(2500);
    expect(calls.filter((c) => c.type === 'request').length).toBe(count);
    expect(calls.some((c) => c.type === 'request' && c.operation === 'DisconnectParticipant')).toBe(true);
  });

  it('shows an agent-ended chat as ended', async () => {
    const { session, contactId } = await startedPair();
    await emu.stopContact(contactId);
    await until(session.phase, (p) => p === 'ended', 5000, 'ended by the agent side');
    expect(session.connection.value).toBe('ended');
  });

  it('a new chat has no older history: none is offered or asked for, only connecting reads the transcript (beside the socket, and the gap fill)', async () => {
    const calls: ClientLogEvent[] = [];
    const session = track(customerSession({ emu, options: { clientOptions: { logger: (e) => calls.push(e) } } }));
    const offered: boolean[] = [];
    cleanup.push(effect(() => void offered.push(session.hasOlder.value)));
    await session.start();
    const reads = () => calls.filter((e) => e.type === 'response' && e.operation === 'GetTranscript');
    await eventually(async () => (reads().length >= 2 ? true : undefined), 8000, 'the read beside the socket and the gap fill after connecting');
    await session.loadOlder();
    expect(offered.filter(Boolean), 'hasOlder while the chat started and connected').toEqual([]);
    expect(reads()).toHaveLength(2);
    expect(session.loadingOlder.value).toBe(false);
  });

  it('shows what a new chat already holds (the greeting) while its socket is still subscribing, then the gap fill after it adds nothing twice', async () => {
    const greeter = await startTestEmulator({ plugins: [{ name: 'greeter', onContactStarted: (contact) => void contact.sendText('Welcome to the shop!', { displayName: 'Flow' }) }] });
    cleanup.push(() => greeter.close());
    // The socket opens, but what the service says on it (the subscription's answer first) waits for `release`.
    const held: (() => void)[] = [];
    let released = false;
    const release = () => {
      released = true;
      for (const deliver of held.splice(0)) deliver();
    };
    class HeldSocket extends NodeWS {
      constructor(url: string) {
        super(url);
        const add = this.addEventListener.bind(this);
        this.addEventListener = (type, listener) =>
          add(type, type === 'message' ? (event) => (released ? listener(event) : held.push(() => listener(event))) : listener);
      }
    }
    const calls: ClientLogEvent[] = [];
    const session = track(customerSession({ emu: greeter, options: { WebSocket: HeldSocket, clientOptions: { logger: (e) => calls.push(e) } } }));
    const started = session.start();
    const shown = await until(session.transcript, (t) => texts(t).includes('Welcome to the shop!'), 8000, 'the greeting');
    expect(session.connection.value, 'shown before the socket was subscribed').toBe('connecting');
    expect(texts(shown)).toEqual(['Welcome to the shop!']);
    release();
    await started;
    const reads = () => calls.filter((e) => e.type === 'response' && e.operation === 'GetTranscript');
    await eventually(async () => (reads().length === 2 ? true : undefined), 8000, 'the gap fill after subscribing');
    expect(texts(session.transcript.value)).toEqual(['Welcome to the shop!']);
  });

  it('loads older history on demand, BACKWARD page by page', async () => {
    const { session, agent } = await startedPair({ pageSize: 10 });
    for (let i = 0; i < 25; i++) await agent.send(`m${i}`);
    await until(session.transcript, (t) => texts(t).includes('m24'));
    // A second session on the same chat starts with only the newest page.
    const participantToken = (session as unknown as { engine: { session: { participantToken: string } } }).engine.session.participantToken;
    const other = track(
      customerSession({
        emu,
        options: {
          pageSize: 10,
          startChat: async () => ({ ContactId: session.contactId.value as string, ParticipantId: session.participantId.value as string, ParticipantToken: participantToken }),
        },
      }),
    );
    await other.start();
    await until(other.transcript, (t) => texts(t).includes('m24'));
    expect(other.hasOlder.value).toBe(true);
    const firstPage = texts(other.transcript.value).length;
    expect(firstPage).toBeLessThan(25);
    while (other.hasOlder.value) await other.loadOlder();
    const all = texts(other.transcript.value);
    expect(all).toEqual(Array.from({ length: 25 }, (_, i) => `m${i}`));
    expect(other.loadingOlder.value).toBe(false);
  });

  it('uploads an attachment with progress, and refuses bad files before uploading', async () => {
    const { session, contactId } = await startedPair();
    const states: string[] = [];
    const upload = session.upload(new Blob([new Uint8Array(2048)], { type: 'image/png' }), 'photo.png');
    expect(upload.state).toBe('uploading');
    const stopTracking = effect(() => {
      const mine = session.uploads.value.find((x) => x.id === upload.id);
      if (mine) states.push(`${mine.state}:${mine.progress}`);
    });
    cleanup.push(stopTracking);
    const t = await until(session.transcript, (t) => t.some((e) => e.kind === 'attachment' && e.name === 'photo.png'), 8000, 'attachment in transcript');
    const entry = t.find((e) => e.kind === 'attachment');
    expect(entry).toMatchObject({ kind: 'attachment', own: true, status: 'APPROVED', contentType: 'image/png' });
    await until(session.uploads, (u) => !u.some((x) => x.id === upload.id), 5000, 'upload settled');
    expect(states[0]).toBe('uploading:0');
    expect(states).toContain('uploading:1');
    expect(states).toContain('completing:1');
    const url = await session.attachmentUrl((entry as { attachmentId: string }).attachmentId);
    const bytes = await fetch(url).then((r) => r.arrayBuffer());
    expect(bytes.byteLength).toBe(2048);
    const blob = await session.attachmentBlob((entry as { attachmentId: string }).attachmentId);
    expect(blob.size).toBe(2048);
    expect(blob.type).toBe('image/png');

    const big = session.upload(new Blob([new Uint8Array(21 * 1024 * 1024)], { type: 'application/pdf' }), 'big.pdf');
    expect(big).toMatchObject({ state: 'failed' });
    expect(big.error).toContain('20.0 MB');
    expect(session.lastError.value?.code).toBe('attachment-too-large');
    const exe = session.upload(new Blob([new Uint8Array(10)], { type: 'application/x-msdownload' }), 'run.exe');
    expect(exe.state).toBe('failed');
    expect(session.lastError.value?.code).toBe('attachment-type');
    const stored = (await emu.items(contactId)).filter((i) => i.Type === 'ATTACHMENT');
    expect(stored).toHaveLength(1);
  });

  it('attachment(): the link with its expiry and the file\'s size, asked once while it holds; a link refused on download is asked again', async () => {
    let refuse = 0;
    const downloads: string[] = [];
    // The presigned download goes through options.fetch: refuse it once, as S3 does an expired URL.
    const { session, calls } = await startedPair({
      fetch: (input, init) => {
        if ((init?.method ?? 'GET') !== 'GET') return fetch(input, init); // the upload
        downloads.push(String(input));
        return refuse-- > 0 ? Promise.resolve(new Response('expired', { status: 403 })) : fetch(input, init);
      },
    });
    session.upload(new Blob([new Uint8Array(1500)], { type: 'application/pdf' }), 'a.pdf');
    const t = await until(session.transcript, (t) => t.some((e) => e.kind === 'attachment' && e.status === 'APPROVED'), 8000, 'approved attachment');
    const { attachmentId } = t.find((e) => e.kind === 'attachment') as { attachmentId: string };
    const asked = () => calls.filter((c) => c.type === 'request' && c.operation === 'GetAttachment').length;

    const link = await session.attachment(attachmentId);
    expect(link.size).toBe(1500);
    expect(Date.parse(link.expiresAt as string)).toBeGreaterThan(Date.now());
    expect(await session.attachmentUrl(attachmentId)).toBe(link.url);
    expect((await session.attachmentBlob(attachmentId)).size).toBe(1500);
    expect(asked()).toBe(1);

    refuse = 1;
    expect((await session.attachmentBlob(attachmentId)).size).toBe(1500);
    expect(asked()).toBe(2);
    expect(downloads).toHaveLength(3);
  });

  it('cancels an upload: nothing is completed or shown', async () => {
    const { session, contactId } = await startedPair();
    await emu.faults({ latencyMs: 300, latencyOperations: ['StartAttachmentUpload'] });
    const upload = session.upload(new Blob(['data'], { type: 'text/plain' }), 'later.txt');
    session.cancelUpload(upload.id);
    await until(session.uploads, (u) => u.find((x) => x.id === upload.id)?.state === 'cancelled', 3000, 'cancelled');
    await sleep(500);
    expect(session.transcript.value.some((e) => e.kind === 'attachment')).toBe(false);
    expect((await emu.items(contactId)).some((i) => i.Type === 'ATTACHMENT')).toBe(false);
    session.cancelUpload(upload.id); // dismisses it
    expect(session.uploads.value.some((x) => x.id === upload.id)).toBe(false);
  });

  it('reports an attachment the scan rejected', async () => {
    await emu.faults({ scanResult: 'REJECTED' });
    const { session } = await startedPair();
    session.upload(new Blob(['hello'], { type: 'text/plain' }), 'note.txt');
    await until(session.transcript, (t) => t.some((e) => e.kind === 'attachment' && e.status === 'REJECTED'), 8000, 'rejected');
    await until(session.lastError, (e) => e?.code === 'attachment-rejected', 3000, 'rejection reported');
    expect(session.transcript.value.filter((e) => e.kind === 'attachment')).toHaveLength(1);
  });
});

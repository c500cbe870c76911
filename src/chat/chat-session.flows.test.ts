// Flows driven from the emulator's side (its plugin handle plays the contact flow / bot): Lex
// streaming, transfer, events as notices, typing throttle, views, and a new chat after the end.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactHandle, EmulatorPlugin } from '../../emulator/index.js';
import type { ClientLogEvent } from '../client/index.js';
import type { ChatSession } from './chat-session.js';
import { AgentPeer, customerSession, sleep, startTestEmulator, until, type TestEmulator } from './testing/harness.js';
import type { MessageEntry, NoticeEntry, TranscriptEntry } from './types.js';

let emu: TestEmulator;
const handles = new Map<string, ContactHandle>();
const cleanup: (() => Promise<void> | void)[] = [];

const recorder: EmulatorPlugin = {
  name: 'test-recorder',
  onContactStarted(contact) {
    handles.set(contact.contactId, contact);
  },
};

beforeEach(async () => {
  emu = await startTestEmulator({ plugins: [recorder] });
});

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  handles.clear();
  await emu.close();
});

const messages = (t: readonly TranscriptEntry[]): MessageEntry[] => t.filter((e): e is MessageEntry => e.kind === 'message');
const notices = (t: readonly TranscriptEntry[]): NoticeEntry[] => t.filter((e): e is NoticeEntry => e.kind === 'notice');

async function started(calls: ClientLogEvent[] = []): Promise<{ session: ChatSession; handle: ContactHandle }> {
  const session = customerSession({ emu, options: { clientOptions: { logger: (e) => calls.push(e) } } });
  cleanup.push(() => session.close());
  await session.start();
  await emu.emulator.pluginsIdle();
  const handle = handles.get(session.contactId.value as string);
  if (!handle) throw new Error('the recorder plugin saw no contact');
  return { session, handle };
}

describe('ChatSession flows', () => {
  it('two start() calls at once start one chat, and both resolve when it is connected', async () => {
    const session = customerSession({ emu });
    cleanup.push(() => session.close());
    await Promise.all([session.start(), session.start({ displayName: 'Second' })]);
    expect(session.phase.value).toBe('active');
    const { Contacts } = (await (await fetch(`${emu.url}/emulator/contacts`)).json()) as { Contacts: unknown[] };
    expect(Contacts).toHaveLength(1);
  });

  it('stitches a streamed bot message as it grows, then shows the completed text once', async () => {
    const { session, handle } = await started();
    const stream = handle.streamMessage();
    stream.chunk('Hello');
    await until(session.transcript, (t) => messages(t).some((m) => m.id === stream.id && m.content === 'Hello' && m.streaming === true));
    stream.chunk(', wor');
    stream.chunk('ld');
    await until(session.transcript, (t) => messages(t).some((m) => m.id === stream.id && m.content === 'Hello, world'));
    stream.complete('Hello, world!');
    const t = await until(session.transcript, (t) => messages(t).some((m) => m.id === stream.id && m.streaming === false));
    const bot = messages(t).filter((m) => m.id === stream.id);
    expect(bot).toHaveLength(1);
    expect(bot[0]).toMatchObject({ content: 'Hello, world!', role: 'SYSTEM', own: false });
  });

  it('keeps participant events as notices and goes on after a transfer', async () => {
    const { session, handle } = await started();
    const agent = await AgentPeer.join(emu, session.contactId.value as string, 'Ann');
    cleanup.push(() => agent.close());
    await until(session.transcript, (t) => notices(t).some((n) => n.event === 'joined' && n.displayName === 'Ann'));
    handle.emitParticipantEvent('idle', agent.participantId);
    handle.emitParticipantEvent('returned', agent.participantId);
    handle.transfer();
    await until(session.transcript, (t) => notices(t).some((n) => n.event === 'transfer-succeeded'));
    // The first agent leaves with the transfer; the next agent joins the new contact (segment).
    const nextContact = handle.info().ContactId;
    expect(nextContact).not.toBe(session.contactId.value);
    const second = await AgentPeer.join(emu, nextContact, 'Bob');
    cleanup.push(() => second.close());
    await second.send('after transfer');
    const t = await until(session.transcript, (t) => messages(t).some((m) => m.content === 'after transfer'));
    expect(notices(t).map((n) => n.event)).toEqual(expect.arrayContaining(['joined', 'idle', 'returned', 'transfer-succeeded']));
    expect(session.phase.value).toBe('active');
    await session.send('still talking');
    await until(session.transcript, (t) => messages(t).some((m) => m.content === 'still talking' && !m.id.startsWith('local:')));
  });

  it('sends at most one typing event per window however often the customer types', async () => {
    const calls: ClientLogEvent[] = [];
    const { session } = await started(calls);
    for (let i = 0; i < 30; i++) {
      session.typingActivity();
      await sleep(10);
    }
    await sleep(200);
    const typingEvents = calls.filter((c) => c.type === 'request' && c.operation === 'SendEvent');
    expect(typingEvents).toHaveLength(1);
  });

  it('describes a view shown by the flow, with Template and InputSchema parsed', async () => {
    const { session, handle } = await started();
    const { viewToken } = handle.showView('cards', { Heading: 'Pick one', Cards: [] });
    const view = await session.describeView(viewToken);
    expect(typeof view.template).toBe('object');
    expect(view.actions.length).toBeGreaterThan(0);
    await expect(session.describeView('not-a-token')).rejects.toMatchObject({ code: 'view-failed' });
  });

  it('starts a fresh chat after the previous one ended', async () => {
    const { session, handle } = await started();
    const first = session.contactId.value;
    handle.end();
    await until(session.phase, (p) => p === 'ended');
    await session.start();
    expect(session.phase.value).toBe('active');
    expect(session.contactId.value).not.toBe(first);
    expect(notices(session.transcript.value).some((n) => n.event === 'ended')).toBe(false);
  });
});

describe('ChatSession methods', () => {
  it('are bound, so a UI can pass them as callbacks', async () => {
    const { session } = await started();
    const { send, end } = session;
    await send('unbound call');
    await until(session.transcript, (t) => messages(t).some((m) => m.content === 'unbound call'));
    await end();
    expect(session.phase.value).toBe('ended');
  });
});

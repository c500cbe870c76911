// DescribeView through ChatSession against the emulator: answers are kept per view token (transcript
// rows remount while scrolling and each asks again), concurrent asks share one request, and a
// failure is not kept, so trying again reaches the service.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactHandle, EmulatorPlugin } from '../../emulator/index.js';
import type { ClientLogEvent } from '../client/index.js';
import type { ChatSession } from './chat-session.js';
import { customerSession, startTestEmulator, type TestEmulator } from './testing/harness.js';

let emu: TestEmulator;
const handles = new Map<string, ContactHandle>();
const sessions: ChatSession[] = [];

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
  for (const s of sessions.splice(0)) await s.close();
  handles.clear();
  await emu.close();
});

async function started(): Promise<{ session: ChatSession; handle: ContactHandle; requests: () => number }> {
  const calls: ClientLogEvent[] = [];
  // One attempt per call: the count below is of DescribeView requests the session asked for.
  const session = customerSession({ emu, options: { clientOptions: { maxAttempts: 1, logger: (e) => calls.push(e) } } });
  sessions.push(session);
  await session.start();
  await emu.emulator.pluginsIdle();
  const handle = handles.get(session.contactId.value as string);
  if (!handle) throw new Error('the recorder plugin saw no contact');
  const requests = () => calls.filter((c) => c.type === 'request' && c.operation === 'DescribeView').length;
  return { session, handle, requests };
}

describe('ChatSession.describeView', () => {
  it('asks the service once per view token, however often a row remounts', async () => {
    const { session, handle, requests } = await started();
    const { viewToken } = handle.showView('cards', { Heading: 'Pick one', Cards: [] });
    const first = await session.describeView(viewToken);
    const second = await session.describeView(viewToken);
    expect(second).toBe(first);
    expect(first.name).toBe('cards');
    expect(requests()).toBe(1);

    const other = handle.showView('list', { Items: [] });
    const listView = await session.describeView(other.viewToken);
    expect(listView.name).toBe('list');
    expect(requests()).toBe(2);
  });

  it('shares one request between calls made while it travels', async () => {
    const { session, handle, requests } = await started();
    const { viewToken } = handle.showView('detail', { Heading: 'Order' });
    const [a, b, c] = await Promise.all([session.describeView(viewToken), session.describeView(viewToken), session.describeView(viewToken)]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(requests()).toBe(1);
  });

  it('does not keep a failure: the next call asks the service again and succeeds', async () => {
    const { session, handle, requests } = await started();
    const { viewToken } = handle.showView('confirmation', { Heading: 'Done', Next: { Label: 'OK' } });
    await emu.faults({ fail: { operation: 'DescribeView', count: 1, status: 500 } });
    await expect(session.describeView(viewToken)).rejects.toMatchObject({ code: 'view-failed' });
    expect(requests()).toBe(1);
    const view = await session.describeView(viewToken);
    expect(view.name).toBe('confirmation');
    expect(requests()).toBe(2);
    await session.describeView(viewToken);
    expect(requests()).toBe(2);
  });

  it('does not keep an unknown token either', async () => {
    const { session, requests } = await started();
    await expect(session.describeView('not-a-token')).rejects.toMatchObject({ code: 'view-failed' });
    await expect(session.describeView('not-a-token')).rejects.toMatchObject({ code: 'view-failed' });
    expect(requests()).toBe(2);
  });
});

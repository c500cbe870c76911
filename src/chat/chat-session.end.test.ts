// An end the customer did not ask for (the agent stops the contact, the service forgets the chat):
// what the customer had typed and could not send is kept and carried into the next chat, and a
// Retry in the ended chat explains instead of spinning. (issue 11)
import { describe, expect, it } from 'vitest';
import { customerSession, until } from './testing/harness.js';
import { emulatorPerTest } from './testing/per-test.js';
import type { MessageEntry, TranscriptEntry } from './types.js';

const t = emulatorPerTest();

const own = (entries: readonly TranscriptEntry[]): MessageEntry[] => entries.filter((e): e is MessageEntry => e.kind === 'message' && e.own);
const customerTexts = async (contactId: string): Promise<string[]> =>
  (await t.emu.items(contactId)).filter((i) => i.Type === 'MESSAGE' && i.ParticipantRole === 'CUSTOMER').map((i) => i.Content ?? '');

describe('ChatSession after an unexpected end', () => {
  it('keeps unsent messages and the draft; Retry in the ended chat explains; the next chat gets both, and Retry sends there once', async () => {
    const session = customerSession({ emu: t.emu });
    t.later(() => session.close());
    await session.start();
    const first = session.contactId.value as string;

    // The service keeps failing this send (it is retried), then the agent ends the chat.
    await t.emu.faults({ fail: { operation: 'SendMessage', count: 1000, status: 500 } });
    await session.send('said just before the end');
    session.setDraft('typed when it ended');
    await t.emu.stopContact(first);
    await until(session.phase, (p) => p === 'ended', 8000, 'ended');
    await t.emu.faults({ reset: true });
    const [failed] = own(session.transcript.value);
    expect(failed).toMatchObject({ content: 'said just before the end', status: 'failed' });

    // Retry in the ended chat: refused with a reason, and the message stays failed (no spinner).
    await expect(session.retry(failed.id)).rejects.toMatchObject({ code: 'chat-ended' });
    expect(own(session.transcript.value)[0].status).toBe('failed');
    expect(session.lastError.value?.message).toMatch(/new chat/);

    // A new chat: the draft and the unsent message come along (nothing is sent by itself).
    await session.start();
    const second = session.contactId.value as string;
    expect(second).not.toBe(first);
    expect(session.draft.value).toBe('typed when it ended');
    const [carried] = own(session.transcript.value);
    expect(carried).toMatchObject({ content: 'said just before the end', status: 'failed' });
    expect(carried.error).toMatch(/previous chat/);
    expect(await customerTexts(second)).toEqual([]);

    await session.retry(carried.id);
    await until(session.transcript, (e) => own(e).some((m) => m.content === 'said just before the end' && !m.id.startsWith('local:')), 8000, 'sent');
    expect(await customerTexts(second)).toEqual(['said just before the end']);
    expect(await customerTexts(first)).toEqual([]);
  });

  it('ending a chat by hand (end()) carries the draft into the next chat too', async () => {
    const session = customerSession({ emu: t.emu });
    t.later(() => session.close());
    await session.start();
    const ending = session.end();
    session.setDraft('typed while it was ending');
    await ending;
    expect(session.phase.value).toBe('ended');
    await session.start();
    expect(session.phase.value).toBe('active');
    expect(session.draft.value).toBe('typed while it was ending');
  });
});

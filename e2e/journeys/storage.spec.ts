// Journeys with broken storage: IndexedDB that fails to open, that refuses every write, that never
// answers. The chat still works (from memory), the visitor never reads technical text, and a chat
// that cannot be resumed after a reload is not left dangling for the agent.
import { EMULATOR, record } from '../ui-support';
import { expect, journey, test } from './testing/journey';
import * as s from './testing/steps';
import { within } from './testing/steps';
import type { World } from './testing/world';

interface Participant { ParticipantRole: string; State: string; Connected?: boolean; Sockets?: number }

/** The visitor's previous chat is resumed here, or properly left — not active with nobody on it. */
async function notDangling(w: World, contactId: string): Promise<void> {
  const ok = await within(20_000, async () => {
    if (w.currentContact() === contactId) return true; // resumed
    const contact = (await (await fetch(`${EMULATOR}/emulator/contacts/${contactId}`)).json()) as { State: string; Participants: Participant[] };
    const customer = contact.Participants.find((p) => p.ParticipantRole === 'CUSTOMER');
    return contact.State === 'ended' || customer?.State !== 'joined' || (customer?.Sockets ?? 0) > 0;
  });
  expect(ok, `contact ${contactId} stays active with the customer joined and no socket: the agent waits for nobody`).toBe(true);
}

for (const storage of ['open-fails', 'writes-fail'] as const) {
  test(`cdn: IndexedDB ${storage === 'open-fails' ? 'fails to open' : 'refuses every write'}: the chat works, a reload leaves nothing dangling`, { tag: '@full' }, async ({ makeWorld }) => {
    const w = await makeWorld({ embed: 'cdn', storage });
    await journey(w, [s.visit(), s.openChat(), s.send(), s.agentSays(1), s.send()]);
    const first = w.currentContact()!;
    await journey(w, [s.reload(), s.openChat(), s.send()]);
    await notDangling(w, first);
  });
}

test('mount: indexedDB.open never answers: the widget falls back to memory within seconds', { tag: '@full' }, async ({ makeWorld }) => {
  const w = await makeWorld({ embed: 'mount', storage: 'open-hangs' });
  await journey(w, [s.visit(), s.openChat(), s.send(), s.agentSays(1), s.send()]);
});

// Found by the random mode (seed 3301, visit 7): the page that went away left its chat, so the agent
// side has nothing to end; the next chat starts from the form and its end shows.
test('cdn with a pre-chat form: indexedDB.open never answers: a reload leaves the chat, the next one ends in view', { tag: '@full' }, async ({ makeWorld }) => {
  const w = await makeWorld({ embed: 'cdn', storage: 'open-hangs', config: { preChatForm: s.PRE_CHAT_FORM } });
  await journey(w, [s.visit(), s.openChat(), s.send(), s.agentSays(1), s.dropSockets()]);
  const first = w.currentContact()!;
  await journey(w, [s.reload()]);
  await notDangling(w, first);
  expect(w.currentContact(), 'the reloaded page cannot hold the chat its storage never kept').toBeUndefined();
  await journey(w, [s.openChat(), s.send(), s.agentEnds()]);
  expect(w.currentContact()).not.toBe(first);
});

// With storage broken, a page that goes away leaves its chat — but not while another tab waits to take
// it over from what it mirrored: closing the tab that holds the chat (normally, with pagehide) or
// reloading it must not end the chat in the other tab.
for (const how of ['closes', 'reloads'] as const) {
  test(`cdn: IndexedDB fails to open: the tab holding the chat ${how} while another is open: the chat goes on`, { tag: '@full' }, async ({ makeWorld }) => {
    const w = await makeWorld({ embed: 'cdn', storage: 'open-fails' });
    await journey(w, [s.visit(), s.openChat(), s.send(), s.newTab(), s.send()]);
    const contact = w.currentContact()!;
    const leader = w.leader()!;
    expect(leader, 'the first tab holds the chat').not.toBe(w.active);
    if (how === 'closes') {
      await leader.page.close({ runBeforeUnload: true }); // a person closing the tab: pagehide runs
      w.forget(leader);
    } else {
      await leader.page.reload();
    }
    await journey(w, [s.send(), s.agentSays(1), s.send()]);
    expect(w.currentContact(), 'still the same chat').toBe(contact);
    expect((await record(contact)).State).toBe('active');
  });
}

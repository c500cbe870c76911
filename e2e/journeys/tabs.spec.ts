// Journeys through reloads and tabs: the same conversation in every tab, sent exactly once from any of
// them, kept through reloads, carried on by another tab when the one holding it closes or crashes.
import { journey, test } from './testing/journey';
import * as s from './testing/steps';

for (const embed of ['cdn', 'mount'] as const) {
  test(`${embed}: reloads, a draft, a second tab, the leader tab closed`, { tag: '@short' }, async ({ makeWorld }) => {
    const w = await makeWorld({ embed });
    await journey(w, [
      s.visit(),
      s.openChat(),
      s.send(),
      s.agentSays(1),
      s.send(undefined, 'button'),
      s.reload(),
      s.send(),
      s.typeDraft(),
      s.agentSays(1),
      s.reload(),
      s.send(),
      s.newTab(),
      s.send(),
      s.agentSays(2),
      s.switchTab(),
      s.closeTab(),
      s.send(),
      s.agentSays(1),
    ]);
  });
}

// Three tabs; the one holding the conversation crashes while the visitor is writing in another, and
// they press Enter right after (a person does not know which tab holds the chat, nor that another is
// taking over): one of the two left takes over while the other relays the message to it.
for (const embed of ['cdn', 'mount'] as const) {
  test(`${embed}: the leader tab crashes and the visitor writes in the other tabs at once`, { tag: embed === 'cdn' ? '@short' : '@full' }, async ({ makeWorld }) => {
    const w = await makeWorld({ embed });
    await journey(w, [s.visit(), s.openChat(), s.send(), s.agentSays(1), s.newTab(), s.newTab(), s.crashLeaderWhileWriting(), s.switchTab(), s.send(), s.agentSays(1), s.send()]);
  });
}

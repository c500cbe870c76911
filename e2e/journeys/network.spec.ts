// Journeys through a bad network: offline spells with the socket cut, cuts while online, and the
// service refusing the connection tokens. Messages written meanwhile go out once, in order; what the
// agent wrote meanwhile shows once.
import { journey, test } from './testing/journey';
import * as s from './testing/steps';

for (const embed of ['cdn', 'mount'] as const) {
  test(`${embed}: offline spells with the socket cut, writing on both sides meanwhile`, { tag: embed === 'mount' ? '@short' : '@full' }, async ({ makeWorld }) => {
    const w = await makeWorld({ embed });
    await journey(w, [s.visit(), s.openChat(), s.send(), s.agentSays(1), s.offlineSpell(2, 2), s.send(), s.agentSays(1), s.offlineSpell(1, 3), s.reload(), s.send()]);
  });
}

test('cdn: socket cuts while online, with an agent burst during one', { tag: '@full' }, async ({ makeWorld }) => {
  const w = await makeWorld({ embed: 'cdn' });
  await journey(w, [s.visit(), s.openChat(), s.send(), s.dropSockets(), s.send(), s.dropSockets(), s.agentSays(12), s.send(), s.agentSays(1)]);
});

test('cdn: the service refuses the connection token mid-chat; the chat goes on', { tag: '@short' }, async ({ makeWorld }) => {
  const w = await makeWorld({ embed: 'cdn' });
  await journey(w, [s.visit(), s.openChat(), s.send(), s.agentSays(1), s.expireTokens(), s.send(), s.agentSays(1), s.expireTokens(), s.dropSockets(), s.send(), s.reload(), s.send()]);
});

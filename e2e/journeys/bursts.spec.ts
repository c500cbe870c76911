// Bursts of agent messages: every one shown exactly once and in the order sent, with the window open,
// closed, and across a reconnect.
import { expect, journey, test } from './testing/journey';
import { viewOf } from './testing/observe';
import * as s from './testing/steps';

for (const embed of ['cdn', 'mount'] as const) {
  test(`${embed}: bursts of agent messages, open, closed and during a reconnect`, { tag: embed === 'cdn' ? '@short' : '@full' }, async ({ makeWorld }) => {
    const w = await makeWorld({ embed });
    await journey(w, [s.visit(), s.openChat(), s.send(), s.agentSays(30), s.send(), s.closeChatWindow(), s.agentSays(20), s.openChat(), s.dropSockets(), s.agentSays(15), s.send()]);
    // Shown in the order the agent sent them.
    const shown = (await viewOf(w.page())).rows.map((r) => r.text.match(/#[a-z0-9]+-a\d+#/)?.[0]).filter(Boolean);
    expect(shown).toEqual(w.said.map((x) => x.token));
  });
}

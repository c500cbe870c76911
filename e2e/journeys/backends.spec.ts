// Journeys with a start-chat back end that does not work: it never answers, it sends headers and
// then stalls, it hands out a token the service refuses. Every wait ends in a visible error with
// Retry (never "Connecting you…" for ever, never "ended"); Retry then starts the chat.
import { journey, test } from './testing/journey';
import * as s from './testing/steps';

const cases = [
  { mode: 'silent', embed: 'cdn' },
  { mode: 'stall', embed: 'mount' },
  { mode: 'bad-token', embed: 'cdn' },
] as const;

for (const c of cases) {
  test(`${c.embed}: the back end ${c.mode === 'silent' ? 'never answers' : c.mode === 'stall' ? 'sends headers, then stalls' : 'hands out a token the service refuses'}; Retry starts the chat`, { tag: '@full' }, async ({ makeWorld }) => {
    const w = await makeWorld({ embed: c.embed });
    await journey(w, [s.visit(), s.backendMode(c.mode), s.clickLauncher(), s.startFailsVisibly(), s.backendMode('ok'), s.retryTheStart(), s.send(), s.agentSays(1)]);
  });
}

// Journeys with a start-chat back end that does not work: it never answers, it sends headers and
// then stalls, it hands out a token the service refuses. Every wait ends in a visible error with
// Retry (never "Connecting you…" for ever, never "ended"); Retry then starts the chat.
import { journey, test } from './testing/journey';
import * as s from './testing/steps';

const cases = [
  { mode: 'silent', embed: 'cdn', defect: 'issue 11 defect: a start-chat back end that never answers leaves "Connecting you…" with no timeout, no error, no Retry' },
  { mode: 'stall', embed: 'mount', defect: 'issue 11 defect: a start-chat back end that sends headers and then stalls leaves "Connecting you…" with no timeout, no error, no Retry' },
  { mode: 'bad-token', embed: 'cdn', defect: 'issue 11 defect: a back end that returns a token the service refuses makes the chat look "ended" instead of "could not be started"' },
] as const;

for (const c of cases) {
  test(`${c.embed}: the back end ${c.mode === 'silent' ? 'never answers' : c.mode === 'stall' ? 'sends headers, then stalls' : 'hands out a token the service refuses'}; Retry starts the chat`, { tag: '@full' }, async ({ makeWorld }) => {
    test.fail(true, c.defect);
    const w = await makeWorld({ embed: c.embed });
    await journey(w, [s.visit(), s.backendMode(c.mode), s.clickLauncher(), s.startFailsVisibly(), s.backendMode('ok'), s.retryTheStart(), s.send(), s.agentSays(1)]);
  });
}

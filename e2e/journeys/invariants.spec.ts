// The invariant checker must be able to fail: each kind of violation is produced for real (the
// service holding a message twice, an error thrown in the page, text wiped from the box, a message the
// service never got, one shown twice, two out of order) and the checker must name it.
import { ParticipantClient } from '../../src/client/index.js';
import { EMULATOR } from '../ui-support';
import { checkInvariants } from './testing/invariants';
import { expect, journey, test } from './testing/journey';
import * as s from './testing/steps';
import { UI } from './testing/ui';

test('the checker reports duplicates, page errors, lost text, lost messages, double display and disorder', { tag: '@short' }, async ({ makeWorld, backend }) => {
  const w = await makeWorld({ embed: 'cdn' });
  await journey(w, [s.visit(), s.openChat(), s.send(), s.send(), s.agentSays(1)]);
  const page = w.page();
  const kinds = async () => (await checkInvariants(w, { settleMs: 1500 })).map((v) => `${v.kind}: ${v.key}`);

  // The service holds the first message twice (sent again as the customer, with a new ClientToken).
  const client = new ParticipantClient({ endpoint: EMULATOR });
  const connection = await client.createParticipantConnection({ ParticipantToken: backend.participantToken(w.id)!, Type: ['CONNECTION_CREDENTIALS'] });
  await client.sendMessage({ ConnectionToken: connection.ConnectionCredentials!.ConnectionToken!, ContentType: 'text/plain', Content: w.sent[0].text });
  expect(await kinds()).toContain(`duplicated: service ${w.sent[0].token}`);

  // An error thrown into the host page.
  await page.evaluate(() => setTimeout(() => { throw new Error('thrown into the page'); }));
  await expect.poll(kinds).toContain('page error: 0');

  // Text wiped from the box behind the visitor's back.
  await journey(w, [s.typeDraft()]).catch(() => {});
  await page.locator(UI.composer).fill('');
  expect((await kinds()).some((k) => k.startsWith('lost: draft'))).toBe(true);
  w.draft = '';

  // A message the visitor sent that the service never got (and that is nowhere on screen).
  w.sent.push({ token: w.token('m'), text: 'never typed', n: w.sent.length + 1, tab: 'tab1', retried: false });
  expect((await kinds()).some((k) => k === `lost: ${w.sent.at(-1)!.token}`)).toBe(true);
  w.sent.pop();

  // The same agent message shown twice (the agent's token said twice).
  const agent = await w.agentOf(w.currentContact()!);
  const token = w.token('a');
  await agent.say(`${token} once`);
  await agent.say(`${token} and again`);
  w.said.push({ token, contactId: w.currentContact()! });
  await expect.poll(kinds).toContain(`duplicated: shown ${token}`);

  // Two messages that reached the service in the opposite order of sending.
  expect((await kinds()).some((k) => k.startsWith('order:'))).toBe(false);
  [w.sent[0].n, w.sent[1].n] = [w.sent[1].n, w.sent[0].n];
  expect((await kinds()).some((k) => k.startsWith('order:'))).toBe(true);
});

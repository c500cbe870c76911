// Storage that does not work: IndexedDB refusing writes, or never opening (a Safari bug). The chat
// still works, the visitor is told in plain words, and a chat that cannot be resumed after the page
// goes away is left (DisconnectParticipant) instead of staying open with nobody there. (issue 11)
import { expect, test, type Page } from '@playwright/test';
import { buildHarness, contactIdOf, customerMessages, openShop, record, reload, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

/** Every IndexedDB write fails as on a full disk. */
const failWrites = (page: Page) =>
  page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });

/** indexedDB.open() returns a request that never fires. */
const neverOpen = (page: Page) =>
  page.addInitScript(() => {
    indexedDB.open = () => ({}) as IDBOpenDBRequest;
  });

const customer = async (contactId: string) => (await record(contactId)).Participants.find((p) => p.ParticipantRole === 'CUSTOMER');

test('IndexedDB refuses writes: the chat goes on, and a reload leaves it instead of leaving it dangling', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await failWrites(page);
  await openShop(page);
  const { contactId, agent } = await startChatWithAgent(page);
  await widget(page, '.cw-ta').fill('Hello with broken storage');
  await widget(page, '.cw-ta').press('Enter');
  await agent.say('I can read you.');
  await expect(widget(page, '.cw-log')).toContainText('I can read you.');
  // Told in plain words; the technical detail is for developers (event and console), not the visitor.
  await expect(widget(page, '.cw-alert')).toHaveText(/This browser cannot save the chat, so it ends if you leave or reload this page\./);
  expect(await widget(page, '.cw-win').textContent()).not.toMatch(/IndexedDB|putTranscript|saveSession|null/);
  expect((await customer(contactId))?.State).not.toBe('left');

  await reload(page);
  // Nothing could be stored, so nothing can resume it: the old chat was left as the page went away.
  await expect.poll(async () => (await customer(contactId))?.State).toBe('left');
  await widget(page, '#cw-launch').click();
  await expect.poll(() => contactIdOf(page)).not.toBe(contactId);
  expect(problems).toEqual([]);
});

test('indexedDB.open never answers: the chat starts and sends within seconds, in memory', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await neverOpen(page);
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  await widget(page, '.cw-ta').fill('Sent without storage');
  await widget(page, '.cw-ta').press('Enter');
  await expect
    .poll(() => customerMessages(contactId), { timeout: 15_000 })
    .toEqual(['Sent without storage']);
  await expect(widget(page, '.cw-own').last()).not.toContainText('Sending');
  await expect(widget(page, '.cw-alert')).toHaveText(/This browser cannot save the chat/);
  expect(await widget(page, '.cw-win').textContent()).not.toMatch(/IndexedDB|loadSession|did not open/);
  expect(problems).toEqual([]);
});

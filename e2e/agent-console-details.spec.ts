// The agent console shows what the visitor gave and what happened after: the contact list newest
// first with chats that asked for an agent flagged, contact attributes (pre-chat answers), the post-chat
// survey's answers, tasks (messages left while closed), and a reload that rejoins the open chat.
// The customer is played from Node with this project's ParticipantClient.
import { ConnectClient, StartTaskContactCommand } from '@aws-sdk/client-connect';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { ParticipantClient } from '../src/client/index.js';

const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 18787}`;
const RESPONSE = 'application/vnd.amazonaws.connect.message.interactive.response';
const client = new ParticipantClient({ endpoint: EMULATOR, maxAttempts: 1 });

interface ContactRecord {
  State: string;
  Participants: Array<{ ParticipantId: string; ParticipantRole: string; State: string }>;
  Survey?: { State: string; Answers: Record<string, string> };
}

async function post(path: string, body: unknown, method = 'POST'): Promise<unknown> {
  const response = await fetch(`${EMULATOR}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return response.json();
}

async function startContact(name: string, attributes: Record<string, string> = {}): Promise<{ contactId: string; token: string }> {
  const started = (await post(
    '/contact/chat',
    { InstanceId: 'e2e-instance', ContactFlowId: 'e2e-flow', ParticipantDetails: { DisplayName: name }, Attributes: attributes, SupportedMessagingContentTypes: ['text/plain', RESPONSE] },
    'PUT',
  )) as { ContactId: string; ParticipantToken: string };
  const connection = await client.createParticipantConnection({ ParticipantToken: started.ParticipantToken, Type: ['CONNECTION_CREDENTIALS'] });
  return { contactId: started.ContactId, token: connection.ConnectionCredentials?.ConnectionToken ?? '' };
}

const record = async (contactId: string) => (await (await fetch(`${EMULATOR}/emulator/contacts/${contactId}`)).json()) as ContactRecord;
const row = (page: Page, contactId: string) => page.locator(`#contacts li[data-contact-id="${contactId}"]`);

test('newest first, queued chats flagged, the customer\'s answers shown, a reload rejoins the open chat', async ({ page }) => {
  const older = await startContact('Older Customer');
  const newer = await startContact('Queued Customer', { email: 'ada@example.com', topic: 'Returns' });
  await post(`/emulator/contacts/${newer.contactId}/queue`, {});

  await page.goto(`${EMULATOR}/agent`);
  await page.locator('#agent-name').fill('Agent Reload');
  await expect(row(page, newer.contactId)).toBeVisible();
  const order = await page.locator('#contacts li').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-contact-id')));
  expect(order.indexOf(newer.contactId)).toBeLessThan(order.indexOf(older.contactId));
  await expect(row(page, newer.contactId).locator('.flag')).toHaveText('Wants an agent');
  await expect(row(page, older.contactId).locator('.flag')).toHaveCount(0);

  await row(page, newer.contactId).locator('button.join').click();
  await expect(page.locator('#chat-status')).toHaveText('Connected');
  await expect(row(page, newer.contactId).locator('.flag')).toHaveCount(0);
  await expect(page.locator('#attributes')).toContainText('email');
  await expect(page.locator('#attributes')).toContainText('ada@example.com');
  await expect(page.locator('#attributes')).toContainText('Returns');
  const said = await client.sendMessage({ ConnectionToken: newer.token, ContentType: 'text/plain', Content: 'before the reload' });
  await expect(page.locator(`#transcript li[data-item-id="${said.Id}"]`)).toBeVisible();

  await page.reload();
  await expect(page.locator('#chat-status')).toHaveText('Connected');
  await expect(page.locator('#agent-name')).toHaveValue('Agent Reload');
  await expect(page.locator(`#transcript li[data-item-id="${said.Id}"]`)).toBeVisible();
  // The same agent participant, not a second one.
  const agents = (await record(newer.contactId)).Participants.filter((p) => p.ParticipantRole === 'AGENT');
  expect(agents.map((a) => a.State)).toEqual(['joined']);
  await page.locator('#message').fill('still here');
  await page.locator('#send').click();
  await expect(page.locator('#transcript')).toContainText('still here');
  await page.locator('#end').click();
  await expect(page.locator('#chat-status')).toHaveText('Chat ended');
  await post(`/emulator/contacts/${older.contactId}/end`, {});
});

test('ending as the agent runs the post-chat survey; its answers show on the contact', async ({ page }) => {
  const customer = await startContact('Survey Customer');
  await post(`/emulator/contacts/${customer.contactId}/disconnect-flow`, { flow: 'survey' });
  await page.goto(`${EMULATOR}/agent`);
  await row(page, customer.contactId).locator('button.join').click();
  await expect(page.locator('#chat-status')).toHaveText('Connected');
  await expect(page.locator('#disconnect-flow')).toHaveText('survey (waiting)');

  await page.locator('#end').click();
  await expect(page.locator('#chat-status')).toHaveText('You left this chat');
  await expect.poll(async () => (await record(customer.contactId)).Survey?.State).toBe('pending');
  await client.sendMessage({ ConnectionToken: customer.token, ContentType: RESPONSE, Content: JSON.stringify({ templateType: 'ViewResource', version: '1.0', action: 'Rate', data: { Rating: '5' } }) });
  await expect.poll(async () => (await record(customer.contactId)).Survey?.Answers.rating).toBe('5');
  await client.sendMessage({ ConnectionToken: customer.token, ContentType: 'text/plain', Content: 'Sorted in two minutes' });
  await expect.poll(async () => (await record(customer.contactId)).State).toBe('ended');

  await expect(page.locator('#survey')).toHaveAttribute('data-state', 'answered');
  await expect(page.locator('#survey')).toContainText('5 / 5 · “Sorted in two minutes”');
  await expect(page.locator(`#ended-contacts li[data-contact-id="${customer.contactId}"]`)).toContainText('survey: 5 / 5');
});

test('tasks from StartTaskContact are listed, newest first, with their references', async ({ page }) => {
  const connect = new ConnectClient({ region: 'us-east-1', endpoint: EMULATOR, credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
  const first = await connect.send(new StartTaskContactCommand({ InstanceId: 'e2e-instance', ContactFlowId: 'offline', Name: 'Message from Bea', Description: 'First' }));
  const second = await connect.send(
    new StartTaskContactCommand({
      InstanceId: 'e2e-instance',
      ContactFlowId: 'offline',
      Name: 'Message from Ada',
      Description: 'Can you call me back tomorrow?',
      References: { email: { Type: 'EMAIL', Value: 'ada@example.com' } },
    }),
  );
  connect.destroy();
  await page.goto(`${EMULATOR}/agent`);
  const task = page.locator(`#tasks li[data-contact-id="${second.ContactId}"]`);
  await expect(task).toContainText('Message from Ada');
  await expect(task).toContainText('Can you call me back tomorrow?');
  await expect(task.locator('a[href="mailto:ada@example.com"]')).toBeVisible();
  const order = await page.locator('#tasks li').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-contact-id')));
  expect(order.indexOf(second.ContactId ?? '')).toBeLessThan(order.indexOf(first.ContactId ?? ''));
});

// The agent console (GET /agent on the emulator) in real Chromium: an agent joins a contact the test
// started with StartChatContact, and everything the agent does is checked in the emulator's record.
// The customer is played from Node with this project's ParticipantClient.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ParticipantClient } from '../src/client/index.js';
import type { Item } from '../src/client/index.js';

const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 18787}`;
const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';
const VND = 'application/vnd.amazonaws.connect.';

interface Record {
  State: string;
  Items: Item[];
  Participants: Array<{ ParticipantId: string; ParticipantRole: string; DisplayName: string; State: string }>;
}

const client = new ParticipantClient({ endpoint: EMULATOR, maxAttempts: 1 });

async function startContact(displayName: string): Promise<{ contactId: string; connectionToken: string }> {
  const response = await fetch(`${EMULATOR}/contact/chat`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      InstanceId: 'e2e-instance',
      ContactFlowId: 'e2e-flow',
      ParticipantDetails: { DisplayName: displayName },
      SupportedMessagingContentTypes: ['text/plain', 'text/markdown', `${INTERACTIVE}.response`],
    }),
  });
  expect(response.status).toBe(200);
  const started = (await response.json()) as { ContactId: string; ParticipantToken: string };
  const connection = await client.createParticipantConnection({ ParticipantToken: started.ParticipantToken, Type: ['CONNECTION_CREDENTIALS'] });
  return { contactId: started.ContactId, connectionToken: connection.ConnectionCredentials?.ConnectionToken ?? '' };
}

async function record(contactId: string): Promise<Record> {
  const response = await fetch(`${EMULATOR}/emulator/contacts/${contactId}/items`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record;
}

/** Polls the emulator's record until `find` returns something. */
async function eventually<T>(contactId: string, find: (record: Record) => T | undefined, what: string): Promise<T> {
  let found: T | undefined;
  await expect
    .poll(async () => {
      found = find(await record(contactId));
      return found !== undefined;
    }, { message: `the emulator's record of ${contactId} has ${what}` })
    .toBe(true);
  return found as T;
}

/** Fails the test on any CSP violation or script error in the page. */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Trusted Type/i.test(message.text())) problems.push(message.text());
  });
  return problems;
}

async function joinAsAgent(page: Page, contactId: string, agentName: string): Promise<void> {
  const response = await page.goto(`${EMULATOR}/agent`);
  // The console runs under the strict CSP (no inline code, Trusted Types): violations fail the test.
  expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
  await page.locator('#agent-name').fill(agentName);
  const row = page.locator(`li.contact[data-contact-id="${contactId}"]`);
  await expect(row).toBeVisible();
  await row.locator('button.join').click();
  await expect(page.locator('#chat-status')).toHaveText('Connected');
}

test('an agent joins, chats, sends a template, a view, a file, goes idle and ends the chat', async ({ page }) => {
  const problems = watchForViolations(page);
  const customer = await startContact('E2E Customer');
  const { contactId } = customer;
  await joinAsAgent(page, contactId, 'Agent Smith');

  const agent = await eventually(
    contactId,
    (r) => r.Participants.find((p) => p.ParticipantRole === 'AGENT' && p.DisplayName === 'Agent Smith'),
    'an AGENT participant named Agent Smith',
  );

  // Text.
  await page.locator('#message').fill('Hello from the agent');
  await page.locator('#send').click();
  await expect(page.locator('#message')).toHaveValue('');
  const hello = await eventually(
    contactId,
    (r) => r.Items.find((i) => i.Type === 'MESSAGE' && i.ParticipantId === agent.ParticipantId && i.Content === 'Hello from the agent'),
    'the agent text message',
  );
  expect(hello.ContentType).toBe('text/plain');
  await expect(page.locator(`#transcript li[data-item-id="${hello.Id}"]`)).toContainText('Hello from the agent');

  // Markdown.
  await page.locator('#markdown').check();
  await page.locator('#message').fill('**bold** and _italic_');
  await page.locator('#message').press('Enter');
  await eventually(contactId, (r) => r.Items.find((i) => i.ContentType === 'text/markdown' && i.Content === '**bold** and _italic_'), 'the markdown message');

  // The customer reads the agent's message: the console shows "Read".
  await client.sendEvent({
    ConnectionToken: customer.connectionToken,
    ContentType: `${VND}event.message.read`,
    Content: JSON.stringify({ messageId: hello.Id }),
  });
  await expect(page.locator(`#transcript li[data-item-id="${hello.Id}"] .receipt`)).toHaveText('Read');

  // The customer types and writes: the console shows typing, then the message, and marks it read.
  await client.sendEvent({ ConnectionToken: customer.connectionToken, ContentType: `${VND}event.typing` });
  await expect(page.locator('#typing')).toHaveText('E2E Customer is typing…');
  const sent = await client.sendMessage({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'Hi agent' });
  await expect(page.locator(`#transcript li[data-item-id="${sent.Id}"]`)).toContainText('Hi agent');
  await expect(page.locator('#typing')).toHaveText('');
  await eventually(
    contactId,
    (r) =>
      r.Items.find((i) => i.Id === sent.Id)?.MessageMetadata?.Receipts?.find(
        (receipt) => receipt.RecipientParticipantId === agent.ParticipantId && receipt.ReadTimestamp,
      ),
    "the agent's read receipt on the customer's message",
  );

  // An interactive template (QuickReply sample) and a view (DeliveryOptions sample).
  await page.locator('#template-type').selectOption('QuickReply');
  await expect(page.locator('#template-json')).toHaveValue(/"templateType": "QuickReply"/);
  await page.locator('#send-template').click();
  const quickReply = await eventually(
    contactId,
    (r) => r.Items.find((i) => i.ContentType === INTERACTIVE && i.ParticipantId === agent.ParticipantId && /"templateType":"QuickReply"/.test(i.Content ?? '')),
    'the QuickReply template from the agent',
  );
  await expect(page.locator(`#transcript li[data-item-id="${quickReply.Id}"] .label`)).toHaveText('QuickReply');

  await page.locator('#view-name').selectOption('DeliveryOptions');
  await page.locator('#send-view').click();
  const view = await eventually(
    contactId,
    (r) => r.Items.find((i) => i.ContentType === INTERACTIVE && /"templateType":"ViewResource"/.test(i.Content ?? '')),
    'the ViewResource message',
  );
  const viewContent = (JSON.parse(view.Content ?? '{}') as { data: { content: { viewId: string; viewToken: string } } }).data.content;
  const described = await client.describeView({ ConnectionToken: customer.connectionToken, ViewToken: viewContent.viewToken });
  expect(described.View?.Name).toBe('DeliveryOptions');

  // Bad JSON in the template box: a clear error, and nothing is sent.
  const before = (await record(contactId)).Items.length;
  await page.locator('#template-json').fill('{"templateType": ');
  await page.locator('#send-template').click();
  await expect(page.locator('#chat-error')).toContainText('The template is not valid JSON');
  expect((await record(contactId)).Items.length).toBe(before);

  // A file.
  await page.locator('#file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('agent notes\n') });
  await page.locator('#send-file').click();
  const attachment = await eventually(
    contactId,
    (r) => r.Items.find((i) => i.Type === 'ATTACHMENT' && i.Attachments?.[0]?.AttachmentName === 'notes.txt'),
    'the ATTACHMENT item notes.txt',
  );
  expect(attachment.ParticipantId).toBe(agent.ParticipantId);
  await expect(page.locator(`#transcript li[data-item-id="${attachment.Id}"]`)).toContainText('notes.txt');

  // Idle, then end the chat.
  await page.locator('#idle').click();
  await eventually(
    contactId,
    (r) => r.Items.find((i) => i.ContentType === `${VND}event.participant.idle` && i.ParticipantId === agent.ParticipantId),
    'participant.idle for the agent',
  );
  await page.locator('#end').click();
  await eventually(contactId, (r) => r.Items.find((i) => i.ContentType === `${VND}event.chat.ended`), 'chat.ended');
  await expect(page.locator('#chat-status')).toHaveText('Chat ended');
  expect((await record(contactId)).State).toBe('ended');
  // Ended contacts leave the live list for the ended one.
  await expect(page.locator(`#contacts li[data-contact-id="${contactId}"]`)).toHaveCount(0);
  await expect(page.locator(`#ended-contacts li[data-contact-id="${contactId}"]`)).toBeVisible();

  expect(problems).toEqual([]);
});

test('a transfer takes the agent out of the chat; leaving is DisconnectParticipant', async ({ page }) => {
  const problems = watchForViolations(page);
  const first = await startContact('Transfer Customer');
  await joinAsAgent(page, first.contactId, 'Agent One');
  await page.locator('#transfer').click();
  await eventually(first.contactId, (r) => r.Items.find((i) => i.ContentType === `${VND}event.transfer.succeeded`), 'transfer.succeeded');
  await expect(page.locator('#chat-status')).toHaveText('You left this chat');

  const second = await startContact('Leave Customer');
  await page.locator(`li.contact[data-contact-id="${second.contactId}"] button.join`).click();
  await expect(page.locator('#chat-status')).toHaveText('Connected');
  await page.locator('#leave').click();
  await expect(page.locator('#chat-status')).toHaveText('You left this chat');
  const left = await record(second.contactId);
  expect(left.Participants.find((p) => p.ParticipantRole === 'AGENT')?.State).toBe('left');
  expect(left.State).toBe('active');
  expect(problems).toEqual([]);
});

test('the console has no serious accessibility violations', async ({ page }) => {
  const { contactId } = await startContact('A11y Customer');
  await joinAsAgent(page, contactId, 'Agent A11y');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.locator('#end').click();
});

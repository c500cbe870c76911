// Shared by the UI specs (e2e/ui-*.spec.ts): builds the page bundle once per worker, opens the test
// page, plays the agent through the real Participant Service API of the emulator, reads the
// emulator's record, and queries inside the widget's shadow root.
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { build } from 'vite';
import { WebSocket as NodeWebSocket } from 'ws';
import { emojiDataPlugin } from '../scripts/emoji-data.js';
import { localePacksPlugin } from '../scripts/locale-packs.js';
import { ParticipantClient } from '../src/client/index.js';
import { WebSocketManager, type WebSocketConstructor } from '../src/connection/index.js';

export const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 18787}`;

let built: Promise<unknown> | undefined;

/** Bundles e2e/pages/ui-harness.ts with its dependencies into dist/ui-e2e/ (once per worker), locale packs packed as in the widget's build. */
export function buildHarness(): Promise<unknown> {
  built ??= build({
    configFile: false,
    logLevel: 'warn',
    plugins: [emojiDataPlugin(), localePacksPlugin()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: 'dist/ui-e2e',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      lib: { entry: 'e2e/pages/ui-harness.ts', formats: ['es'], fileName: () => 'ui-harness.js' },
      rolldownOptions: { output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  });
  return built;
}

export interface OpenOptions {
  config?: Record<string, unknown>;
  open?: boolean;
  /** Serve the page with the strict CSP of emulator/site-server.ts. */
  csp?: boolean;
}

/** Opens the shop page with the widget; resolves once the widget has rendered. */
export async function openShop(page: Page, options: OpenOptions = {}): Promise<void> {
  const query = new URLSearchParams({
    emu: new URL(EMULATOR).port,
    config: JSON.stringify({ storageKey: `e2e-${Math.random().toString(36).slice(2)}`, ...options.config }),
    ...(options.open ? { open: '1' } : {}),
  });
  await page.goto(`${options.csp ? '/csp' : ''}/ui-shop.html?${query}`);
  // Generous: two cores are shared by every engineer's test run.
  await expect(page.locator('#chat-widget .cw')).toBeAttached({ timeout: 20_000 });
}

/**
 * Reloads keeping the same query (same storage key); resolves once the widget has settled: the stored
 * chat resumed (or not) and the window open again if it was open and there is something to show.
 */
export async function reload(page: Page): Promise<void> {
  await page.reload();
  await expect(page.locator('#chat-widget .cw[data-ready]')).toBeAttached({ timeout: 20_000 });
}

/** The page's current ContactId (once the chat started). */
export async function contactIdOf(page: Page): Promise<string> {
  let id: string | null = null;
  await expect
    .poll(async () => (id = await page.evaluate(() => (window as unknown as { cw: { session: { contactId: { value: string | null } } } }).cw.session.contactId.value)))
    .not.toBeNull();
  return id!;
}

/**
 * Waits until the page's chat socket is connected. Typing events and new messages reach only a
 * connected socket (before that, messages come in as history): what the agent does right after the
 * start would otherwise race the connection on a busy machine.
 */
export async function connectedOf(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { cw: { session: { connection: { value: string } } } }).cw.session.connection.value))
    .toBe('connected');
}

export interface RecordItem {
  Id: string;
  Type: string;
  ContentType?: string;
  Content?: string;
  ParticipantRole?: string;
  DisplayName?: string;
  Attachments?: { AttachmentId: string; AttachmentName: string; ContentType: string; Status?: string }[];
}
export interface ContactRecord {
  State: string;
  Items: RecordItem[];
  Participants: { ParticipantId: string; ParticipantRole: string; DisplayName: string; State: string }[];
  Attributes?: Record<string, string>;
}

export async function record(contactId: string): Promise<ContactRecord> {
  const r = await fetch(`${EMULATOR}/emulator/contacts/${contactId}/items`);
  expect(r.status).toBe(200);
  return (await r.json()) as ContactRecord;
}

/** The customer's messages in the emulator's record, in order. */
export async function customerMessages(contactId: string): Promise<(string | undefined)[]> {
  return (await record(contactId)).Items.filter((i) => i.ParticipantRole === 'CUSTOMER' && i.Type === 'MESSAGE').map((i) => i.Content);
}

/** Whether the emulator's record shows a read receipt on the message `messageId`. */
export async function hasReadReceipt(contactId: string, messageId: string): Promise<boolean> {
  const item = (await record(contactId)).Items.find((i) => i.Id === messageId) as { MessageMetadata?: { Receipts?: { ReadTimestamp?: string }[] } } | undefined;
  return !!item?.MessageMetadata?.Receipts?.some((r) => r.ReadTimestamp);
}

/** POST to the emulator's control API (faults, flow actions). */
export async function control(path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const r = await fetch(`${EMULATOR}/emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await r.json()) as Record<string, unknown>;
  expect(r.status, JSON.stringify(json)).toBe(200);
  return json;
}

export const resetFaults = () => fetch(`${EMULATOR}/emulator/faults`, { method: 'DELETE' });

/** An agent in the contact, through the real participant API (CreateParticipant is an emulator extension). */
export class Agent {
  /** Items the agent's socket delivered (after `listen()`), typing events included. */
  readonly seen: RecordItem[] = [];
  private socket: WebSocketManager | null = null;

  private constructor(
    readonly client: ParticipantClient,
    readonly participantId: string,
    private token: string,
    private readonly participantToken: string,
  ) {}

  /** Opens the agent's WebSocket (with this project's manager over `ws`) and records what arrives. */
  async listen(): Promise<void> {
    this.socket = new WebSocketManager({
      WebSocket: NodeWebSocket as unknown as WebSocketConstructor,
      getConnection: async () => {
        const c = await this.client.createParticipantConnection({ ParticipantToken: this.participantToken, Type: ['WEBSOCKET'] });
        return { url: c.Websocket?.Url ?? '' };
      },
    });
    this.socket.on('item', (item) => this.seen.push(item as RecordItem));
    await this.socket.connect();
  }

  close(): void {
    this.socket?.close();
  }

  static async join(contactId: string, displayName = 'Ana'): Promise<Agent> {
    const r = await fetch(`${EMULATOR}/contact/create-participant`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ InstanceId: 'emulator-instance', ContactId: contactId, ParticipantDetails: { ParticipantRole: 'AGENT', DisplayName: displayName } }),
    });
    const created = (await r.json()) as { ParticipantId: string; ParticipantCredentials: { ParticipantToken: string } };
    expect(r.status, JSON.stringify(created)).toBe(200);
    const client = new ParticipantClient({ endpoint: EMULATOR, maxAttempts: 2 });
    const c = await client.createParticipantConnection({
      ParticipantToken: created.ParticipantCredentials.ParticipantToken,
      Type: ['CONNECTION_CREDENTIALS'],
      ConnectParticipant: true,
    });
    return new Agent(client, created.ParticipantId, c.ConnectionCredentials?.ConnectionToken ?? '', created.ParticipantCredentials.ParticipantToken);
  }

  /** A new ConnectionToken from the ParticipantToken, as an agent's client does when the service refuses the old one. */
  async refresh(): Promise<void> {
    const c = await this.client.createParticipantConnection({ ParticipantToken: this.participantToken, Type: ['CONNECTION_CREDENTIALS'] });
    this.token = c.ConnectionCredentials?.ConnectionToken ?? '';
  }

  async say(content: string, contentType = 'text/plain'): Promise<string> {
    const r = await this.client.sendMessage({ ConnectionToken: this.token, ContentType: contentType, Content: content });
    return r.Id ?? '';
  }

  async typing(): Promise<void> {
    await this.client.sendEvent({ ConnectionToken: this.token, ContentType: 'application/vnd.amazonaws.connect.event.typing' });
  }

  async delivered(messageId: string): Promise<void> {
    await this.client.sendEvent({
      ConnectionToken: this.token,
      ContentType: 'application/vnd.amazonaws.connect.event.message.delivered',
      Content: JSON.stringify({ messageId }),
    });
  }

  async read(messageId: string): Promise<void> {
    await this.client.sendEvent({
      ConnectionToken: this.token,
      ContentType: 'application/vnd.amazonaws.connect.event.message.read',
      Content: JSON.stringify({ messageId }),
    });
  }

  /** Uploads a file as the agent (the three steps of the attachment flow). */
  async sendFile(name: string, contentType: string, body: Uint8Array): Promise<string> {
    const start = await this.client.startAttachmentUpload({
      ConnectionToken: this.token,
      AttachmentName: name,
      AttachmentSizeInBytes: body.byteLength,
      ContentType: contentType,
      ClientToken: crypto.randomUUID(),
    });
    const up = start.UploadMetadata!;
    const put = await fetch(up.Url!, { method: 'PUT', headers: up.HeadersToInclude, body: new Blob([body as Uint8Array<ArrayBuffer>]) });
    expect(put.status).toBeLessThan(300);
    await this.client.completeAttachmentUpload({ ConnectionToken: this.token, AttachmentIds: [start.AttachmentId!], ClientToken: crypto.randomUUID() });
    return start.AttachmentId!;
  }

  async leave(): Promise<void> {
    await this.client.disconnectParticipant({ ConnectionToken: this.token });
  }
}

/** A small valid PNG (40×30, green). */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAAK0lEQVR4nO3NMQ0AAAgDsClBCcKQjww4mvRvavpExGKxWCwWi8VisVj8N14rKtiOf4E4EQAAAABJRU5ErkJggg==',
  'base64',
);

/** Starts the chat by opening the widget; returns the contact and an agent who joined it. */
export async function startChatWithAgent(page: Page, agentName = 'Ana'): Promise<{ contactId: string; agent: Agent }> {
  await widget(page, '#cw-launch').click();
  const contactId = await contactIdOf(page);
  const agent = await Agent.join(contactId, agentName);
  await connectedOf(page);
  return { contactId, agent };
}

/** A locator inside the widget (Playwright pierces open shadow roots). */
export const widget = (page: Page, selector: string) => page.locator(`#chat-widget ${selector}`);

/** axe-core on the widget; returns the violations (ids and targets) for a readable failure. */
export async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('#chat-widget').analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(' | ')})`);
}

/** Collects page errors, CSP and Trusted Types violations. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (m) => {
    // Failed loads are judged by their responses below (the browser's own favicon probe is no problem).
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico') && r.request().resourceType() !== 'fetch' && r.request().resourceType() !== 'xhr')
      problems.push(`${r.status()} ${r.url()}`);
  });
  return problems;
}

/** Writes a screenshot for review (e2e/screenshots/NAME.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}

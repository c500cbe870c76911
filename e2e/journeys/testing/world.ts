// One visitor's world for a journey: a browser context (the visitor's browser, all of its tabs), the
// site's start-chat back end, an agent, and the record of what the visitor did — every message sent
// (with a unique token), the text left in the box, what the agent said — against which the
// invariants are checked.
import type { BrowserContext, Page } from '@playwright/test';
import { Agent, EMULATOR } from '../../ui-support';
import type { StartChatBackend } from './backend';
import { UI } from './ui';

export type Embed = 'cdn' | 'mount';
export type StorageFault = 'ok' | 'open-fails' | 'writes-fail' | 'open-hangs';

export interface WorldOptions {
  embed: Embed;
  /** Widget options over the world's startChat / endpoint / storageKey. */
  config?: Record<string, unknown>;
  /** Break IndexedDB in every tab of the world before any script runs. */
  storage?: StorageFault;
  /** Hold dist/cdn/widget.js back until `releaseWidget()` (a slow network on the first visit). */
  holdWidget?: boolean;
}

export interface Tab {
  name: string;
  page: Page;
  /** Open WebSockets to the emulator: the tab holding the conversation has one. */
  sockets: number;
  crashed: boolean;
}

export interface Sent {
  token: string;
  text: string;
  /** Order of sending across the world. */
  n: number;
  tab: string;
  /** The visitor pressed Retry on it: its place in the order is theirs to choose. */
  retried: boolean;
  /** Unsent when the page went away with storage broken: nothing could keep it (not counted as lost). */
  abandoned?: boolean;
}

export interface Said {
  token: string;
  contactId: string;
}

/**
 * lost, duplicated, page error, stuck: the four counts of the random mode's line. order (reached the
 * service out of order) and jargon (technical text shown to the visitor) fail a journey too.
 */
export type Violation = {
  kind: 'lost' | 'duplicated' | 'page error' | 'stuck' | 'order' | 'jargon';
  key: string;
  detail: string;
  /** The step (1-based) after which it was found; set by the world. */
  step?: number;
};

const WORDS = ['hello', 'is my order on its way', 'thanks', 'one more question', 'can you check the invoice', 'great', 'ok', 'the parcel never came', 'I moved house', 'please call me back'];

let worlds = 0;
const AGENT_TOKEN = /#[a-z0-9]+-a\d+#/g;

export class World {
  readonly id: string;
  readonly tabs: Tab[] = [];
  active: Tab | undefined;
  readonly sent: Sent[] = [];
  readonly said: Said[] = [];
  /** What the visitor typed and did not send (expected in the message box). */
  draft = '';
  /** The token of the draft, when it was begun as a message of its own. */
  draftToken = '';
  /**
   * Agent tokens that reached the visitor's browser (a socket frame, or a transcript page fetched by
   * any tab). One that never did before its contact ended cannot be shown: after the end the service
   * refuses the visitor's every call (403).
   */
  readonly delivered = new Set<string>();
  readonly pageErrors: string[] = [];
  /** Steps run so far, for the report. */
  readonly steps: string[] = [];
  readonly violations: Violation[] = [];
  readonly reported = new Set<string>();
  online = true;
  private agent: { contactId: string; agent: Agent } | undefined;
  private tokens = 0;
  /** Contacts a page with broken storage left behind (see pageGone). */
  private readonly forgotten = new Set<string>();
  private tabCount = 0;
  private release: (() => void) | undefined;
  private readonly widgetGate: Promise<void>;

  constructor(
    readonly context: BrowserContext,
    readonly backend: StartChatBackend,
    readonly options: WorldOptions,
    /** Picks words for messages: the journeys' seeded random source in random mode. */
    readonly random: () => number = Math.random,
  ) {
    worlds += 1;
    this.id = `w${Date.now().toString(36).slice(-5)}${worlds}`;
    this.widgetGate = new Promise((ok) => (this.release = ok));
  }

  /** Prepares the context (storage faults) — call once before the first tab. */
  async setUp(): Promise<void> {
    const fault = this.options.storage ?? 'ok';
    if (fault !== 'ok') await this.context.addInitScript(breakIndexedDb, fault);
  }

  get storageKey(): string {
    return `j-${this.id}`;
  }

  url(): string {
    const config = { startChat: this.backend.url(this.id), endpoint: EMULATOR, storageKey: this.storageKey, ...this.options.config };
    const page = this.options.embed === 'cdn' ? '/embed-snippet.html' : '/embed-mount.html';
    return `${page}?${new URLSearchParams({ emu: new URL(EMULATOR).port, config: JSON.stringify(config) })}`;
  }

  releaseWidget(): void {
    this.release?.();
  }

  /** Opens another tab of the site; it becomes the active one (the one the visitor looks at). */
  async openTab(options: { waitForLauncher?: boolean } = {}): Promise<Tab> {
    const page = await this.context.newPage();
    this.tabCount += 1;
    const tab: Tab = { name: `tab${this.tabCount}`, page, sockets: 0, crashed: false };
    const emulatorHost = new URL(EMULATOR).host;
    page.on('pageerror', (error) => this.pageErrors.push(`${tab.name}: ${error.message}`));
    page.on('crash', () => (tab.crashed = true));
    page.on('close', () => this.forget(tab));
    page.on('websocket', (ws) => {
      if (!ws.url().includes(emulatorHost)) return;
      tab.sockets += 1;
      ws.on('close', () => (tab.sockets -= 1));
      ws.on('framereceived', (frame) => this.noteDelivered(String(frame.payload)));
    });
    page.on('response', (response) => {
      if (!response.url().includes(emulatorHost) || !response.url().includes('/participant/transcript')) return;
      response.text().then((body) => this.noteDelivered(body), () => {});
    });
    if (this.options.holdWidget) {
      await page.route('**/dist/cdn/widget.js', async (route) => {
        await this.widgetGate;
        await route.continue();
      });
    }
    this.tabs.push(tab);
    this.active = tab;
    await page.goto(this.url());
    if (options.waitForLauncher !== false) await page.locator(UI.launcher).first().waitFor({ state: 'visible', timeout: 20_000 });
    return tab;
  }

  private noteDelivered(text: string): void {
    for (const token of text.match(AGENT_TOKEN) ?? []) this.delivered.add(token);
  }

  forget(tab: Tab): void {
    const i = this.tabs.indexOf(tab);
    if (i >= 0) this.tabs.splice(i, 1);
    if (this.active === tab) this.active = this.tabs.at(-1);
  }

  /** The tab holding the conversation (the one with the socket), if any right now. */
  leader(): Tab | undefined {
    return this.tabs.find((t) => t.sockets > 0 && !t.crashed);
  }

  page(): Page {
    if (!this.active) throw new Error('the world has no open tab');
    return this.active.page;
  }

  contacts(): string[] {
    return this.backend.contacts(this.id);
  }

  /** The latest contact the visitor's pages still hold (not one a page with broken storage forgot). */
  currentContact(): string | undefined {
    return this.contacts().filter((id) => !this.forgotten.has(id)).at(-1);
  }

  /** A unique marker for a message, so the record and the screen can be matched exactly. */
  token(kind: 'm' | 'a'): string {
    this.tokens += 1;
    return `#${this.id}-${kind}${this.tokens}#`;
  }

  words(): string {
    return WORDS[Math.floor(this.random() * WORDS.length)];
  }

  /** The agent of the current contact (joined through the Participant API on first use). */
  async agentOf(contactId: string): Promise<Agent> {
    if (this.agent?.contactId !== contactId) {
      this.agent?.agent.close();
      this.agent = { contactId, agent: await Agent.join(contactId) };
    }
    return this.agent.agent;
  }

  /**
   * What may be forgotten when the page goes away (a reload, a new visit): with storage broken nothing
   * survives the page; after the chat ended, its stored conversation is gone by design (README: "Everything
   * is removed when the chat ends"), the draft and unsent messages of the ended chat with it. Otherwise
   * everything must survive. When the last page holding the chat goes with storage broken, the chat
   * itself is forgotten: the page leaves it as it goes (DisconnectParticipant, nothing could resume it),
   * so the agent side has no chat with this visitor any more to end or talk in.
   * Called by the steps that leave the page; `lastPage` when no other tab keeps the chat.
   */
  async pageGone(chatEnded: boolean, delivered: (token: string) => Promise<boolean>, lastPage: boolean): Promise<void> {
    if ((this.options.storage ?? 'ok') === 'ok' && !chatEnded) return;
    const current = this.currentContact();
    if ((this.options.storage ?? 'ok') !== 'ok' && lastPage && current) this.forgotten.add(current);
    this.draft = '';
    this.draftToken = '';
    for (const s of this.sent) if (!s.abandoned && !(await delivered(s.token))) s.abandoned = true;
  }

  violate(v: Violation): void {
    const key = `${v.kind}:${v.key}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.violations.push({ ...v, step: this.steps.length });
  }

  async close(): Promise<void> {
    this.agent?.agent.close();
    await this.context.close().catch(() => {});
  }
}

/**
 * Runs in the page before its scripts: IndexedDB as some browsers break it. `open-fails`: open() errors
 * (Firefox private windows, a corrupted profile); `writes-fail`: opening works, every write throws
 * QuotaExceededError (full disk, Safari private mode); `open-hangs`: open() never answers (a Safari bug).
 */
function breakIndexedDb(fault: StorageFault): void {
  const factory = IDBFactory.prototype as unknown as { open: (...a: unknown[]) => unknown };
  if (fault === 'writes-fail') {
    const store = IDBObjectStore.prototype as unknown as Record<string, unknown>;
    for (const method of ['put', 'add', 'delete', 'clear']) {
      store[method] = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    }
    return;
  }
  factory.open = function open() {
    const request = {
      result: undefined,
      error: null as DOMException | null,
      readyState: 'pending',
      source: null,
      transaction: null,
      onsuccess: null as ((e: Event) => void) | null,
      onerror: null as ((e: Event) => void) | null,
      onupgradeneeded: null,
      onblocked: null,
      addEventListener(type: string, fn: (e: Event) => void) {
        if (type === 'error') this.onerror = fn;
      },
      removeEventListener() {},
    };
    if (fault === 'open-fails') {
      setTimeout(() => {
        request.readyState = 'done';
        request.error = new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
        request.onerror?.(new Event('error'));
      }, 5);
    }
    return request;
  };
}

// Runs plugins (plugins.ts): builds ContactHandles over the store and the chat actions, loads the
// demo bot on request, and calls plugin hooks one at a time, after the triggering request.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChatActions } from './chat-actions.js';
import { ATTACHMENT_TYPES } from './participant-model.js';
import type { ContactHandle, EmulatorPlugin, EmulatorPluginFactory, MessageDecision, MessageStream, PluginContext, PostOptions } from './plugins.js';
import type { Contact, EmulatorState, Participant } from './store.js';
import { createSurveyFlow } from './survey.js';
import { CONTENT_TYPES, PARTICIPANT_EVENT_KINDS, type ChatItem, type DisconnectFlowName } from './types.js';

// Source (tsx, tests) or compiled (the npm package's dist/): the bot sits beside this module either way.
const BOT_MODULE = new URL(import.meta.url.endsWith('.ts') ? './bot/index.ts' : './bot/index.js', import.meta.url);

/** Loads emulator/bot/index.ts's default export, with a clear error when it is missing. */
export async function loadBotFactory(moduleUrl: URL = BOT_MODULE): Promise<EmulatorPluginFactory> {
  if (!existsSync(fileURLToPath(moduleUrl))) {
    throw new Error(`the demo bot is not installed: ${fileURLToPath(moduleUrl)} does not exist (start without the bot: --no-bot / { bot: false })`);
  }
  const module = (await import(moduleUrl.href)) as { default?: unknown };
  if (typeof module.default !== 'function') {
    throw new Error('emulator/bot/index.ts must export a default factory (context) => EmulatorPlugin');
  }
  return module.default as EmulatorPluginFactory;
}

export class PluginHost {
  private plugins: EmulatorPlugin[] = [];
  /** The emulator's own flows, which see every item before the plugins do. */
  private readonly builtins: EmulatorPlugin[] = [createSurveyFlow()];
  private readonly handles = new WeakMap<Contact, ContactHandle>();
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly state: EmulatorState,
    private readonly actions: ChatActions,
    private readonly log: (line: string) => void,
    private readonly socketsOf: (participantId: string) => number,
  ) {
    state.onContactStarted((contact) => this.dispatch((p) => p.onContactStarted?.(this.handle(contact)), 'onContactStarted', this.plugins));
    // A message held for processing reaches the flows once delivered (sent again without a status),
    // never while PROCESSING nor when REJECTED or FAILED: as a bot sees only what the guardrail passed.
    state.onItem((contact, item) => {
      if (item.MessageMetadata?.MessageProcessingStatus) return;
      this.dispatch((p) => p.onItem?.(this.handle(contact), item), 'onItem', this.everyone());
    });
    state.onContactEnded((contact) => this.dispatch((p) => p.onContactEnded?.(this.handle(contact)), 'onContactEnded', this.everyone()));
    // The built-in survey runs the `survey` flow; the plugins' onDisconnectFlow runs `plugin`.
    state.onDisconnectFlow((contact) =>
      this.dispatch((p) => p.onDisconnectFlow?.(this.handle(contact)), 'onDisconnectFlow', contact.disconnectFlow === 'survey' ? this.builtins : this.plugins),
    );
  }

  private everyone(): EmulatorPlugin[] {
    return [...this.builtins, ...this.plugins];
  }

  /** The disconnect flow new contacts get when the emulator option names none: the plugins' when one has the hook. */
  defaultDisconnectFlow(): DisconnectFlowName | undefined {
    return this.plugins.some((p) => p.onDisconnectFlow) ? 'plugin' : undefined;
  }

  /** Whether customer messages are held for the plugins' processMessage. */
  processesMessages(): boolean {
    return this.plugins.some((p) => p.processMessage);
  }

  /** The first decision a plugin's processMessage returns (after the current request, in event order). */
  decide(contact: Contact, item: ChatItem): Promise<MessageDecision | undefined> {
    return new Promise((resolve) => {
      let decided: MessageDecision | undefined;
      this.dispatch(
        async (plugin) => {
          if (decided === undefined) decided = (await plugin.processMessage?.(this.handle(contact), item)) ?? undefined;
        },
        'processMessage',
        this.plugins,
      );
      this.chain = this.chain.then(() => resolve(decided));
    });
  }

  context(url: string): PluginContext {
    return {
      url,
      contact: (id) => {
        const contact = this.state.findContact(id);
        return contact ? this.handle(contact) : undefined;
      },
      liveContacts: () => this.state.chats.filter((c) => c.endedAt === undefined).map((c) => this.handle(c)),
    };
  }

  add(plugin: EmulatorPlugin): void {
    this.plugins.push(plugin);
  }

  /** Calls `call` for every one of `targets`, after the current request, in event order, one at a time. */
  private dispatch(call: (plugin: EmulatorPlugin) => void | Promise<void>, hook: string, targets: readonly EmulatorPlugin[]): void {
    if (targets.length === 0 || this.closed) return;
    const plugins = [...targets];
    this.chain = this.chain.then(async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (const plugin of plugins) {
        if (this.closed) return;
        try {
          await call(plugin);
        } catch (error) {
          this.log(`plugin ${plugin.name} ${hook} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        }
      }
    });
  }

  /** Resolves when every hook queued so far has run (tests). */
  idle(): Promise<void> {
    return this.chain;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const plugin of this.plugins) {
      try {
        await plugin.close?.();
      } catch (error) {
        this.log(`plugin ${plugin.name} close failed: ${String(error)}`);
      }
    }
  }

  handle(contact: Contact): ContactHandle {
    let handle = this.handles.get(contact);
    if (!handle) {
      handle = this.createHandle(contact);
      this.handles.set(contact, handle);
    }
    return handle;
  }

  private createHandle(contact: Contact): ContactHandle {
    const { state, actions } = this;
    const live = (): void => {
      state.checkDeadline(contact);
      if (contact.endedAt !== undefined) throw new Error(`contact ${contact.id} has ended; nothing can be posted to it`);
    };
    const sender = (options?: PostOptions): Participant =>
      options?.displayName ? { ...contact.system, displayName: options.displayName } : contact.system;
    const participant = (id?: string): Participant => {
      if (id === undefined || id === contact.system.id) return contact.system;
      const found = contact.participants.get(id);
      if (!found) throw new RangeError(`participant ${id} is not in contact ${contact.id}`);
      return found;
    };
    const message = (contentType: string, content: string, options?: PostOptions): ChatItem => {
      live();
      return actions.message(contact, sender(options), contentType, content);
    };

    const handle: ContactHandle = {
      get contactId() {
        return contact.id;
      },
      initialContactId: contact.initialContactId,
      get ended() {
        return contact.endedAt !== undefined;
      },
      info: () => state.contactInfo(contact, this.socketsOf),
      items: () => contact.items.map((s) => structuredClone(s.item)),
      sendText: (text, options) => message(CONTENT_TYPES.text, text, options),
      sendMarkdown: (markdown, options) => message(CONTENT_TYPES.markdown, markdown, options),
      sendInteractive: (template, options) =>
        message(CONTENT_TYPES.interactive, typeof template === 'string' ? template : JSON.stringify(template), options),
      streamMessage: (options) => {
        live();
        const id = randomUUID();
        const from = sender(options);
        const parts: string[] = [];
        let done = false;
        const stream: MessageStream = {
          id,
          chunk: (text) => {
            live();
            if (done) throw new Error(`stream ${id} is already complete`);
            parts.push(text);
            const metadata = { MessageId: id, MessageCompleted: false, ChunkNumber: parts.length };
            return state.append(contact, { Type: 'MESSAGE', ContentType: CONTENT_TYPES.text, Content: text, MessageMetadata: metadata }, from, {
              store: false,
              id,
            });
          },
          complete: (fullText) => {
            live();
            if (done) throw new Error(`stream ${id} is already complete`);
            done = true;
            const content = fullText ?? parts.join('');
            const metadata = { MessageId: id, MessageCompleted: true, ChunkNumber: parts.length + 1 };
            return state.append(contact, { Type: 'MESSAGE', ContentType: CONTENT_TYPES.text, Content: content, MessageMetadata: metadata }, from, { id });
          },
        };
        return stream;
      },
      sendAttachment: (attachment, options) => {
        live();
        if (!ATTACHMENT_TYPES.includes(attachment.contentType)) {
          throw new RangeError(`attachment type ${attachment.contentType} is not allowed; use one of ${ATTACHMENT_TYPES.join(', ')}`);
        }
        return actions.postAttachment(contact, sender(options), attachment.name, attachment.contentType, attachment.bytes);
      },
      showView: (view, viewData, options) => {
        live();
        return actions.showView(contact, view, viewData, sender(options));
      },
      emitParticipantEvent: (kind, participantId) => {
        live();
        if (!PARTICIPANT_EVENT_KINDS.includes(kind)) throw new RangeError(`unknown participant event ${String(kind)}`);
        const who = participant(participantId);
        const item = actions.participantEvent(contact, kind, who);
        if (kind === 'left' && who !== contact.system) who.state = 'left';
        return item;
      },
      emitEvent: (contentType, content) => {
        live();
        return actions.event(contact, contentType, content);
      },
      startAuthentication: () => {
        live();
        return actions.startAuthentication(contact);
      },
      transfer: (options) => {
        live();
        return actions.transfer(contact, options?.succeeded ?? true);
      },
      end: () => state.endContact(contact),
      get inDisconnectFlow() {
        return contact.disconnectFlowState === 'running' && contact.endedAt === undefined;
      },
      recordSurvey: (answers, surveyState = 'answered') => {
        const clean: Record<string, string> = {};
        for (const [key, value] of Object.entries(answers)) if (typeof value === 'string') clean[key] = value;
        contact.survey = { state: surveyState, answers: { ...(contact.survey?.answers ?? {}), ...clean }, answeredAt: state.now() };
      },
      transferToQueue: (queueName = 'BasicQueue') => {
        live();
        contact.queue = { name: queueName, enqueuedAt: state.now() };
      },
      after: (ms, fn) =>
        state.later(contact, ms, () => {
          try {
            fn();
          } catch (error) {
            this.log(`plugin timer on contact ${contact.id} failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        }),
    };
    return handle;
  }
}

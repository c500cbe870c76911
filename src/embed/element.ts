// <connect-chat>: the widget as a custom element, for pages and frameworks that speak HTML.
//
//   <connect-chat start-chat="/api/start-chat" region="eu-west-2" theme="dark" locale="de"></connect-chat>
//
// Attributes are options (kebab-case of the option names; objects as JSON). The `config` property
// takes the same options as an object (functions too, e.g. a `startChat` function); attributes win.
// The element has the API's methods (`el.open()`, `el.on('message', fn)`) and also dispatches each
// event as a DOM event named `connect-chat:<event>` (bubbling, composed) with the detail.
//
// Removing the element from the page keeps the conversation (it resumes when an element is added
// again); `el.destroy()` ends and forgets it.
import type { ConfigIssue, WidgetOptions } from '../config.js';
import type { ConnectChatApi, WidgetInstance } from './api.js';
import { createWidget } from './create-widget.js';
import { isOptionAttribute, optionsFromAttributes, parseValue } from './attributes.js';
import { Emitter, type WidgetEventName, type WidgetEvents, type WidgetListener } from './events.js';

export const DEFAULT_TAG = 'connect-chat';

/** The element's own surface, for TypeScript users. */
export interface ConnectChatElement extends HTMLElement, ConnectChatApi {
  /** Options as an object (merged under the attributes). Setting it re-mounts the widget. */
  config: WidgetOptions;
  /** The mounted widget (null while the element is not on the page). */
  readonly widget: WidgetInstance | null;
}

type Method = Exclude<keyof ConnectChatApi, 'on' | 'off'>;

/**
 * Registers the element (once per tag name; later calls return the registered class). Call it
 * yourself from `connect-chat-widget`, or import `connect-chat-widget/element`, which does.
 */
export function defineConnectChat(tagName: string = DEFAULT_TAG): CustomElementConstructor {
  const known = customElements.get(tagName);
  if (known) return known;

  class ConnectChatHTMLElement extends HTMLElement implements ConnectChatElement {
    #config: WidgetOptions = {};
    #widget: WidgetInstance | null = null;
    #queued: [Method, unknown[]][] = [];
    /** Mounts and unmounts run one after another, so two sessions never share the storage at once. */
    #chain: Promise<void> = Promise.resolve();
    readonly #emitter = new Emitter();
    readonly #root: ShadowRoot;
    readonly #observer: MutationObserver;

    constructor() {
      super();
      this.#root = this.attachShadow({ mode: 'open' });
      this.#observer = new MutationObserver((records) => this.#attributesChanged(records));
    }

    get config(): WidgetOptions {
      return this.#config;
    }

    set config(value: WidgetOptions) {
      this.#config = value ?? {};
      if (this.#widget) this.#remount();
    }

    get widget(): WidgetInstance | null {
      return this.#widget;
    }

    connectedCallback(): void {
      this.#observer.observe(this, { attributes: true });
      if (!this.#widget) this.#chain = this.#chain.then(() => this.#mount());
    }

    disconnectedCallback(): void {
      this.#observer.disconnect();
      // Moving the element (remove + append in one task) must not restart the chat.
      queueMicrotask(() => {
        if (!this.isConnected) this.#unmount();
      });
    }

    #mount(): void {
      if (this.#widget || !this.isConnected) return;
      const emit = <K extends WidgetEventName>(event: K, detail: WidgetEvents[K]) => {
        this.#emitter.emit(event, detail);
        this.dispatchEvent(new CustomEvent(`connect-chat:${event}`, { detail, bubbles: true, composed: true }));
      };
      this.#widget = createWidget(this.#root, { ...this.#config, ...optionsFromAttributes(this) }, { emit });
      for (const [method, args] of this.#queued.splice(0)) void this.#call(method, args);
    }

    #unmount(): void {
      const widget = this.#widget;
      this.#widget = null;
      if (widget) this.#chain = this.#chain.then(() => widget.unmount());
    }

    #remount(): void {
      this.#unmount();
      this.#chain = this.#chain.then(() => this.#mount());
    }

    #attributesChanged(records: MutationRecord[]): void {
      const names = new Set(records.map((r) => r.attributeName ?? '').filter(isOptionAttribute));
      if (!names.size || !this.#widget) return;
      // Language and theme change in place; anything else needs a new widget (the chat resumes).
      const live = [...names].every((n) => n === 'locale' || n === 'theme');
      if (!live) return this.#remount();
      if (names.has('locale')) void this.#widget.setLocale(this.getAttribute('locale') ?? 'auto');
      if (names.has('theme')) this.#widget.setTheme(parseValue(this.getAttribute('theme') ?? 'light') as WidgetOptions['theme']);
    }

    #call(method: Method, args: unknown[]): unknown {
      const widget = this.#widget;
      if (widget) return (widget[method] as (...a: unknown[]) => unknown)(...args);
      if (this.isConnected) {
        // Between two mounts (an attribute changed): run it on the next widget.
        this.#queued.push([method, args]);
        return method === 'setTheme' ? [] : undefined;
      }
      console.error(`connect-chat: <${this.localName}>.${method}() needs the element on the page; add it to the document first.`);
      return undefined;
    }

    open(): void {
      this.#call('open', []);
    }
    close(): void {
      this.#call('close', []);
    }
    toggle(): void {
      this.#call('toggle', []);
    }
    show(): void {
      this.#call('show', []);
    }
    hide(): void {
      this.#call('hide', []);
    }
    async startChat(): Promise<void> {
      await this.#call('startChat', []);
    }
    async endChat(): Promise<void> {
      await this.#call('endChat', []);
    }
    async setLocale(locale: string): Promise<void> {
      await this.#call('setLocale', [locale]);
    }
    setTheme(theme: WidgetOptions['theme']): ConfigIssue[] {
      return this.#call('setTheme', [theme]) as ConfigIssue[];
    }
    setAttributes(attributes: Record<string, string>): void {
      this.#call('setAttributes', [attributes]);
    }
    /** Ends and forgets the conversation and removes the element from the page. */
    async destroy(): Promise<void> {
      const widget = this.#widget;
      this.#widget = null;
      this.#queued = [];
      this.remove();
      await this.#chain;
      await widget?.destroy();
    }
    on<K extends WidgetEventName>(event: K, listener: WidgetListener<K>): () => void {
      return this.#emitter.on(event, listener);
    }
    off<K extends WidgetEventName>(event: K, listener: WidgetListener<K>): void {
      this.#emitter.off(event, listener);
    }
  }

  customElements.define(tagName, ConnectChatHTMLElement);
  return ConnectChatHTMLElement;
}

declare global {
  interface HTMLElementTagNameMap {
    'connect-chat': ConnectChatElement;
  }
}

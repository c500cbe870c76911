// The one API object behind every way of embedding the widget: the script tag (through loader.js
// and widget.ts), mount(), <connect-chat> and the Preact component. It owns one session and one
// mounted UI, turns their signals and session events into API events, and keeps the active-chat
// marker loader.js reads at page load. Which session it makes is the caller's: a ChatSession
// (create-widget.ts, the npm entry points) or, in the script-tag widget, a stand-in whose
// ChatSession arrives in a chunk of its own (chat/lazy-session.ts), so this file does not import it.
import { effect, untracked } from '@preact/signals';
import type { ChatSession } from '../chat/chat-session.js';
import type { ChatSessionOptions } from '../chat/options.js';
import { underWay } from '../chat/phase.js';
import type { ChatSessionApi } from '../chat/types.js';
import { validateConfig, validateOption, type WidgetConfig } from '../config.js';
import type { Chunk } from '../ui/lazy-part.js';
import { mountWidget } from '../ui/mount-widget.js';
import { sessionOptions } from '../ui/session-options.js';
import type { SessionExtras } from '../ui/state.js';
import type { TranscriptPart } from '../ui/transcript/part.js';
import type { WidgetCommands } from '../ui/widget-commands.js';
import { Emitter, type WidgetEventName, type WidgetEvents, type WidgetListener } from './events.js';
import { clearMarker, markerAction, setMarker } from './marker.js';
import { forgetOpen } from '../ui/reopen.js';
import { report } from './validate.js';

/** What site owners call, whichever way they embedded the widget. */
/** The page's API of the widget (window.ConnectChat, mount(), the element and the component). */
export interface ConnectChatApi extends WidgetCommands {
  /** Removes everything from the page, ends an active chat and clears what was stored. */
  destroy(): Promise<void>;
  on<K extends WidgetEventName>(event: K, listener: WidgetListener<K>): () => void;
  off<K extends WidgetEventName>(event: K, listener: WidgetListener<K>): void;
}

/** What the widget needs of its session: the API, the extras the UI reads (ui/state.ts) and close(). */
export type WidgetSession = ChatSessionApi & SessionExtras & { close(): Promise<void> };

/** What mount(), the element and the component hold: the API plus what only code needs. */
export interface WidgetInstance<S extends WidgetSession = ChatSession> extends ConnectChatApi {
  /** The resolved configuration (defaults applied, bad options replaced). */
  readonly config: WidgetConfig;
  /** The conversation, for code that wants more than the API (e.g. `session.send('Hi')`). */
  readonly session: S;
  /** Resolves once the launcher is rendered and a stored chat is resumed (or not). */
  readonly ready: Promise<void>;
  /** Removes the widget from the page and keeps the conversation: the next mount resumes it. */
  unmount(): Promise<void>;
}

export interface CreateWidgetOptions {
  /** Also send every event here: loader.js passes its emitter (its listeners came before the widget). */
  emit?: <K extends WidgetEventName>(event: K, detail: WidgetEvents[K]) => void;
  /** Fire `ready` when rendered. loader.js fires it itself when it draws its launcher. @default true */
  announceReady?: boolean;
  /** Open the window at once. @default config.autoOpen */
  open?: boolean;
  /** Called after destroy() and unmount() have removed the widget (e.g. to remove the host element). */
  onRemoved?: () => void;
}

/**
 * What the widget is made of besides widget.js's own code: its session (a ChatSession, or the stand-in
 * of one loading in a chunk) and the message list (bundled, or in that chunk; ui/transcript/part.ts).
 */
export interface WidgetParts<S extends WidgetSession> {
  makeSession: (options: ChatSessionOptions) => S;
  transcript: Chunk<TranscriptPart>;
}

/**
 * Renders the widget into `root` with its own session, made by `makeSession`. `input` is validated
 * here (one console error).
 */
export function createWidgetWith<S extends WidgetSession>(
  { makeSession, transcript }: WidgetParts<S>,
  root: ShadowRoot,
  input: unknown,
  options: CreateWidgetOptions = {},
): WidgetInstance<S> {
  report(input);
  const { config } = validateConfig(input);
  const emitter = new Emitter();
  const emit = <K extends WidgetEventName>(event: K, detail: WidgetEvents[K]): void => {
    options.emit?.(event, detail);
    emitter.emit(event, detail);
  };
  const session = makeSession(sessionOptions(config));
  const controller = mountWidget(root, config, session, options.open === undefined ? { transcript } : { transcript, open: options.open });
  const { ui } = controller;
  let removed: Promise<void> | undefined;

  const emitUntracked = <K extends WidgetEventName>(event: K, detail: WidgetEvents[K]) => untracked(() => emit(event, detail));
  let wasOpen = ui.open.peek();
  let unread = ui.unread.peek();
  const disposers: (() => void)[] = [
    session.on('chatStarted', (d) => emit('chatStarted', d)),
    session.on('message', (d) => emit('message', d)),
    session.on('connectionChange', (d) => emit('connectionChange', d)),
    session.on('chatEnded', (d) => emit('chatEnded', d)),
    session.on('error', (d) => {
      // The visitor reads plain words in the widget; the developer gets the detail here and in the event.
      console.warn(`connect-chat: ${d.code}: ${d.message}`, ...(d.cause !== undefined ? [d.cause] : []));
      emit('error', d);
    }),
    effect(() => {
      const open = ui.open.value;
      if (open === wasOpen) return;
      wasOpen = open;
      emitUntracked(open ? 'open' : 'close', undefined);
    }),
    effect(() => {
      const count = ui.unread.value;
      if (count === unread) return;
      unread = count;
      emitUntracked('unreadChange', { count });
    }),
    effect(() => {
      const action = markerAction(session.phase.value, ui.resumed.value);
      if (action === 'set') setMarker(config);
      else if (action === 'clear') clearMarker(config.storageKey);
    }),
  ];

  const ready = controller.ready.then(() => {
    if (removed) return;
    if (options.announceReady !== false) emit('ready', undefined);
  });

  /** Methods of a removed widget do nothing but say so, once. */
  let warned = false;
  const alive = (method: string): boolean => {
    if (!removed) return true;
    if (!warned) console.error(`connect-chat: ${method}() was called after the widget was removed; mount it again to use it.`);
    warned = true;
    return false;
  };
  const invalid = (message: string): void => {
    console.error(`connect-chat: ${message}`);
    emit('error', { code: 'invalid-call', message });
  };

  const remove = (clearData: boolean): Promise<void> => {
    if (removed) return removed;
    removed = (async () => {
      disposers.forEach((d) => d());
      controller.destroy();
      options.onRemoved?.();
      if (clearData) {
        clearMarker(config.storageKey);
        forgetOpen(config.storageKey);
        await session.destroy();
      } else {
        await session.close();
      }
      emitter.clear();
    })();
    return removed;
  };

  return {
    config,
    session,
    ready,
    open: () => void (alive('open') && controller.open()),
    close: () => void (alive('close') && controller.close()),
    toggle: () => void (alive('toggle') && controller.toggle()),
    show: () => void (alive('show') && controller.show()),
    hide: () => void (alive('hide') && controller.hide()),
    startChat: async () => {
      if (alive('startChat')) await controller.startChat();
    },
    endChat: async () => {
      if (alive('endChat')) await controller.endChat();
    },
    async setLocale(locale) {
      if (!alive('setLocale')) return;
      const [issue] = validateOption('locale', locale).issues;
      if (issue) return invalid(`setLocale: ${issue.message}; the language stays as it is.`);
      await controller.setLocale(locale);
    },
    setTheme(theme) {
      if (!alive('setTheme')) return [];
      const issues = controller.setTheme(theme);
      if (issues.length) invalid(`setTheme: ${issues.map((i) => i.message).join('; ')}; those values keep what they were.`);
      return issues;
    },
    setAttributes(attributes) {
      if (!alive('setAttributes')) return;
      const bad =
        typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)
          ? ['(not an object)']
          : Object.keys(attributes).filter((k) => typeof attributes[k] !== 'string');
      if (bad.length) return invalid(`setAttributes: expected an object of text values; check ${bad.join(', ')}. Nothing was changed.`);
      if (underWay(session.phase.peek())) {
        console.warn('connect-chat: setAttributes() applies to the next chat; the current chat keeps the attributes it started with.');
      }
      controller.setAttributes(attributes);
    },
    destroy: () => remove(true),
    unmount: () => remove(false),
    on(event, listener) {
      return emitter.on(event, listener);
    },
    off: (event, listener) => emitter.off(event, listener),
  };
}

// The widget's own state (what is open, which language, the pre-chat step), as signals in one place.
// The conversation itself lives in the ChatSession; this only holds what the screen adds to it.
import { batch, computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { ChatSessionApi } from '../chat/types';
import type { WidgetConfig } from '../config';
import { en, format, isRtl, loadInteractiveStrings, loadStrings, matchLocale, type StringKey, type Strings } from '../i18n';
import { refreshAvailability, type AvailabilityState } from './availability';
import { toPending, type Pending } from './composer/files';
import type { Chunk } from './lazy-part';
import type { TranscriptPart } from './transcript/part';

/**
 * Beyond ChatSessionApi, ChatSession says which tab holds the conversation. Other implementations may
 * lack it: every tab then counts as holding the conversation.
 */
export type SessionExtras = {
  tabRole?: ReadonlySignal<'leader' | 'follower' | 'solo'>;
};

export interface AuthState {
  sessionId: string;
  state: 'waiting' | 'blocked' | 'failed';
}

/** The menu's switch for desktop notifications (desktop-notifications.ts). */
export interface DesktopNotifications {
  /** The visitor turned them on (they still need the browser's permission). */
  readonly on: boolean;
  permission(): NotificationPermission | 'unsupported';
  /** Turning on asks the browser when it has not been asked: call it from the visitor's click. */
  set(on: boolean): Promise<void>;
}

export interface Ui {
  readonly config: WidgetConfig;
  readonly session: ChatSessionApi;
  /** The message list: bundled, or arriving with the session's chunk (mount-widget.ts). */
  readonly transcript: Chunk<TranscriptPart>;
  readonly open: Signal<boolean>;
  readonly launcher: Signal<boolean>;
  readonly unread: Signal<number>;
  readonly locale: Signal<string>;
  readonly strings: Signal<Strings>;
  /** Strings of interactive messages and views ({} = their English defaults). */
  readonly imStrings: Signal<Record<string, string>>;
  readonly dir: ReadonlySignal<'ltr' | 'rtl'>;
  /** Shown instead of the chat: the pre-chat form. */
  readonly form: Signal<boolean>;
  /** Last submitted form values (kept to prefill "Start new chat"). */
  readonly formValues: Signal<Record<string, string | boolean>>;
  readonly attributes: Signal<Record<string, string>>;
  readonly confirmEnd: Signal<boolean>;
  /** resume() has settled: only then may opening start a new chat. */
  readonly resumed: Signal<boolean>;
  readonly startFailed: Signal<boolean>;
  /** A start was asked for (by the visitor, the API or autoStart): autoStart stays out of it. */
  attempted: boolean;
  /** The message box takes the focus when it next appears (the pre-chat form was sent from inside the window). */
  focusComposer: boolean;
  readonly auth: Signal<AuthState | null>;
  /** Files chosen, dropped or pasted, waiting for Send. */
  readonly pending: Signal<Pending[]>;
  /** Latest texts for the polite live region. */
  readonly announcements: Signal<{ id: string; text: string }[]>;
  /** This tab holds the conversation (plays sounds, flashes the title, shows desktop notifications). */
  readonly leader: ReadonlySignal<boolean>;
  /** Desktop notifications once their chunk has loaded (desktop-notify.ts); null: not offered. */
  readonly desktop: Signal<DesktopNotifications | null>;
  /** Business hours (config.availability): open, closed (with the site's message and next opening), or being checked. */
  readonly availability: Signal<AvailabilityState>;
  /** A start was asked for while closed: the window shows the away view (or the leave-message form). */
  readonly closedStart: Signal<boolean>;
  t(key: StringKey, vars?: Record<string, string | number>): string;
  start(values?: Record<string, string | boolean>): Promise<void>;
  announce(id: string, text: string): void;
  addFiles(files: Iterable<File>): void;
}

export function createUi(config: WidgetConfig, session: ChatSessionApi, transcript: Chunk<TranscriptPart>): Ui {
  const strings = signal<Strings>(en);
  const locale = signal('en');
  const role = (session as ChatSessionApi & SessionExtras).tabRole;
  const ui: Ui = {
    config,
    session,
    transcript,
    open: signal(false),
    launcher: signal(config.showLauncher),
    unread: signal(0),
    locale,
    strings,
    imStrings: signal({}),
    dir: computed(() => (isRtl(locale.value) ? 'rtl' : 'ltr')),
    form: signal(!!config.preChatForm),
    formValues: signal({}),
    attributes: signal({ ...config.attributes }),
    confirmEnd: signal(false),
    resumed: signal(false),
    startFailed: signal(false),
    attempted: false,
    focusComposer: false,
    auth: signal(null),
    pending: signal([]),
    announcements: signal([]),
    leader: computed(() => role?.value !== 'follower'),
    desktop: signal(null),
    availability: signal<AvailabilityState>(config.availability ? { status: 'checking' } : { status: 'always' }),
    closedStart: signal(false),
    t: (key, vars) => (vars ? format(strings.value[key], vars) : strings.value[key]),
    async start(values) {
      ui.attempted = true;
      // Hours are checked again right before a start: the launcher's check may be old.
      if (config.availability && !(await refreshAvailability(ui, 2000))) {
        ui.closedStart.value = true;
        return;
      }
      ui.closedStart.value = false;
      const form = config.preChatForm;
      const attributes: Record<string, string> = { ...ui.attributes.value };
      let name = config.displayName;
      if (values && form) {
        for (const f of form.fields) {
          const v = values[f.name];
          if (v === undefined || v === '') continue;
          attributes[f.name] = String(v);
          if (f.type === 'name' && typeof v === 'string') name = v.trim();
        }
        ui.formValues.value = values;
      }
      batch(() => {
        ui.form.value = false;
        ui.startFailed.value = false;
      });
      try {
        await session.start({
          displayName: name || strings.peek().defaultName,
          attributes,
          initialMessage: config.initialMessage,
          supportedMessagingContentTypes: config.supportedMessagingContentTypes,
          chatDurationInMinutes: config.chatDurationInMinutes,
        });
      } catch {
        ui.startFailed.value = true;
        // Offline: it starts by itself once the browser is back online (Retry works meanwhile too).
        if (navigator.onLine === false)
          addEventListener('online', () => ui.startFailed.peek() && void ui.start(ui.formValues.peek()), { once: true });
      }
    },
    announce(id, text) {
      ui.announcements.value = [...ui.announcements.peek().slice(-2), { id, text }];
    },
    addFiles(files) {
      if (!config.attachments.enabled || session.phase.peek() === 'ended') return;
      ui.pending.value = [...ui.pending.peek(), ...toPending(files, config, ui.t, locale.peek())];
    },
  };
  return ui;
}

/** Loads and applies a locale ('auto' = the browser's); resolves once the strings are in place. */
export async function applyLocale(ui: Ui, tag: string): Promise<void> {
  const locale = matchLocale(tag);
  const { strings: over, translations } = ui.config;
  const [strings, im] = await Promise.all([loadStrings(locale, over, translations), loadInteractiveStrings(locale, over, translations)]);
  batch(() => {
    ui.strings.value = strings;
    ui.imStrings.value = im;
    ui.locale.value = locale;
  });
}

/**
 * Starts the chat the first time the window opens with nothing else to come first: no stored chat
 * being resumed, no pre-chat form to fill. Only once: after a failure the visitor presses Retry,
 * after the end "Start new chat" — a chat never restarts by itself.
 */
export function autoStart(ui: Ui): () => void {
  return effect(() => {
    const hours = ui.availability.value.status;
    if (!ui.attempted && ui.open.value && ui.resumed.value && !ui.form.value && ui.session.phase.value === 'idle' && (hours === 'always' || hours === 'open')) void ui.start();
  });
}

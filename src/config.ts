// The one configuration object of the widget, shared by every entry point (script tag, data-*
// attributes, mount(), <connect-chat>, the Preact component). Every field is documented with its
// default; the defaults live in DEFAULT_CONFIG below and nowhere else. `validateConfig` turns any
// input (possibly from untyped HTML attributes) into a complete WidgetConfig plus a list of problems,
// each naming the option, so a bad value costs that value only and the widget still starts.
import { DEFAULT_ATTACHMENT_MIME_TYPES } from './chat/attachments';
import { CONTENT_TYPE, MESSAGE_LIMITS } from './chat/content-types';
import type { Persistence } from './chat/options';
import type { AvailabilitySource } from './chat/availability';
import type { LeaveMessageSubmit } from './chat/leave-message';
import type { StartChatProvider } from './chat/types';

/** One field of the pre-chat form. */
export interface PreChatField {
  /** Contact attribute key the value is stored under (letters, digits, `_ - .`). Required. */
  name: string;
  /**
   * `name`: becomes the customer's display name (and the attribute `name`); `email`: an e-mail
   * address; `text`: free text; `textarea`: free text on several lines; `select`: one of `options`;
   * `checkbox`: sends "true" / "false".
   * @default 'text'
   */
  type?: 'name' | 'email' | 'text' | 'textarea' | 'select' | 'checkbox';
  /** Visible label (plain text). Required. */
  label: string;
  /** @default false */
  required?: boolean;
  /** A regular expression the whole value must match (text, name, email). @default none */
  pattern?: string;
  /** Shown when `pattern` does not match. @default the locale's "Please check this value." */
  patternMessage?: string;
  /** Choices of a `select` field. */
  options?: { value: string; label: string }[];
  /** Hint shown inside an empty text field. @default none */
  placeholder?: string;
}

export interface PreChatForm {
  /** The fields, in order. */
  fields: PreChatField[];
  /** Text above the form. @default the locale's `prechatIntro` */
  intro?: string;
}

/** The "leave a message" form shown while chat is closed (`whenClosed: 'leave-message'`). */
export interface LeaveMessageForm {
  /**
   * Where the message goes: the URL of your back end (POST {Fields, Attributes?, ClientToken}, e.g.
   * connect-chat-widget/server's createLeaveMessageHandler, which makes an Amazon Connect task of it),
   * or an async function. Required.
   */
  submit: LeaveMessageSubmit;
  /** The fields, in order, as in the pre-chat form. @default name, email (required), message (required, several lines) */
  fields?: PreChatField[];
  /** Text above the form. @default the locale's `leaveIntro` */
  intro?: string;
}

/** Colours of one colour scheme; any CSS colour. Defaults: DEFAULT_LIGHT / DEFAULT_DARK (src/theme). */
export interface Palette {
  /** The brand colour: launcher, send button, primary buttons; the rest below is derived from it. */
  primary: string;
  /** Text and icons on `primary`. @default white, or black where white misses 4.5:1 */
  onPrimary: string;
  /** Window header. @default `primary`; in dark mode a deeper tone of it */
  header: string;
  /** Text and icons on `header`. @default as `onPrimary` */
  onHeader: string;
  /** Brand-coloured text and lines: links, chips, paging. @default `primary` moved to 4.5:1 on the background */
  accent: string;
  /** Window background. */
  background: string;
  /** Raised surfaces: composer, cards, menus. */
  surface: string;
  text: string;
  /** Secondary text: time stamps, notices, hints. */
  muted: string;
  border: string;
  ownBubble: string;
  ownText: string;
  agentBubble: string;
  agentText: string;
  botBubble: string;
  botText: string;
  error: string;
  success: string;
  /** Focus ring. @default `primary` moved to 3:1 on the background and surface */
  focus: string;
  badge: string;
  badgeText: string;
}

export type ThemeMode = 'light' | 'dark' | 'auto';

export interface ThemeConfig {
  /** `auto` follows the visitor's prefers-color-scheme. @default 'light' */
  mode: ThemeMode;
  /** Overrides of the light palette. @default {} */
  light: Partial<Palette>;
  /** Overrides of the dark palette. @default {} */
  dark: Partial<Palette>;
  /** @default 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' */
  fontFamily: string;
  /** Base font size in px. @default 15 */
  fontSize: number;
  /** Corner radius of the window, bubbles and buttons in px. @default 12 */
  radius: number;
  /** Window width in px (full screen below 480 px viewport width). @default 380 */
  width: number;
  /** Window height in px (at most the viewport height minus offsets). @default 620 */
  height: number;
  /** Launcher button diameter in px. @default 56 */
  launcherSize: number;
  /** Logo in the header: an http(s) or same-origin URL. @default none (no logo) */
  logoUrl?: string;
  /** Alternative text of the logo. @default '' (decorative) */
  logoAlt: string;
}

export interface PositionConfig {
  /** Corner of the page. @default 'right' */
  side: 'left' | 'right';
  /** Distance from the side edge in px. @default 20 */
  offsetX: number;
  /** Distance from the bottom edge in px. @default 20 */
  offsetY: number;
}

export interface AttachmentsConfig {
  /** Show the file button, drag-and-drop and paste. @default true */
  enabled: boolean;
  /** Largest file in bytes (the service allows 20 MB). @default 20971520 */
  maxSizeBytes: number;
  /** Allowed MIME types (the service's list). @default ATTACHMENT_TYPES */
  acceptTypes: string[];
}

export interface AvatarsConfig {
  /** Avatars beside incoming messages and the agent's in the header. @default true */
  enabled: boolean;
  /** Picture for agents: an http(s) or same-origin URL (the page's img-src must allow it). @default none: their initials */
  agent?: string;
  /** Picture for the bot (the contact flow, Lex): an http(s) or same-origin URL. @default none: a bot symbol */
  bot?: string;
}

/** Everything the widget needs, resolved (all defaults applied). */
export interface WidgetConfig {
  /**
   * How a chat is started: the URL of your back end (POST, returns StartChatContact's result; see
   * README) or an async function doing it. Required: without it the widget shows an error on start.
   */
  startChat?: StartChatProvider;
  /**
   * Extra members of the start-chat request body, e.g. `{ InstanceId, ContactFlowId }` for Amazon's
   * sample back end. Only with a `startChat` URL. @default none
   */
  startChatBody?: Record<string, unknown>;
  /** Extra headers of the start-chat request (e.g. an API key of your back end). @default none */
  startChatHeaders?: Record<string, string>;
  /** How long the start-chat back end may take to answer (body included) before the start fails with Retry. @default 20000 */
  startTimeoutMs?: number;
  /** AWS region of the Participant Service. @default 'us-east-1' */
  region: string;
  /** Participant Service base URL, overriding `region` (e.g. the emulator). @default none */
  endpoint?: string;
  /** Customer's display name when no pre-chat form supplies one. @default '' (locale's `defaultName`) */
  displayName: string;
  /** Contact attributes sent at start (string values). @default {} */
  attributes: Record<string, string>;
  /** A first message sent on the customer's behalf at start. @default none */
  initialMessage?: string;
  /** Content types the chat may carry (StartChatContact SupportedMessagingContentTypes). @default text/plain, text/markdown, interactive.response */
  supportedMessagingContentTypes: string[];
  /** Chat duration for StartChatContact, 60..10080 minutes. @default none (the service's 1500) */
  chatDurationInMinutes?: number;
  /**
   * Persistent chat: continue an earlier (ended) contact, whose messages load as older history.
   * `'auto'`: the widget remembers the signed id your back end gives each chat (SignedContactId,
   * connect-chat-widget/server) when it ends, and continues that chat next time by itself.
   * @default none
   */
  persistentChat?: 'auto' | { sourceContactId: string; rehydrationType?: 'ENTIRE_PAST_SESSION' | 'FROM_SEGMENT' };
  /** Pre-chat form shown before the chat starts. @default null (none: the chat starts on open) */
  preChatForm: PreChatForm | null;
  /**
   * Post-chat survey: the chat starts with DisconnectOnCustomerExit ["AGENT"], and when the visitor
   * ends it the window stays with the contact's disconnect flow (a survey) until the service ends the
   * chat or the visitor closes. @default false
   */
  postChatSurvey: boolean;
  /**
   * Business hours: a URL answering GET with `{open, message?, nextOpen?}`, or a function returning it.
   * Checked when the launcher is drawn and again before a chat starts; a failed check counts as open.
   * @default none (always open)
   */
  availability?: AvailabilitySource;
  /**
   * While closed: 'away' (the launcher shows it; the window says when you are back), 'hide' (no
   * launcher), or 'leave-message' (the window offers `leaveMessage`). @default 'away'
   */
  whenClosed: 'away' | 'hide' | 'leave-message';
  /** The form of `whenClosed: 'leave-message'`. @default null */
  leaveMessage: LeaveMessageForm | null;
  /** Where the conversation is kept: across tabs and reloads, this tab only, or nowhere. @default 'browser' */
  persistence: Persistence;
  /** Namespace of everything stored (several widgets on one site need different keys). @default 'connect-chat' */
  storageKey: string;
  attachments: AttachmentsConfig;
  avatars: AvatarsConfig;
  theme: ThemeConfig;
  position: PositionConfig;
  /** z-index of launcher and window. @default 10000 */
  zIndex: number;
  /** BCP 47 tag, or 'auto' for the browser's language; unknown tags fall back to 'en'. @default 'auto' */
  locale: string;
  /** Per-string overrides for every locale, e.g. { title: 'Support' }. @default {} */
  strings: Record<string, string>;
  /** Per-locale string overrides, e.g. { de: { title: 'Hilfe' } }. @default {} */
  translations: Record<string, Record<string, string>>;
  /** Play a short sound for new messages while the window is closed. @default false */
  sound: boolean;
  /**
   * Offer desktop notifications: the visitor turns them on in the menu (the browser asks then); new
   * messages that arrive while the page is hidden show one, from the tab that holds the chat. @default false
   */
  notifications: boolean;
  /** An emoji picker in the composer (its code and data load the first time it is opened). @default true */
  emojiPicker: boolean;
  /** Open the window when the widget loads. @default false */
  autoOpen: boolean;
  /** Show the built-in launcher button (false: open it from your own button via the API). @default true */
  showLauncher: boolean;
  /** Offer "Download transcript" in the menu and after the end. @default true */
  transcriptDownload: boolean;
  /** Where the sign-in popup returns after customer authentication. @default the page's URL without query */
  authRedirectUri?: string;
  /** Nonce for a <style> element, only for browsers without constructable stylesheets. @default none */
  nonce?: string;
  /** Extra CSS added inside the widget's shadow root, after the theme. @default '' */
  customCss: string;
}

/** What callers pass: everything optional except what they want to change. */
export type WidgetOptions = Partial<
  Omit<WidgetConfig, 'theme' | 'position' | 'attachments' | 'avatars'> & {
    theme: Partial<ThemeConfig> | ThemeMode;
    position: Partial<PositionConfig>;
    attachments: Partial<AttachmentsConfig> | boolean;
    avatars: Partial<AvatarsConfig> | boolean;
  }
>;

/** The most characters a message may have (the service's limit for text, chat/content-types.ts). */
export const MESSAGE_MAX_LENGTH = MESSAGE_LIMITS[CONTENT_TYPE.plain];

/** The service's attachment types (feature limits of Amazon Connect chat), with browsers' aliases. */
export const ATTACHMENT_TYPES: string[] = [...DEFAULT_ATTACHMENT_MIME_TYPES];

export const DEFAULT_CONFIG: WidgetConfig = {
  region: 'us-east-1',
  displayName: '',
  attributes: {},
  supportedMessagingContentTypes: [CONTENT_TYPE.plain, CONTENT_TYPE.markdown, CONTENT_TYPE.interactiveResponse],
  preChatForm: null,
  postChatSurvey: false,
  whenClosed: 'away',
  leaveMessage: null,
  persistence: 'browser',
  storageKey: 'connect-chat',
  attachments: { enabled: true, maxSizeBytes: 20 * 1024 * 1024, acceptTypes: ATTACHMENT_TYPES },
  avatars: { enabled: true },
  theme: {
    mode: 'light',
    light: {},
    dark: {},
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    fontSize: 15,
    radius: 12,
    width: 380,
    height: 620,
    launcherSize: 56,
    logoAlt: '',
  },
  position: { side: 'right', offsetX: 20, offsetY: 20 },
  zIndex: 10000,
  locale: 'auto',
  strings: {},
  translations: {},
  sound: false,
  notifications: false,
  emojiPicker: true,
  autoOpen: false,
  showLauncher: true,
  transcriptDownload: true,
  customCss: '',
};

/** One problem with one option; `option` is a dotted path like `theme.light.primary`. */
export interface ConfigIssue {
  option: string;
  message: string;
}

export interface ValidatedConfig {
  config: WidgetConfig;
  issues: ConfigIssue[];
}

// A rule checks one value and returns it (possibly coerced from a string, as data-* attributes give)
// or throws a message. Keeping the rules as data makes the validator small and the messages uniform.
type Rule = (value: unknown) => unknown;

const fail = (message: string): never => {
  throw new Error(message);
};
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const bool: Rule = (v) =>
  typeof v === 'boolean' ? v : v === 'true' || v === '' ? true : v === 'false' ? false : fail('expected true or false');

const num =
  (min: number, max: number): Rule =>
  (v) => {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max
      ? n
      : fail(`expected a number from ${min} to ${max}`);
  };

const str =
  (max = 1000): Rule =>
  (v) =>
    typeof v === 'string' && v.length <= max ? v : fail(`expected text of at most ${max} characters`);

const oneOf =
  (...values: string[]): Rule =>
  (v) =>
    values.includes(v as string) ? v : fail(`expected one of ${values.map((x) => `'${x}'`).join(', ')}`);

// CSS values end up in a stylesheet: refuse what could close the declaration or the rule.
const css: Rule = (v) =>
  typeof v === 'string' && v.length <= 200 && !/[;{}<>\\]|\/\*/.test(v) ? v : fail('expected a CSS value without ; { } < > \\ or comments');

/** A colour: a CSS value the browser reads as a colour (where it can say: not in Node). */
const colour: Rule = (v) =>
  typeof CSS != 'object' || CSS.supports('color', css(v) as string) ? css(v) : fail("expected a CSS colour, e.g. '#1d5bb8', 'rgb(29 91 184)' or 'teal'");

const url: Rule = (v) => {
  if (typeof v !== 'string') return fail('expected a URL');
  try {
    const u = new URL(v, globalThis.location?.href ?? 'http://localhost/');
    return /^https?:$/.test(u.protocol) ? v : fail('expected an http(s) URL');
  } catch {
    return fail(`'${v}' is not a valid URL`);
  }
};

/** An absolute http(s) URL: the Participant Service endpoint is never resolved against the page. */
const serviceUrl: Rule = (v) => {
  if (typeof v !== 'string') return fail('expected an http(s) URL');
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return fail(`'${v}' is not an absolute URL (e.g. 'https://participant.connect.eu-west-2.amazonaws.com', or leave it out and set region)`);
  }
  return /^https?:$/.test(u.protocol) ? v : fail(`'${v}' uses ${u.protocol}; expected https: (or http: for a local emulator)`);
};

/**
 * Options whose default would mean something else than the visitor's site intends (a bad endpoint
 * must not become "the default region"): a bad value is kept, and the session refuses to start.
 */
const KEEP_INVALID = new Set<Rule>([serviceUrl]);

const stringRecord: Rule = (v) => {
  if (!isObj(v)) return fail('expected an object of text values');
  for (const [k, x] of Object.entries(v)) if (typeof x !== 'string') fail(`value of '${k}' must be text`);
  return { ...v };
};

const stringList: Rule = (v) => {
  const list = typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v;
  return Array.isArray(list) && list.every((x) => typeof x === 'string') ? [...list] : fail('expected a list of text values');
};

const startChat: Rule = (v) => (typeof v === 'function' ? v : url(v));

const FIELD_TYPES = ['name', 'email', 'text', 'textarea', 'select', 'checkbox'];

/** A form's fields (the pre-chat form's, the leave-message form's): each checked, names unique. */
function formFields(list: unknown[]): PreChatField[] {
  const names = new Set<string>();
  return list.map((f: unknown, i: number): PreChatField => {
    const at = `field ${i + 1}`;
    if (!isObj(f)) return fail(`${at} must be an object`);
    if (typeof f.name !== 'string' || !/^[\w.-]{1,100}$/.test(f.name)) fail(`${at}: 'name' must be 1-100 letters, digits, _ - or .`);
    if (names.has(f.name as string)) fail(`${at}: name '${f.name}' is used twice`);
    names.add(f.name as string);
    if (typeof f.label !== 'string' || !f.label) fail(`${at}: 'label' is required text`);
    if (f.type !== undefined && !FIELD_TYPES.includes(f.type as string)) fail(`${at}: 'type' must be one of ${FIELD_TYPES.join(', ')}`);
    if (f.pattern !== undefined) {
      try {
        new RegExp(f.pattern as string, 'u');
      } catch {
        fail(`${at}: 'pattern' is not a valid regular expression`);
      }
    }
    if (f.type === 'select' && !(Array.isArray(f.options) && f.options.length && f.options.every((o) => isObj(o) && typeof o.value === 'string' && typeof o.label === 'string')))
      fail(`${at}: a select needs 'options': [{ value, label }, ...]`);
    return f as unknown as PreChatField;
  });
}

const preChatForm: Rule = (v) => {
  if (v === null || v === false) return null;
  if (!isObj(v) || !Array.isArray(v.fields) || v.fields.length === 0) return fail('expected { fields: [...] } with at least one field');
  const fields = formFields(v.fields);
  if (v.intro !== undefined && typeof v.intro !== 'string') fail("'intro' must be text");
  return { fields, intro: v.intro as string | undefined };
};

const leaveMessage: Rule = (v) => {
  if (v === null || v === false) return null;
  if (!isObj(v)) return fail("expected { submit: '<URL of your leave-message back end>' or a function, fields?, intro? }");
  const submit = typeof v.submit === 'function' ? v.submit : url(v.submit);
  if (v.fields !== undefined && !(Array.isArray(v.fields) && v.fields.length > 0)) fail("'fields' must be a list of at least one field");
  if (v.intro !== undefined && typeof v.intro !== 'string') fail("'intro' must be text");
  return {
    submit,
    ...(v.fields ? { fields: formFields(v.fields as unknown[]) } : {}),
    ...(v.intro !== undefined ? { intro: v.intro } : {}),
  };
};

const translations: Rule = (v) => {
  if (!isObj(v)) return fail('expected { locale: { key: text } }');
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = stringRecord(x);
  return out;
};

const palette: Record<keyof Palette, Rule> = {
  primary: colour, onPrimary: colour, header: colour, onHeader: colour, accent: colour, background: colour, surface: colour, text: colour, muted: colour, border: colour,
  ownBubble: colour, ownText: colour, agentBubble: colour, agentText: colour, botBubble: colour, botText: colour,
  error: colour, success: colour, focus: colour, badge: colour, badgeText: colour,
};

type Spec = { [key: string]: Rule | Spec };

/** A rule for every field of T (nested objects may have rules per field): tsc refuses a SPEC that misses one or invents one. */
type SpecFor<T> = { [K in keyof T]-?: Rule | SpecFor<NonNullable<T[K]>> };

const SPEC: SpecFor<WidgetConfig> = {
  startChat,
  startChatBody: (v) => (isObj(v) ? { ...v } : fail('expected an object of body members, e.g. { InstanceId, ContactFlowId }')),
  startChatHeaders: stringRecord,
  startTimeoutMs: num(1000, 120_000),
  region: (v) => (typeof v === 'string' && /^[a-z]{2}(-[a-z]+)+-\d$/.test(v) ? v : fail("expected an AWS region like 'us-east-1'")),
  endpoint: serviceUrl,
  displayName: str(256),
  attributes: stringRecord,
  initialMessage: str(1024),
  supportedMessagingContentTypes: stringList,
  chatDurationInMinutes: num(60, 10080),
  persistentChat: (v) =>
    v === 'auto'
      ? v
      : // A ContactId, or the signedContactId of connect-chat-widget/server (<ContactId>.<time>.<signature>).
        isObj(v) && typeof v.sourceContactId === 'string' && /^[\w.-]{1,512}$/.test(v.sourceContactId) && [undefined, 'ENTIRE_PAST_SESSION', 'FROM_SEGMENT'].includes(v.rehydrationType as string)
      ? { sourceContactId: v.sourceContactId, ...(v.rehydrationType ? { rehydrationType: v.rehydrationType } : {}) }
      : fail("expected 'auto', or { sourceContactId: '<ContactId or signedContactId>', rehydrationType?: 'ENTIRE_PAST_SESSION' | 'FROM_SEGMENT' }"),
  preChatForm,
  postChatSurvey: bool,
  availability: (v) => (typeof v === 'function' ? v : url(v)),
  whenClosed: oneOf('away', 'hide', 'leave-message'),
  leaveMessage,
  persistence: oneOf('browser', 'tab', 'none'),
  storageKey: (v) => (typeof v === 'string' && /^[\w.-]{1,64}$/.test(v) ? v : fail('expected 1-64 letters, digits, _ - or .')),
  attachments: { enabled: bool, maxSizeBytes: num(1, 20 * 1024 * 1024), acceptTypes: stringList },
  avatars: { enabled: bool, agent: url, bot: url },
  theme: {
    mode: oneOf('light', 'dark', 'auto'),
    light: palette,
    dark: palette,
    fontFamily: css,
    fontSize: num(10, 24),
    radius: num(0, 32),
    width: num(280, 800),
    height: num(360, 1200),
    launcherSize: num(40, 96),
    logoUrl: url,
    logoAlt: str(200),
  },
  position: { side: oneOf('left', 'right'), offsetX: num(0, 400), offsetY: num(0, 400) },
  zIndex: num(0, 2147483647),
  locale: (v) => (typeof v === 'string' && /^(auto|[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*)$/.test(v) ? v : fail("expected a language tag like 'de' or 'pt-BR', or 'auto'")),
  strings: stringRecord,
  translations,
  sound: bool,
  notifications: bool,
  emojiPicker: bool,
  autoOpen: bool,
  showLauncher: bool,
  transcriptDownload: bool,
  authRedirectUri: url,
  nonce: (v) => (typeof v === 'string' && /^[\w+/=-]{1,200}$/.test(v) ? v : fail('expected a base64 nonce')),
  customCss: (v) => (typeof v === 'string' && !/<\/?style/i.test(v) ? v : fail('expected CSS text (no <style> tags)')),
};

// Shorthands callers like: `theme: 'dark'`, `attachments: false`, `avatars: false`.
function expand(input: Record<string, unknown>): Record<string, unknown> {
  const out = { ...input };
  if (typeof out.theme === 'string') out.theme = { mode: out.theme };
  for (const key of ['attachments', 'avatars'])
    if (typeof out[key] === 'boolean' || out[key] === 'true' || out[key] === 'false') out[key] = { enabled: bool(out[key]) };
  return out;
}

/**
 * Checks `input` against `spec` over `defaults`. With `consequence`, messages also say what the
 * widget does about a bad value (it uses the default, or will not start); without, the caller says.
 */
function walk(spec: Spec, input: Record<string, unknown>, defaults: Record<string, unknown>, path: string, issues: ConfigIssue[], consequence = true) {
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(input)) {
    const option = path + key;
    const rule = spec[key];
    if (!rule) {
      issues.push({ option, message: `unknown option '${option}'; it is ignored` });
      continue;
    }
    if (value === undefined) continue;
    if (typeof rule === 'function') {
      try {
        out[key] = rule(value);
      } catch (e) {
        const keep = KEEP_INVALID.has(rule);
        if (keep) out[key] = value;
        const then = keep ? 'the chat will not start until it is fixed' : 'using the default';
        issues.push({ option, message: `invalid '${option}': ${(e as Error).message}${consequence ? `; ${then}` : ''}` });
      }
    } else if (isObj(value)) {
      out[key] = walk(rule, value, isObj(defaults[key]) ? defaults[key] : {}, option + '.', issues, consequence);
    } else {
      issues.push({ option, message: `invalid '${option}': expected an object${consequence ? '; using the default' : ''}` });
    }
  }
  return out;
}

function check(input: unknown, defaults: Record<string, unknown>): { config: Record<string, unknown>; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const config = isObj(input) ? walk(SPEC as Spec, expand(input), defaults, '', issues) : { ...defaults };
  if (!isObj(input)) issues.push({ option: '', message: 'expected a configuration object; using the defaults' });
  if (config.whenClosed === 'leave-message' && !config.leaveMessage) {
    issues.push({ option: 'whenClosed', message: "whenClosed 'leave-message' needs the option leaveMessage: { submit: '<URL of your leave-message back end>' }; using 'away'" });
    config.whenClosed = 'away';
  }
  if (!config.startChat)
    issues.push({ option: 'startChat', message: "'startChat' is required: the URL of your start-chat back end, or a function returning StartChatContact's result" });
  return { config, issues };
}

/**
 * Checks `input` option by option. Never throws: each bad option is reported in `issues` (naming the
 * option, what was expected) and replaced by its default; everything valid is kept.
 */
export function validateConfig(input: unknown): ValidatedConfig {
  const { config, issues } = check(input, DEFAULT_CONFIG as unknown as Record<string, unknown>);
  return { config: config as unknown as WidgetConfig, issues };
}

/**
 * validateConfig's issues alone, without building the configuration (the loader's report,
 * embed/validate.ts, which so does not carry the defaults).
 */
export const configIssues = (input: unknown): ConfigIssue[] => check(input, {}).issues;

/**
 * Checks one option at run time (setTheme, setLocale): `path` names it ('theme', 'locale',
 * 'theme.light'), `value` is what the caller gave (with the same shorthands as in the config). Returns
 * the checked value over its default, and an issue per bad field; the messages say what is wrong and
 * what was expected, and leave what happens then to the caller.
 */
export function validateOption(path: string, value: unknown): { value: unknown; issues: ConfigIssue[] } {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let spec: Rule | Spec | undefined = SPEC as Spec;
  let defaults: unknown = DEFAULT_CONFIG;
  for (const key of keys) {
    spec = typeof spec === 'object' ? spec[key] : undefined;
    defaults = isObj(defaults) ? defaults[key] : undefined;
  }
  if (typeof spec !== 'object' || !spec[last]) return { value: undefined, issues: [{ option: path, message: `unknown option '${path}'` }] };
  const issues: ConfigIssue[] = [];
  const given = keys.length ? { [last]: value } : expand({ [last]: value });
  const prefix = keys.length ? `${keys.join('.')}.` : '';
  const out = walk({ [last]: spec[last] }, given, { [last]: isObj(defaults) ? defaults[last] : undefined }, prefix, issues, false);
  return { value: out[last], issues };
}

/** Formats issues as one console message (what embedders print once). */
export function describeIssues(issues: ConfigIssue[]): string {
  return `connect-chat: ${issues.length} configuration problem(s):\n` + issues.map((i) => `- ${i.message}`).join('\n');
}

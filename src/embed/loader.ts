// loader.js — the only script a site owner adds. No framework: it must stay under 2 KB gzipped.
//
// It replays calls queued by the snippet, reads data-* options from its own <script> tag, draws the
// launcher in a Shadow DOM, and fetches the widget chunk on first open — or at once when a stored
// conversation exists to resume. Everything else (validation, UI, session) lives in the widget chunk.
import type { BootContext, WidgetHandle } from './boot-types.js';

type Args = unknown[];
type Listener = (detail: unknown) => void;
interface Queued { q?: Args[] }

const w = window as unknown as { ConnectChat?: ((...a: Args) => unknown) & Queued };
const script = document.currentScript as HTMLScriptElement | null;
// Resolve chunks next to loader.js, wherever the site hosts it.
const base = script?.src ? new URL('.', script.src).href : new URL('./', location.href).href;

const listeners: Record<string, Listener[]> = {};
const pending: Args[] = [];
let config: Record<string, unknown> | undefined;
let widget: WidgetHandle | undefined;
let loading: Promise<void> | undefined;
let root: ShadowRoot | undefined;
let launcher: HTMLButtonElement | undefined;
let hidden = false;
let markDrawn: () => void;
// The launcher is drawn once the body exists; loading the widget waits for it.
const drawn = new Promise<void>((ok) => (markDrawn = ok));

const emit = (event: string, detail?: unknown): void => {
  for (const fn of listeners[event] ?? []) {
    try {
      fn(detail);
    } catch (error) {
      console.error(`ConnectChat: a "${event}" listener threw`, error);
    }
  }
};

/** data-start-chat="/api" → { startChat: "/api" }; "true"/"false", numbers and JSON objects become values. */
function dataConfig(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(script?.dataset ?? {})) {
    if (raw === undefined) continue;
    let value: unknown = raw;
    if (raw === 'true' || raw === 'false') value = raw === 'true';
    else if (/^-?\d+(\.\d+)?$/.test(raw)) value = Number(raw);
    else if (/^[[{]/.test(raw)) {
      try {
        value = JSON.parse(raw);
      } catch {
        // Broken JSON stays text: the one configuration report names the option.
      }
    }
    out[key] = value;
  }
  return out;
}

/** A stored conversation to resume? The widget sets this marker while a chat is active. */
function hasStoredChat(key: string): boolean {
  try {
    const marker = `connect-chat-widget:${key}:active`;
    return localStorage.getItem(marker) === '1' || sessionStorage.getItem(marker) === '1';
  } catch {
    return false; // storage blocked: nothing to resume
  }
}

function drawLauncher(cfg: Record<string, unknown>): void {
  const host = document.createElement('div');
  host.setAttribute('data-connect-chat', '');
  root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  const text = (v: unknown, d: string) => (typeof v === 'string' && v ? v : d);
  const pos = obj(cfg.position);
  const theme = obj(cfg.theme);
  const dark = theme.mode === 'dark' || cfg.theme === 'dark';
  const palette = obj(dark ? theme.dark : theme.light);
  const size = num(theme.launcherSize, 56);
  // Fixed position and a fixed size: the launcher never moves the host page's layout. The widget's
  // own launcher replaces this one with the same geometry when it loads.
  sheet.replaceSync(
    `:host{all:initial}.l{position:fixed;${pos.side === 'left' ? 'left' : 'right'}:${num(pos.offsetX, 20)}px;` +
      `bottom:${num(pos.offsetY, 20)}px;z-index:${num(cfg.zIndex, 10000)};width:${size}px;height:${size}px;` +
      `border-radius:50%;border:0;cursor:pointer;background:${text(palette.primary, dark ? '#2c64c0' : '#1d5bb8')};` +
      `color:${text(palette.onPrimary, '#fff')};box-shadow:0 4px 12px #0004;display:grid;place-items:center}` +
      `.l:focus-visible{outline:3px solid #f59e0b;outline-offset:3px}.l svg{width:50%;height:50%;fill:currentColor}[hidden],.off{display:none}`,
  );
  root.adoptedStyleSheets = [sheet];
  launcher = document.createElement('button');
  // Business hours with whenClosed 'hide': no launcher until hours.js says chat is open.
  launcher.className = cfg.availability && cfg.whenClosed === 'hide' ? 'l off' : 'l';
  launcher.type = 'button';
  launcher.setAttribute('aria-label', text(obj(cfg.strings).openChat, 'Open chat'));
  launcher.setAttribute('aria-expanded', 'false');
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-4 4V5a2 2 0 0 1 2-2z');
  svg.append(path);
  launcher.append(svg);
  launcher.addEventListener('click', () => call(['open']));
  launcher.hidden = hidden || cfg.showLauncher === false;
  root.append(launcher);
  document.body.append(host);
  markDrawn();
}

function load(): Promise<void> {
  loading ??= drawn.then(() => import(/* @vite-ignore */ base + 'widget.js')).then(
    (mod: { boot(ctx: BootContext): WidgetHandle }) => {
      const ctx: BootContext = { config: config ?? {}, root: root!, launcher, emit };
      widget = mod.boot(ctx);
      for (const args of pending.splice(0)) call(args);
    },
    (error: unknown) => {
      loading = undefined; // let the next click try again
      console.error('ConnectChat: could not load the chat widget from ' + base + 'widget.js', error);
      emit('error', { code: 'load-failed', message: 'The chat could not be loaded. Check your connection and try again.' });
    },
  );
  return loading;
}

function call(args: Args): unknown {
  const [method, ...rest] = args;
  switch (method) {
    case 'init': {
      if (config) return console.error('ConnectChat: "init" was called twice; the second call is ignored.');
      config = { ...dataConfig(), ...(rest[0] as Record<string, unknown> | undefined) };
      const start = () => {
        drawLauncher(config!);
        const key = typeof config!.storageKey === 'string' ? config!.storageKey : 'connect-chat';
        if (hasStoredChat(key) || config!.autoOpen === true) void load().then(() => config!.autoOpen === true && widget?.call('open', []));
        else {
          // Unknown or invalid options are reported at once, without loading the whole widget.
          const idle = (window as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 1));
          idle(() => import(/* @vite-ignore */ base + 'validate.js').then((m: { report(c: unknown): void }) => m.report(config), () => {}));
        }
        if (config!.availability) import(/* @vite-ignore */ base + 'hours.js').then((m: { mark(c: unknown, l: unknown): Promise<void> }) => m.mark(config, launcher), () => launcher?.classList.remove('off'));
        setTimeout(emit, 0, 'ready'); // after the calls queued behind `init` (their `on` too)
      };
      if (document.body) start();
      else addEventListener('DOMContentLoaded', start, { once: true });
      for (const early of pending.splice(0)) call(early);
      return;
    }
    case 'on':
    case 'off': {
      const [event, fn] = rest as [string, Listener];
      const list = (listeners[event] ??= []);
      if (method === 'on') list.push(fn);
      else listeners[event] = list.filter((f) => f !== fn);
      return;
    }
  }
  if (!config) {
    // Calls before init wait for it, in order.
    pending.push(args);
    return;
  }
  if (method === 'destroy' && (widget || !loading)) {
    // The widget removes what it rendered and stored; the host and the loader's state go here, so
    // `init` may run again (e.g. after a single-page app changes route).
    widget?.call('destroy', rest);
    root?.host.remove();
    config = widget = loading = root = launcher = undefined;
    return;
  }
  if (widget) return widget.call(method as string, rest);
  if (method === 'show' || method === 'hide') {
    hidden = method === 'hide';
    if (launcher) launcher.hidden = hidden;
    return;
  }
  pending.push(args);
  if (method === 'open' || method === 'toggle' || method === 'startChat') void load();
  return;
}

const queued = w.ConnectChat?.q ?? [];
const api = Object.assign((...args: Args) => call(args), { q: undefined });
w.ConnectChat = api;
// `init` first (calls before it wait), then everything else in the order it was made.
for (const args of queued) call(Array.from(args));
if (!config && script && Object.keys(script.dataset).length > 0) call(['init', {}]);

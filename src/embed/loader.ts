// loader.js — the only script a site owner adds. No framework, and small: its budget is 2 KB gzipped
// (it is over it since it draws the launcher's final look and the window's shell itself; bench/sizes.ts
// holds a ceiling).
//
// It replays calls queued by the snippet, reads data-* options from its own <script> tag, draws the
// launcher in a Shadow DOM with the widget's own look (ui/look.ts and the theme values it needs, so
// the widget's launcher replaces it without a visible change), and fetches the widget chunk on first
// open, drawing the window's shell in the frame of the click — or at once when a stored conversation
// exists to resume or the window was open before a reload. Everything else (validation, UI, session)
// lives in the widget chunk.
import { CHAT_ICON, CLOSE_ICON, LAUNCHER_CSS } from '../ui/look.js';
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
let shell: HTMLElement | undefined;
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

const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
/** A string option, or `d`; one with `;{}` (refused by the widget's validation) cannot escape its CSS declaration. */
const str = (v: unknown, d: string) => (typeof v === 'string' && v && !/[;{}]/.test(v) ? v : d);
const el = (tag: string, cls: string, parent: Node): HTMLElement => parent.appendChild(Object.assign(document.createElement(tag), { className: cls }));
const expanded = (open: boolean) => launcher?.setAttribute('aria-expanded', '' + open);

/** WCAG luminance of #rgb or #rrggbb; NaN for any other CSS colour (src/theme/colour.ts, in brief). */
function lum(css: string): number {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(css.trim())?.[1];
  let l = hex ? 0 : NaN;
  for (let i = 0; hex && i < 3; i++) {
    const v = parseInt(hex.length < 4 ? hex[i] + hex[i] : hex.substr(i * 2, 2), 16) / 255;
    l += [0.2126, 0.7152, 0.0722][i] * (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  }
  return l;
}

/**
 * One scheme's launcher and shell colours as src/theme derives them: the brand colour (the light
 * one stands for the dark scheme too), white on it unless that misses 4.5:1 (then black, which reads
 * better there), the window's background.
 */
function colours(theme: Record<string, unknown>, dark: boolean): string {
  const own = obj(dark ? theme.dark : theme.light);
  const primary = str(own.primary, dark ? str(obj(theme.light).primary, '#2c64c0') : '#1d5bb8');
  const on = str(own.onPrimary, 1.05 / (lum(primary) + 0.05) < 4.5 ? '#000' : '#fff');
  return `.cw-launch{background:${primary};color:${on}}.cw-shell{background:${str(own.background, dark ? '#17191c' : '#fff')};color:${primary}}`;
}

/** data-start-chat="/api" → { startChat: "/api" }; JSON values (true, 5, {…}) become values, the rest stays text. */
function dataConfig(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(script?.dataset ?? {})) {
    try {
      out[key] = JSON.parse(raw!);
    } catch {
      out[key] = raw; // text, or broken JSON: the one configuration report names the option
    }
  }
  return out;
}

/** Set by the widget: 'active' while a chat is stored to resume, 'open' while the window is open (this tab). */
function marked(key: string, marker: string): boolean {
  try {
    const name = `connect-chat-widget:${key}:${marker}`;
    return localStorage.getItem(name) === '1' || sessionStorage.getItem(name) === '1';
  } catch {
    return false; // storage blocked: nothing to resume
  }
}

function drawLauncher(cfg: Record<string, unknown>): void {
  const host = document.createElement('div');
  host.setAttribute('data-connect-chat', '');
  root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  const theme = obj(cfg.theme);
  const pos = obj(cfg.position);
  const mode = typeof cfg.theme === 'string' ? cfg.theme : theme.mode;
  const side = pos.side === 'left' ? 'left' : 'right';
  const x = num(pos.offsetX, 20);
  const y = num(pos.offsetY, 20);
  const size = num(theme.launcherSize, 56);
  const z = num(cfg.zIndex, 10000);
  // A pre-chat window is as tall as its form: the shell guesses it from the number of fields.
  const form = cfg.preChatForm ? ((obj(cfg.preChatForm).fields as unknown[] | undefined)?.length ?? 0) : 0;
  // The launcher's look (ui/look.ts) at the place and in the colours of the widget's theme; the
  // window's shell in the window's place: the header band is its top border (in the brand colour), the progress bar its ::after.
  sheet.replaceSync(
    `:host{all:initial}${LAUNCHER_CSS}:host .cw-launch{${side}:${x}px;bottom:${y}px;z-index:${z};width:${size}px;height:${size}px}` +
      `.cw-shell{position:fixed;z-index:${z};${side}:${x}px;bottom:${y + size + 12}px;width:${num(theme.width, 380)}px;max-width:calc(100vw - 16px);` +
      `height:min(${Math.min(num(theme.height, 620), form ? 190 + 77 * form : 1e4)}px,calc(100dvh - ${y + size + 24}px));box-sizing:border-box;border:solid;border-width:60px 0 0;` +
      `border-radius:${num(theme.radius, 12)}px;box-shadow:0 8px 32px #0005;overflow:hidden}` +
      `.cw-shell::after{content:"";display:block;width:40%;height:3px;background:currentColor;animation:cw-bar 1.2s infinite}@keyframes cw-bar{0%{translate:-100%}to{translate:250%}}` +
      `@media (max-width:480px){.cw-shell{inset:0;width:auto;height:auto;max-width:none;border-radius:0}.cw-launch[aria-expanded=true]{display:none}}` +
      `@media (prefers-reduced-motion:reduce){*{transition:none!important}.cw-shell::after{display:none}}[hidden],.off{display:none!important}` +
      colours(theme, mode === 'dark') +
      (mode === 'auto' ? `@media (prefers-color-scheme:dark){${colours(theme, true)}}` : ''),
  );
  root.adoptedStyleSheets = [sheet];
  // Business hours with whenClosed 'hide': no launcher until hours.js says chat is open.
  launcher = el('button', cfg.availability && cfg.whenClosed === 'hide' ? 'cw-launch off' : 'cw-launch', root) as HTMLButtonElement;
  launcher.setAttribute('aria-label', str(obj(cfg.strings).openChat, 'Open chat'));
  expanded(false);
  for (const d of [CHAT_ICON, CLOSE_ICON]) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = launcher.appendChild(document.createElementNS(ns, 'svg'));
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.appendChild(document.createElementNS(ns, 'path')).setAttribute('d', d);
  }
  launcher.addEventListener('click', () => call(['open']));
  launcher.hidden = hidden || cfg.showLauncher === false;
  document.body.append(host);
  markDrawn();
}

/**
 * The window's shell, drawn in the frame of the click (or at once when the window reopens after a
 * reload), where the widget's window will be: its frame, the header band and a progress bar. The
 * widget removes it once its window has been painted over it.
 */
function drawShell(): void {
  if (shell || !root) return;
  shell = el('div', 'cw-shell', root);
  shell.setAttribute('aria-hidden', 'true');
  expanded(true);
}

function undoShell(): void {
  shell?.remove();
  shell = undefined;
  expanded(false);
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
      undoShell();
      console.error('ConnectChat: could not load ' + base + 'widget.js', error);
      emit('error', { code: 'load-failed', message: 'The chat could not be loaded. Check your connection and try again.' });
    },
  );
  return loading;
}

function call(args: Args): unknown {
  const [method, ...rest] = args;
  switch (method) {
    case 'init': {
      if (config) return console.error('ConnectChat: "init" was called twice; the second is ignored.');
      config = { ...dataConfig(), ...(rest[0] as Record<string, unknown> | undefined) };
      const start = () => {
        drawLauncher(config!);
        const key = typeof config!.storageKey === 'string' ? config!.storageKey : 'connect-chat';
        // The window was open before the reload: the widget reopens it (ui/reopen.ts); its shell shows at once.
        if (marked(key, 'open')) drawShell();
        if (shell || marked(key, 'active') || config!.autoOpen === true) void load().then(() => config!.autoOpen === true && widget?.call('open', []));
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
    config = widget = loading = root = launcher = shell = undefined;
    return;
  }
  if (widget) return widget.call(method as string, rest);
  if (method === 'show' || method === 'hide') {
    hidden = method === 'hide';
    if (launcher) launcher.hidden = hidden;
    return;
  }
  pending.push(args);
  if (method === 'open' || method === 'toggle' || method === 'startChat') {
    drawShell(); // in the frame of the click, before anything is fetched
    void load();
  }
  return;
}

const queued = w.ConnectChat?.q ?? [];
const api = Object.assign((...args: Args) => call(args), { q: undefined });
w.ConnectChat = api;
// `init` first (calls before it wait), then everything else in the order it was made.
for (const args of queued) call(Array.from(args));
if (!config && script && Object.keys(script.dataset).length > 0) call(['init', {}]);

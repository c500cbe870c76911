// loader.js — the only script a site owner adds. No framework, and small: at most 2 KB gzipped.
//
// It replays calls queued by the snippet, reads data-* options from its own <script> tag, draws the
// launcher in a Shadow DOM with the widget's own look (ui/look.ts and the theme values it needs, so
// the widget's launcher replaces it without a visible change), and fetches the widget chunk on first
// open, drawing the window's shell in the frame of the click — or at once when a stored conversation
// exists to resume or the window was open before a reload. Everything else (validation, UI, session)
// lives in the widget chunk.
//
// widget.js is imported only once a fetch() of it has succeeded. Chromium remembers a failed import()
// for the life of the page (the same URL fails again at once, without a request), and widget.js
// cannot be imported again under another URL: its chunks import it back by its own. A fetch() that
// fails poisons nothing, and one that succeeds leaves widget.js in the HTTP cache, where import()
// finds it (the same URL, CORS mode and credentials: no second download when the CDN allows caching).
import { CHAT_ICON, CLOSE_ICON, LAUNCHER_CSS } from '../ui/look.js';
import type { BootContext, WidgetHandle } from './boot-types.js';

/** The session's chunk, e.g. `chunks/chat-session-<hash>.js` (vite.loader.config.ts, from the widget build). */
declare const __SESSION_CHUNK__: string;

type Args = unknown[];
type Listener = (detail: unknown) => void;
type Options = Record<string, unknown>;

const w = window as unknown as { ConnectChat?: ((...a: Args) => unknown) & { q?: Args[] } };
const script = document.currentScript as HTMLScriptElement | null;
// Chunks resolve next to loader.js, wherever the site hosts it.
const base = new URL('.', script?.src || location.href).href;
const get = (file: string) => import(/* @vite-ignore */ base + file);
/** `file` fetched whole, as import() would fetch it (see above); rejects unless it came. */
const warm = (file: string) => fetch(base + file).then((r) => (r.ok ? r.blob() : Promise.reject(r)));

const listeners: Record<string, Listener[]> = {};
const pending: Args[] = [];
let config: Options | undefined;
let widget: WidgetHandle | undefined;
let loading: Promise<void> | undefined;
let root: ShadowRoot | undefined;
let launcher: HTMLButtonElement | undefined;
let shell: HTMLElement | undefined;
let hidden = false;
let markDrawn: () => void;
// The launcher is drawn once the body exists; loading the widget waits for it.
const drawn = new Promise<void>((ok) => (markDrawn = ok));

const emit = (event: string, detail?: unknown): void =>
  listeners[event]?.forEach((fn) => {
    try {
      fn(detail);
    } catch (error) {
      console.error(`ConnectChat: a "${event}" listener threw`, error);
    }
  });

const obj = (v: unknown) => (v && typeof v == 'object' ? (v as Options) : {});
const num = (v: unknown, d: number) => (Number.isFinite(v) ? (v as number) : d);
/** A string option, or `d`; one with `;{}` (refused by the widget's validation) cannot escape its CSS declaration. */
const str = (v: unknown, d: string) => (typeof v == 'string' && v && !/[;{}]/.test(v) ? v : d);
const expanded = (open: boolean) => launcher?.setAttribute('aria-expanded', '' + open);

/**
 * Whether white on `css` misses 4.5:1 (WCAG), so the theme puts black on it; only #rgb and
 * #rrggbb are read, as src/theme/colour.ts does (white on any other colour).
 */
function pale(css: string): boolean {
  let l = 0.05;
  // Number('0x' + pair) is NaN unless both are hex digits, and NaN fails the test below: white.
  /^#(..)(..)(..)$/.exec(css.trim().replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3'))?.slice(1).map((pair, i) => {
    const v = +('0x' + pair) / 255;
    l += [0.2126, 0.7152, 0.0722][i] * (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  });
  return 1.05 / l < 4.5;
}

/**
 * One scheme's launcher and shell colours as src/theme derives them: the brand colour (the light
 * one stands for the dark scheme too), white on it unless that misses 4.5:1 (then black, which reads
 * better there; the loader's error card has the launcher's colours), the window's background.
 */
function colours(theme: Options, dark: boolean): string {
  const own = obj(dark ? theme.dark : theme.light);
  const primary = str(own.primary, dark ? str(obj(theme.light).primary, '#2c64c0') : '#1d5bb8');
  return `.cw-launch,.cw-shell:not(:empty){background:${primary};color:${str(own.onPrimary, pale(primary) ? '#000' : '#fff')}}.cw-shell{background:${str(own.background, dark ? '#17191c' : '#fff')};color:${primary}}`;
}

/** data-start-chat="/api" → { startChat: "/api" }; JSON values (true, 5, {…}) become values, the rest stays text. */
function dataConfig(): Options {
  const out: Options = {};
  for (const [key, raw] of Object.entries(script?.dataset ?? {})) {
    try {
      out[key] = JSON.parse(raw!);
    } catch {
      out[key] = raw; // text, or broken JSON: the one configuration report names the option
    }
  }
  return out;
}

/**
 * The markers the widget sets: 'open' while the window is open in this tab (ui/reopen.ts,
 * sessionStorage), 'active' while a chat is stored to resume (embed/marker.ts, either storage).
 */
function marked(storageKey: unknown): [open?: unknown, active?: unknown] {
  const key = `connect-chat-widget:${typeof storageKey == 'string' ? storageKey : 'connect-chat'}:`;
  try {
    return [sessionStorage.getItem(key + 'open'), localStorage.getItem(key + 'active') || sessionStorage.getItem(key + 'active')];
  } catch {
    return []; // storage blocked: nothing to reopen or resume
  }
}

function drawLauncher(cfg: Options): void {
  const host = document.createElement('div');
  host.setAttribute('data-connect-chat', '');
  root = host.attachShadow({ mode: 'open' });
  const theme = obj(cfg.theme);
  const pos = obj(cfg.position);
  const mode = typeof cfg.theme == 'string' ? cfg.theme : theme.mode;
  const side = pos.side == 'left' ? 'left' : 'right';
  const x = num(pos.offsetX, 20);
  const y = num(pos.offsetY, 20);
  const size = num(theme.launcherSize, 56);
  const z = num(cfg.zIndex, 1e4);
  // A pre-chat window is as tall as its form: the shell guesses it from the number of fields.
  const form = (obj(cfg.preChatForm).fields as unknown[] | undefined)?.length || 0;
  // The launcher's look (ui/look.ts) at the place and in the colours of the widget's theme; the
  // window's shell in the window's place: the header band is its top border (in the brand colour),
  // the progress bar its ::after. With text (the error: the widget could not be loaded) it is a card
  // in the same place, above the launcher on a phone too.
  const css =
    `:host{all:initial}${LAUNCHER_CSS}:host .cw-launch{${side}:${x}px;bottom:${y}px;z-index:${z};width:${size}px;height:${size}px}` +
      `.cw-shell{position:fixed;z-index:${z};${side}:${x}px;bottom:${y + size + 12}px;width:${num(theme.width, 380)}px;max-width:calc(100vw - 16px);` +
      `height:min(${Math.min(num(theme.height, 620), form ? 190 + 77 * form : 1e4) - 60}px,calc(100dvh - ${y + size + 84}px));border-top:60px solid;` +
      `border-radius:${num(theme.radius, 12)}px;box-shadow:0 8px 32px #0005;overflow:hidden}` +
      `.cw-shell:empty::after{content:"";display:block;width:40%;border-top:3px solid;animation:cw-bar 1.2s infinite}@keyframes cw-bar{0%{translate:-100%}to{translate:250%}}` +
      `@media (max-width:480px){.cw-shell{inset:0;width:auto;height:auto;max-width:none;border-radius:0}.cw-launch[aria-expanded=true]{display:none}}` +
      `.cw-shell:not(:empty){border:0;height:auto;top:auto;padding:16px;bottom:${y + size + 12}px;font:15px system-ui}` +
      `@media (prefers-reduced-motion:reduce){*{transition:none!important}.cw-shell::after{display:none}}[hidden],.off{display:none!important}` +
      colours(theme, mode == 'dark') +
      (mode == 'auto' ? `@media (prefers-color-scheme:dark){${colours(theme, true)}}` : '');
  // Where style sheets cannot be constructed (Safari before 16.4), a <style> with the page's nonce.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = root.appendChild(document.createElement('style'));
    style.nonce = str(cfg.nonce, '');
    style.textContent = css;
  }
  launcher = root.appendChild(document.createElement('button'));
  // Business hours with whenClosed 'hide': no launcher until hours.js says chat is open.
  launcher.className = cfg.availability && cfg.whenClosed == 'hide' ? 'cw-launch off' : 'cw-launch';
  launcher.setAttribute('aria-label', str(obj(cfg.strings).openChat, 'Open chat'));
  expanded(false);
  for (const d of [CHAT_ICON, CLOSE_ICON]) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = launcher.appendChild(document.createElementNS(ns, 'svg'));
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.appendChild(document.createElementNS(ns, 'path')).setAttribute('d', d);
  }
  launcher.onclick = () => call(['open']);
  // The pointer on the launcher, or the focus: a click is likely. widget.js comes now, and the
  // session's chunk right after it (as widget.js would ask for it on the click; not beside it, which
  // would share the line with widget.js and delay the window), into the HTTP cache: nothing is drawn,
  // run or imported before the click, so a failure here (offline) leaves the click free to try. A
  // second intent asks again: the HTTP cache answers it where the CDN allows caching (README, "CDN").
  launcher.onpointerenter = launcher.onfocus = () => warm('widget.js').then(() => warm(__SESSION_CHUNK__)).catch(() => {});
  launcher.hidden = hidden || cfg.showLauncher === false;
  document.body.append(host);
  markDrawn();
}

/**
 * The window's shell, drawn in the frame of the click (or at once when the window reopens after a
 * reload), where the widget's window will be: its frame, the header band and a progress bar. The
 * widget removes it once its window has been painted over it. If the widget cannot be loaded, the
 * shell says so (an alert, empty until then); the next click draws it again and tries again.
 */
function drawShell(): void {
  if (!root) return;
  if (!shell) {
    shell = root.appendChild(document.createElement('div'));
    shell.className = 'cw-shell';
    shell.setAttribute('role', 'alert');
  }
  shell.textContent = '';
  expanded(true);
}

// Back online with the loader's error on screen: it tries again without waiting for a click.
addEventListener('online', () => shell?.textContent && (drawShell(), load()));

function load(): Promise<void> {
  loading ??= drawn.then(() => warm('widget.js')).then(() => get('widget.js')).then(
    (mod: { boot(ctx: BootContext): WidgetHandle }) => {
      widget = mod.boot({ config: config!, root: root!, launcher, emit });
      pending.splice(0).forEach(call);
    },
    (error: unknown) => {
      loading = undefined; // let the next click (or the 'online' event) try again
      const message = 'The chat could not be loaded. Check your connection and try again.';
      // The shell becomes a card that says so, above the launcher, which is given back to click.
      if (shell) shell.textContent = message;
      expanded(false);
      console.error(`ConnectChat: ${message} (${base}widget.js)`, error);
      emit('error', { code: 'load-failed', message });
    },
  );
  return loading;
}

function call(args: Args): unknown {
  const [method, ...rest] = args;
  if (method == 'on' || method == 'off') {
    const [event, fn] = rest as [string, Listener];
    const list = (listeners[event] ??= []);
    if (method == 'on') list.push(fn);
    else listeners[event] = list.filter((f) => f != fn);
  } else if (method == 'init') {
    if (config) return console.error('ConnectChat: "init" was called twice; the second is ignored.');
    const cfg: Options = (config = { ...dataConfig(), ...(rest[0] as Options | undefined) });
    const start = () => {
      drawLauncher(cfg);
      const [open, active] = marked(cfg.storageKey);
      // The window was open before the reload: the widget reopens it (ui/reopen.ts); its shell shows at once.
      if (open) drawShell();
      if (open || active || cfg.autoOpen === true) void load().then(() => cfg.autoOpen === true && widget?.call('open', []));
      // Unknown or invalid options are reported at once, without loading the whole widget.
      else (window.requestIdleCallback || setTimeout)(() => get('validate.js').then((m: { report(c: unknown): void }) => m.report(cfg), () => {}));
      if (cfg.availability) get('hours.js').then((m: { mark(c: unknown, l: unknown): Promise<void> }) => m.mark(cfg, launcher), () => launcher?.classList.remove('off'));
      setTimeout(emit, 0, 'ready'); // after the calls queued behind `init` (their `on` too)
    };
    if (document.body) start();
    else addEventListener('DOMContentLoaded', start);
    pending.splice(0).forEach(call);
  } else if (!config) pending.push(args); // calls before init wait for it, in order
  else if (method == 'destroy' && (widget || !loading)) {
    // The widget removes what it rendered and stored; the host and the loader's state go here, so
    // `init` may run again (e.g. after a single-page app changes route).
    widget?.call('destroy', rest);
    root?.host.remove();
    config = widget = loading = root = launcher = shell = undefined;
  } else if (widget) return widget.call(method as string, rest);
  else if (method == 'show' || method == 'hide') {
    hidden = method == 'hide';
    if (launcher) launcher.hidden = hidden;
  } else {
    pending.push(args);
    if (method == 'open' || method == 'toggle' || method == 'startChat') {
      drawShell(); // in the frame of the click, before anything is fetched
      void load();
    }
  }
}

const queued = w.ConnectChat?.q ?? [];
w.ConnectChat = (...args: Args) => call(args);
// `init` first (calls before it wait), then everything else in the order it was made.
for (const args of queued) call([...args]);
if (!config && script && Object.keys(script.dataset).length) call(['init', {}]);

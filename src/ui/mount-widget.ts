// Puts the widget on a page: a Shadow DOM (isolated from the host's CSS), styles as constructable
// stylesheets (no inline <style>, so a strict CSP needs neither 'unsafe-inline' nor a nonce; a
// nonce'd <style> is the fallback for browsers without them), the Preact app, and the controller
// the embedding API drives. The ChatSession is created by the caller and passed in.
import { effect } from '@preact/signals';
import { h, render } from 'preact';
import type { ChatSessionApi } from '../chat/types';
import { validateOption, type WidgetConfig } from '../config';
import { themeCss } from '../theme/theme';
import { App } from './app';
import { watchDesktop } from './desktop-notify';
import { watchAvailability } from './availability';
import { unlockSound, watchIncoming } from './notify';
import { loadPreChat } from './prechat-lazy';
import { rememberOpen, reopenOnto, wasOpen } from './reopen';
import { applyLocale, autoStart, createUi, type Ui } from './state';
import { contentStyles } from './content/styles';
import { lateStyles, onLateStyles } from './late-styles';
import type { Chunk } from './lazy-part';
import { STYLES } from './styles';
import { transcriptStyles } from './transcript/styles';
import type { TranscriptPart } from './transcript/part';
import { trackViewport } from './viewport';
import type { WidgetCommands } from './widget-commands';

export interface WidgetController extends WidgetCommands {
  /** The widget's state as signals (open, unread, locale, …), for the embedding API's events. */
  readonly ui: Ui;
  /** Resolves once the language is loaded, the app rendered and any stored chat resumed (or not). */
  readonly ready: Promise<void>;
  /** Removes the widget from the page (the session is the caller's to destroy). */
  destroy(): void;
}

export interface MountOptions {
  /** Open the window at once (e.g. the visitor clicked the loader's launcher). @default config.autoOpen */
  open?: boolean;
  /** The message list, handed in: bundled (transcript/bundled.ts) or loaded with the session's chunk. */
  transcript: Chunk<TranscriptPart>;
}

type SheetRoot = ShadowRoot & { adoptedStyleSheets: CSSStyleSheet[] };

function canAdopt(root: ShadowRoot): root is SheetRoot {
  try {
    return 'adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype;
  } catch {
    return false;
  }
}

export function mountWidget(
  target: HTMLElement | ShadowRoot,
  config: WidgetConfig,
  session: ChatSessionApi,
  options: MountOptions,
): WidgetController {
  const root = target instanceof ShadowRoot ? target : (target.shadowRoot ?? target.attachShadow({ mode: 'open' }));
  const ui = createUi(config, session, options.transcript);
  let theme = config.theme;

  // Styles: theme variables (replaced by setTheme), components (with those of lazily loaded parts as
  // they arrive: late-styles.ts), the site owner's customCss last.
  const texts = () => [themeCss(theme, config.position, config.zIndex), STYLES + transcriptStyles + contentStyles + lateStyles(), config.customCss];
  let sheets: CSSStyleSheet[] = [];
  let styleEls: HTMLStyleElement[] = [];
  const applyStyles = () => {
    if (canAdopt(root)) {
      if (!sheets.length) {
        sheets = texts().map(() => new CSSStyleSheet());
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
      }
      texts().forEach((css, i) => sheets[i].replaceSync(css));
    } else {
      if (!styleEls.length) {
        styleEls = texts().map(() => document.createElement('style'));
        // In their order after any styles already there (the loader's launcher), as adopted sheets
        // come after them: customCss last, winning ties.
        for (const el of styleEls) {
          if (config.nonce) el.nonce = config.nonce;
          root.append(el);
        }
      }
      texts().forEach((css, i) => (styleEls[i].textContent = css));
    }
  };
  applyStyles();

  const container = document.createElement('div');
  root.append(container);

  let returnFocus: HTMLElement | null = null;
  // The first of these that exists gets the focus (in this order, not document order).
  const focusFirst = () => {
    for (const s of ['.cw-form [id^=cw-f-]', '.cw-ta:not([disabled])', '.cw-ended .cw-pri', '.cw-win button']) {
      const el = container.querySelector<HTMLElement>(s);
      if (el) return el.focus();
    }
  };
  // Opened before the first render (e.g. Enter on the loader's launcher while widget.js loaded):
  // the focus moves in once there is a window to move it to.
  let rendered = false;
  let focusPending = false;
  const focusWindow = () => {
    if (!rendered) focusPending = true;
    else setTimeout(focusFirst);
  };
  // What held the focus went away or was disabled (the chat ended under the message box, the end
  // dialog closed, a new chat's form replaced the ended bar): the focus moves on as on opening,
  // rather than falling to the page. At once (a microtask after the render that took it), so a
  // part that gives the focus somewhere itself afterwards (the away view's thanks) still does.
  container.addEventListener('focusout', (e) => {
    const from = e.target as HTMLTextAreaElement;
    if (!e.relatedTarget)
      queueMicrotask(() => {
        if ((!from.isConnected || from.disabled) && !root.activeElement && ui.open.peek()) focusFirst();
      });
  });
  /** `focus: false` when the window is restored after a reload: the page keeps its focus. */
  const open = (focus = true) => {
    if (ui.open.peek()) return;
    const active = (root.activeElement ?? document.activeElement) as HTMLElement | null;
    returnFocus = active && active !== document.body ? active : null;
    if (config.sound) unlockSound();
    ui.open.value = true;
    if (focus) focusWindow();
  };
  const close = () => {
    if (!ui.open.peek()) return;
    ui.open.value = false;
    ui.confirmEnd.value = false;
    const back = ui.launcher.peek() ? container.querySelector<HTMLElement>('#cw-launch') : returnFocus;
    setTimeout(() => back?.focus(), 0);
  };
  const toggle = () => (ui.open.peek() ? close() : open());
  const restore = !(options.open ?? config.autoOpen) && wasOpen(config);

  const disposers: (() => void)[] = [watchIncoming(ui), watchDesktop(ui, open), autoStart(ui), trackViewport(container), onLateStyles(applyStyles), watchAvailability(ui), rememberOpen(ui)];
  // Once a chat is under way (resumed, or started through the API) the form has nothing to add.
  disposers.push(
    effect(() => {
      const p = session.phase.value;
      if (p === 'starting' || p === 'active') ui.form.value = false;
    }),
  );
  const ready = (async () => {
    // The pre-chat form's chunk loads alongside the language, so the form (and its focus) is there on open.
    await Promise.all([applyLocale(ui, config.locale), config.preChatForm ? loadPreChat().catch(() => {}) : undefined]);
    render(h(App, { ui, toggle, close }), container);
    rendered = true;
    if (focusPending) focusWindow();
    if (options.open ?? config.autoOpen) open();
    try {
      if (session.phase.peek() === 'idle') await session.resume();
    } catch {
      // nothing stored, or it could not be resumed: a new chat starts on open
    }
    if (reopenOnto(ui, restore)) open(false);
    ui.resumed.value = true;
  })();

  return {
    ui,
    ready,
    open: () => open(),
    close,
    toggle,
    show: () => (ui.launcher.value = true),
    hide: () => (ui.launcher.value = false),
    async startChat() {
      // This call starts the chat; opening must not also trigger the automatic start (two chats).
      ui.attempted = true;
      open();
      await ready;
      if (config.preChatForm) ui.form.value = true;
      else if (session.phase.peek() === 'idle' || session.phase.peek() === 'ended') await ui.start(ui.formValues.peek());
    },
    endChat: () => session.end(),
    setLocale: (locale) => applyLocale(ui, locale),
    setTheme(input) {
      const { value: checked, issues: mine } = validateOption('theme', input);
      const given = typeof input === 'string' ? { mode: input } : (input ?? {});
      const next = { ...theme } as Record<string, unknown>;
      for (const key of Object.keys(given)) if (!mine.some((i) => i.option === `theme.${key}` || i.option.startsWith(`theme.${key}.`))) next[key] = (checked as Record<string, unknown>)[key];
      theme = next as unknown as WidgetConfig['theme'];
      applyStyles();
      return mine;
    },
    setAttributes(attributes) {
      ui.attributes.value = { ...ui.attributes.peek(), ...attributes };
    },
    destroy() {
      disposers.forEach((d) => d());
      render(null, container);
      container.remove();
      if (canAdopt(root)) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => !sheets.includes(s));
      styleEls.forEach((el) => el.remove());
    },
  };
}


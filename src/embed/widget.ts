// widget.js — the script-tag widget, imported by loader.js on first open (or at once when a chat is
// stored). It renders into the Shadow DOM the loader made, takes over from the loader's launcher and
// runs the calls the loader queued. Events go to the loader, which holds the page's listeners.
import { lazySession } from '../chat/lazy-session.js';
import { createWidgetWith } from './api.js';
import type { ChatSessionOptions } from '../chat/options.js';
import type { BootContext, WidgetHandle } from './boot-types.js';
import { invoke } from './invoke.js';
import { chunk } from '../ui/lazy-part.js';

// The session and the message list (session-chunk.ts), loaded once for every widget on the page; after
// a failed load the next attempt asks anew (ui/import-again.ts). Its exports are picked by name: a
// module used whole makes the bundler build its namespace with a helper in a file of its own.
const sessionChunk = chunk(() => import('./session-chunk.js').then(({ ChatSession, Transcript, latestIsView }) => ({ ChatSession, Transcript, latestIsView })));

export function boot(ctx: BootContext): WidgetHandle {
  const placeholder = ctx.launcher;
  // The session (client, socket, store, engine) and the message list are a chunk of their own
  // (session-chunk.ts), fetched from here while widget.js renders the window: the window does not wait
  // for it (chat/lazy-session.ts).
  const makeSession = (options: ChatSessionOptions) => lazySession(() => sessionChunk.load().then((m) => m.ChatSession), options);
  const widget = createWidgetWith({ makeSession, transcript: sessionChunk }, ctx.root, ctx.config, { emit: ctx.emit, announceReady: false });
  // hide() before the widget loaded hid the loader's launcher; the widget's own must stay hidden too.
  if (placeholder?.hidden) widget.hide();
  // Swap launchers as soon as the widget has rendered (the same look, size and place: nothing moves).
  let swapped = false;
  // The shell loader.js drew goes two frames after the window shows over it, or once the widget is
  // ready without a window to show (nothing to reopen after a reload).
  const dropShell = () => requestAnimationFrame(() => requestAnimationFrame(() => ctx.root.querySelector('.cw-shell')?.remove()));
  const swap = () => {
    if (!ctx.root.querySelector('.cw')) return;
    if (!swapped) {
      swapped = true;
      const hadFocus = !!placeholder && ctx.root.activeElement === placeholder;
      placeholder?.remove();
      // The visitor was on the loader's launcher: keep them on the widget's (opening moves it on).
      if (hadFocus) ctx.root.querySelector<HTMLElement>('#cw-launch')?.focus();
    }
    if (ctx.root.querySelector('#cw-win:not([hidden])')) {
      observer.disconnect();
      dropShell();
    }
  };
  const observer = new MutationObserver(swap);
  observer.observe(ctx.root, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  void widget.ready.then(() => {
    observer.disconnect();
    placeholder?.remove();
    dropShell();
  });
  const onInvalid = (message: string) => {
    console.error(`ConnectChat: ${message}`);
    ctx.emit('error', { code: 'invalid-call', message });
  };
  return { call: (method, args) => invoke(widget, method, args, onInvalid) };
}

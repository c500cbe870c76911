// mount(element, config): the widget for any framework (or none). It adds its own host element
// inside `element` (a Shadow DOM, so the page's CSS and the widget's never meet) and returns the API.
import type { WidgetOptions } from '../config.js';
import type { WidgetInstance } from './api.js';
import { createWidget } from './create-widget.js';

export type MountHandle = WidgetInstance;

export interface MountSettings {
  /** Open the window at once. @default config.autoOpen */
  open?: boolean;
}

/**
 * Renders the widget inside `element` (e.g. `document.body`) and returns its API.
 * `handle.destroy()` removes it and clears the stored conversation; `handle.unmount()` removes it
 * and keeps the conversation for the next mount (what a single-page app wants on a route change).
 */
export function mount(element: Element, config: WidgetOptions, settings: MountSettings = {}): MountHandle {
  if (!(element instanceof Element)) {
    throw new TypeError(`connect-chat: mount() needs a DOM element to put the widget in (e.g. document.body), not ${element === null ? 'null' : typeof element}.`);
  }
  const host = document.createElement('div');
  host.setAttribute('data-connect-chat', '');
  element.append(host);
  const root = host.attachShadow({ mode: 'open' });
  return createWidget(root, config, { ...settings, onRemoved: () => host.remove() });
}

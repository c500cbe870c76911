// Shared setup for the UI's jsdom tests: mount the widget on a fresh host with a FakeSession.
import { validateConfig, type WidgetOptions } from '../../config';
import { mountWidget, type MountOptions } from '../mount-widget';
import { bundledTranscript } from '../transcript/bundled';
import { FakeSession } from './session';

// Preact runs useEffect after the next frame, or after 35 ms without one (jsdom): wait past that.
export const tick = async (times = 2) => {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, 40));
  await new Promise((r) => setTimeout(r, 0));
};

export async function setup(options: WidgetOptions = {}, mount: Omit<MountOptions, 'transcript'> = {}, session = new FakeSession()) {
  const { config, issues } = validateConfig({ startChat: 'https://backend.example/start', storageKey: `t${Math.random().toString(36).slice(2)}`, ...options });
  if (issues.length) throw new Error(issues.map((i) => i.message).join('; '));
  const host = document.createElement('div');
  document.body.append(host);
  const ctl = mountWidget(host, config, session, { transcript: bundledTranscript, ...mount });
  await ctl.ready;
  await tick();
  const root = host.shadowRoot!;
  const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E & HTMLElement>(sel);
  const $$ = <E extends Element = HTMLElement>(sel: string) => Array.from(root.querySelectorAll<E & HTMLElement>(sel));
  const text = () => root.textContent ?? '';
  const cleanup = () => {
    ctl.destroy();
    host.remove();
  };
  return { session, ctl, host, root, $, $$, text, config, cleanup };
}

export function key(el: Element, k: string, init: KeyboardEventInit = {}) {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true, ...init }));
}

export function type(el: HTMLTextAreaElement | HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

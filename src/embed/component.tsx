// <ConnectChat />: the widget as a Preact component.
//
//   <ConnectChat startChat="/api/start-chat" region="eu-west-2" locale={lang} onMessage={log} apiRef={chat} />
//
// Props are the options plus on<Event> handlers. `locale`, `theme` and `attributes` change in place;
// other options re-mount the widget (the conversation resumes). Unmounting keeps the conversation;
// `apiRef.current.destroy()` ends and forgets it.
import { useEffect, useRef } from 'preact/hooks';
import type { WidgetOptions } from '../config.js';
import { mount } from './mount.js';
import type { WidgetInstance } from './api.js';
import { EVENT_NAMES, type WidgetEventName, type WidgetEvents } from './events.js';

type Handlers = {
  [K in WidgetEventName as `on${Capitalize<K>}`]?: (detail: WidgetEvents[K]) => void;
};

export type ConnectChatProps = WidgetOptions &
  Handlers & {
    /** Receives the widget's API once mounted (null after unmount). */
    apiRef?: { current: WidgetInstance | null };
  };

const handlerName = (event: WidgetEventName) => `on${event[0].toUpperCase()}${event.slice(1)}` as keyof Handlers;
const LIVE = new Set(['locale', 'theme', 'attributes']);

const isOption = (key: string) => key !== 'apiRef' && key !== 'children' && !/^on[A-Z]/.test(key);

/** The props that are widget options (handlers and apiRef are not). */
function optionsOf(props: ConnectChatProps): WidgetOptions {
  return Object.fromEntries(Object.entries(props).filter(([k]) => isOption(k))) as WidgetOptions;
}

/** Options that need a new widget when they change (functions compared by identity). */
function mountKey(props: ConnectChatProps): string {
  const rest = Object.entries(optionsOf(props)).filter(([k]) => !LIVE.has(k));
  return JSON.stringify(rest, (_, v: unknown) => (typeof v === 'function' ? `function#${identity(v as object)}` : v));
}

const ids = new WeakMap<object, number>();
let nextId = 0;
function identity(fn: object): number {
  if (!ids.has(fn)) ids.set(fn, ++nextId);
  return ids.get(fn)!;
}

/** useEffect that skips its first run: the mount already used the first values. */
function useChange(run: () => void, key: unknown): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else run();
  }, [key]);
}

export function ConnectChat(props: ConnectChatProps) {
  const host = useRef<HTMLDivElement>(null);
  const widget = useRef<WidgetInstance | null>(null);
  // Handlers are read at event time, so a new arrow function each render never re-mounts anything.
  const latest = useRef(props);
  latest.current = props;
  const key = mountKey(props);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const { apiRef } = latest.current;
    const instance = mount(element, optionsOf(latest.current));
    widget.current = instance;
    if (apiRef) apiRef.current = instance;
    const offs = EVENT_NAMES.map((event) =>
      instance.on(event, (detail: unknown) => {
        const handler = latest.current[handlerName(event)] as ((d: unknown) => void) | undefined;
        handler?.(detail);
      }),
    );
    return () => {
      offs.forEach((off) => off());
      widget.current = null;
      if (apiRef && apiRef.current === instance) apiRef.current = null;
      void instance.unmount();
    };
  }, [key]);

  const { locale, theme, attributes } = props;
  useChange(() => void widget.current?.setLocale(locale ?? 'auto'), locale);
  useChange(() => widget.current?.setTheme(theme ?? 'light'), JSON.stringify(theme ?? null));
  useChange(() => widget.current?.setAttributes(attributes ?? {}), JSON.stringify(attributes ?? null));

  return <div ref={host} data-connect-chat-component="" />;
}

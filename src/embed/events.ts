// The events of the embedding API, the same for the script tag, mount(), <connect-chat> and the
// Preact component. Details reuse the session's shapes, so a listener written against ChatSession
// reads the same objects here.
import type { ChatErrorCode, ConnectionState, TranscriptEntry } from '../chat/types.js';

/** Error codes of the `error` event: the session's, plus the embedding's own. */
export type WidgetErrorCode =
  | ChatErrorCode
  /** loader.js could not fetch widget.js (script tag only). */
  | 'load-failed'
  /** An API call with an unknown method or bad arguments; nothing was changed. */
  | 'invalid-call';

export interface WidgetEvents {
  /** The launcher is on the page and API calls take effect. Fires once per widget. */
  ready: undefined;
  /** The chat window opened (launcher, `open()`, `toggle()`, `startChat()` or autoOpen). */
  open: undefined;
  close: undefined;
  /** A chat started or a stored one was resumed and connected. */
  chatStarted: { contactId: string; participantId: string; signedContactId?: string };
  /** A new transcript entry: from the agent, bot or system, or an own send confirmed by the service. */
  message: TranscriptEntry;
  /** The number of messages that arrived while the window was closed changed. */
  unreadChange: { count: number };
  connectionChange: ConnectionState;
  chatEnded: { contactId?: string; signedContactId?: string };
  error: { code: WidgetErrorCode; message: string; cause?: unknown };
}

export type WidgetEventName = keyof WidgetEvents;
export type WidgetListener<K extends WidgetEventName> = (detail: WidgetEvents[K]) => void;

export const EVENT_NAMES: readonly WidgetEventName[] = [
  'ready', 'open', 'close', 'chatStarted', 'message', 'unreadChange', 'connectionChange', 'chatEnded', 'error',
];

type AnyListener = (detail: unknown) => void;

/** A small typed emitter. A throwing listener is reported and does not stop the others. */
export class Emitter {
  private readonly map = new Map<string, Set<AnyListener>>();
  private ready = false;

  on<K extends WidgetEventName>(event: K, listener: WidgetListener<K>): () => void {
    checkEvent(event, listener);
    let set = this.map.get(event);
    if (!set) this.map.set(event, (set = new Set()));
    set.add(listener as AnyListener);
    // `ready` is a state as much as an event: a listener added after it still hears it.
    if (event === 'ready' && this.ready) queueMicrotask(() => set.has(listener as AnyListener) && (listener as AnyListener)(undefined));
    return () => this.off(event, listener);
  }

  off<K extends WidgetEventName>(event: K, listener: WidgetListener<K>): void {
    this.map.get(event)?.delete(listener as AnyListener);
  }

  emit<K extends WidgetEventName>(event: K, detail: WidgetEvents[K]): void {
    if (event === 'ready') this.ready = true;
    for (const listener of [...(this.map.get(event) ?? [])]) {
      try {
        listener(detail);
      } catch (error) {
        console.error(`connect-chat: a "${event}" listener threw`, error);
      }
    }
  }

  clear(): void {
    this.map.clear();
    this.ready = false;
  }
}

/** A typo in an event name would otherwise be a listener that silently never fires. */
export function checkEvent(event: unknown, listener: unknown): asserts event is WidgetEventName {
  if (!EVENT_NAMES.includes(event as WidgetEventName)) {
    throw new TypeError(`connect-chat: unknown event ${JSON.stringify(event)}; the events are ${EVENT_NAMES.join(', ')}.`);
  }
  if (typeof listener !== 'function') throw new TypeError(`connect-chat: the listener for "${event}" must be a function.`);
}

// The handshake between loader.js (no framework) and the widget chunk it imports on first open.

export interface BootContext {
  /** The configuration as given (script data-* attributes merged with `init`); validated by the widget. */
  config: Record<string, unknown>;
  /** The Shadow DOM the loader created; the widget renders into it. */
  root: ShadowRoot;
  /** The loader's own launcher, which the widget replaces with its own. */
  launcher?: HTMLButtonElement;
  /** Fires an API event (`ready`, `open`, `message`, …) to listeners registered with `on`. */
  emit(event: string, detail?: unknown): void;
}

export interface WidgetHandle {
  /** Runs an API method (`open`, `close`, `startChat`, `setLocale`, …) with its arguments. */
  call(method: string, args: unknown[]): unknown;
}

// ConnectChat('method', ...args): the script tag's way of calling the API. Calls come from pages we
// do not control, so a wrong name or a failing promise is reported (console and `error` event)
// instead of thrown into the site's code.
import type { ConnectChatApi } from './api.js';

/** Methods reachable through ConnectChat(...). `init`, `on` and `off` are handled by loader.js. */
export const METHODS = [
  'open', 'close', 'toggle', 'show', 'hide', 'startChat', 'endChat', 'setLocale', 'setTheme', 'setAttributes', 'destroy',
] as const;
export type MethodName = (typeof METHODS)[number];

export function invoke(api: ConnectChatApi, method: string, args: unknown[], onInvalid: (message: string) => void): unknown {
  if (!(METHODS as readonly string[]).includes(method)) {
    onInvalid(`unknown method ${JSON.stringify(method)}; the methods are init, on, off, ${METHODS.join(', ')}.`);
    return undefined;
  }
  const fn = api[method as MethodName] as (...a: unknown[]) => unknown;
  const result = fn(...args);
  // A rejection is already reported as an `error` event by the session; the page gets a promise
  // that settles either way, so an un-awaited call never becomes an unhandled rejection.
  return result instanceof Promise ? result.then(() => undefined, () => undefined) : result;
}

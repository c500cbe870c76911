// The context that carries the UI's strings and locale to interactive messages and views (app.tsx
// provides it), the two strings a message shows while its chunk loads, and formatString (the views'
// renderer uses it too). Apart from strings.ts, so neither the shell nor the transcript carries the
// English defaults: they come with the templates.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { InteractiveStrings } from './strings';

/** What the UI provides: strings (partial is fine) and the locale for dates/times (BCP 47). */
export interface InteractiveLocale {
  strings?: Partial<InteractiveStrings>;
  locale?: string;
  /** IANA time zone for showing times; default: the browser's. Tests pin it. */
  timeZone?: string;
}

export const InteractiveStringsContext = createContext<InteractiveLocale>({});

/** The defaults of what an interactive message says while its chunk loads (lazy.tsx), or if it cannot. */
export const PENDING_STRINGS = { unsupported: 'This message cannot be shown here.', viewLoading: 'Loading…' };

/** One of those, as the UI or the message's `strings` prop overrides it (as resolveStrings does). */
export function usePendingString(key: keyof typeof PENDING_STRINGS, override?: Partial<InteractiveStrings>): string {
  const given = [override?.[key], useContext(InteractiveStringsContext).strings?.[key]].find((s) => typeof s === 'string');
  return given ?? PENDING_STRINGS[key];
}

/** Fills `{name}` placeholders; unknown placeholders stay as written. */
export function formatString(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

// HTML attributes -> options, for <connect-chat start-chat="/api/chat" theme="dark" z-index="5000">.
// Values stay text except JSON objects and lists; validateConfig turns "true", "42" or "a,b" into
// what each option needs and names any value it cannot use.
import type { WidgetOptions } from '../config.js';

// Attributes every element may carry: they describe the element, not the widget.
const GLOBAL =
  /^(id|class|style|hidden|title|lang|dir|slot|part|exportparts|tabindex|role|inert|is|autofocus|translate|draggable|contenteditable|spellcheck|accesskey|autocapitalize|enterkeyhint|inputmode|popover|(data|aria)-.*|on.*)$/;

export const toCamel = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The options written as attributes on `element` (global HTML attributes are left out). */
export function optionsFromAttributes(element: Element): WidgetOptions {
  const out: Record<string, unknown> = {};
  for (const { name, value } of Array.from(element.attributes)) {
    if (GLOBAL.test(name)) continue;
    out[toCamel(name)] = parseValue(value);
  }
  return out as WidgetOptions;
}

/** JSON for objects and lists; everything else as written. A broken JSON value is left as text, so the validator names the option. */
export function parseValue(value: string): unknown {
  if (!/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Is this attribute an option (rather than id, class, aria-*, …)? */
export const isOptionAttribute = (name: string): boolean => !GLOBAL.test(name);

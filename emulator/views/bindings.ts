// Binding rules of the emulator's view templates, as pure functions (see the vocabulary in index.ts).
// A renderer needs exactly these rules; the tests use them to prove every binding resolves.
import type { JsonValue, ViewComponent, ViewTemplate } from './types.js';
import { COMPONENT_TYPES } from './types.js';

/** `$` / `$.Path` (from the ViewData root) or `@` / `@.Path` (from the current ForEach element). */
export function isBinding(value: string): boolean {
  return /^[$@](\.|\[|$)/.test(value);
}

/** `A.B[2].C` -> ['A', 'B', 2, 'C']. Throws on a malformed path so template mistakes surface early. */
export function parsePath(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  const pattern = /\.([A-Za-z_][\w-]*)|\[(\d+)\]/y;
  let index = 0;
  while (index < path.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(path);
    if (!match) throw new Error(`bad binding path "${path}" at character ${index}: use $.Name, $.List[0] or @.Name`);
    segments.push(match[1] !== undefined ? match[1] : Number(match[2]));
    index = pattern.lastIndex;
  }
  return segments;
}

/** Resolves one binding; `undefined` when any step is missing. */
export function resolveBinding(expression: string, root: JsonValue, scope: JsonValue | undefined): JsonValue | undefined {
  let current: JsonValue | undefined = expression.startsWith('@') ? scope : root;
  for (const segment of parsePath(expression.slice(1))) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (Array.isArray(current)) return undefined;
      current = Object.prototype.hasOwnProperty.call(current, segment) ? current[segment] : undefined;
    }
  }
  return current;
}

/** Deep-resolves a Props value: every binding string is replaced by what it points at. */
export function resolveValue(value: JsonValue, root: JsonValue, scope: JsonValue | undefined): JsonValue | undefined {
  if (typeof value === 'string') return isBinding(value) ? resolveBinding(value, root, scope) : value;
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (const item of value) {
      const resolved = resolveValue(item, root, scope);
      if (resolved !== undefined) out.push(resolved);
    }
    return out;
  }
  if (value && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = resolveValue(item, root, scope);
      if (resolved !== undefined) out[key] = resolved;
    }
    return out;
  }
  return value;
}

/** Falsy per the vocabulary's `Visible` rule: missing, null, false, '' or an empty array. */
export function isHidden(visible: JsonValue | undefined): boolean {
  return visible === undefined || visible === null || visible === false || visible === '' || (Array.isArray(visible) && visible.length === 0);
}

export interface VisitedComponent {
  component: ViewComponent;
  /** The ForEach element in scope (`@`), if any. */
  scope: JsonValue | undefined;
}

/**
 * Walks the template the way a renderer expands it for `data`: ForEach repeats a Container's Content
 * per element (with Type matching), Visible hides a subtree. Calls `visit` for every rendered component.
 */
export function expandTemplate(template: ViewTemplate, data: JsonValue, visit: (visited: VisitedComponent) => void): void {
  const walk = (component: ViewComponent, scope: JsonValue | undefined): void => {
    if ('Visible' in component.Props && isHidden(resolveValue(component.Props.Visible, data, scope))) return;
    visit({ component, scope });
    const children = (component.Content ?? []).filter((child): child is ViewComponent => typeof child !== 'string');
    const forEach = component.Props.ForEach;
    if (component.Type === 'Container' && typeof forEach === 'string') {
      const list = resolveBinding(forEach, data, scope);
      if (!Array.isArray(list)) return;
      for (const element of list) {
        for (const child of childrenFor(children, element)) walk(child, element);
      }
      return;
    }
    for (const child of children) walk(child, scope);
  };
  for (const component of template.Body) walk(component, undefined);
}

/** The ForEach Type-matching rule: an element naming a component Type gets only the templates of that Type. */
export function childrenFor(children: ViewComponent[], element: JsonValue): ViewComponent[] {
  const type = element && typeof element === 'object' && !Array.isArray(element) ? element.Type : undefined;
  if (typeof type !== 'string' || !(COMPONENT_TYPES as readonly string[]).includes(type)) return children;
  return children.filter((child) => child.Type === type);
}

/** Every binding string inside a value (Props, Content text, Configuration), for checks. */
export function bindingsIn(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return isBinding(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => bindingsIn(item));
  if (value && typeof value === 'object') return Object.values(value).flatMap((item) => bindingsIn(item));
  return [];
}

// Bindings in view templates (the vocabulary of emulator/views/index.ts and chat-protocol.md §3.3):
// a template string that is exactly `$`, `$.Path`, `@` or `@.Path` is replaced by data.
// `$` is the InputData root, `@` the current element of a Container's ForEach.
// Path steps: `.Name`, `[index]` (and `["odd key"]`). Strings that merely contain "$." ("costs
// $.50") are text. An unresolved binding is absent: dropped from arrays and objects.

const PATH_RE = /^[$@]((?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"\\]*"\])*)$/;
const SEGMENT_RE = /\.([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"\\]*)"\]/g;
const MAX_DEPTH = 40;

export function isBinding(value: unknown): value is string {
  return typeof value === 'string' && PATH_RE.test(value.trim());
}

function step(current: unknown, key: string | number): unknown {
  if (typeof current !== 'object' || current === null) return undefined;
  if (typeof key === 'number') return Array.isArray(current) ? current[key] : undefined;
  if (Array.isArray(current)) return undefined;
  // Own properties only: a template must not reach __proto__ or constructor.
  return Object.prototype.hasOwnProperty.call(current, key) ? (current as Record<string, unknown>)[key] : undefined;
}

/** Value of one binding expression, or undefined. */
export function resolveBinding(expression: string, root: unknown, scope?: unknown): unknown {
  const match = PATH_RE.exec(expression.trim());
  if (!match) return undefined;
  let current: unknown = expression.trim().startsWith('@') ? scope : root;
  for (const seg of (match[1] ?? '').matchAll(SEGMENT_RE)) {
    const key = seg[1] ?? (seg[2] !== undefined ? Number(seg[2]) : seg[3]);
    if (key === undefined) return undefined;
    current = step(current, key);
    if (current === undefined) return undefined;
  }
  return current;
}

/** `value` with every binding string replaced (deep); unresolved bindings are left out. */
export function resolveValue(value: unknown, root: unknown, scope?: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return undefined;
  if (typeof value === 'string') return isBinding(value) ? resolveBinding(value, root, scope) : value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const resolved = resolveValue(item, root, scope, depth + 1);
      if (resolved !== undefined) out.push(resolved);
    }
    return out;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // Assigning "__proto__" would set the prototype instead of a property.
      if (key === '__proto__') continue;
      const resolved = resolveValue(item, root, scope, depth + 1);
      if (resolved !== undefined) out[key] = resolved;
    }
    return out;
  }
  return value;
}

/** The `Visible` rule: missing, null, false, "" or an empty array hides. */
export function isHidden(visible: unknown): boolean {
  return visible === undefined || visible === null || visible === false || visible === '' || (Array.isArray(visible) && visible.length === 0);
}

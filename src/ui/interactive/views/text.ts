// Reading display values out of untrusted, loosely typed template data.

/** Strings as they are, numbers and booleans as text, anything else as "". */
export function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return '';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `{Label}` objects or plain strings -> the label text. */
export function labelOf(value: unknown): string {
  if (isRecord(value)) return toText(value.Label ?? value.label ?? value.Heading ?? value.Name);
  return toText(value);
}

export function truthy(value: unknown): boolean {
  return value === true || value === 'true';
}

// viewData of a ViewResource message -> the InputData object templates bind to.
// viewData arrives as a JSON string or an object, and each top-level value may itself be a
// JSON string (flows pass nested data as strings). Like the hosted widget we parse those, but
// only when they look like JSON objects or arrays: a heading such as "2024" or "true" stays text.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseNested(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return value;
  }
}

export function parseViewData(viewData: unknown): Record<string, unknown> {
  let data: unknown = viewData;
  if (typeof viewData === 'string') {
    try {
      data = JSON.parse(viewData) as unknown;
    } catch {
      return {};
    }
  }
  if (!isRecord(data)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key !== '__proto__') out[key] = parseNested(value);
  }
  return out;
}

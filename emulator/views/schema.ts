// Checks ViewData against a view's InputSchema (the JSON Schema subset in types.ts), so a bad
// ShowView payload is refused with a message naming the member instead of rendering half a view.
import type { JsonSchema, JsonValue } from './types.js';

/** Problems found, each naming the path (e.g. `$.Cards[1].Summary.Id is required`). Empty = valid. */
export function checkAgainstSchema(schema: JsonSchema, value: JsonValue | undefined, path = '$'): string[] {
  if (value === undefined) return [];
  if (schema.oneOf) {
    const attempts = schema.oneOf.map((option) => checkAgainstSchema(option, value, path));
    if (attempts.some((problems) => problems.length === 0)) return [];
    return [`${path} matches none of its allowed shapes (closest: ${closest(attempts).join('; ')})`];
  }
  const problems: string[] = [];
  if (schema.type && !hasType(schema.type, value)) {
    return [`${path} must be ${article(schema.type)}, got ${describe(value)}`];
  }
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    problems.push(`${path} must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`);
  }
  if (schema.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const name of schema.required ?? []) {
      if (!(name in value)) problems.push(`${path}.${name} is required`);
    }
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      problems.push(...checkAgainstSchema(child, value[name], `${path}.${name}`));
    }
  }
  if (schema.type === 'array' && Array.isArray(value) && schema.items) {
    const items = schema.items;
    value.forEach((item, index) => problems.push(...checkAgainstSchema(items, item, `${path}[${index}]`)));
  }
  return problems;
}

function hasType(type: NonNullable<JsonSchema['type']>, value: JsonValue): boolean {
  switch (type) {
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return article(typeof value);
}

/** The alternative the value was most likely meant as: fewest wrong-discriminator (enum) problems, then fewest problems. */
function closest(attempts: string[][]): string[] {
  const rank = (problems: string[]) => problems.filter((p) => p.includes('must be one of')).length * 1000 + problems.length;
  return attempts.reduce((best, next) => (rank(next) < rank(best) ? next : best));
}

// The service model's constraints as data, and one checker that reports every violation the way AWS
// does ("1 validation error detected: Value … at 'Member' failed to satisfy constraint: …").
// This is the emulator's own validation: the SDK validates nothing (wire-spec §2), so the server must.

export type Rule =
  | { kind: 'string'; required?: boolean; min?: number; max?: number; pattern?: RegExp; patternText?: string; enum?: readonly string[] }
  | { kind: 'integer'; required?: boolean; min?: number; max?: number }
  | { kind: 'boolean'; required?: boolean }
  | { kind: 'list'; required?: boolean; min?: number; max?: number; member: Rule }
  | { kind: 'map'; required?: boolean; key: Rule; value: Rule }
  | { kind: 'structure'; required?: boolean; members: Record<string, Rule> };

export const str = (options: Omit<Extract<Rule, { kind: 'string' }>, 'kind'> = {}): Rule => ({ kind: 'string', ...options });
export const int = (options: Omit<Extract<Rule, { kind: 'integer' }>, 'kind'> = {}): Rule => ({ kind: 'integer', ...options });
export const bool = (options: Omit<Extract<Rule, { kind: 'boolean' }>, 'kind'> = {}): Rule => ({ kind: 'boolean', ...options });
export const list = (member: Rule, options: Omit<Extract<Rule, { kind: 'list' }>, 'kind' | 'member'> = {}): Rule => ({
  kind: 'list',
  member,
  ...options,
});
export const map = (key: Rule, value: Rule, options: { required?: boolean } = {}): Rule => ({ kind: 'map', key, value, ...options });
export const struct = (members: Record<string, Rule>, options: { required?: boolean } = {}): Rule => ({
  kind: 'structure',
  members,
  ...options,
});

/** Length as the model counts it: Unicode code points, not UTF-16 units. */
export function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.length > 60 ? `${text.slice(0, 57)}...` : text}'`;
}

/** Every violation of `rule` by `value`, as AWS-style sentences; `path` names the member. */
export function violations(value: unknown, rule: Rule, path: string): string[] {
  const at = (constraint: string): string => `Value ${describe(value)} at '${path}' failed to satisfy constraint: ${constraint}`;
  if (value === undefined || value === null) return rule.required ? [at('Member must not be null')] : [];
  switch (rule.kind) {
    case 'string': {
      if (typeof value !== 'string') return [at('Member must be a string')];
      const out: string[] = [];
      const length = codePoints(value);
      if (rule.min !== undefined && length < rule.min) out.push(at(`Member must have length greater than or equal to ${rule.min}`));
      if (rule.max !== undefined && length > rule.max) out.push(at(`Member must have length less than or equal to ${rule.max}`));
      if (rule.enum && !rule.enum.includes(value)) out.push(at(`Member must satisfy enum value set: [${rule.enum.join(', ')}]`));
      if (rule.pattern && !rule.pattern.test(value)) {
        out.push(at(`Member must satisfy regular expression pattern: ${rule.patternText ?? rule.pattern.source}`));
      }
      return out;
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return [at('Member must be an integer')];
      const out: string[] = [];
      if (rule.min !== undefined && value < rule.min) out.push(at(`Member must have value greater than or equal to ${rule.min}`));
      if (rule.max !== undefined && value > rule.max) out.push(at(`Member must have value less than or equal to ${rule.max}`));
      return out;
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : [at('Member must be a boolean')];
    case 'list': {
      if (!Array.isArray(value)) return [at('Member must be a list')];
      const out: string[] = [];
      if (rule.min !== undefined && value.length < rule.min) out.push(at(`Member must have length greater than or equal to ${rule.min}`));
      if (rule.max !== undefined && value.length > rule.max) out.push(at(`Member must have length less than or equal to ${rule.max}`));
      value.forEach((member, index) => {
        const memberRule = { ...rule.member, required: true };
        out.push(...violations(member, memberRule, `${path}.${index + 1}.member`));
      });
      return out;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return [at('Member must be a map')];
      const out: string[] = [];
      for (const [key, member] of Object.entries(value)) {
        out.push(...violations(key, rule.key, `${path}.key`));
        out.push(...violations(member, { ...rule.value, required: true }, `${path}.${key}`));
      }
      return out;
    }
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) return [at('Member must be a structure')];
      const record = value as Record<string, unknown>;
      const out: string[] = [];
      for (const [name, memberRule] of Object.entries(rule.members)) {
        out.push(...violations(record[name], memberRule, path ? `${path}.${name}` : name));
      }
      return out;
    }
  }
}

/** The AWS-style message for a list of violations, or undefined when there are none. */
export function validationMessage(found: string[]): string | undefined {
  if (found.length === 0) return undefined;
  const head = `${found.length} validation error${found.length === 1 ? '' : 's'} detected: `;
  const message = head + found.join('; ');
  // The model caps ValidationException.Message at 2000 characters.
  return message.length > 2000 ? `${message.slice(0, 1997)}...` : message;
}

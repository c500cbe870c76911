// Form field rules and validation (pure).
// Rules come from the field's own Props (Required, InputType, MinLength, MaxLength, Pattern,
// Min, Max, Options) merged with JSON-Schema keywords that InputSchema gives for the field's
// Name, at `properties.<Name>` or `properties.FormData.properties.<Name>` (plus the `required`
// list next to it): type, format (email/uri/date), minLength, maxLength, pattern, minimum,
// maximum, enum. Messages come from the strings table, so they are translatable.
import { formatString, type InteractiveStrings } from '../strings';

export type FieldValue = string | string[];

export type FieldKind = 'text' | 'email' | 'number' | 'url' | 'tel' | 'date' | 'password' | 'search' | 'textarea';

export interface FieldRules {
  required?: boolean;
  kind?: FieldKind;
  minLength?: number;
  maxLength?: number;
  /** A regular expression source (anchored to the whole value when tested). */
  pattern?: string;
  min?: number;
  max?: number;
  /** Allowed values. */
  allowed?: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function truthy(value: unknown): boolean {
  return value === true || value === 'true';
}

const KINDS: readonly FieldKind[] = ['text', 'email', 'number', 'url', 'tel', 'date', 'password', 'search', 'textarea'];

export function fieldKind(inputType: unknown): FieldKind {
  const t = typeof inputType === 'string' ? inputType.toLowerCase() : '';
  return (KINDS as readonly string[]).includes(t) ? (t as FieldKind) : 'text';
}

function clean(rules: FieldRules): FieldRules {
  const out: FieldRules = {};
  for (const [k, v] of Object.entries(rules) as Array<[keyof FieldRules, FieldRules[keyof FieldRules]]>) {
    if (v !== undefined && v !== false) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** Rules stated on the component itself. */
export function rulesFromProps(type: string, props: Record<string, unknown>): FieldRules {
  const kind = type === 'DatePicker' ? 'date' : type === 'Dropdown' ? undefined : fieldKind(props.InputType);
  return clean({
    required: truthy(props.Required) || truthy(props.IsRequired),
    kind,
    minLength: num(props.MinLength),
    maxLength: num(props.MaxLength),
    pattern: typeof props.Pattern === 'string' ? props.Pattern : undefined,
    min: num(props.Min),
    max: num(props.Max),
  });
}

function schemaFor(schema: unknown, name: string): { node?: Record<string, unknown>; required: boolean } {
  if (!isRecord(schema)) return { required: false };
  const parents: Record<string, unknown>[] = [schema];
  const props = isRecord(schema.properties) ? schema.properties : undefined;
  if (props && isRecord(props.FormData)) parents.push(props.FormData);
  for (const parent of parents) {
    const properties = isRecord(parent.properties) ? parent.properties : undefined;
    if (!properties || !Object.prototype.hasOwnProperty.call(properties, name)) continue;
    const node = properties[name];
    if (!isRecord(node)) continue;
    const required = Array.isArray(parent.required) && parent.required.includes(name);
    return { node, required };
  }
  return { required: false };
}

/** Rules InputSchema states for the field called `name` (empty when it says nothing). */
export function rulesFromSchema(schema: unknown, name: string): FieldRules {
  const { node, required } = schemaFor(schema, name);
  if (!node) return clean({ required });
  const format = typeof node.format === 'string' ? node.format : undefined;
  const type = typeof node.type === 'string' ? node.type : undefined;
  const kind: FieldKind | undefined =
    format === 'email' ? 'email' : format === 'uri' || format === 'url' ? 'url' : format === 'date' ? 'date' : type === 'number' || type === 'integer' ? 'number' : undefined;
  const allowed = Array.isArray(node.enum) ? node.enum.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String) : undefined;
  return clean({
    required,
    kind,
    minLength: num(node.minLength),
    maxLength: num(node.maxLength),
    pattern: typeof node.pattern === 'string' ? node.pattern : undefined,
    min: num(node.minimum),
    max: num(node.maximum),
    allowed: allowed && allowed.length > 0 ? allowed : undefined,
  });
}

/** Component rules win where both speak; `required` holds if either says so. */
export function mergeRules(fromProps: FieldRules, fromSchema: FieldRules): FieldRules {
  const kind = fromProps.kind && fromProps.kind !== 'text' ? fromProps.kind : (fromSchema.kind ?? fromProps.kind);
  return clean({ ...fromSchema, ...fromProps, kind, required: !!(fromProps.required || fromSchema.required) });
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function patternMatches(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    try {
      return new RegExp(`^(?:${pattern})$`).test(value);
    } catch {
      // A broken pattern in the template must not block the customer.
      return true;
    }
  }
}

/** The first problem with `value`, in words for the user, or null when it is fine. */
export function validateValue(value: FieldValue, rules: FieldRules, strings: InteractiveStrings): string | null {
  const values = Array.isArray(value) ? value : [value];
  const present = values.filter((v) => v.trim() !== '');
  if (present.length === 0) return rules.required ? strings.required : null;
  for (const v of present) {
    const text = v.trim();
    if (rules.allowed && !rules.allowed.includes(v)) return strings.notAllowed;
    if (rules.kind === 'email' && !EMAIL_RE.test(text)) return strings.invalidEmail;
    if (rules.kind === 'url') {
      try {
        const url = new URL(text);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return strings.invalidUrl;
      } catch {
        return strings.invalidUrl;
      }
    }
    if (rules.kind === 'date' && (!DATE_RE.test(text) || Number.isNaN(Date.parse(text)))) return strings.invalidDate;
    if (rules.kind === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n)) return strings.invalidNumber;
      if (rules.min !== undefined && n < rules.min) return formatString(strings.tooSmall, { min: rules.min });
      if (rules.max !== undefined && n > rules.max) return formatString(strings.tooLarge, { max: rules.max });
    }
    if (rules.minLength !== undefined && v.length < rules.minLength) return formatString(strings.tooShort, { min: rules.minLength });
    if (rules.maxLength !== undefined && v.length > rules.maxLength) return formatString(strings.tooLong, { max: rules.maxLength });
    if (rules.pattern !== undefined && !patternMatches(rules.pattern, v)) return strings.patternMismatch;
  }
  return null;
}

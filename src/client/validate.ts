// Client-side validation of an operation's input against the model's constraints (shapes.ts), plus
// SendMessage's documented per-ContentType Content limits. Pure: returns the issues found.
import type { ValidationIssue } from './errors.js';
import { OPERATIONS, type OperationSpec } from './operations.js';
import type { Members, Shape } from './shapes.js';
import type { OperationName } from './types.js';

/** Per-ContentType limits of SendMessage's Content, as documented in the model (in characters). */
export const SEND_MESSAGE_CONTENT_LIMITS: Readonly<Record<string, number>> = {
  'text/plain': 1024,
  'text/markdown': 1024,
  'application/json': 12000,
  'application/vnd.amazonaws.connect.message.interactive.response': 12288,
};

/** Length as the model counts it: Unicode code points, so an emoji is one character. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

const range = (min: number | undefined, max: number | undefined, unit: string): string =>
  min !== undefined && max !== undefined
    ? min === max
      ? `exactly ${min}${unit}`
      : `${min}..${max}${unit}`
    : min !== undefined
      ? `at least ${min}${unit}`
      : `at most ${max}${unit}`;

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

function checkShape(path: string, value: unknown, shape: Shape, issues: ValidationIssue[]): void {
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') {
        issues.push({ member: path, problem: `must be a string, got ${describe(value)}` });
        return;
      }
      if (shape.enum) {
        if (!shape.enum.includes(value)) {
          const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
          issues.push({ member: path, problem: `${JSON.stringify(shown)} is not an allowed value`, limit: shape.enum.join(' | ') });
        }
        return;
      }
      const len = codePointLength(value);
      if ((shape.min !== undefined && len < shape.min) || (shape.max !== undefined && len > shape.max)) {
        // Never echo the value: it may be a token.
        issues.push({
          member: path,
          problem: len === 0 ? 'must not be empty' : `is ${len} characters long`,
          limit: range(shape.min, shape.max, ' characters'),
        });
      }
      return;
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        issues.push({ member: path, problem: `must be an integer, got ${typeof value === 'number' ? value : describe(value)}` });
        return;
      }
      if ((shape.min !== undefined && value < shape.min) || (shape.max !== undefined && value > shape.max)) {
        issues.push({ member: path, problem: `is ${value}`, limit: range(shape.min, shape.max, '') });
      }
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') issues.push({ member: path, problem: `must be a boolean, got ${describe(value)}` });
      return;
    case 'list': {
      if (!Array.isArray(value)) {
        issues.push({ member: path, problem: `must be an array, got ${describe(value)}` });
        return;
      }
      if ((shape.min !== undefined && value.length < shape.min) || (shape.max !== undefined && value.length > shape.max)) {
        issues.push({ member: path, problem: `has ${value.length} items`, limit: range(shape.min, shape.max, ' items') });
      }
      value.forEach((item, i) => checkShape(`${path}[${i}]`, item, shape.member, issues));
      return;
    }
    case 'structure':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        issues.push({ member: path, problem: `must be an object, got ${describe(value)}` });
        return;
      }
      checkMembers(`${path}.`, value as Record<string, unknown>, shape.members, issues);
      return;
  }
}

function checkMembers(prefix: string, input: Record<string, unknown>, members: Members, issues: ValidationIssue[]): void {
  for (const [name, member] of Object.entries(members)) {
    const value = input[name];
    if (value === undefined || value === null) {
      if (member.required && !member.idempotencyToken) issues.push({ member: prefix + name, problem: 'is required' });
      continue;
    }
    checkShape(prefix + name, value, member.shape, issues);
  }
  for (const name of Object.keys(input)) {
    if (!(name in members)) {
      issues.push({
        member: prefix + name,
        problem: `is not a member of this input; members are ${Object.keys(members).join(', ')}`,
      });
    }
  }
}

function checkSendMessageContent(input: Record<string, unknown>, issues: ValidationIssue[]): void {
  const { ContentType, Content } = input;
  if (typeof ContentType !== 'string' || typeof Content !== 'string') return;
  const max = SEND_MESSAGE_CONTENT_LIMITS[ContentType];
  if (max === undefined) return;
  // The model's own limit already flagged Content (empty, or over 16384): keep one issue, but state
  // the limit that applies to this ContentType.
  const existing = issues.find((i) => i.member === 'Content');
  if (existing) {
    if (existing.limit !== undefined) existing.limit = `1..${max} characters`;
    return;
  }
  const len = codePointLength(Content);
  if (len > max) {
    issues.push({
      member: 'Content',
      problem: `is ${len} characters long, too long for ContentType ${ContentType}; shorten it or split it into several messages`,
      limit: `1..${max} characters`,
    });
  }
}

/** Checks `input` against the operation's model constraints; an empty array means valid. */
export function validateInput(spec: OperationSpec, input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    issues.push({ member: '(input)', problem: `must be an object with the operation's members, got ${describe(input)}` });
    return issues;
  }
  const record = input as Record<string, unknown>;
  checkMembers('', record, spec.input, issues);
  if (spec.name === 'SendMessage') checkSendMessageContent(record, issues);
  return issues;
}

/** validateInput for an operation by name: what the client runs before sending. */
export function validateOperation(operation: OperationName, input: unknown): ValidationIssue[] {
  return validateInput(OPERATIONS[operation], input);
}

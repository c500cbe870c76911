import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERACTIVE_STRINGS as S } from '../strings';
import { mergeRules, rulesFromProps, rulesFromSchema, validateValue } from './validation';

describe('rules', () => {
  it('from component props', () => {
    expect(rulesFromProps('FormInput', { InputType: 'email', Required: true, MaxLength: '20' })).toEqual({ required: true, kind: 'email', maxLength: 20 });
    expect(rulesFromProps('DatePicker', {})).toEqual({ kind: 'date' });
    expect(rulesFromProps('FormInput', { InputType: 'weird' })).toEqual({ kind: 'text' });
  });

  it('from InputSchema at properties.<Name> and properties.FormData.properties.<Name>', () => {
    const schema = {
      type: 'object',
      required: ['email'],
      properties: {
        email: { type: 'string', format: 'email' },
        FormData: { type: 'object', required: ['age'], properties: { age: { type: 'integer', minimum: 18, maximum: 120 }, size: { enum: ['S', 'M'] } } },
      },
    };
    expect(rulesFromSchema(schema, 'email')).toEqual({ required: true, kind: 'email' });
    expect(rulesFromSchema(schema, 'age')).toEqual({ required: true, kind: 'number', min: 18, max: 120 });
    expect(rulesFromSchema(schema, 'size')).toEqual({ allowed: ['S', 'M'] });
    expect(rulesFromSchema(schema, 'unknown')).toEqual({});
    expect(rulesFromSchema('not a schema', 'x')).toEqual({});
  });

  it('merge: component wins, required if either says so, a specific kind beats text', () => {
    expect(mergeRules({ kind: 'text', maxLength: 5 }, { kind: 'email', required: true, maxLength: 50 })).toEqual({ kind: 'email', required: true, maxLength: 5 });
  });
});

describe('validateValue', () => {
  it('required', () => {
    expect(validateValue('', { required: true }, S)).toBe(S.required);
    expect(validateValue('  ', { required: true }, S)).toBe(S.required);
    expect(validateValue([], { required: true }, S)).toBe(S.required);
    expect(validateValue('', {}, S)).toBeNull();
  });

  it('kinds', () => {
    expect(validateValue('jane@', { kind: 'email' }, S)).toBe(S.invalidEmail);
    expect(validateValue('jane@example.com', { kind: 'email' }, S)).toBeNull();
    expect(validateValue('12a', { kind: 'number' }, S)).toBe(S.invalidNumber);
    expect(validateValue('17', { kind: 'number', min: 18 }, S)).toBe('Enter 18 or more.');
    expect(validateValue('121', { kind: 'number', max: 120 }, S)).toBe('Enter 120 or less.');
    expect(validateValue('javascript:alert(1)', { kind: 'url' }, S)).toBe(S.invalidUrl);
    expect(validateValue('https://ok.example', { kind: 'url' }, S)).toBeNull();
    expect(validateValue('2030-02-31x', { kind: 'date' }, S)).toBe(S.invalidDate);
    expect(validateValue('2030-02-14', { kind: 'date' }, S)).toBeNull();
  });

  it('lengths, pattern (whole value), allowed values', () => {
    expect(validateValue('ab', { minLength: 3 }, S)).toBe('Enter at least 3 characters.');
    expect(validateValue('abcd', { maxLength: 3 }, S)).toBe('Enter at most 3 characters.');
    expect(validateValue('SN1234', { pattern: '[A-Z]{2}\\d{8}' }, S)).toBe(S.patternMismatch);
    expect(validateValue('xSN12345678', { pattern: '[A-Z]{2}\\d{8}' }, S)).toBe(S.patternMismatch);
    expect(validateValue('SN12345678', { pattern: '[A-Z]{2}\\d{8}' }, S)).toBeNull();
    expect(validateValue('L', { allowed: ['S', 'M'] }, S)).toBe(S.notAllowed);
    expect(validateValue(['S', 'L'], { allowed: ['S', 'M'] }, S)).toBe(S.notAllowed);
  });

  it('a broken pattern from the template does not block the customer', () => {
    expect(validateValue('anything', { pattern: '([' }, S)).toBeNull();
  });
});

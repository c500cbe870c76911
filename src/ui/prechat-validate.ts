// Pre-chat field checks, pure: one error message per field or none.
import type { PreChatField } from '../config';
import type { StringKey } from '../i18n';

type T = (key: StringKey) => string;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function fieldError(field: PreChatField, value: string | boolean | undefined, t: T): string | null {
  if (field.type === 'checkbox') return field.required && value !== true ? t('required') : null;
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return field.required ? t('required') : null;
  if (field.type === 'email' && !EMAIL.test(text)) return t('invalidEmail');
  if (field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(text)) return field.patternMessage || t('invalid');
  if (field.type === 'select' && !field.options?.some((o) => o.value === text)) return t('invalid');
  return null;
}

export function formErrors(fields: readonly PreChatField[], values: Record<string, string | boolean>, t: T): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const e = fieldError(f, values[f.name], t);
    if (e) out[f.name] = e;
  }
  return out;
}

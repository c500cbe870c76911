// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../i18n';
import { fieldError } from './prechat-validate';
import { setup, tick, type } from './testing/mount';

let done: (() => void)[] = [];
afterEach(() => {
  done.forEach((f) => f());
  done = [];
});

const preChatForm = {
  intro: 'Tell us who you are',
  fields: [
    { name: 'name', type: 'name', label: 'Your name', required: true },
    { name: 'email', type: 'email', label: 'Email', required: true },
    { name: 'order', type: 'text', label: 'Order number', pattern: '[A-Z]{2}\\d{4}', patternMessage: 'Like AB1234' },
    { name: 'topic', type: 'select', label: 'Topic', options: [{ value: 'billing', label: 'Billing' }, { value: 'tech', label: 'Technical' }] },
    { name: 'consent', type: 'checkbox', label: 'I accept the privacy policy', required: true },
  ],
} as const;

describe('pre-chat form', () => {
  it('shows the configured fields instead of starting, with labels and required marks', async () => {
    const w = await setup({ preChatForm: preChatForm as never }, { open: true });
    done.push(w.cleanup);
    expect(w.session.called('start')).toHaveLength(0);
    expect(w.$('.cw-form p')!.textContent).toBe('Tell us who you are');
    expect(w.$$('.cw-field label').map((l) => l.textContent)).toEqual([
      'Your name (required)', 'Email (required)', 'Order number', 'Topic', 'I accept the privacy policy (required)',
    ]);
    expect(w.$('#cw-f-name')!.getAttribute('aria-required')).toBe('true');
    expect(w.$('#cw-f-email')!.getAttribute('type')).toBe('email');
    expect(w.root.activeElement).toBe(w.$('#cw-f-name'));
  });

  it('submit with errors: inline messages tied to their fields, focus on the first, nothing started', async () => {
    const w = await setup({ preChatForm: preChatForm as never }, { open: true });
    done.push(w.cleanup);
    type(w.$<HTMLInputElement>('#cw-f-email')!, 'not-an-email');
    type(w.$<HTMLInputElement>('#cw-f-order')!, 'ab12');
    await tick();
    w.$('.cw-form button[type=submit]')!.click();
    await tick();
    const err = (id: string) => w.$(`#cw-f-${id}-e`)?.textContent;
    expect(err('name')).toBe(en.required);
    expect(err('email')).toBe(en.invalidEmail);
    expect(err('order')).toBe('Like AB1234');
    expect(err('topic')).toBeUndefined();
    expect(err('consent')).toBe(en.required);
    expect(w.$('#cw-f-email')!.getAttribute('aria-invalid')).toBe('true');
    expect(w.$('#cw-f-email')!.getAttribute('aria-describedby')).toBe('cw-f-email-e');
    expect(w.root.activeElement).toBe(w.$('#cw-f-name'));
    expect(w.session.called('start')).toHaveLength(0);
  });

  it('valid values become the display name and contact attributes', async () => {
    const w = await setup({ preChatForm: preChatForm as never, attributes: { source: 'web' } }, { open: true });
    done.push(w.cleanup);
    type(w.$<HTMLInputElement>('#cw-f-name')!, '  Zoë  ');
    type(w.$<HTMLInputElement>('#cw-f-email')!, 'zoe@example.com');
    const select = w.$<HTMLSelectElement>('#cw-f-topic')!;
    select.value = 'tech';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    w.$<HTMLInputElement>('#cw-f-consent')!.click();
    await tick();
    w.$('.cw-form button[type=submit]')!.click();
    await tick();
    expect(w.session.called('start')[0][0]).toMatchObject({
      displayName: 'Zoë',
      attributes: { source: 'web', name: '  Zoë  ', email: 'zoe@example.com', topic: 'tech', consent: 'true' },
    });
    expect(w.$('.cw-form')).toBeNull();
    expect(w.$('.cw-ta')).not.toBeNull();
  });
});

describe('fieldError', () => {
  const t = (k: keyof typeof en) => en[k];
  it('checks required, email, pattern (whole value) and select options', () => {
    expect(fieldError({ name: 'a', label: 'A', required: true }, '   ', t)).toBe(en.required);
    expect(fieldError({ name: 'a', label: 'A' }, '', t)).toBeNull();
    expect(fieldError({ name: 'a', label: 'A', type: 'email' }, 'a@b', t)).toBe(en.invalidEmail);
    expect(fieldError({ name: 'a', label: 'A', type: 'email' }, 'a@b.co', t)).toBeNull();
    expect(fieldError({ name: 'a', label: 'A', pattern: '\\d+' }, '12x', t)).toBe(en.invalid);
    expect(fieldError({ name: 'a', label: 'A', pattern: '\\d+' }, '123', t)).toBeNull();
    expect(fieldError({ name: 'a', label: 'A', type: 'select', options: [{ value: 'x', label: 'X' }] }, 'y', t)).toBe(en.invalid);
    expect(fieldError({ name: 'a', label: 'A', type: 'checkbox', required: true }, false, t)).toBe(en.required);
    expect(fieldError({ name: 'a', label: 'A', type: 'checkbox', required: true }, true, t)).toBeNull();
  });
});

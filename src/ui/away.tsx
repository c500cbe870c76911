// While chat is closed (config.availability): the site's message and when it opens again, and with
// whenClosed 'leave-message' a form whose message goes to the site's back end (an Amazon Connect task
// with connect-chat-widget/server). Its own chunk: only sites with business hours download it. What
// the visitor typed stays through a failed send; a field the back end refuses is marked as such.
// It imports nothing the opening download has (lazy-part.tsx adds its styles): shared modules would be
// split into a chunk of their own, on the opening path.
import { useEffect, useRef, useState } from 'preact/hooks';
import { leaveMessage, LeaveMessageError } from '../chat/leave-message';
import type { PreChatField } from '../config';
import type { StringKey } from '../i18n';
import { Field } from './prechat';
import { formErrors } from './prechat-validate';
import type { Ui } from './state';

export const styles =
  '.cw-awayv{gap:10px}.cw-awayv h3{margin:0;font-size:1.1em;font-weight:650}.cw-next{color:var(--cw-muted)}' +
  '.cw-leave{display:flex;flex-direction:column;gap:14px;margin-top:6px}.cw-area{resize:vertical;min-height:88px}' +
  '.cw-sentmsg{padding:12px;border:1px solid var(--cw-success);border-radius:8px}';

/** A ClientToken for one message (random; any text of up to 500 characters will do). */
const newToken = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** "Today 14:00", "Tomorrow 09:00", "Monday 09:00", else the date: when chat opens again. */
export function formatReopening(at: Date, locale: string, now = new Date()): string {
  const days = Math.round((new Date(at).setHours(0, 0, 0, 0) - new Date(now).setHours(0, 0, 0, 0)) / 86_400_000);
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at);
  if (days === 0 || days === 1) {
    const day = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
    return `${day.charAt(0).toLocaleUpperCase(locale)}${day.slice(1)} ${time}`;
  }
  const day = new Intl.DateTimeFormat(locale, days > 1 && days < 7 ? { weekday: 'long' } : { dateStyle: 'medium' }).format(at);
  return `${day} ${time}`;
}

export function Away({ ui }: { ui: Ui }) {
  const { t, config } = ui;
  const state = ui.availability.value;
  const closed = state.status === 'closed' ? state : undefined;
  const form = config.whenClosed === 'leave-message' ? config.leaveMessage : null;
  const section = useRef<HTMLElement>(null);
  // This view arrives after the window opened (its chunk, the hours check), when the opening focus
  // went outside the body (a header button, nowhere): it goes to the first field, or the heading.
  useEffect(() => {
    const here = section.current;
    const root = here?.getRootNode() as ShadowRoot | Document | undefined;
    if (!here || root?.activeElement?.closest('.cw-body')) return;
    (here.querySelector<HTMLElement>('[id^=cw-f-]') ?? here.querySelector<HTMLElement>('h3'))?.focus();
  }, []);
  return (
    <section ref={section} class="cw-form cw-awayv" aria-labelledby="cw-away-h">
      <h3 id="cw-away-h" tabIndex={-1}>
        {t('away')}
      </h3>
      <p dir="auto">{closed?.message ?? t('awayMessage')}</p>
      {closed?.nextOpen && <p class="cw-next">{t('reopens', { when: formatReopening(closed.nextOpen, ui.locale.value) })}</p>}
      {form && <LeaveMessage ui={ui} />}
    </section>
  );
}

function defaultFields(t: (key: StringKey) => string): PreChatField[] {
  return [
    { name: 'name', type: 'name', label: t('fieldName') },
    { name: 'email', type: 'email', label: t('fieldEmail'), required: true },
    { name: 'message', type: 'textarea', label: t('message'), required: true },
  ];
}

type Values = Record<string, string | boolean>;

function LeaveMessage({ ui }: { ui: Ui }) {
  const { t, config } = ui;
  const form = config.leaveMessage!;
  const fields = form.fields ?? defaultFields(t);
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const [state, setState] = useState<'editing' | 'sending' | 'sent' | 'failed'>('editing');
  // One token per message: a retry after a lost answer is the same message.
  const token = useRef(newToken());
  const ref = useRef<HTMLFormElement>(null);

  const set = (name: string, v: string | boolean) => {
    token.current = newToken();
    setValues((prev) => {
      const next = { ...prev, [name]: v };
      if (tried) setErrors(formErrors(fields, next, t));
      return next;
    });
  };
  const focus = (name: string) => ref.current?.querySelector<HTMLElement>(`[id="cw-f-${name}"]`)?.focus();
  // Sent: the form (and its focused button) is gone; the focus goes to the thanks that replaced it.
  const thanks = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state === 'sent') thanks.current?.focus();
  }, [state]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (state === 'sending') return;
    const errs = formErrors(fields, values, t);
    setErrors(errs);
    setTried(true);
    const bad = fields.find((f) => errs[f.name]);
    if (bad) return focus(bad.name);
    const sent: Record<string, string> = {};
    for (const f of fields) {
      const v = values[f.name];
      if (typeof v === 'string' && v.trim()) sent[f.name] = v.trim();
      else if (v === true) sent[f.name] = 'true';
    }
    setState('sending');
    try {
      await leaveMessage(
        form.submit,
        { fields: sent, attributes: ui.attributes.peek(), clientToken: token.current },
        config.startChatHeaders ? { headers: config.startChatHeaders } : {},
      );
      setState('sent');
      ui.announce(`left-${token.current}`, t('messageSent'));
    } catch (error) {
      const field = error instanceof LeaveMessageError ? error.field : undefined;
      if (field && fields.some((f) => f.name === field)) {
        setErrors({ [field]: t('invalid') });
        focus(field);
      }
      console.warn(`ConnectChat: ${error instanceof Error ? error.message : String(error)}`);
      setState('failed');
    }
  };

  if (state === 'sent') {
    return (
      <p ref={thanks} class="cw-sentmsg" role="status" tabIndex={-1}>
        {t('messageSent')}
      </p>
    );
  }
  return (
    <form ref={ref} class="cw-leave" noValidate onSubmit={(e) => void submit(e)} aria-busy={state === 'sending' ? 'true' : undefined}>
      <p>{form.intro || t('leaveIntro')}</p>
      {fields.map((f) => (
        <Field key={f.name} f={f} value={values[f.name]} error={errors[f.name]} set={set} mark={t('requiredMark')} />
      ))}
      {state === 'failed' && (
        <p class="cw-err" role="alert">
          {t('leaveFailed')}
        </p>
      )}
      <button type="submit" class="cw-btn cw-pri" disabled={state === 'sending'}>
        {state === 'sending' ? t('sending') : t('sendMessage')}
      </button>
    </form>
  );
}

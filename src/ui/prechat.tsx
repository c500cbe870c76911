// The optional pre-chat form: fields from config, errors inline next to each field (announced via
// aria-describedby + aria-invalid), focus on the first wrong field. Its values start the chat.
import { useRef, useState } from 'preact/hooks';
import type { PreChatField } from '../config';
import { formErrors } from './prechat-validate';
import type { Ui } from './state';

type Values = Record<string, string | boolean>;

export function PreChat({ ui }: { ui: Ui }) {
  const form = ui.config.preChatForm!;
  const { t } = ui;
  const [values, setValues] = useState<Values>(() => ({ ...ui.formValues.peek() }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const ref = useRef<HTMLFormElement>(null);

  // Functional update: browser autofill changes several fields before the next render.
  const set = (name: string, v: string | boolean) =>
    setValues((prev) => {
      const next = { ...prev, [name]: v };
      if (tried) setErrors(formErrors(form.fields, next, t));
      return next;
    });
  const submit = (e: Event) => {
    e.preventDefault();
    const errs = formErrors(form.fields, values, t);
    setErrors(errs);
    setTried(true);
    const bad = form.fields.find((f) => errs[f.name]);
    if (bad) ref.current?.querySelector<HTMLElement>(`[id="cw-f-${bad.name}"]`)?.focus();
    else {
      // The form goes away with the focus in it: the message box takes the focus, so the first
      // words the visitor types land there (not on the page).
      ui.focusComposer = true;
      void ui.start(values);
    }
  };

  return (
    <form ref={ref} class="cw-form" noValidate onSubmit={submit}>
      <p>{form.intro || t('prechatIntro')}</p>
      {form.fields.map((f) => (
        <Field key={f.name} f={f} value={values[f.name]} error={errors[f.name]} set={set} mark={t('requiredMark')} />
      ))}
      <button type="submit" class="cw-btn cw-pri">
        {t('startChat')}
      </button>
    </form>
  );
}

/** One field of a form (the pre-chat form, the leave-message form), its error tied to it. */
export function Field({ f, value, error, set, mark }: { f: PreChatField; value?: string | boolean; error?: string; set: (n: string, v: string | boolean) => void; mark: string }) {
  const id = `cw-f-${f.name}`;
  const a11y = {
    id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? id + '-e' : undefined,
    'aria-required': f.required ? ('true' as const) : undefined,
  };
  const text = typeof value === 'string' ? value : '';
  const label = (
    <>
      {f.label}
      {f.required && <span class="cw-req"> {mark}</span>}
    </>
  );
  return (
    <div class="cw-field">
      {f.type === 'checkbox' ? (
        <label class="cw-check">
          <input type="checkbox" {...a11y} checked={value === true} onChange={(e) => set(f.name, e.currentTarget.checked)} />
          <span>{label}</span>
        </label>
      ) : (
        <>
          <label for={id}>{label}</label>
          {f.type === 'select' ? (
            <select class="cw-input" {...a11y} value={text} onChange={(e) => set(f.name, e.currentTarget.value)}>
              <option value="">{f.placeholder ?? '—'}</option>
              {f.options!.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : f.type === 'textarea' ? (
            <textarea class="cw-input cw-area" {...a11y} rows={4} placeholder={f.placeholder} value={text} onInput={(e) => set(f.name, e.currentTarget.value)} />
          ) : (
            <input
              class="cw-input"
              {...a11y}
              // Preact's input typing wants one literal per element; both kinds take the same attributes.
              type={(f.type === 'email' ? 'email' : 'text') as 'text'}
              autocomplete={f.type === 'name' ? 'name' : f.type === 'email' ? 'email' : 'off'}
              placeholder={f.placeholder}
              value={text}
              onInput={(e) => set(f.name, e.currentTarget.value)}
            />
          )}
        </>
      )}
      {error && (
        <p id={id + '-e'} class="cw-err">
          {error}
        </p>
      )}
    </div>
  );
}

// Form controls: FormInput, DatePicker, Dropdown. Native elements (keyboard and screen-reader
// support for free), each with a visible <label>, an optional hint, and an error message linked
// through aria-describedby and aria-invalid. Values live in the FormScope.
import type { JSX } from 'preact';
import { useId, useLayoutEffect, useMemo } from 'preact/hooks';
import { useViewEnv } from './env';
import { useFormScope, type FormScopeApi } from './form-scope';
import { asArray, isRecord, toText, truthy } from './text';
import { fieldKind, mergeRules, rulesFromProps, rulesFromSchema, type FieldRules, type FieldValue } from './validation';

export interface FieldProps {
  type: 'FormInput' | 'DatePicker' | 'Dropdown';
  props: Record<string, unknown>;
}

interface Option {
  label: string;
  value: string;
}

/** Options as [{Label, Value}], [{label, value}] or ["a", "b"]. */
export function dropdownOptions(props: Record<string, unknown>): Option[] {
  const raw = asArray(props.Options ?? props.Items ?? props.Values);
  const out: Option[] = [];
  for (const item of raw) {
    if (isRecord(item)) {
      const value = toText(item.Value ?? item.value ?? item.Id ?? item.Label ?? item.label);
      const label = toText(item.Label ?? item.label ?? value);
      if (value !== '' || label !== '') out.push({ label: label || value, value });
    } else {
      const text = toText(item);
      if (text !== '') out.push({ label: text, value: text });
    }
  }
  return out;
}

function defaultValue(type: FieldProps['type'], props: Record<string, unknown>, multiple: boolean): FieldValue {
  const raw = props.DefaultValue ?? props.Value;
  if (type === 'Dropdown') {
    // A Dropdown's value is always an array of the selected Values (its DefaultValue is one too);
    // a single select holds at most one.
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(toText).filter((v) => v !== '');
    return multiple ? list : list.slice(0, 1);
  }
  return Array.isArray(raw) ? toText(raw[0]) : toText(raw);
}

function useRegisteredField(scope: FormScopeApi | null, name: string, rules: FieldRules, initial: FieldValue): string {
  const elementId = useId();
  const rulesKey = JSON.stringify(rules);
  const initialKey = JSON.stringify(initial);
  useLayoutEffect(() => {
    if (!scope) return undefined;
    return scope.register({ name, rules, defaultValue: initial, elementId });
    // Register again only when what the scope needs to know changed.
  }, [scope?.register, name, rulesKey, initialKey, elementId]);
  return elementId;
}

export function Field({ type, props }: FieldProps): JSX.Element {
  const env = useViewEnv();
  const scope = useFormScope();
  const label = toText(props.Label) || toText(props.Name) || toText(props.Placeholder) || type;
  const name = toText(props.Name) || label;
  const multiple = type === 'Dropdown' && (truthy(props.Multiselect) || truthy(props.MultiSelect) || truthy(props.Multiple));
  const rules = useMemo(
    () => mergeRules(rulesFromProps(type, props), rulesFromSchema(env.inputSchema, name)),
    [type, props, env.inputSchema, name],
  );
  const initial = useMemo(() => defaultValue(type, props, multiple), [type, props, multiple]);
  const id = useRegisteredField(scope, name, rules, initial);
  const value = scope ? scope.value(name, initial) : initial;
  const error = scope?.error(name);
  const hint = toText(props.Description ?? props.HelpText ?? props.Hint ?? props.ConstraintText);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const readOnly = truthy(props.ReadOnly) || truthy(props.Disabled);
  const set = (v: FieldValue): void => scope?.setValue(name, v);
  const common = {
    id,
    name,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    'aria-required': rules.required ? ('true' as const) : undefined,
    readOnly: readOnly || undefined,
  };

  let control: JSX.Element;
  if (type === 'Dropdown') {
    const options = dropdownOptions(props);
    control = (
      <select
        {...common}
        class="cw-view-select"
        multiple={multiple}
        onChange={(event) => {
          const el = event.currentTarget;
          set(Array.from(el.selectedOptions).map((o) => o.value).filter((v) => v !== ''));
        }}
      >
        {!multiple && (
          <option value="" selected={Array.isArray(value) ? value.length === 0 : value === ''}>
            {toText(props.Placeholder) || env.strings.selectPlaceholder}
          </option>
        )}
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={Array.isArray(value) ? value.includes(o.value) : value === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    const kind = type === 'DatePicker' ? 'date' : fieldKind(props.InputType);
    const text = Array.isArray(value) ? (value[0] ?? '') : value;
    const placeholder = toText(props.Placeholder) || undefined;
    if (kind === 'textarea') {
      control = (
        <textarea {...common} class="cw-view-input cw-view-textarea" value={text} placeholder={placeholder} onInput={(e) => set(e.currentTarget.value)} />
      );
    } else {
      // Numbers use a text box with a decimal keyboard: a native number box hides what was typed
      // when it is not a number, so the customer could not be told what is wrong.
      const inputType = kind === 'number' ? 'text' : kind;
      const minMax =
        kind === 'date'
          ? { min: toText(props.Min) || undefined, max: toText(props.Max) || undefined }
          : {};
      control = (
        <input
          {...common}
          {...minMax}
          class="cw-view-input"
          // Preact's types discriminate <input> props by a literal `type`; ours is chosen at run time.
          type={inputType as 'text'}
          inputMode={kind === 'number' ? 'decimal' : undefined}
          autocomplete={kind === 'email' ? 'email' : kind === 'tel' ? 'tel' : undefined}
          value={text}
          placeholder={placeholder}
          onInput={(e) => set(e.currentTarget.value)}
        />
      );
    }
  }

  return (
    <div class={`cw-view-field cw-view-field-${type.toLowerCase()}`}>
      <label class="cw-view-label" for={id}>
        {label}
        {rules.required ? (
          <span class="cw-view-required" aria-hidden="true">
            {' *'}
          </span>
        ) : null}
      </label>
      {hint && (
        <p id={hintId} class="cw-view-hint">
          {hint}
        </p>
      )}
      {control}
      {error && (
        <p id={errorId} class="cw-view-error">
          {error}
        </p>
      )}
    </div>
  );
}

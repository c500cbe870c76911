// One form state per rendered view: field values, their rules, errors and submission.
// Fields register themselves (name, rules, default); a submit validates every registered field,
// shows each error next to its field (linked by aria-describedby), announces a summary, and
// moves focus to the first invalid field; only a valid form emits {"FormData": {...}}.
// After a failed submit, a field re-validates as the customer types, so errors clear promptly.
import { createContext, type ComponentChildren, type JSX } from 'preact';
import { useContext, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useViewEnv } from './env';
import { formOutput } from './outputs';
import { validateValue, type FieldRules, type FieldValue } from './validation';

export interface FieldSpec {
  name: string;
  rules: FieldRules;
  defaultValue: FieldValue;
  /** DOM id of the control (for focus). */
  elementId: string;
}

export interface FormScopeApi {
  value(name: string, fallback: FieldValue): FieldValue;
  error(name: string): string | undefined;
  setValue(name: string, value: FieldValue): void;
  register(spec: FieldSpec): () => void;
  /** Validates; when valid, emits `action` with {FormData, ...extra}. Returns validity. */
  submit(action: string, display: string, extra?: Record<string, unknown>): boolean;
}

const FormScopeContext = createContext<FormScopeApi | null>(null);

export function useFormScope(): FormScopeApi | null {
  return useContext(FormScopeContext);
}

export function FormScope({ children }: { children?: ComponentChildren }): JSX.Element {
  const env = useViewEnv();
  const rootRef = useRef<HTMLDivElement>(null);
  const specs = useRef(new Map<string, FieldSpec>());
  const [values, setValues] = useState<Record<string, FieldValue>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [showSummary, setShowSummary] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);

  // Layout effect: focus moves in the same task as the key press, before the next key arrives.
  useLayoutEffect(() => {
    if (!focusId) return;
    rootRef.current?.querySelector<HTMLElement>(`[id="${focusId}"]`)?.focus();
    setFocusId(null);
  }, [focusId]);

  // Latest state for callbacks created once.
  const live = useRef({ values, errors, env });
  live.current = { values, errors, env };

  const api = useMemo<FormScopeApi>(() => {
    const current = (spec: FieldSpec): FieldValue => live.current.values[spec.name] ?? spec.defaultValue;
    return {
      value: (name, fallback) => live.current.values[name] ?? fallback,
      error: (name) => live.current.errors[name],
      setValue: (name, value) => {
        setValues((prev) => ({ ...prev, [name]: value }));
        const spec = specs.current.get(name);
        if (spec && live.current.errors[name] !== undefined) {
          const message = validateValue(value, spec.rules, live.current.env.strings);
          setErrors((prev) => {
            const next = { ...prev };
            if (message) next[name] = message;
            else delete next[name];
            return next;
          });
        }
      },
      register: (spec) => {
        specs.current.set(spec.name, spec);
        return () => {
          if (specs.current.get(spec.name) === spec) specs.current.delete(spec.name);
        };
      },
      submit: (action, display, extra = {}) => {
        const { env: e } = live.current;
        if (e.disabled) return false;
        const found: Record<string, string> = {};
        const data: Record<string, FieldValue> = {};
        let first: FieldSpec | undefined;
        for (const spec of specs.current.values()) {
          const value = current(spec);
          data[spec.name] = value;
          const message = validateValue(value, spec.rules, e.strings);
          if (message) {
            found[spec.name] = message;
            first ??= spec;
          }
        }
        setErrors(found);
        if (first) {
          setShowSummary(true);
          setFocusId(first.elementId);
          return false;
        }
        setShowSummary(false);
        e.emit(action, formOutput(data, extra), display);
        return true;
      },
    };
  }, []);

  // A new context value whenever values or errors change, so fields below re-render even when
  // the view's element tree above them did not.
  const scoped = useMemo<FormScopeApi>(
    () => ({ ...api, value: (name, fallback) => values[name] ?? fallback, error: (name) => errors[name] }),
    [api, values, errors],
  );
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <FormScopeContext.Provider value={scoped}>
      <div ref={rootRef} class="cw-view-scope">
        <div class="cw-view-error-summary-slot" role="alert">
          {showSummary && hasErrors && <p class="cw-view-error-summary">{env.strings.fixErrors}</p>}
        </div>
        {children}
      </div>
    </FormScopeContext.Provider>
  );
}

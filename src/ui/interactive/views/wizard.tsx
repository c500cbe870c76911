// Wizard steps: an ordered list with the current step marked (aria-current="step").
// Earlier steps are buttons that send the Step action with {"StepName"}; the flow decides what
// to show next, so later steps are not reachable from here.
import type { JSX } from 'preact';
import { formatString, type InteractiveStrings } from '../strings';
import { asArray, isRecord, toText, truthy } from './text';

export interface Step {
  name: string;
  optional: boolean;
}

/**
 * Steps from [{Heading|Title|Name, Optional?, Active?|Current?}] or strings. The current step is
 * `active` (a number), else the step flagged Active/Current, else the one whose heading is
 * `currentHeading`, else the first.
 */
export function parseSteps(raw: unknown, active?: unknown, currentHeading?: string): { steps: Step[]; current: number } {
  const steps: Step[] = [];
  let flagged = -1;
  for (const item of asArray(raw)) {
    const name = isRecord(item) ? toText(item.Heading ?? item.Title ?? item.Name ?? item.Label) : toText(item);
    if (!name) continue;
    if (isRecord(item) && (truthy(item.Active) || truthy(item.Current)) && flagged < 0) flagged = steps.length;
    steps.push({ name, optional: isRecord(item) && truthy(item.Optional) });
  }
  const n = typeof active === 'number' ? active : typeof active === 'string' && active.trim() !== '' ? Number(active) : NaN;
  let current = Number.isInteger(n) && n >= 0 && n < steps.length ? n : flagged;
  if (current < 0 && currentHeading) current = steps.findIndex((s) => s.name === currentHeading);
  return { steps, current: Math.max(0, current) };
}

export interface StepListProps {
  steps: Step[];
  current: number;
  strings: InteractiveStrings;
  onStep: (name: string) => void;
  disabled: boolean;
}

export function StepList({ steps, current, strings, onStep, disabled }: StepListProps): JSX.Element | null {
  if (steps.length === 0) return null;
  return (
    // A labelled list, not a <nav>: several views in one transcript would repeat the landmark.
    <div class="cw-view-wizard">
      <ol class="cw-view-steps" aria-label={formatString(strings.stepOf, { current: current + 1, total: steps.length })}>
        {steps.map((step, i) => {
          const label = (
            <>
              <span class="cw-view-step-number" aria-hidden="true">
                {i + 1}
              </span>
              <span class="cw-view-step-name" title={step.optional ? `${step.name} (${strings.optional})` : step.name}>
                {step.name}
                {step.optional && <span class="cw-view-step-optional">{` (${strings.optional})`}</span>}
              </span>
            </>
          );
          return (
            <li
              key={i}
              class={`cw-view-step${i === current ? ' cw-view-step-current' : i < current ? ' cw-view-step-done' : ''}`}
              aria-current={i === current ? 'step' : undefined}
            >
              {i < current ? (
                <button
                  type="button"
                  class="cw-view-step-button"
                  aria-disabled={disabled ? 'true' : undefined}
                  onClick={() => !disabled && onStep(step.name)}
                >
                  {label}
                </button>
              ) : (
                label
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

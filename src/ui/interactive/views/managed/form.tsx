// AWS-managed `form` view: {Heading, SubHeading, Back, Next:{Label, Details}, Cancel:{Label},
// Wizard:[{Heading, Optional}], ErrorText:{Heading, Content}, AttributeBar,
// Sections:[{Type:"FormSection", Heading, Configuration:{Layout}, Items:[FormInput|DatePicker|Dropdown…]}]}
// -> Next {"FormData": {name: value}} after validation, Back, Cancel, Step {"StepName"}.
// ErrorText is the flow telling the customer what was wrong last time: shown as an alert.
import type { JSX } from 'preact';
import { SafeText } from '../../../content/safe-markdown';
import { AttributeList, parseAttributes } from '../attributes';
import { useViewEnv } from '../env';
import { ActionButton, ButtonRow, ViewComponent } from '../generic';
import { emptyOutput, stepOutput } from '../outputs';
import type { ViewNode } from '../template';
import { asArray, isRecord, labelOf, toText } from '../text';
import { StepList, parseSteps } from '../wizard';
import { BackButton, ViewHeader } from './common';

/** A managed form section (or a bare input given where a section was expected) as a template node. */
export function sectionNode(section: Record<string, unknown>): ViewNode {
  const type = typeof section.Type === 'string' ? section.Type : 'FormSection';
  const props = isRecord(section.Props) ? section.Props : section;
  return { type, props, content: [], ...(section.Configuration !== undefined ? { configuration: section.Configuration } : {}) };
}

export function FormView({ data }: { data: Record<string, unknown> }): JSX.Element {
  const env = useViewEnv();
  const heading = toText(data.Heading);
  const { steps, current } = parseSteps(data.Wizard, data.ActiveStepIndex ?? data.CurrentStep, heading);
  const errorText = isRecord(data.ErrorText) ? data.ErrorText : undefined;
  const next = isRecord(data.Next) ? data.Next : {};
  const nextLabel = labelOf(data.Next) || env.strings.next;
  const cancel = data.Cancel;
  return (
    <div class="cw-view-managed cw-view-managed-form">
      <StepList
        steps={steps}
        current={current}
        strings={env.strings}
        disabled={env.disabled}
        onStep={(name) => env.emit('Step', stepOutput(name), name)}
      />
      <ViewHeader heading={heading} sub={toText(data.SubHeading)} />
      {errorText && (toText(errorText.Heading) || toText(errorText.Content)) && (
        <div class="cw-view-error-box" role="alert">
          {toText(errorText.Heading) && <p class="cw-view-error-heading">{toText(errorText.Heading)}</p>}
          {toText(errorText.Content) && (
            <p class="cw-view-text">
              <SafeText text={toText(errorText.Content)} />
            </p>
          )}
        </div>
      )}
      <AttributeList items={parseAttributes(data.AttributeBar)} />
      <form class="cw-view-form" noValidate onSubmit={(event) => event.preventDefault()}>
        {asArray(data.Sections)
          .filter(isRecord)
          .map((section, i) => (
            <ViewComponent key={i} node={sectionNode(section)} />
          ))}
        {toText(next.Details) && <p class="cw-view-hint">{toText(next.Details)}</p>}
        <ButtonRow>
          <BackButton back={data.Back} />
          {cancel !== undefined && cancel !== null && cancel !== false && (
            <ActionButton label={labelOf(cancel) || env.strings.cancel} action="Cancel" output={emptyOutput()} />
          )}
          <ActionButton label={nextLabel} action="Next" formAction="submit" variant="primary" />
        </ButtonRow>
      </form>
    </div>
  );
}

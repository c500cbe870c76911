// AWS-managed `detail` view, and the detail page of a `cards` card.
// ViewData {Heading, Description, AttributeBar, Back:{Label}, Sections, Actions} -> actions
// ActionSelected {"actionName"} and Back.
import type { JSX, Ref } from 'preact';
import { SafeText } from '../../../content/safe-markdown';
import { AttributeList, parseAttributes } from '../attributes';
import { ButtonRow, ActionButton } from '../generic';
import { actionSelectedOutput } from '../outputs';
import { toText } from '../text';
import { BackButton, Sections, actionNames } from './common';

export interface DetailBodyProps {
  data: Record<string, unknown>;
  headingRef?: Ref<HTMLHeadingElement>;
}

export function DetailBody({ data, headingRef }: DetailBodyProps): JSX.Element {
  const heading = toText(data.Heading);
  const description = toText(data.Description);
  return (
    <div class="cw-view-detail">
      {heading && (
        <h3 class="cw-view-heading" ref={headingRef} tabIndex={-1}>
          {heading}
        </h3>
      )}
      {description && (
        <p class="cw-view-text">
          <SafeText text={description} />
        </p>
      )}
      <AttributeList items={parseAttributes(data.AttributeBar)} />
      <Sections sections={data.Sections} />
      <ButtonRow choices>
        {actionNames(data.Actions).map((name) => (
          <ActionButton key={name} label={name} action="ActionSelected" output={actionSelectedOutput(name)} />
        ))}
      </ButtonRow>
    </div>
  );
}

export function DetailView({ data }: { data: Record<string, unknown> }): JSX.Element {
  return (
    <div class="cw-view-managed cw-view-managed-detail">
      <DetailBody data={data} />
      <ButtonRow>
        <BackButton back={data.Back} />
      </ButtonRow>
    </div>
  );
}

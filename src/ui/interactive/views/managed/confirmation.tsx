// AWS-managed `confirmation` view: {Heading, SubHeading, Graphic:{Include}, Next:{Label}}
// -> Next {"Label"}.
import type { JSX } from 'preact';
import { useViewEnv } from '../env';
import { ActionButton, ButtonRow, Graphic } from '../generic';
import { confirmationOutput } from '../outputs';
import { isRecord, labelOf, toText, truthy } from '../text';
import { ViewHeader } from './common';

export function ConfirmationView({ data }: { data: Record<string, unknown> }): JSX.Element {
  const { strings } = useViewEnv();
  const graphic = isRecord(data.Graphic) ? truthy(data.Graphic.Include) : truthy(data.Graphic);
  const label = labelOf(data.Next) || strings.next;
  return (
    <div class="cw-view-managed cw-view-managed-confirmation">
      {graphic && <Graphic icon="success" />}
      <ViewHeader heading={toText(data.Heading)} sub={toText(data.SubHeading)} />
      <ButtonRow>
        <ActionButton label={label} action="Next" output={confirmationOutput(label)} variant="primary" />
      </ButtonRow>
    </div>
  );
}

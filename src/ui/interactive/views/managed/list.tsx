// AWS-managed `list` view: {Heading, SubHeading, Back, Items:[{Heading, Description, Icon, Id}]}
// -> ActionSelected {"Id"} for the chosen item (its Heading when it has no Id), Back.
import type { JSX } from 'preact';
import { useViewEnv } from '../env';
import { ButtonRow } from '../generic';
import { listItemOutput } from '../outputs';
import { asArray, isRecord, toText } from '../text';
import { BackButton, ViewHeader } from './common';

export function ListView({ data }: { data: Record<string, unknown> }): JSX.Element {
  const env = useViewEnv();
  const items = asArray(data.Items)
    .filter(isRecord)
    .map((item) => ({ id: toText(item.Id), heading: toText(item.Heading), description: toText(item.Description) }))
    .filter((item) => item.heading !== '' || item.id !== '');
  return (
    <div class="cw-view-managed cw-view-managed-list">
      <ViewHeader heading={toText(data.Heading)} sub={toText(data.SubHeading)} />
      <ul role="list" class="cw-view-list">
        {items.map((item, i) => (
          <li key={i} class="cw-view-list-item">
            <button
              type="button"
              class="cw-view-list-button"
              aria-disabled={env.disabled ? 'true' : undefined}
              onClick={() => env.emit('ActionSelected', listItemOutput(item.id || item.heading), item.heading || item.id)}
            >
              <span class="cw-view-list-heading">{item.heading || item.id}</span>
              {item.description && <span class="cw-view-list-description">{item.description}</span>}
            </button>
          </li>
        ))}
      </ul>
      <ButtonRow>
        <BackButton back={data.Back} />
      </ButtonRow>
    </div>
  );
}

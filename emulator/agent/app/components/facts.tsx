import { Fragment } from 'preact';
import type { ComponentChildren } from 'preact';

/** Name/value pairs as a description list (attributes, survey answers, task references). */
export function Facts({ id, entries }: { id?: string; entries: ReadonlyArray<readonly [string, ComponentChildren]> }) {
  return (
    <dl id={id} class="facts">
      {entries.map(([name, value]) => (
        <Fragment key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

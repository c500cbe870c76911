// Pieces shared by the AWS-managed views.
import type { JSX } from 'preact';
import { SafeText } from '../../../content/safe-markdown';
import { useViewEnv } from '../env';
import { ActionButton } from '../generic';
import { asArray, isRecord, labelOf, toText } from '../text';

export function ViewHeader({ heading, sub }: { heading: string; sub?: string }): JSX.Element | null {
  if (!heading && !sub) return null;
  return (
    <div class="cw-view-header">
      {heading && <h3 class="cw-view-heading">{heading}</h3>}
      {sub && <p class="cw-view-subtitle">{sub}</p>}
    </div>
  );
}

/** The view's Back button when the flow configured one ({Label} or true). */
export function BackButton({ back }: { back: unknown }): JSX.Element | null {
  const { strings } = useViewEnv();
  if (back === undefined || back === null || back === false || back === '') return null;
  return <ActionButton label={labelOf(back) || strings.back} action="Back" class="cw-view-back" />;
}

/** Sections as [{TemplateString}] or plain strings -> paragraphs of plain text (links made clickable). */
export function Sections({ sections }: { sections: unknown }): JSX.Element | null {
  const texts = asArray(sections)
    .map((s) => (isRecord(s) ? toText(s.TemplateString ?? s.Content ?? s.Text) : toText(s)))
    .filter((t) => t !== '');
  if (texts.length === 0) return null;
  return (
    <div class="cw-view-sections">
      {texts.map((t, i) => (
        <p key={i} class="cw-view-text">
          <SafeText text={t} />
        </p>
      ))}
    </div>
  );
}

/** Detail actions: ["Label", …] or [{Label}] -> names. */
export function actionNames(actions: unknown): string[] {
  return asArray(actions).map(labelOf).filter((n) => n !== '');
}

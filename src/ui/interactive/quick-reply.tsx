// QuickReply: a question and a row of short answers (native buttons in a labelled list).
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { SafeMarkdown } from '../content/safe-markdown';
import { DISPLAY_LIMITS, truncateForDisplay } from './parse';
import { Header } from './parts';
import type { QuickReplyTemplate } from './types';

export interface QuickReplyProps {
  template: QuickReplyTemplate;
  disabled: boolean;
  onSelect: (title: string) => void;
}

export function QuickReply({ template, disabled, onSelect }: QuickReplyProps): JSX.Element {
  const titleId = useId();
  return (
    <div class="cw-im-quickreply">
      <Header id={titleId} title={template.title} />
      <ul role="list" class="cw-im-chips" aria-labelledby={titleId}>
        {template.elements.map((element, index) => (
          <li key={index} class="cw-im-chip-item">
            <button
              type="button"
              class="cw-im-chip"
              aria-disabled={disabled ? 'true' : undefined}
              onClick={() => {
                if (!disabled) onSelect(element.title);
              }}
            >
              <SafeMarkdown inline links={false} source={truncateForDisplay(element.title, DISPLAY_LIMITS.quickReply)} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

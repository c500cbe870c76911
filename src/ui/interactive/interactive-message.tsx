// <InteractiveMessage>: renders one `…message.interactive` item.
//
// Contract for the transcript (UI):
//   <InteractiveMessage
//     content={entry.content}            the item's Content (untrusted JSON string)
//     actionable={id === actionableId}   only the latest item (transcript.ts interactiveStates)
//     answered={answers.get(id)}         the customer's answer, shown when collapsed
//     onReply={(r) => session.send(r.content, r.contentType)}
//     describeView={session.describeView} optional; ViewResource messages need it
//     strings={...} />                    optional; or InteractiveStringsContext
// Replies are exactly chat-protocol.md §3.2 (replies.ts). `reply.hidden` marks paging requests
// the transcript never shows; `reply.display` is the text to show for the own bubble.
// Not actionable => collapsed to the title and the answer. Malformed or unknown => the title
// (when readable) and a plain notice. A rendering error never escapes this component.
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ViewDescription } from '../../chat/types';
import { ViewMessage } from './views/view-message';
import { Carousel } from './carousel';
import { RenderBoundary } from './boundary';
import { parseInteractive } from './parse';
import { Collapsed, Fallback } from './parts';
import { Picker } from './picker';
import { QuickReply } from './quick-reply';
import { pagingReply, titleReply } from './replies';
import { useInteractiveLocale, type InteractiveStrings } from './strings';
import { describeSlotValue } from './time';
import { TimePicker } from './time-picker';
import type { InteractiveReply, InteractiveTemplate } from './types';

export interface InteractiveMessageProps {
  content: string;
  actionable: boolean;
  answered?: string;
  onReply: (reply: InteractiveReply) => void;
  describeView?: (viewToken: string) => Promise<ViewDescription>;
  strings?: Partial<InteractiveStrings>;
}

export function InteractiveMessage(props: InteractiveMessageProps): JSX.Element {
  const { strings } = useInteractiveLocale(props.strings);
  return (
    <RenderBoundary fallback={<Fallback notice={strings.unsupported} />}>
      <InteractiveBody {...props} />
    </RenderBoundary>
  );
}

function InteractiveBody({ content, actionable, answered, onReply, describeView, strings: override }: InteractiveMessageProps): JSX.Element {
  const { strings, locale, timeZone } = useInteractiveLocale(override);
  const parsed = useMemo(() => parseInteractive(content), [content]);
  // One reply per message: a second click must not send twice while the reply travels.
  const [sent, setSent] = useState(false);
  useEffect(() => setSent(false), [content, actionable]);

  if (!parsed.ok) {
    const notice = parsed.templateType && !parsed.title ? strings.unsupportedTemplate : strings.unsupported;
    return <Fallback title={parsed.title} notice={notice} />;
  }
  const template = parsed.template;

  if (template.templateType === 'ViewResource') {
    if (!describeView) return <Fallback notice={strings.unsupported} />;
    return (
      <ViewMessage
        content={content}
        actionable={actionable}
        answered={answered}
        describeView={describeView}
        onAction={onReply}
        strings={override}
      />
    );
  }

  if (!actionable) {
    return <Collapsed title={template.title} answer={answerText(template, answered, { locale, timeZone })} strings={strings} />;
  }

  const reply = (r: InteractiveReply): void => {
    if (sent) return;
    // Paging requests are not answers: the list is replaced, and a retry must stay possible.
    if (!r.hidden) setSent(true);
    onReply(r);
  };

  return (
    <div class={`cw-im cw-im-${template.templateType.toLowerCase()}-message`}>
      <Template template={template} disabled={sent} reply={reply} strings={strings} format={{ locale, timeZone }} />
    </div>
  );
}

function answerText(template: InteractiveTemplate, answered: string | undefined, format: { locale?: string; timeZone?: string }): string | undefined {
  if (!answered) return undefined;
  if (template.templateType === 'TimePicker') {
    return describeSlotValue(answered, template.timeslots, template.timeZoneOffset, format) ?? answered;
  }
  return answered;
}

interface TemplateProps {
  template: Exclude<InteractiveTemplate, { templateType: 'ViewResource' }>;
  disabled: boolean;
  reply: (r: InteractiveReply) => void;
  strings: InteractiveStrings;
  format: { locale?: string; timeZone?: string };
}

function Template({ template, disabled, reply, strings, format }: TemplateProps): JSX.Element {
  switch (template.templateType) {
    case 'ListPicker':
    case 'Panel':
      return (
        <Picker
          templateType={template.templateType}
          content={template}
          disabled={disabled}
          strings={strings}
          onSelect={(element) => reply(titleReply(element.title))}
          onPage={(element) => reply(pagingReply(element.action, template.paging, template.templateType))}
        />
      );
    case 'QuickReply':
      return <QuickReply template={template} disabled={disabled} onSelect={(title) => reply(titleReply(title))} />;
    case 'TimePicker':
      return <TimePicker template={template} disabled={disabled} onReply={reply} strings={strings} format={format} />;
    case 'Carousel':
      return <Carousel template={template} disabled={disabled} onReply={reply} strings={strings} />;
  }
}

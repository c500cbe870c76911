// ListPicker and Panel: a titled list of options (buttons), links and paging buttons.
// A list (role="list", so CSS list-style does not strip the semantics in WebKit) labelled by
// the title; every option is a native button (Enter/Space, Tab order). After a choice the
// options stay focusable but report aria-disabled, so keyboard focus is not lost. A page that
// replaces the list after Show more / Previous options takes the focus (paging-focus.ts).
import type { JSX } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { SafeMarkdown } from '../content/safe-markdown';
import { DISPLAY_LIMITS, truncateForDisplay } from './parse';
import { focusIsLost, notePagingRequest, takePagingFocus } from './paging-focus';
import { Header, TemplateImage } from './parts';
import type { InteractiveStrings } from './strings';
import type { PickerContent, PickerElement } from './types';

export type OptionElement = Extract<PickerElement, { kind: 'option' }>;
export type PagingElement = Extract<PickerElement, { kind: 'paging' }>;

export interface PickerProps {
  templateType: 'ListPicker' | 'Panel';
  content: PickerContent;
  /** True once a reply was sent (or the message is not actionable). */
  disabled: boolean;
  onSelect: (element: OptionElement) => void;
  onPage: (element: PagingElement) => void;
  strings: InteractiveStrings;
}

export function Picker({ templateType, content, disabled, onSelect, onPage, strings }: PickerProps): JSX.Element {
  const titleId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  // Panels show plain buttons: the hosted widget renders no element subtitles or images there.
  const rich = templateType === 'ListPicker';
  // Layout effect: the focus lands before the next key press is handled.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || disabled || !takePagingFocus(content.paging) || !focusIsLost(list)) return;
    const options = Array.from(list.querySelectorAll<HTMLElement>('button'));
    (options.find((b) => !b.classList.contains('cw-im-option-paging')) ?? options[0])?.focus();
  }, []);
  const page = (element: PagingElement): void => {
    if (!disabled) notePagingRequest(content.paging);
    onPage(element);
  };
  return (
    <div class={`cw-im-picker cw-im-${templateType === 'ListPicker' ? 'listpicker' : 'panel'}`}>
      <Header id={titleId} title={content.title} subtitle={content.subtitle} image={content.image} />
      <ul role="list" class="cw-im-options" aria-labelledby={titleId} ref={listRef}>
        {content.elements.map((element, index) => (
          <li key={index} class="cw-im-option-item">
            <Element element={element} rich={rich} disabled={disabled} onSelect={onSelect} onPage={page} strings={strings} />
          </li>
        ))}
      </ul>
    </div>
  );
}

interface ElementProps {
  element: PickerElement;
  rich: boolean;
  disabled: boolean;
  onSelect: (element: OptionElement) => void;
  onPage: (element: PagingElement) => void;
  strings: InteractiveStrings;
}

function Element({ element, rich, disabled, onSelect, onPage, strings }: ElementProps): JSX.Element {
  const title = truncateForDisplay(element.title, DISPLAY_LIMITS.elementTitle);
  if (element.kind === 'link') {
    if (!element.href) {
      return (
        <span class="cw-im-option cw-im-option-link cw-im-option-inert">
          <SafeMarkdown inline links={false} source={title} />
        </span>
      );
    }
    return (
      <a class="cw-im-option cw-im-option-link" href={element.href} target="_blank" rel="noopener noreferrer">
        <SafeMarkdown inline links={false} source={title} />
        <span class="cw-sr">{` ${strings.opensInNewTab}`}</span>
      </a>
    );
  }
  const onClick = (): void => {
    if (disabled) return;
    if (element.kind === 'paging') onPage(element);
    else onSelect(element);
  };
  if (element.kind === 'paging') {
    return (
      <button type="button" class="cw-im-option cw-im-option-paging" aria-disabled={disabled ? 'true' : undefined} onClick={onClick}>
        <SafeMarkdown inline links={false} source={title} />
      </button>
    );
  }
  const showImage = rich && element.image;
  const showSubtitle = rich && element.subtitle;
  return (
    <button
      type="button"
      class={`cw-im-option${showImage ? ' cw-im-option-has-image' : ''}`}
      aria-disabled={disabled ? 'true' : undefined}
      onClick={onClick}
    >
      {showImage && element.image && <TemplateImage image={element.image} class="cw-im-option-image" />}
      <span class="cw-im-option-text">
        <SafeMarkdown class="cw-im-option-title" inline links={false} source={title} />
        {showSubtitle && element.subtitle && (
          <SafeMarkdown
            class="cw-im-option-subtitle"
            inline
            links={false}
            source={truncateForDisplay(element.subtitle, DISPLAY_LIMITS.elementSubtitle)}
          />
        )}
      </span>
    </button>
  );
}

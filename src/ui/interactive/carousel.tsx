// Carousel: several ListPicker/Panel cards, one shown at a time.
// WAI-ARIA carousel pattern: a labelled region (aria-roledescription="carousel"), Previous/Next
// buttons, a live "2 of 5" position, and each card a group with aria-roledescription="slide".
// ArrowLeft/ArrowRight inside the carousel also move (mirrored in right-to-left layouts).
// A choice sends the Carousel JSON reply; a card's paging button sends the paging reply.
import type { JSX } from 'preact';
import { useLayoutEffect, useId, useRef, useState } from 'preact/hooks';
import { Header } from './parts';
import { Picker } from './picker';
import { carouselReply, pagingReply } from './replies';
import { formatString, type InteractiveStrings } from './strings';
import type { CarouselTemplate, InteractiveReply } from './types';

export interface CarouselProps {
  template: CarouselTemplate;
  disabled: boolean;
  onReply: (reply: InteractiveReply) => void;
  strings: InteractiveStrings;
}

export function Carousel({ template, disabled, onReply, strings }: CarouselProps): JSX.Element {
  const titleId = useId();
  const [index, setIndex] = useState(0);
  const [moveFocus, setMoveFocus] = useState(false);
  const slideRef = useRef<HTMLDivElement>(null);
  const total = template.cards.length;
  const current = Math.min(index, total - 1);
  const card = template.cards[current];

  // Layout effect: focus moves in the same task as the key press, before the next key arrives.
  useLayoutEffect(() => {
    if (!moveFocus) return;
    slideRef.current?.focus();
    setMoveFocus(false);
  }, [moveFocus]);

  const go = (next: number, focusSlide: boolean): void => {
    if (next < 0 || next >= total) return;
    setIndex(next);
    if (focusSlide) setMoveFocus(true);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const host = event.currentTarget as HTMLElement;
    const rtl = host.closest('[dir]')?.getAttribute('dir') === 'rtl';
    const forward = (event.key === 'ArrowRight') !== rtl;
    event.preventDefault();
    // Focus follows only when it was inside the slide that is about to be replaced.
    const inSlide = !!slideRef.current && slideRef.current.contains(event.target as Node);
    go(current + (forward ? 1 : -1), inSlide);
  };

  const position = formatString(strings.position, { current: current + 1, total });
  const off = (value: boolean): 'true' | undefined => (value ? 'true' : undefined);

  return (
    <section class="cw-im-carousel" aria-roledescription="carousel" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <Header id={titleId} title={template.title} />
      <div class="cw-im-carousel-nav">
        <button
          type="button"
          class="cw-im-carousel-prev"
          aria-label={strings.previousCard}
          aria-disabled={off(current === 0)}
          onClick={() => go(current - 1, false)}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <span class="cw-im-carousel-position" aria-live="polite" aria-atomic="true">
          {position}
        </span>
        <button
          type="button"
          class="cw-im-carousel-next"
          aria-label={strings.nextCard}
          aria-disabled={off(current >= total - 1)}
          onClick={() => go(current + 1, false)}
        >
          <span aria-hidden="true">›</span>
        </button>
      </div>
      {card && (
        <div
          key={current}
          ref={slideRef}
          class="cw-im-carousel-slide"
          role="group"
          aria-roledescription="slide"
          aria-label={position}
          tabIndex={-1}
        >
          <Picker
            templateType={card.templateType}
            content={card.content}
            disabled={disabled}
            strings={strings}
            onSelect={(element) => onReply(carouselReply(card.templateIdentifier, card.content.title, element.title))}
            onPage={(element) => onReply(pagingReply(element.action, card.content.paging, card.templateType))}
          />
        </div>
      )}
    </section>
  );
}

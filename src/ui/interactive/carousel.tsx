// Carousel: several ListPicker/Panel cards side by side in a strip that scrolls (and snaps) card by
// card; the next card peeks in at the edge, as in the peers' widgets. Swipe or scroll it, press
// Previous/Next, or use ArrowLeft/ArrowRight inside it (mirrored in right-to-left layouts).
// WAI-ARIA carousel pattern: a labelled region (aria-roledescription="carousel"), Previous/Next
// buttons, a live "2 of 5" position, each card a group with aria-roledescription="slide". Only the
// current card is interactive; the others are inert (out of the tab order and hidden from assistive
// technology, aria-hidden for tools that do not know inert), and a click on one that peeks in brings
// it forward.
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

const reducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
const isRtl = (el: Element): boolean => el.closest('[dir]')?.getAttribute('dir') === 'rtl';

/** How far the track must scroll for `slide` to start where the track's content does (negative: back). */
function offsetOf(track: HTMLElement, slide: HTMLElement): number {
  const t = track.getBoundingClientRect();
  const s = slide.getBoundingClientRect();
  const pad = parseFloat(getComputedStyle(track).scrollPaddingInlineStart) || 0;
  return isRtl(track) ? s.right - t.right + pad : s.left - t.left - pad;
}

export function Carousel({ template, disabled, onReply, strings }: CarouselProps): JSX.Element {
  const titleId = useId();
  const [index, setIndex] = useState(0);
  const [moveFocus, setMoveFocus] = useState(false);
  const track = useRef<HTMLDivElement>(null);
  // While Previous/Next/arrow keys scroll the strip, the cards it passes are not "current".
  const heading = useRef<number | null>(null);
  const total = template.cards.length;
  const current = Math.min(index, total - 1);
  const slides = (): HTMLElement[] => Array.from(track.current?.children ?? []) as HTMLElement[];

  // Layout effect: focus moves in the same task as the key press, before the next key arrives.
  useLayoutEffect(() => {
    if (!moveFocus) return;
    slides()[current]?.focus({ preventScroll: true });
    setMoveFocus(false);
  }, [moveFocus]);

  const go = (next: number, focusSlide: boolean): void => {
    if (next < 0 || next >= total) return;
    setIndex(next);
    if (focusSlide) setMoveFocus(true);
    const slide = slides()[next];
    const t = track.current;
    if (!t || !slide) return;
    const by = offsetOf(t, slide);
    if (Math.abs(by) < 1) return;
    heading.current = next;
    // Should the scroll stop short (the visitor grabbed the strip), hand-scrolling counts again.
    setTimeout(() => heading.current === next && (heading.current = null), 1000);
    t.scrollBy({ left: by, behavior: reducedMotion() ? 'auto' : 'smooth' });
  };

  // Swiped or scrolled by hand: the card nearest the start becomes the current one.
  const onScroll = (): void => {
    const t = track.current;
    if (!t) return;
    const nearest = slides().reduce((best, s, i) => (Math.abs(offsetOf(t, s)) < Math.abs(offsetOf(t, slides()[best])) ? i : best), 0);
    if (heading.current !== null) {
      if (nearest === heading.current && Math.abs(offsetOf(t, slides()[nearest])) < 2) heading.current = null;
      return;
    }
    if (nearest !== current) setIndex(nearest);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const forward = (event.key === 'ArrowRight') !== isRtl(event.currentTarget as HTMLElement);
    event.preventDefault();
    // Focus follows only when it was inside the slide that is about to be left.
    const inSlide = !!slides()[current]?.contains(event.target as Node);
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
      <div class="cw-im-carousel-track" ref={track} onScroll={onScroll}>
        {template.cards.map((card, i) => (
          <div
            key={i}
            class={i === current ? 'cw-im-carousel-slide cw-im-current' : 'cw-im-carousel-slide'}
            role="group"
            aria-roledescription="slide"
            aria-label={formatString(strings.position, { current: i + 1, total })}
            tabIndex={-1}
            onClick={() => i !== current && go(i, false)}
          >
            <div class="cw-im-carousel-card" inert={i !== current} aria-hidden={i !== current ? 'true' : undefined}>
              <Picker
                templateType={card.templateType}
                content={card.content}
                disabled={disabled}
                strings={strings}
                onSelect={(element) => onReply(carouselReply(card.templateIdentifier, card.content.title, element.title))}
                onPage={(element) => onReply(pagingReply(element.action, card.content.paging, card.templateType))}
              />
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}

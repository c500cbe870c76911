// AWS-managed `cards` view: a grid of cards; a card with a Detail opens it in place (local,
// nothing sent), whose actions send ActionSelected {"actionName"}. A card without Detail sends
// ActionSelected with its Id (or Heading). Back and NoMatchFound send those actions with {}.
// Focus moves to the detail heading on open and back to the card on return.
import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useViewEnv } from '../env';
import { ActionButton, ButtonRow } from '../generic';
import { actionSelectedOutput } from '../outputs';
import { asArray, isRecord, labelOf, toText } from '../text';
import { BackButton, ViewHeader } from './common';
import { DetailBody } from './detail';

interface CardData {
  id: string;
  heading: string;
  status: string;
  description: string;
  detail?: Record<string, unknown>;
}

function parseCards(raw: unknown): CardData[] {
  return asArray(raw)
    .filter(isRecord)
    .map((card) => {
      const summary = isRecord(card.Summary) ? card.Summary : card;
      return {
        id: toText(summary.Id),
        heading: toText(summary.Heading),
        status: toText(summary.Status),
        description: toText(summary.Description),
        ...(isRecord(card.Detail) ? { detail: card.Detail } : {}),
      };
    })
    .filter((c) => c.heading !== '' || c.id !== '');
}

export function CardsView({ data }: { data: Record<string, unknown> }): JSX.Element {
  const env = useViewEnv();
  const cards = parseCards(data.Cards);
  const [open, setOpen] = useState<number | null>(null);
  const [returnTo, setReturnTo] = useState<number | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // CardsPerRow is 1..12, but a chat window is narrow: more than three per row is unreadable.
  const perRow = Math.min(3, Math.max(1, Math.round(Number(toText(data.CardsPerRow)) || 1)));
  const colClass = `cw-col-${12 / perRow}`;

  // Layout effect: focus moves in the same task as the key press, before the next key arrives.
  useLayoutEffect(() => {
    if (open !== null) headingRef.current?.focus();
  }, [open]);
  useLayoutEffect(() => {
    if (returnTo === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-card="${returnTo}"]`)?.focus();
    setReturnTo(null);
  }, [returnTo]);

  const card = open !== null ? cards[open] : undefined;
  if (card?.detail) {
    return (
      <div class="cw-view-managed cw-view-managed-cards">
        <DetailBody data={{ Heading: card.heading, ...card.detail }} headingRef={headingRef} />
        <ButtonRow>
          <button
            type="button"
            class="cw-view-button cw-view-back"
            onClick={() => {
              setReturnTo(open);
              setOpen(null);
            }}
          >
            {env.strings.back}
          </button>
        </ButtonRow>
      </div>
    );
  }

  const noMatch = data.NoMatchFound;
  return (
    <div class="cw-view-managed cw-view-managed-cards">
      <ViewHeader heading={toText(data.Heading)} />
      <ul role="list" class="cw-view-grid cw-view-card-list" ref={listRef}>
        {cards.map((c, i) => (
          <li key={i} class={colClass}>
            <button
              type="button"
              class="cw-view-card cw-view-card-action"
              data-card={i}
              aria-disabled={env.disabled ? 'true' : undefined}
              onClick={() => {
                if (c.detail) setOpen(i);
                else env.emit('ActionSelected', actionSelectedOutput(c.id || c.heading), c.heading || c.id);
              }}
            >
              <span class="cw-view-card-heading">{c.heading}</span>
              {c.status && <span class="cw-view-card-status">{c.status}</span>}
              {c.description && <span class="cw-view-card-description">{c.description}</span>}
            </button>
          </li>
        ))}
      </ul>
      <ButtonRow>
        {noMatch !== undefined && noMatch !== null && noMatch !== false && (
          <ActionButton label={labelOf(noMatch) || env.strings.noMatchFound} action="NoMatchFound" />
        )}
        <BackButton back={data.Back} />
      </ButtonRow>
    </div>
  );
}

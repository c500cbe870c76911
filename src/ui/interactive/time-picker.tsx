// TimePicker: pick a day, pick one time (radio group), then Confirm.
// Slots are grouped by day (time.ts), three per page with Earlier/Later, as the hosted widget.
// Keyboard (WAI-ARIA radio group): one tab stop in the group; arrows move and check,
// crossing pages; Home/End jump to the first/last time of the day; Space/Enter checks.
// Controls that cannot act report aria-disabled instead of `disabled`, so focus stays put.
import type { JSX } from 'preact';
import { useLayoutEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { Header } from './parts';
import { timeSlotReply } from './replies';
import { formatString, type InteractiveStrings } from './strings';
import { groupSlots, type TimeFormat } from './time';
import type { InteractiveReply, TimePickerTemplate } from './types';

export const SLOTS_PER_PAGE = 3;

export interface TimePickerProps {
  template: TimePickerTemplate;
  disabled: boolean;
  onReply: (reply: InteractiveReply) => void;
  strings: InteractiveStrings;
  format: TimeFormat;
}

export function TimePicker({ template, disabled, onReply, strings, format }: TimePickerProps): JSX.Element {
  const titleId = useId();
  const dayId = useId();
  const days = useMemo(
    () => groupSlots(template.timeslots, template.timeZoneOffset, format),
    [template, format.locale, format.timeZone],
  );
  const [dayIndex, setDayIndex] = useState(0);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  // Slot index (within the day) to focus after a keyboard move re-renders the page.
  const [focusTarget, setFocusTarget] = useState<number | null>(null);
  const groupRef = useRef<HTMLDivElement>(null);

  const day = days[Math.min(dayIndex, days.length - 1)];
  const slots = day ? day.slots : [];
  const pageCount = Math.max(1, Math.ceil(slots.length / SLOTS_PER_PAGE));
  const first = page * SLOTS_PER_PAGE;
  const visible = slots.slice(first, first + SLOTS_PER_PAGE);

  // Layout effect: focus moves in the same task as the key press, before the next key arrives.
  useLayoutEffect(() => {
    if (focusTarget === null) return;
    const el = groupRef.current?.querySelector<HTMLElement>(`[data-index="${focusTarget}"]`);
    el?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  if (!day) return <Header id={titleId} title={template.title} subtitle={strings.noTimes} />;

  const changeDay = (next: number): void => {
    if (next < 0 || next >= days.length) return;
    setDayIndex(next);
    setPage(0);
    setSelected(null);
  };

  const check = (index: number, focus: boolean): void => {
    if (disabled) return;
    const clamped = Math.max(0, Math.min(slots.length - 1, index));
    setSelected(clamped);
    setPage(Math.floor(clamped / SLOTS_PER_PAGE));
    if (focus) setFocusTarget(clamped);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null;
    const current = Number(target?.getAttribute('data-index') ?? NaN);
    if (Number.isNaN(current)) return;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        next = current + 1 >= slots.length ? 0 : current + 1;
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        next = current - 1 < 0 ? slots.length - 1 : current - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = slots.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    check(next, true);
  };

  const confirm = (): void => {
    if (disabled || selected === null) return;
    const choice = slots[selected];
    if (!choice) return;
    onReply(timeSlotReply(choice.slot, template.timeZoneOffset, `${day.label}, ${choice.label}`));
  };

  const tabStop = selected !== null && selected >= first && selected < first + SLOTS_PER_PAGE ? selected : first;
  const aria = (off: boolean): 'true' | undefined => (off ? 'true' : undefined);

  return (
    <div class="cw-im-timepicker">
      <Header id={titleId} title={template.title} subtitle={template.subtitle} />
      <div class="cw-im-tp-day-nav">
        <button
          type="button"
          class="cw-im-tp-day-button cw-im-tp-prev-day"
          aria-label={strings.previousDay}
          aria-disabled={aria(dayIndex === 0)}
          onClick={() => changeDay(dayIndex - 1)}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <span id={dayId} class="cw-im-tp-day" aria-live="polite">
          {day.label}
        </span>
        <button
          type="button"
          class="cw-im-tp-day-button cw-im-tp-next-day"
          aria-label={strings.nextDay}
          aria-disabled={aria(dayIndex >= days.length - 1)}
          onClick={() => changeDay(dayIndex + 1)}
        >
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <div
        ref={groupRef}
        role="radiogroup"
        class="cw-im-tp-slots"
        aria-label={formatString(strings.timesOn, { date: day.label })}
        aria-disabled={aria(disabled)}
        onKeyDown={onKeyDown}
      >
        {visible.map((view, offset) => {
          const index = first + offset;
          const checked = selected === index;
          return (
            <button
              key={view.value}
              type="button"
              role="radio"
              class="cw-im-tp-slot"
              data-index={index}
              aria-checked={checked ? 'true' : 'false'}
              tabIndex={index === tabStop ? 0 : -1}
              onClick={() => check(index, false)}
            >
              <span class="cw-im-tp-slot-time">{view.label}</span>
              {view.slot.duration !== undefined && (
                <span class="cw-im-tp-slot-duration">{formatString(strings.slotDuration, { minutes: view.slot.duration })}</span>
              )}
            </button>
          );
        })}
      </div>
      <div class="cw-im-tp-controls">
        {slots.length > SLOTS_PER_PAGE && (
          <>
            <button type="button" class="cw-im-tp-page" aria-disabled={aria(page === 0)} onClick={() => page > 0 && setPage(page - 1)}>
              {strings.earlier}
            </button>
            <button
              type="button"
              class="cw-im-tp-page"
              aria-disabled={aria(page >= pageCount - 1)}
              onClick={() => page < pageCount - 1 && setPage(page + 1)}
            >
              {strings.later}
            </button>
          </>
        )}
        <button type="button" class="cw-im-tp-clear" aria-disabled={aria(selected === null)} onClick={() => setSelected(null)}>
          {strings.clearSelection}
        </button>
        <button
          type="button"
          class="cw-im-tp-confirm cw-im-primary"
          aria-disabled={aria(disabled || selected === null)}
          onClick={confirm}
        >
          {strings.confirm}
        </button>
      </div>
    </div>
  );
}

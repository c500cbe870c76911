// TimePicker slots -> days and labels (pure; the locale and time zone are parameters).
//
// With a timeZoneOffset the slots are shown at the wall-clock time of that offset, labelled
// with it (e.g. "11:00 AM (UTC-07:00)"), and grouped by that offset's calendar day. Without
// one they are shown in the viewer's time zone with its short name. The reply value is
// `slotValue` either way (replies.ts), exactly what the hosted widget sends.
import { slotValue } from './replies';
import type { TimeSlot } from './types';

export interface SlotView {
  slot: TimeSlot;
  /** The reply content for this slot. */
  value: string;
  /** Time of day, e.g. "11:00 AM (UTC-07:00)". */
  label: string;
  instant: number;
}

export interface DayView {
  /** YYYY-MM-DD in the display zone. */
  key: string;
  /** e.g. "Saturday, October 31". */
  label: string;
  slots: SlotView[];
}

export interface TimeFormat {
  locale?: string;
  /** IANA zone of the viewer; default the browser's. Ignored when the template has an offset. */
  timeZone?: string;
}

/** "UTC+05:30", "UTC-07:00", "UTC" for 0. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    // A bad locale or zone from configuration must not break the chat: fall back to defaults.
    const { timeZone: _zone, ...rest } = options;
    return new Intl.DateTimeFormat(undefined, rest);
  }
}

function dayKey(instant: number, timeZone: string | undefined): string {
  const parts = formatter('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Groups and labels slots; days and slots sorted by time, duplicates (same instant) dropped. */
export function groupSlots(slots: readonly TimeSlot[], timeZoneOffset: number | undefined, format: TimeFormat = {}): DayView[] {
  const offset = timeZoneOffset || undefined;
  // With an offset the shifted instant is read in UTC, which gives the offset's wall clock.
  const zone = offset !== undefined ? 'UTC' : format.timeZone;
  const timeFmt = formatter(format.locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
    ...(offset === undefined ? { timeZoneName: 'short' } : {}),
  });
  const dayFmt = formatter(format.locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone: zone });
  const seen = new Set<number>();
  const views: SlotView[] = [];
  for (const slot of slots) {
    const value = slotValue(slot.date, offset);
    const instant = Date.parse(offset !== undefined ? value : slot.date);
    if (Number.isNaN(instant) || seen.has(instant)) continue;
    seen.add(instant);
    const time = timeFmt.format(instant);
    views.push({ slot, value, instant, label: offset !== undefined ? `${time} (${formatOffset(offset)})` : time });
  }
  views.sort((a, b) => a.instant - b.instant);
  const days: DayView[] = [];
  for (const view of views) {
    const key = dayKey(view.instant, zone);
    let day = days[days.length - 1];
    if (!day || day.key !== key) {
      day = { key, label: dayFmt.format(view.instant), slots: [] };
      days.push(day);
    }
    day.slots.push(view);
  }
  return days;
}

/** Full label of one reply value, e.g. for the collapsed form: "Saturday, October 31, 11:00 AM (UTC-07:00)". */
export function describeSlotValue(value: string, slots: readonly TimeSlot[], timeZoneOffset: number | undefined, format: TimeFormat = {}): string | undefined {
  for (const day of groupSlots(slots, timeZoneOffset, format)) {
    const match = day.slots.find((s) => s.value === value);
    if (match) return `${day.label}, ${match.label}`;
  }
  return undefined;
}

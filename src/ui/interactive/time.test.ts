import { describe, expect, it } from 'vitest';
import { describeSlotValue, formatOffset, groupSlots } from './time';

const fmt = { locale: 'en-US', timeZone: 'UTC' };

describe('groupSlots', () => {
  it('groups by day and sorts; without offset shows the viewer zone with its name', () => {
    const days = groupSlots(
      [{ date: '2030-01-03T09:00+00:00' }, { date: '2030-01-02T14:00+00:00' }, { date: '2030-01-02T09:00+00:00' }],
      undefined,
      fmt,
    );
    expect(days.map((d) => d.key)).toEqual(['2030-01-02', '2030-01-03']);
    expect(days[0]?.label).toBe('Wednesday, January 2');
    expect(days[0]?.slots.map((s) => s.label)).toEqual(['9:00 AM UTC', '2:00 PM UTC']);
    expect(days[0]?.slots[0]?.value).toBe('2030-01-02T09:00+00:00');
  });

  it('the viewer time zone decides the day', () => {
    const days = groupSlots([{ date: '2030-01-02T23:30+00:00' }], undefined, { locale: 'en-US', timeZone: 'Asia/Tokyo' });
    expect(days[0]?.key).toBe('2030-01-03');
    expect(days[0]?.slots[0]?.label).toBe('8:30 AM GMT+9');
  });

  it('with an offset: the offset wall clock, labelled, reply value shifted', () => {
    const days = groupSlots([{ date: '2020-10-31T18:00+00:00' }, { date: '2020-11-01T05:00+00:00' }], -420, { locale: 'en-US', timeZone: 'Asia/Tokyo' });
    expect(days.map((d) => d.key)).toEqual(['2020-10-31']);
    expect(days[0]?.slots.map((s) => s.label)).toEqual(['11:00 AM (UTC-07:00)', '10:00 PM (UTC-07:00)']);
    expect(days[0]?.slots[0]?.value).toBe('2020-10-31T11:00:00.00+00:00');
  });

  it('drops duplicate instants', () => {
    expect(groupSlots([{ date: '2030-01-02T09:00+00:00' }, { date: '2030-01-02T09:00:00Z' }], undefined, fmt)[0]?.slots).toHaveLength(1);
  });

  it('a bad locale or zone falls back instead of throwing', () => {
    expect(() => groupSlots([{ date: '2030-01-02T09:00+00:00' }], undefined, { locale: 'not a locale!', timeZone: 'Mars/Olympus' })).not.toThrow();
  });
});

describe('formatOffset / describeSlotValue', () => {
  it('formats offsets', () => {
    expect(formatOffset(-420)).toBe('UTC-07:00');
    expect(formatOffset(330)).toBe('UTC+05:30');
    expect(formatOffset(0)).toBe('UTC');
  });

  it('describes a reply value for the collapsed form', () => {
    expect(describeSlotValue('2020-10-31T11:00:00.00+00:00', [{ date: '2020-10-31T18:00+00:00' }], -420, fmt)).toBe('Saturday, October 31, 11:00 AM (UTC-07:00)');
    expect(describeSlotValue('nope', [{ date: '2020-10-31T18:00+00:00' }], -420, fmt)).toBeUndefined();
  });
});

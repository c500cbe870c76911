// When chat opens again, as the away view says it: today/tomorrow by name, a weekday within the week,
// else the date; in the visitor's language.
import { describe, expect, it } from 'vitest';
import { formatReopening } from './away';

const now = new Date(2030, 0, 2, 20, 0); // a Wednesday evening, local time

describe('formatReopening', () => {
  it('says today, tomorrow, a weekday or the date', () => {
    expect(formatReopening(new Date(2030, 0, 2, 22, 30), 'en', now)).toBe('Today 10:30 PM');
    expect(formatReopening(new Date(2030, 0, 3, 9, 0), 'en', now)).toBe('Tomorrow 9:00 AM');
    expect(formatReopening(new Date(2030, 0, 6, 9, 0), 'en', now)).toBe('Sunday 9:00 AM');
    expect(formatReopening(new Date(2030, 0, 20, 9, 0), 'en', now)).toBe('Jan 20, 2030 9:00 AM');
  });

  it('in the visitor language', () => {
    expect(formatReopening(new Date(2030, 0, 3, 9, 0), 'de', now)).toBe('Morgen 9:00');
  });
});

import { describe, expect, it } from 'vitest';
import { quickReply, servicesListPage, timePicker } from '../../../emulator/bot/templates';
import { carouselReply, pagingReply, timeSlotReply, viewActionReply, viewFreeTextReply } from './replies';
import { interactiveStates, latestIsView, visibleEntries, type EntryLike } from './transcript';
import { INTERACTIVE_CONTENT_TYPE } from './types';

let n = 0;
const incoming = (content: unknown, contentType = INTERACTIVE_CONTENT_TYPE): EntryLike => ({
  id: `in-${++n}`,
  kind: 'message',
  own: false,
  contentType,
  content: typeof content === 'string' ? content : JSON.stringify(content),
});
const own = (reply: { contentType: string; content: string }): EntryLike => ({ id: `own-${++n}`, kind: 'message', own: true, ...reply });
const notice = (): EntryLike => ({ id: `notice-${++n}`, kind: 'notice', own: false, contentType: 'application/vnd.amazonaws.connect.event.participant.joined' });
const view = (): unknown => ({ templateType: 'ViewResource', version: '1.0', data: { content: { viewToken: 't', viewData: {} } } });

describe('visibleEntries: SHOW_MORE replaces the list in place of the old one', () => {
  it('drops the paging request and the older page with the same referenceId', () => {
    const page1 = incoming(servicesListPage(0, 'ref-A'));
    const more = own(pagingReply('SHOW_MORE', { referenceId: 'ref-A', nextIndex: 4 }, 'ListPicker'));
    const page2 = incoming(servicesListPage(4, 'ref-A'));
    const other = incoming(servicesListPage(0, 'ref-B'));
    const text = incoming('hello', 'text/plain');
    const shown = visibleEntries([page1, more, page2, text, other]);
    expect(shown.map((e) => e.id)).toEqual([page2.id, text.id, other.id]);
  });

  it('keeps everything when nothing is replaced (and does not mutate the input)', () => {
    const entries = [incoming(quickReply()), own({ contentType: 'text/plain', content: 'Great' })];
    const copy = [...entries];
    expect(visibleEntries(entries)).toEqual(entries);
    expect(entries).toEqual(copy);
  });

  it('ignores broken interactive JSON', () => {
    const broken = incoming('{oops');
    expect(visibleEntries([broken])).toEqual([broken]);
  });
});

describe('interactiveStates', () => {
  it('only the latest item is actionable; notices do not count', () => {
    const q = incoming(quickReply());
    expect(interactiveStates([q]).actionableId).toBe(q.id);
    expect(interactiveStates([q, notice()]).actionableId).toBe(q.id);
    expect(interactiveStates([q, incoming('later', 'text/plain')]).actionableId).toBeNull();
  });

  it('a hidden paging request does not make the list stale', () => {
    const page = incoming(servicesListPage(0, 'ref'));
    const more = own(pagingReply('SHOW_MORE', { referenceId: 'ref' }, 'ListPicker'));
    expect(interactiveStates([page, more]).actionableId).toBe(page.id);
  });

  it('own messages never count as actionable interactive messages', () => {
    const mine = { ...incoming(quickReply()), own: true };
    expect(interactiveStates([mine]).actionableId).toBeNull();
  });

  it('answers: the next own message after each interactive one, as displayed', () => {
    const q = incoming(quickReply());
    const a = own({ contentType: 'text/plain', content: 'Great' });
    const c = incoming({ templateType: 'Carousel', data: { content: { title: 'x' } } });
    const ca = own(carouselReply('id', 'Kyoto', 'Book a trip'));
    const unanswered = incoming(quickReply());
    const { answers, actionableId } = interactiveStates([q, a, c, ca, unanswered]);
    expect(answers.get(q.id)).toBe('Great');
    expect(answers.get(c.id)).toBe('Kyoto - Book a trip');
    expect(answers.has(unanswered.id)).toBe(false);
    expect(actionableId).toBe(unanswered.id);
  });
});

describe('interactiveStates: only an answer labels a card (free text typed under it does not)', () => {
  it('free text under a QuickReply or a view is no answer; the bubble shows what was typed', () => {
    const q = incoming(quickReply());
    const typed = own({ contentType: 'text/plain', content: 'Actually, can I talk to someone?' });
    const v = incoming(view());
    const typedUnderView = own(viewFreeTextReply('one more thing'));
    const states = interactiveStates([q, typed, v, typedUnderView]);
    expect(states.answers.has(q.id)).toBe(false);
    expect(states.answers.has(v.id)).toBe(false);
    expect(states.replies.has(typed.id)).toBe(false);
  });

  it("a view action reads as the button pressed (display), with the wire's action as the fallback", () => {
    const v = incoming(view());
    const book = { ...own(viewActionReply('Next', { FormData: {} }, 'Book')), display: 'Book' };
    const v2 = incoming(view());
    const bare = own(viewActionReply('Next', {})); // from the service, no display kept
    const states = interactiveStates([v, book, v2, bare]);
    expect(states.answers.get(v.id)).toBe('Book');
    expect(states.replies.get(book.id)).toBe('Book');
    expect(states.answers.get(v2.id)).toBe('Next');
  });

  it('a TimePicker reply reads as the slot in the locale and time zone given, not the raw value', () => {
    const template = timePicker(Date.UTC(2026, 11, 6, 12));
    const slot = (template.data.content.timeslots as { date: string }[])[1]; // 2026-12-07T11:00+00:00
    const tp = incoming(template);
    const reply = own(timeSlotReply(slot)); // no display: as fetched from the service
    const states = interactiveStates([tp, reply], { locale: 'en-US', timeZone: 'America/New_York' });
    expect(reply.content).toBe('2026-12-07T11:00+00:00');
    expect(states.replies.get(reply.id)).toBe('Monday, December 7 at 6:00 AM EST');
    expect(states.answers.get(tp.id)).toBe('Monday, December 7 at 6:00 AM EST');
    expect(interactiveStates([tp, reply], { locale: 'de-DE', timeZone: 'Europe/Berlin' }).replies.get(reply.id)).toBe('Montag, 7. Dezember um 12:00 MEZ');
    // With an offset the wire carries the shifted wall clock; the words show the slot's real instant.
    const shifted = incoming({ ...template, data: { content: { ...template.data.content, timeZoneOffset: -420 } } });
    const shiftedReply = own(timeSlotReply(slot, -420));
    expect(shiftedReply.content).toBe('2026-12-07T04:00:00.00+00:00');
    expect(interactiveStates([shifted, shiftedReply], { locale: 'en-US', timeZone: 'UTC' }).replies.get(shiftedReply.id)).toBe('Monday, December 7 at 11:00 AM UTC');
  });
});

describe('latestIsView', () => {
  it('true only while an incoming view is the latest shown item', () => {
    const v = incoming(view());
    expect(latestIsView([v])).toBe(true);
    expect(latestIsView([v, notice()])).toBe(true);
    expect(latestIsView([v, own(viewFreeTextReply('hi'))])).toBe(false);
    expect(latestIsView([incoming(quickReply())])).toBe(false);
    expect(latestIsView([])).toBe(false);
  });
});

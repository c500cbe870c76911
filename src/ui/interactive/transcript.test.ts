import { describe, expect, it } from 'vitest';
import { quickReply, servicesListPage } from '../../../emulator/bot/templates';
import { carouselReply, pagingReply, viewFreeTextReply } from './replies';
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

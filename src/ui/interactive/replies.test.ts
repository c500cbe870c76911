import { describe, expect, it } from 'vitest';
import { carouselDisplay, carouselReply, describeReply, pagingReply, slotValue, timeSlotReply, titleReply, viewActionReply, viewFreeTextReply } from './replies';
import { INTERACTIVE_RESPONSE_CONTENT_TYPE } from './types';

describe('replies (chat-protocol.md §3.2), exact wire shapes', () => {
  it('ListPicker / Panel / QuickReply: the title as text/plain', () => {
    expect(titleReply('Billing')).toEqual({ contentType: 'text/plain', content: 'Billing' });
  });

  it('TimePicker without offset: the slot date string as received', () => {
    expect(timeSlotReply({ date: '2020-10-31T18:00+00:00' })).toEqual({ contentType: 'text/plain', content: '2020-10-31T18:00+00:00' });
    expect(slotValue('2020-10-31T18:00+00:00', 0)).toBe('2020-10-31T18:00+00:00');
  });

  it('TimePicker with offset: shifted, toISOString minus two characters, +00:00', () => {
    expect(slotValue('2020-10-31T18:00+00:00', -420)).toBe('2020-10-31T11:00:00.00+00:00');
    expect(slotValue('2020-10-31T18:00+00:00', 330)).toBe('2020-10-31T23:30:00.00+00:00');
    expect(timeSlotReply({ date: '2020-10-31T18:00+00:00', duration: 60 }, -420, 'Sat 11:00')).toEqual({
      contentType: 'text/plain',
      content: '2020-10-31T11:00:00.00+00:00',
      display: 'Sat 11:00',
    });
  });

  it('Carousel: JSON {templateIdentifier, listTitle, selectionText} in that order, as text/plain', () => {
    const reply = carouselReply('8c0a55c8-1', 'Lisbon', 'Book a trip');
    expect(reply.contentType).toBe('text/plain');
    expect(reply.content).toBe('{"templateIdentifier":"8c0a55c8-1","listTitle":"Lisbon","selectionText":"Book a trip"}');
    expect(reply.display).toBe('Lisbon - Book a trip');
    expect(carouselDisplay('Select a destination:', 'Kyoto')).toBe('Select a destination: Kyoto');
  });

  it('SHOW_MORE: interactive.response with the paging fields, hidden', () => {
    const reply = pagingReply('SHOW_MORE', { referenceId: '320435df', listId: 'serviceList', preIndex: -1, nextIndex: 5 }, 'ListPicker');
    expect(reply).toEqual({
      contentType: INTERACTIVE_RESPONSE_CONTENT_TYPE,
      content:
        '{"version":"1.0","data":{"actionName":"SHOW_MORE","preIndex":-1,"nextIndex":5,"listId":"serviceList","templateType":"ListPicker","referenceId":"320435df"},"action":"SHOW_MORE"}',
      hidden: true,
    });
  });

  it('PREVIOUS_OPTIONS from a Panel; missing paging fields are left out', () => {
    const reply = pagingReply('PREVIOUS_OPTIONS', { preIndex: 0 }, 'Panel');
    expect(reply.content).toBe('{"version":"1.0","data":{"actionName":"PREVIOUS_OPTIONS","preIndex":0,"templateType":"Panel"},"action":"PREVIOUS_OPTIONS"}');
  });

  it('view action', () => {
    const reply = viewActionReply('ActionSelected', { actionName: 'Track parcel' }, 'Track parcel');
    expect(reply).toEqual({
      contentType: INTERACTIVE_RESPONSE_CONTENT_TYPE,
      content: '{"action":"ActionSelected","data":{"actionName":"Track parcel"},"templateType":"ViewResource","version":"1.0"}',
      display: 'Track parcel',
    });
    expect(viewActionReply('Back').content).toBe('{"action":"Back","data":{},"templateType":"ViewResource","version":"1.0"}');
  });

  it('free text while a view is the latest message', () => {
    expect(viewFreeTextReply('I need a human')).toEqual({
      contentType: INTERACTIVE_RESPONSE_CONTENT_TYPE,
      content: '{"action":" ","data":{"content":"I need a human"},"templateType":"ViewResource","version":"1.0"}',
      display: 'I need a human',
    });
  });
});

describe('describeReply: how own replies show in the transcript', () => {
  it('hides paging requests', () => {
    const { contentType, content } = pagingReply('SHOW_MORE', { referenceId: 'r' }, 'ListPicker');
    expect(describeReply(contentType, content)).toEqual({ hidden: true, text: '' });
  });

  it('shows carousel selections as "Title - Choice"', () => {
    const { contentType, content } = carouselReply('id', 'Kyoto', 'Book a trip');
    expect(describeReply(contentType, content)).toEqual({ hidden: false, text: 'Kyoto - Book a trip' });
  });

  it('view responses: typed text, else actionName, else the action', () => {
    const free = viewFreeTextReply('hello');
    expect(describeReply(free.contentType, free.content).text).toBe('hello');
    const chosen = viewActionReply('ActionSelected', { actionName: 'Reschedule' });
    expect(describeReply(chosen.contentType, chosen.content).text).toBe('Reschedule');
    const next = viewActionReply('Next', { FormData: { a: '1' } });
    expect(describeReply(next.contentType, next.content).text).toBe('Next');
  });

  it('other content unchanged, including JSON that is not a carousel reply and broken JSON', () => {
    expect(describeReply('text/plain', 'hi')).toEqual({ hidden: false, text: 'hi' });
    expect(describeReply('text/plain', '{"listTitle":"x"}').text).toBe('{"listTitle":"x"}');
    expect(describeReply(INTERACTIVE_RESPONSE_CONTENT_TYPE, '{oops').text).toBe('{oops');
  });
});

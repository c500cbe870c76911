import { describe, expect, it } from 'vitest';
import { carousel, panel, quickReply, servicesListPage, timePicker, SERVICES, LIST_PAGE_SIZE } from '../../../emulator/bot/templates';
import { HOSTILE_LIST_PICKER, LIST_PICKER_FULL, MALFORMED, QUICK_REPLY_NO_CONTENT_LEVEL, TIME_PICKER_OFFSET } from '../testing/interactive-fixtures';
import { isViewResource, parseInteractive, truncateForDisplay } from './parse';
import type { InteractiveTemplate } from './types';

function ok(content: unknown): InteractiveTemplate {
  const parsed = parseInteractive(typeof content === 'string' ? content : JSON.stringify(content));
  if (!parsed.ok) throw new Error(`expected a template, got: ${parsed.reason}`);
  return parsed.template;
}

describe('parseInteractive: the emulator bot templates', () => {
  it('ListPicker first page: options and SHOW_MORE, paging fields kept', () => {
    const t = ok(servicesListPage(0, 'ref-1'));
    expect(t.templateType).toBe('ListPicker');
    if (t.templateType !== 'ListPicker') return;
    expect(t.elements.filter((e) => e.kind === 'option').map((e) => e.title)).toEqual(SERVICES.slice(0, LIST_PAGE_SIZE));
    expect(t.elements[t.elements.length - 1]).toEqual({ kind: 'paging', title: 'Show more', action: 'SHOW_MORE' });
    expect(t.paging).toEqual({ referenceId: 'ref-1', listId: 'serviceList', preIndex: -1, nextIndex: LIST_PAGE_SIZE });
  });

  it('ListPicker middle page has PREVIOUS_OPTIONS first', () => {
    const t = ok(servicesListPage(LIST_PAGE_SIZE, 'ref-1'));
    if (t.templateType !== 'ListPicker') throw new Error(t.templateType);
    expect(t.elements[0]).toEqual({ kind: 'paging', title: 'Previous options', action: 'PREVIOUS_OPTIONS' });
    expect(t.paging.preIndex).toBe(0);
  });

  it('Panel with a hyperlink element', () => {
    const t = ok(panel());
    if (t.templateType !== 'Panel') throw new Error(t.templateType);
    expect(t.elements.at(-1)).toEqual({ kind: 'link', title: 'Delivery FAQ', href: 'https://example.com/faq/delivery' });
  });

  it('QuickReply', () => {
    const t = ok(quickReply());
    expect(t).toEqual({ templateType: 'QuickReply', title: 'How was your experience today?', elements: [{ title: 'Great' }, { title: 'Okay' }, { title: 'Not good' }] });
  });

  it('TimePicker', () => {
    const t = ok(timePicker(Date.UTC(2030, 0, 1)));
    if (t.templateType !== 'TimePicker') throw new Error(t.templateType);
    expect(t.timeslots).toHaveLength(6);
    expect(t.timeslots[0]).toEqual({ date: '2030-01-02T09:00+00:00', duration: 60 });
    expect(t.timeZoneOffset).toBeUndefined();
  });

  it('Carousel', () => {
    const t = ok(carousel());
    if (t.templateType !== 'Carousel') throw new Error(t.templateType);
    expect(t.cards.map((c) => c.content.title)).toEqual(['Lisbon', 'Kyoto', 'Reykjavík']);
    expect(t.cards[0]?.templateIdentifier).toBe('b1d1a9c0-5b1e-4c1b-9a57-0c1a2b3c4d01');
  });
});

describe('parseInteractive: fields of §3.1', () => {
  it('ListPicker: images (http only) with alt text, subtitles, link, paging', () => {
    const t = ok(LIST_PICKER_FULL);
    if (t.templateType !== 'ListPicker') throw new Error(t.templateType);
    expect(t.image).toEqual({ src: 'https://img.example/hero.png', alt: 'Our help desk' });
    expect(t.elements[0]).toEqual({ kind: 'option', title: 'Billing', subtitle: 'Invoices and refunds', image: { src: 'https://img.example/billing.png', alt: 'A receipt' } });
    // No imageDescription: decorative, empty alt.
    expect(t.elements[1]).toMatchObject({ image: { alt: '' } });
    expect(t.elements[2]).toEqual({ kind: 'link', title: 'Docs', href: 'https://docs.example/help' });
  });

  it('TimePicker keeps timeZoneOffset', () => {
    const t = ok(TIME_PICKER_OFFSET);
    if (t.templateType !== 'TimePicker') throw new Error(t.templateType);
    expect(t.timeZoneOffset).toBe(-420);
    expect(t.timeslots).toHaveLength(5);
  });

  it('accepts the documentation shape without data.content', () => {
    expect(ok(QUICK_REPLY_NO_CONTENT_LEVEL)).toMatchObject({ templateType: 'QuickReply', title: 'Still there?' });
  });

  it('ViewResource keeps viewToken, viewId and viewData', () => {
    const t = ok({ templateType: 'ViewResource', version: '1.0', data: { content: { viewId: 'arn:aws:connect:us-east-1:aws:view/cards:1', viewToken: 'tok', viewData: '{"a":1}' } } });
    expect(t).toEqual({ templateType: 'ViewResource', viewId: 'arn:aws:connect:us-east-1:aws:view/cards:1', viewToken: 'tok', viewData: '{"a":1}' });
  });

  it('isViewResource', () => {
    expect(isViewResource(JSON.stringify({ templateType: 'ViewResource', data: { content: { viewToken: 't' } } }))).toBe(true);
    expect(isViewResource(JSON.stringify(quickReply()))).toBe(false);
  });
});

describe('parseInteractive: malformed input gives a reason, never throws', () => {
  for (const fixture of MALFORMED) {
    it(fixture.name, () => {
      const parsed = parseInteractive(fixture.content);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.reason.length).toBeGreaterThan(5);
      expect(parsed.title).toBe(fixture.title);
    });
  }

  it('non-string input', () => {
    expect(parseInteractive(undefined).ok).toBe(false);
    expect(parseInteractive(42).ok).toBe(false);
  });
});

describe('parseInteractive: hostile values are dropped or neutralized', () => {
  it('javascript:/data: images are dropped; javascript:/relative links lose their href', () => {
    const t = ok(HOSTILE_LIST_PICKER);
    if (t.templateType !== 'ListPicker') throw new Error(t.templateType);
    expect(t.image).toBeUndefined();
    expect(t.elements[0]).not.toHaveProperty('image');
    expect(t.elements[1]).toEqual({ kind: 'link', title: 'Evil link' });
    expect(t.elements[2]).toEqual({ kind: 'link', title: 'Relative link' });
  });
});

describe('truncateForDisplay', () => {
  it('cuts with an ellipsis only past the limit', () => {
    expect(truncateForDisplay('abc', 3)).toBe('abc');
    expect(truncateForDisplay('abcd', 3)).toBe('abc…');
  });
});

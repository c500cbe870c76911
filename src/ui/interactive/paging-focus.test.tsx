// @vitest-environment jsdom
// After Show more / Previous options the flow's next page replaces the list in a new row; the
// focus, which was on the paging button that is now gone, moves into the new list.
import { afterEach, describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE, SERVICES, servicesListPage } from '../../../emulator/bot/templates';
import { InteractiveMessage } from './interactive-message';
import { takePagingFocus, notePagingRequest } from './paging-focus';
import { buttonByText, click, mount, type Mounted } from '../testing/interactive';

const open: Mounted[] = [];
afterEach(() => {
  for (const m of open.splice(0)) m.unmount();
});

function show(content: unknown): HTMLElement {
  const m = mount(<InteractiveMessage content={JSON.stringify(content)} actionable onReply={() => {}} />);
  open.push(m);
  return m.container;
}

/** The row of the old page leaves the transcript (replaced by the new page). */
function replace(): void {
  open.shift()?.unmount();
}

describe('focus after paging', () => {
  it('the next page takes the focus on its first option when the old list is replaced', () => {
    const first = show(servicesListPage(0, 'ref-a'));
    const more = buttonByText(first, 'Show more');
    more.focus();
    click(more);
    replace();
    expect(document.activeElement).toBe(document.body);
    const next = show(servicesListPage(LIST_PAGE_SIZE, 'ref-a'));
    const warranty = SERVICES[LIST_PAGE_SIZE] ?? '';
    expect(document.activeElement?.textContent).toBe(`${warranty}Help with ${warranty.toLowerCase()}`);
    expect(next.contains(document.activeElement)).toBe(true);
  });

  it('does not take the focus from where the customer went meanwhile', () => {
    const input = document.createElement('textarea');
    document.body.append(input);
    const first = show(servicesListPage(0, 'ref-b'));
    click(buttonByText(first, 'Show more'));
    replace();
    input.focus();
    show(servicesListPage(LIST_PAGE_SIZE, 'ref-b'));
    expect(document.activeElement).toBe(input);
    input.remove();
  });

  it('a list nobody paged, or the same page mounted again, does not take the focus', () => {
    show(servicesListPage(0, 'ref-c'));
    expect(document.activeElement).toBe(document.body);
    const again = show(servicesListPage(0, 'ref-d'));
    click(buttonByText(again, 'Show more'));
    (document.activeElement as HTMLElement | null)?.blur();
    show(servicesListPage(0, 'ref-d')); // the same page remounting (e.g. scrolled back into view)
    expect(document.activeElement).toBe(document.body);
  });

  it('a request is waited for one minute at most, and taken once', () => {
    const paging = { referenceId: 'ref-e', preIndex: -1, nextIndex: 4, listId: 'l' };
    const next = { referenceId: 'ref-e', preIndex: 0, nextIndex: 8, listId: 'l' };
    notePagingRequest(paging, 1000);
    expect(takePagingFocus(paging, 2000)).toBe(false);
    expect(takePagingFocus(next, 2000)).toBe(true);
    expect(takePagingFocus(next, 2000)).toBe(false);
    notePagingRequest(paging, 1000);
    expect(takePagingFocus(next, 62_000)).toBe(false);
    expect(takePagingFocus({}, 2000)).toBe(false);
  });
});

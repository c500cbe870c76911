// @vitest-environment jsdom
// The templates chunk is module state (loaded once per page), so these tests run in order:
// a failed load first, then the real load.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyInteractiveMessage, loadInteractive, quickTitle } from './lazy';
import { mount, type Mounted } from '../testing/interactive';
import type { InteractiveReply } from './types';

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

const quick = (title: string) =>
  JSON.stringify({ templateType: 'QuickReply', version: '1.0', data: { content: { title, elements: [{ title: 'Yes' }, { title: 'No' }] } } });

describe('quickTitle', () => {
  it('reads the title leniently and caps it', () => {
    expect(quickTitle(quick('How was it?'))).toBe('How was it?');
    expect(quickTitle(quick('x'.repeat(500)))).toBe(`${'x'.repeat(400)}…`);
    expect(quickTitle('not json')).toBeUndefined();
    expect(quickTitle('null')).toBeUndefined();
    expect(quickTitle(JSON.stringify({ data: { content: { title: 7 } } }))).toBeUndefined();
    expect(quickTitle(quick('  '))).toBeUndefined();
  });
});

describe('<LazyInteractiveMessage>', () => {
  it('shows the title and a notice when the chunk fails to load, and loads on a later render', async () => {
    const failing = loadInteractive(() => Promise.reject(new Error('offline')));
    failing.catch(() => {});
    const replies: InteractiveReply[] = [];
    mounted = mount(<LazyInteractiveMessage content={quick('How was it?')} actionable onReply={(r) => replies.push(r)} />);
    const root = mounted.container;
    expect(root.querySelector('.cw-im-pending .cw-im-title')?.textContent).toBe('How was it?');
    await vi.waitFor(() => expect(root.querySelector('.cw-im-notice')?.textContent).toBe('This message cannot be shown here.'));
    expect(root.querySelector('button')).toBeNull();

    // A new message renders: the load is tried again, this time for real.
    mounted.rerender(<LazyInteractiveMessage content={quick('And now?')} actionable onReply={(r) => replies.push(r)} />);
    const yes = await vi.waitFor(() => {
      const button = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Yes');
      if (!button) throw new Error('not rendered yet');
      return button;
    });
    expect(root.querySelector('.cw-im-pending')).toBeNull();
    yes.click();
    expect(replies.map((r) => r.content)).toEqual(['Yes']);
  });

  it('renders at once once the chunk is loaded', async () => {
    await loadInteractive();
    mounted = mount(<LazyInteractiveMessage content={quick('Again?')} actionable onReply={() => {}} />);
    expect(mounted.container.querySelector('.cw-im-pending')).toBeNull();
    expect(Array.from(mounted.container.querySelectorAll('button')).map((b) => b.textContent)).toEqual(['Yes', 'No']);
  });
});

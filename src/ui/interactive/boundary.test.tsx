// @vitest-environment jsdom
// A bug inside one template must not take the transcript down: the message shows a notice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { quickReply } from '../../../emulator/bot/templates';
import { InteractiveMessage } from './interactive-message';
import { mount, type Mounted } from '../testing/interactive';

vi.mock('./quick-reply', () => ({
  QuickReply: () => {
    throw new TypeError('simulated bug in a template component');
  },
}));

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

describe('RenderBoundary around InteractiveMessage', () => {
  it('shows the fallback notice instead of throwing, and siblings keep rendering', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    mounted = mount(
      <div>
        <InteractiveMessage content={JSON.stringify(quickReply())} actionable onReply={() => undefined} />
        <p id="sibling">still here</p>
      </div>,
    );
    expect(mounted.container.querySelector('.cw-im-fallback .cw-im-notice')?.textContent).toBe('This message cannot be shown here.');
    expect(mounted.container.querySelector('#sibling')?.textContent).toBe('still here');
    quiet.mockRestore();
  });
});

// @vitest-environment jsdom
// The form's chunk is module state (loaded once per page); this file starts with it not loaded.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../i18n';
import { setup } from './testing/mount';

let done: (() => void)[] = [];
afterEach(() => {
  done.forEach((f) => f());
  done = [];
});

const preChatForm = { fields: [{ name: 'name', type: 'name', label: 'Your name', required: true }] };

describe('pre-chat form chunk', () => {
  it('when it cannot load, the window says so and Retry loads it; nothing starts meanwhile', async () => {
    // Both the load mount.ts starts and the one the window makes fail.
    vi.doMock('./prechat', () => {
      throw new Error('offline');
    });
    const w = await setup({ preChatForm: preChatForm as never }, { open: true });
    done.push(w.cleanup);
    await vi.waitFor(() => expect(w.$('.cw-body [role=alert]')?.textContent).toBe(en.error));
    expect(w.$('.cw-form')).toBeNull();
    expect(w.session.called('start')).toHaveLength(0);
    vi.doUnmock('./prechat');
    const retry = w.$$('.cw-body button').find((b) => b.textContent === en.retry)!;
    retry.click();
    await vi.waitFor(() => expect(w.$('#cw-f-name')).not.toBeNull());
    expect(w.$('.cw-body [role=alert]')).toBeNull();
    expect(w.session.called('start')).toHaveLength(0);
  });
});

// DOM helpers for the interactive and views unit tests (jsdom; @testing-library is not used).
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

export interface Mounted {
  container: HTMLElement;
  rerender(vnode: ComponentChild): void;
  unmount(): void;
}

export function mount(vnode: ComponentChild): Mounted {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => {
    render(vnode, container);
  });
  return {
    container,
    rerender(next) {
      act(() => {
        render(next, container);
      });
    },
    unmount() {
      act(() => {
        render(null, container);
      });
      container.remove();
    },
  };
}

export function click(el: Element | null | undefined): void {
  if (!el) throw new Error('click: element not found');
  act(() => {
    (el as HTMLElement).click();
  });
}

export function press(el: Element | null | undefined, key: string): KeyboardEvent {
  if (!el) throw new Error(`press ${key}: element not found`);
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  act(() => {
    el.dispatchEvent(event);
  });
  return event;
}

/** Types into an input/select/textarea the way a user does: set the value, fire input and change. */
export function type(el: Element | null | undefined, value: string): void {
  if (!el) throw new Error('type: element not found');
  const field = el as HTMLInputElement;
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Lets pending promises and effects run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** Buttons (and radios rendered as buttons) by their visible text. */
export function buttonByText(root: ParentNode, text: string): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll('button')).find((b) => (b.textContent ?? '').trim() === text);
  if (!found) {
    const all = Array.from(root.querySelectorAll('button')).map((b) => JSON.stringify((b.textContent ?? '').trim()));
    throw new Error(`no button "${text}" among ${all.join(', ')}`);
  }
  return found;
}

/** Elements in sequential keyboard (Tab) order, as a browser computes it for tabindex 0/absent. */
export function tabOrder(root: ParentNode): HTMLElement[] {
  const candidates = Array.from(
    root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'),
  );
  return candidates.filter((el) => {
    if ((el as HTMLButtonElement).disabled || el.closest('[inert]')) return false;
    const attr = el.getAttribute('tabindex');
    return attr === null || Number(attr) >= 0;
  });
}

/** Settles until `done()` holds (e.g. a lazily imported chunk has rendered), or fails after `ms`. */
export async function settleUntil(done: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > ms) throw new Error(`settleUntil: condition not met within ${ms} ms`);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
  }
  await settle();
}

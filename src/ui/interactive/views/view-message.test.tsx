// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ViewDescription } from '../../../chat/types';
import { getView, listViews } from '../../../../emulator/views/index';
import { InteractiveMessage } from '../interactive-message';
import { InteractiveStringsContext } from '../strings';
import { buttonByText, click, mount, settle, settleUntil, tabOrder, type, type Mounted } from '../../testing/interactive';
import { INTERACTIVE_RESPONSE_CONTENT_TYPE, type InteractiveReply } from '../types';
import {
  customDescription,
  describeEmulatorView,
  emulatorViewMessage,
  HOSTILE_TEMPLATE,
  UNKNOWN_COMPONENT_TEMPLATE,
  VALIDATION_SCHEMA,
  VALIDATION_TEMPLATE,
  viewMessage,
} from '../../testing/view-fixtures';
import { ViewMessage, type ViewMessageProps } from './view-message';

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

interface Shown {
  root: HTMLElement;
  replies: InteractiveReply[];
  describeView: ReturnType<typeof vi.fn<(token: string) => Promise<ViewDescription>>>;
  /** The `{action, data}` of each reply, parsed, after checking the envelope is exact. */
  actions(): Array<{ action: string; data: unknown }>;
}

async function show(content: string, description: ViewDescription | (() => Promise<ViewDescription>), props: Partial<ViewMessageProps> = {}): Promise<Shown> {
  const replies: InteractiveReply[] = [];
  const describeView = vi.fn((token: string) => {
    void token;
    return typeof description === 'function' ? description() : Promise.resolve(description);
  });
  mounted = mount(
    <InteractiveStringsContext.Provider value={{ locale: 'en-US', timeZone: 'UTC' }}>
      <ViewMessage content={content} actionable describeView={describeView} onAction={(r) => replies.push(r)} {...props} />
    </InteractiveStringsContext.Provider>,
  );
  const container = mounted.container;
  if (!props.timeoutMs) await settleUntil(() => container.querySelector('.cw-view-loading') === null);
  else await settle();
  return {
    root: mounted.container,
    replies,
    describeView,
    actions() {
      return replies.map((r) => {
        expect(r.contentType).toBe(INTERACTIVE_RESPONSE_CONTENT_TYPE);
        const body = JSON.parse(r.content) as { action: string; data: unknown; templateType: string; version: string };
        expect(Object.keys(body)).toEqual(['action', 'data', 'templateType', 'version']);
        expect(body.templateType).toBe('ViewResource');
        expect(body.version).toBe('1.0');
        return { action: body.action, data: body.data };
      });
    },
  };
}

const emulator = (name: string, overrides: Record<string, unknown> = {}) => show(emulatorViewMessage(name, overrides), describeEmulatorView(name));

/** The emulator's template rendered by the generic renderer (its ARN made custom, so not "managed"). */
const generic = (name: string) => {
  const d = describeEmulatorView(name);
  const asCustom = customDescription(`emulator-${name}`, d.template, d.inputSchema, d.actions);
  const content = JSON.parse(emulatorViewMessage(name)) as { data: { content: { viewId?: string } } };
  delete content.data.content.viewId;
  return show(JSON.stringify(content), asCustom);
};

function labelFor(root: HTMLElement, text: string): HTMLInputElement {
  const label = Array.from(root.querySelectorAll('label')).find((l) => l.textContent?.replace(' *', '').trim() === text);
  if (!label) throw new Error(`no label ${text}`);
  const control = root.querySelector<HTMLInputElement>(`[id="${label.getAttribute('for')}"]`);
  if (!control) throw new Error(`label ${text} points at nothing`);
  return control;
}

describe('managed view: cards', () => {
  it('lists the cards; a card opens its detail in place (focus moves); an action sends ActionSelected {actionName}', async () => {
    const v = await emulator('cards');
    expect(v.describeView).toHaveBeenCalledWith('token-cards');
    expect(v.root.querySelector('h3')?.textContent).toBe('What can we help you with?');
    const cards = v.root.querySelectorAll('ul[role="list"] > li > button.cw-view-card');
    expect(Array.from(cards).map((c) => c.querySelector('.cw-view-card-heading')?.textContent)).toEqual(['Billing', 'Delivery']);
    expect(v.root.querySelector('ul[role="list"] > li')?.className).toBe('cw-col-6');
    click(cards[1]);
    expect(document.activeElement?.textContent).toBe('Delivery');
    expect(v.root.textContent).toContain('Most parcels arrive in 2 days.');
    expect(v.replies).toEqual([]);
    click(buttonByText(v.root, 'Back'));
    expect(document.activeElement?.querySelector('.cw-view-card-heading')?.textContent).toBe('Delivery');
    click(v.root.querySelectorAll('button.cw-view-card')[0]);
    click(buttonByText(v.root, 'Get a refund'));
    expect(v.actions()).toEqual([{ action: 'ActionSelected', data: { actionName: 'Get a refund' } }]);
    expect(v.replies[0]?.display).toBe('Get a refund');
  });

  it('NoMatchFound and Back send their actions with {}', async () => {
    const v = await emulator('cards');
    click(buttonByText(v.root, 'None of these'));
    expect(v.actions()).toEqual([{ action: 'NoMatchFound', data: {} }]);
    const w = await emulator('cards');
    click(buttonByText(w.root, 'Back'));
    expect(w.actions()).toEqual([{ action: 'Back', data: {} }]);
  });

  it('a card without Detail is chosen directly', async () => {
    const v = await emulator('cards', { Cards: [{ Summary: { Id: 'x1', Heading: 'Just this' } }], Back: undefined, NoMatchFound: undefined });
    click(v.root.querySelector('button.cw-view-card'));
    expect(v.actions()).toEqual([{ action: 'ActionSelected', data: { actionName: 'x1' } }]);
  });
});

describe('managed view: detail', () => {
  it('heading, description, attributes (copyable, external link), sections, actions', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const v = await emulator('detail');
    expect(v.root.querySelector('h3')?.textContent).toBe('Order #10423');
    const attrs = Array.from(v.root.querySelectorAll('.cw-view-attribute')).map((a) => [a.querySelector('dt')?.textContent, a.querySelector('dd')?.firstChild?.textContent]);
    expect(attrs).toEqual([
      ['Order', '10423'],
      ['Status', 'In transit'],
      ['Carrier', 'Parcelo (opens in a new tab)'],
    ]);
    const link = v.root.querySelector('.cw-view-attribute a');
    expect(link?.getAttribute('href')).toBe('https://example.com/track/10423');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    click(v.root.querySelector('[aria-label="Copy Order"]'));
    await settle();
    expect(writeText).toHaveBeenCalledWith('10423');
    expect(v.root.querySelector('.cw-view-attribute [aria-live]')?.textContent).toBe('Copied');
    expect(v.root.textContent).toContain('Signature required.');
    click(buttonByText(v.root, 'Leave with a neighbour'));
    expect(v.actions()).toEqual([{ action: 'ActionSelected', data: { actionName: 'Leave with a neighbour' } }]);
  });

  it('Back', async () => {
    const v = await emulator('detail');
    click(buttonByText(v.root, 'Back'));
    expect(v.actions()).toEqual([{ action: 'Back', data: {} }]);
  });
});

describe('managed view: list', () => {
  it('items are buttons in a list; choosing sends ActionSelected {Id}', async () => {
    const v = await emulator('list');
    expect(v.root.querySelector('.cw-view-subtitle')?.textContent).toBe('Choose the order you need help with');
    const items = v.root.querySelectorAll('ul[role="list"] button');
    expect(items).toHaveLength(3);
    click(items[1]);
    expect(v.actions()).toEqual([{ action: 'ActionSelected', data: { Id: 'order-10388' } }]);
  });
});

describe('managed view: form', () => {
  it('wizard, error text, labelled fields with defaults; Next validates and sends FormData', async () => {
    const v = await emulator('form');
    const steps = Array.from(v.root.querySelectorAll('.cw-view-steps > li'));
    expect(steps.map((s) => s.getAttribute('aria-current'))).toEqual(['step', null, null]);
    expect(v.root.querySelector('.cw-view-steps')?.getAttribute('aria-label')).toBe('Step 1 of 3');
    expect(v.root.querySelector('.cw-view-error-box')?.getAttribute('role')).toBe('alert');
    expect(v.root.querySelector('.cw-view-error-box')?.textContent).toContain('The serial number has 10 characters.');
    // Every control has a label.
    for (const control of Array.from(v.root.querySelectorAll('input, select, textarea'))) {
      expect(v.root.querySelector(`label[for="${control.id}"]`), control.outerHTML).not.toBeNull();
    }
    expect(labelFor(v.root, 'Model').value).toBe('k1');
    expect(labelFor(v.root, 'Preferred date').value).toBe('2030-05-14');
    expect(labelFor(v.root, 'Preferred date').type).toBe('date');
    const email = labelFor(v.root, 'Email');
    type(email, 'not-an-email');
    click(buttonByText(v.root, 'Book'));
    expect(v.replies).toEqual([]);
    const errorId = email.getAttribute('aria-describedby');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(v.root.querySelector(`[id="${errorId}"]`)?.textContent).toBe('Enter a valid email address.');
    expect(document.activeElement).toBe(email);
    expect(v.root.querySelector('[role="alert"] .cw-view-error-summary')?.textContent).toBe('Please correct the highlighted fields.');
    type(email, 'jane@example.org');
    expect(email.getAttribute('aria-invalid')).toBeNull();
    type(labelFor(v.root, 'Serial number'), 'SN12345678');
    click(buttonByText(v.root, 'Book'));
    expect(v.actions()).toEqual([
      { action: 'Next', data: { FormData: { serial: 'SN12345678', model: ['k1'], date: '2030-05-14', email: 'jane@example.org' } } },
    ]);
    expect(v.replies[0]?.display).toBe('Book');
  });

  it('Cancel and Back send {}; an earlier wizard step sends Step {StepName}', async () => {
    const v = await emulator('form');
    click(buttonByText(v.root, 'Cancel'));
    expect(v.actions()).toEqual([{ action: 'Cancel', data: {} }]);
    const w = await emulator('form');
    click(buttonByText(w.root, 'Back'));
    expect(w.actions()).toEqual([{ action: 'Back', data: {} }]);
    const x = await emulator('form', { CurrentStep: 2 });
    expect(Array.from(x.root.querySelectorAll('.cw-view-steps > li')).map((s) => s.getAttribute('aria-current'))).toEqual([null, null, 'step']);
    click(x.root.querySelector('.cw-view-step-button'));
    expect(x.actions()).toEqual([{ action: 'Step', data: { StepName: 'Device' } }]);
  });
});

describe('managed view: confirmation', () => {
  it('decorative graphic, heading, Next sends {Label}', async () => {
    const v = await emulator('confirmation');
    expect(v.root.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(v.root.querySelector('h3')?.textContent).toBe('Repair booked');
    click(buttonByText(v.root, 'Done'));
    expect(v.actions()).toEqual([{ action: 'Next', data: { Label: 'Done' } }]);
  });
});

describe('custom view DeliveryOptions (generic components, ForEach, bindings, 8/4 layout)', () => {
  it('renders bound data on the grid and sends each action exactly', async () => {
    const v = await emulator('DeliveryOptions');
    const top = v.root.querySelector('.cw-view-scope > .cw-view-grid');
    expect(Array.from(top?.children ?? []).map((c) => c.className)).toEqual(['cw-col-8', 'cw-col-4']);
    expect(v.root.querySelector('h3')?.textContent).toBe('How should we deliver order #10423?');
    const cards = Array.from(v.root.querySelectorAll('button.cw-view-card'));
    expect(cards.map((c) => c.querySelector('.cw-view-card-heading')?.textContent)).toEqual(['Standard', 'Evening', 'Parcel locker']);
    expect(cards[1]?.querySelector('.cw-view-card-status')?.textContent).toBe('£3.50');
    expect(v.root.querySelector('.cw-view-datasection h4')?.textContent).toBe('Delivery address');
    expect(v.root.querySelector('.cw-view-datasection')?.textContent).toContain('Leeds LS1 4AP');
    expect(v.root.querySelector('.cw-view-caption')?.textContent).toBe('Changes are free until 20:00 the day before.');
    click(cards[1]);
    expect(v.actions()).toEqual([{ action: 'OptionSelected', data: { OptionId: 'evening' } }]);
  });

  it('button group and plain button actions', async () => {
    for (const [label, action] of [
      ['Reschedule', 'Reschedule'],
      ['Talk to an agent', 'Agent'],
      ['Cancel delivery', 'Cancel'],
    ] as const) {
      const v = await emulator('DeliveryOptions');
      click(buttonByText(v.root, label));
      expect(v.actions()).toEqual([{ action, data: {} }]);
      mounted?.unmount();
      mounted = undefined;
    }
  });

  it('Visible hides the note when the flow gives none', async () => {
    const v = await emulator('DeliveryOptions', { Note: '' });
    expect(v.root.querySelector('.cw-view-caption')).toBeNull();
  });
});

describe('custom view ReturnRequest (literal form, bound defaults, wizard)', () => {
  it('submit sends FormData with bound defaults and Dropdown values as arrays', async () => {
    const v = await emulator('ReturnRequest');
    expect(labelFor(v.root, 'Order number').value).toBe('10423');
    expect(labelFor(v.root, 'Pickup date').value).toBe('2030-05-15');
    const reason = labelFor(v.root, 'Reason') as unknown as HTMLSelectElement;
    expect(reason.value).toBe('too-small');
    type(reason, 'damaged');
    type(labelFor(v.root, 'Anything else?'), 'Box is dented');
    click(buttonByText(v.root, 'Request return'));
    expect(v.actions()).toEqual([
      { action: 'Submit', data: { FormData: { orderNumber: '10423', reason: ['damaged'], pickupDate: '2030-05-15', comment: 'Box is dented' } } },
    ]);
  });

  it('keyboard: every control is in the tab order, in reading order', async () => {
    const v = await emulator('ReturnRequest');
    const names = tabOrder(v.root).map((el) => (el.id ? v.root.querySelector(`label[for="${el.id}"]`)?.textContent : el.textContent));
    expect(names).toEqual(['Order number', 'Reason', 'Pickup date', 'Anything else?', 'Cancel', 'Request return']);
  });
});

describe('the emulator managed templates also render with the generic renderer', () => {
  it('every emulator view renders without notices either way', async () => {
    for (const name of listViews()) {
      const v = await generic(name);
      expect(v.root.querySelector('.cw-view-notice'), name).toBeNull();
      expect(v.root.querySelector('.cw-view')?.textContent?.length, name).toBeGreaterThan(10);
      mounted?.unmount();
      mounted = undefined;
    }
  });

  it('same replies as the native renderers: cards, list, form, confirmation', async () => {
    const cards = await generic('cards');
    click(buttonByText(cards.root, 'Track parcel'));
    expect(cards.actions()).toEqual([{ action: 'ActionSelected', data: { actionName: 'Track parcel' } }]);
    mounted?.unmount();
    const list = await generic('list');
    click(list.root.querySelectorAll('button.cw-view-card')[2]);
    expect(list.actions()).toEqual([{ action: 'ActionSelected', data: { Id: 'order-10301' } }]);
    mounted?.unmount();
    const form = await generic('form');
    type(labelFor(form.root, 'Serial number'), 'SN12345678');
    click(buttonByText(form.root, 'Book'));
    expect(form.actions()).toEqual([{ action: 'Next', data: { FormData: { serial: 'SN12345678', model: ['k1'], date: '2030-05-14', email: 'jane@example.com' } } }]);
    mounted?.unmount();
    const confirmation = await generic('confirmation');
    click(buttonByText(confirmation.root, 'Done'));
    expect(confirmation.actions()).toEqual([{ action: 'Next', data: { Label: 'Done' } }]);
  });
});

describe('form validation from Props and InputSchema', () => {
  const validationView = () =>
    show(viewMessage(undefined, 'tok', { }), customDescription('signup', VALIDATION_TEMPLATE, VALIDATION_SCHEMA, ['Submit']));

  it('errors are shown per field, linked with aria-describedby, focus goes to the first; fixed form submits', async () => {
    const v = await validationView();
    const name = labelFor(v.root, 'Full name');
    expect(name.getAttribute('aria-required')).toBe('true');
    expect(v.root.querySelector(`[id="${name.getAttribute('aria-describedby')}"]`)?.textContent).toBe('As on your ID');
    expect(labelFor(v.root, 'Email').getAttribute('aria-required')).toBe('true'); // from InputSchema.required
    click(buttonByText(v.root, 'Sign up'));
    expect(v.replies).toEqual([]);
    const errorOf = (control: Element) =>
      (control.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => v.root.querySelector(`[id="${id}"]`))
        .find((el) => el?.classList.contains('cw-view-error'))?.textContent;
    expect(errorOf(name)).toBe('This field is required.');
    expect(errorOf(labelFor(v.root, 'Email'))).toBe('This field is required.');
    expect(errorOf(labelFor(v.root, 'Size'))).toBe('This field is required.');
    expect(errorOf(labelFor(v.root, 'Age'))).toBeUndefined();
    expect(document.activeElement).toBe(name);
    type(name, 'Jane Doe');
    type(labelFor(v.root, 'Email'), 'jane@example.com');
    type(labelFor(v.root, 'Age'), '16');
    type(labelFor(v.root, 'Size'), 'M');
    click(buttonByText(v.root, 'Sign up'));
    expect(errorOf(labelFor(v.root, 'Age'))).toBe('Enter 18 or more.');
    expect(document.activeElement).toBe(labelFor(v.root, 'Age'));
    type(labelFor(v.root, 'Age'), '30');
    click(buttonByText(v.root, 'Sign up'));
    expect(v.actions()).toEqual([
      { action: 'Submit', data: { FormData: { name: 'Jane Doe', email: 'jane@example.com', age: '30', size: ['M'], when: '' }, Source: 'chat' } },
    ]);
  });
});

describe('one action per view', () => {
  it('a second action is ignored and controls report aria-disabled', async () => {
    const v = await emulator('list');
    const items = v.root.querySelectorAll('ul[role="list"] button');
    click(items[0]);
    click(items[1]);
    expect(v.replies).toHaveLength(1);
    expect(v.root.querySelector('ul[role="list"] button')?.getAttribute('aria-disabled')).toBe('true');
  });
});

describe('failures: a clear notice, the chat stays usable', () => {
  it('DescribeView failure shows a notice with Try again, which retries', async () => {
    let calls = 0;
    const onError = vi.fn();
    const v = await show(emulatorViewMessage('list'), () => (++calls === 1 ? Promise.reject(new Error('ResourceNotFoundException')) : Promise.resolve(describeEmulatorView('list'))), { onError });
    expect(v.root.querySelector('.cw-im-notice')?.textContent).toBe('This content could not be loaded.');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'ResourceNotFoundException' }));
    click(buttonByText(v.root, 'Try again'));
    await settleUntil(() => v.root.querySelector('.cw-view-loading') === null);
    expect(v.describeView).toHaveBeenCalledTimes(2);
    expect(v.root.querySelectorAll('ul[role="list"] button')).toHaveLength(3);
  });

  it('DescribeView that never answers times out into the notice', async () => {
    // Long enough that "Loading…" is still there when the first render settles on a busy machine.
    const v = await show(emulatorViewMessage('list'), () => new Promise<ViewDescription>(() => undefined), { timeoutMs: 1000 });
    expect(v.root.querySelector('[role="status"]')?.textContent).toBe('Loading…');
    await settleUntil(() => v.root.querySelector('.cw-im-notice') !== null);
    expect(v.root.querySelector('.cw-im-notice')?.textContent).toBe('This content could not be loaded.');
  });

  it('the renderer chunk failing to load shows the notice', async () => {
    const v = await show(emulatorViewMessage('list'), describeEmulatorView('list'), { loadRenderer: () => Promise.reject(new Error('chunk 404')) });
    expect(v.root.querySelector('.cw-im-notice')?.textContent).toBe('This content could not be loaded.');
  });

  it('a renderer that throws is contained by the boundary', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { ViewRenderer: () => { throw new Error('bug'); }, managedViewName: () => undefined };
    const v = await show(emulatorViewMessage('list'), describeEmulatorView('list'), {
      loadRenderer: () => Promise.resolve(broken as unknown as typeof import('./renderer')),
    });
    expect(v.root.querySelector('.cw-im-notice')?.textContent).toBe('This content could not be loaded.');
    quiet.mockRestore();
  });

  it('a template without Body, or not JSON, shows the notice', async () => {
    for (const template of [{ Head: {} }, '{not json', 42, { Body: [] }]) {
      const v = await show(viewMessage(undefined, 't', {}), customDescription('bad', template));
      expect(v.root.querySelector('.cw-view-notice')?.textContent).toBe('This content could not be loaded.');
      mounted?.unmount();
      mounted = undefined;
    }
  });

  it('unknown components get a notice; their children and the rest still render and work', async () => {
    const v = await show(viewMessage(undefined, 't', {}), customDescription('mixed', UNKNOWN_COMPONENT_TEMPLATE));
    expect(v.root.querySelector('h3')?.textContent).toBe('Known heading');
    expect(v.root.querySelector('.cw-view-unknown .cw-view-notice')?.textContent).toBe('Part of this content cannot be shown.');
    click(buttonByText(v.root, 'Inner button'));
    expect(v.actions()).toEqual([{ action: 'Inner', data: {} }]);
  });

  it('a malformed ViewResource message falls back without calling DescribeView', async () => {
    const v = await show('{"templateType":"ViewResource","data":{"content":{}}}', describeEmulatorView('list'));
    expect(v.root.querySelector('.cw-im-fallback')).not.toBeNull();
    expect(v.describeView).not.toHaveBeenCalled();
  });
});

describe('hostile views render inert', () => {
  it('no markup, script URLs or event handlers survive from template or data', async () => {
    const data = { Heading: '<img src=x onerror=alert(7)>', __proto__: { polluted: true } };
    const v = await show(viewMessage(undefined, 't', JSON.stringify(data)), customDescription('hostile', HOSTILE_TEMPLATE));
    for (const el of Array.from(v.root.querySelectorAll('*'))) {
      expect(['SCRIPT', 'IMG', 'IFRAME', 'svg']).not.toContain(el.tagName);
      for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on'), `${el.tagName}[${attr.name}]`).toBe(false);
    }
    expect(v.root.querySelectorAll('a')).toHaveLength(0);
    expect(v.root.querySelector('h3')?.textContent).toBe('<img src=x onerror=alert(7)>');
    expect(v.root.textContent).not.toContain('function Object');
    expect(labelFor(v.root, '<b>label</b>').value).toBe('"><script>alert(6)</script>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('collapsed and lazy', () => {
  it('not actionable: heading and answer; neither DescribeView nor the renderer are loaded', async () => {
    const loadRenderer = vi.fn(() => import('./renderer'));
    const describeView = vi.fn(() => Promise.resolve(describeEmulatorView('form')));
    mounted = mount(
      <ViewMessage content={emulatorViewMessage('form')} actionable={false} answered="Book" describeView={describeView} onAction={() => undefined} loadRenderer={loadRenderer} />,
    );
    await settle();
    expect(mounted.container.textContent).toBe('Book a repairYour answer: Book');
    expect(describeView).not.toHaveBeenCalled();
    expect(loadRenderer).not.toHaveBeenCalled();
  });

  it('becoming actionable loads the renderer with import()', async () => {
    const loadRenderer = vi.fn(() => import('./renderer'));
    const v = await show(emulatorViewMessage('confirmation'), describeEmulatorView('confirmation'), { loadRenderer });
    expect(loadRenderer).toHaveBeenCalledTimes(1);
    expect(v.root.querySelector('h3')?.textContent).toBe('Repair booked');
  });

  it('view-message.tsx does not import the renderer statically (it stays a separate chunk)', async () => {
    const { readFileSync } = await import('node:fs');
    const { dirname, resolve } = await import('node:path');
    const seen = new Set<string>();
    const heavy = ['renderer.tsx', 'generic.tsx', 'fields.tsx', 'form-scope.tsx', 'managed'];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gm)) {
        const base = resolve(dirname(file), match[1] ?? '');
        const candidate = [`${base}.ts`, `${base}.tsx`].find((f) => {
          try {
            readFileSync(f);
            return true;
          } catch {
            return false;
          }
        });
        if (candidate) visit(candidate);
      }
    };
    const here = dirname(new URL(import.meta.url).pathname);
    visit(resolve(here, 'view-message.tsx'));
    visit(resolve(here, '../interactive-message.tsx'));
    const statics = Array.from(seen).map((f) => f.slice(resolve(here, '..').length));
    expect(statics.some((f) => heavy.some((h) => f.includes(`/views/${h}`)))).toBe(false);
    expect(statics).toContain('/views/view-message.tsx');
  });
});

describe('through InteractiveMessage', () => {
  it('a ViewResource message is handed to ViewMessage when describeView is given', async () => {
    const replies: InteractiveReply[] = [];
    mounted = mount(
      <InteractiveMessage
        content={emulatorViewMessage('confirmation')}
        actionable
        describeView={() => Promise.resolve(describeEmulatorView('confirmation'))}
        onReply={(r) => replies.push(r)}
      />,
    );
    const container = mounted.container;
    await settleUntil(() => container.querySelector('.cw-view-loading') === null);
    click(buttonByText(mounted.container, 'Done'));
    expect(replies.map((r) => r.content)).toEqual(['{"action":"Next","data":{"Label":"Done"},"templateType":"ViewResource","version":"1.0"}']);
  });

  it('every emulator view is known to the emulator by ARN (fixture sanity)', () => {
    for (const name of listViews()) expect(getView(getView(name)?.Arn ?? '')?.Name).toBe(name);
  });
});

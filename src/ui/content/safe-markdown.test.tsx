// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { click, mount, type Mounted } from '../testing/interactive';
import { splitLinks } from './linkify';
import { SafeMarkdown, SafeText } from './safe-markdown';

let mounted: Mounted | undefined;
let innerHtmlWrites: string[] = [];
let restore: (() => void) | undefined;

beforeEach(() => {
  // Trusted Types forbid assigning strings to innerHTML/outerHTML; prove the components never do.
  innerHtmlWrites = [];
  const inner = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
  const outer = Object.getOwnPropertyDescriptor(Element.prototype, 'outerHTML');
  const insert = Element.prototype.insertAdjacentHTML;
  Object.defineProperty(Element.prototype, 'innerHTML', {
    configurable: true,
    get: inner?.get,
    set(value: string) {
      innerHtmlWrites.push(value);
      inner?.set?.call(this, value);
    },
  });
  Object.defineProperty(Element.prototype, 'outerHTML', {
    configurable: true,
    get: outer?.get,
    set(value: string) {
      innerHtmlWrites.push(value);
      outer?.set?.call(this, value);
    },
  });
  Element.prototype.insertAdjacentHTML = function (position: InsertPosition, text: string) {
    innerHtmlWrites.push(text);
    insert.call(this, position, text);
  };
  restore = () => {
    if (inner) Object.defineProperty(Element.prototype, 'innerHTML', inner);
    if (outer) Object.defineProperty(Element.prototype, 'outerHTML', outer);
    Element.prototype.insertAdjacentHTML = insert;
  };
});

afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  restore?.();
});

describe('SafeMarkdown', () => {
  // Runs first: the renderer chunk is module state, not loaded yet in this file.
  it('shows the source as plain text without its markers until the renderer chunk arrives, then renders it in the same element', async () => {
    mounted = mount(<SafeMarkdown source={'**Hi** <img src=x onerror=alert(1)>'} />);
    const el = mounted.container.querySelector('.cw-md');
    expect(el?.textContent).toBe('Hi <img src=x onerror=alert(1)>');
    expect(el?.classList.contains('cw-md-plain')).toBe(true);
    // Text only, in the paragraph box the renderer will make: nothing of the source became an element.
    expect(Array.from(el?.querySelectorAll('*') ?? []).map((e) => e.tagName)).toEqual(['P']);
    await vi.waitFor(() => expect(el?.querySelector('strong')?.textContent).toBe('Hi'));
    expect(mounted.container.querySelector('.cw-md')).toBe(el);
    expect(el?.classList.contains('cw-md-plain')).toBe(false);
    expect(el?.querySelector('img')).toBeNull();
    expect(innerHtmlWrites).toEqual([]);
  });

  it('renders sanitized markdown as DOM without writing HTML strings to the document', () => {
    mounted = mount(<SafeMarkdown source={'**Hi** <img src=x onerror=alert(1)> [x](javascript:alert(1)) [ok](https://ok.example)'} />);
    const root = mounted.container.querySelector('.cw-md');
    expect(root?.querySelector('strong')?.textContent).toBe('Hi');
    expect(root?.querySelector('img')).toBeNull();
    expect(Array.from(root?.querySelectorAll('a') ?? []).map((a) => a.getAttribute('href'))).toEqual(['https://ok.example/']);
    expect(innerHtmlWrites).toEqual([]);
  });

  it('the spy would notice an innerHTML write (guards the test above)', () => {
    document.createElement('div').innerHTML = '<b>x</b>';
    expect(innerHtmlWrites).toEqual(['<b>x</b>']);
  });

  it('updates in place when the source grows (streaming), and survives unrelated re-renders', () => {
    mounted = mount(<SafeMarkdown source="Hello" />);
    const el = mounted.container.querySelector('.cw-md');
    mounted.rerender(<SafeMarkdown source="Hello **world**" />);
    expect(mounted.container.querySelector('.cw-md')).toBe(el);
    expect(el?.querySelector('strong')?.textContent).toBe('world');
    mounted.rerender(<SafeMarkdown source="Hello **world**" class="x" />);
    expect(el?.textContent?.trim()).toBe('Hello world');
  });

  it('inline renders a span; links: false unwraps links', () => {
    mounted = mount(<SafeMarkdown inline links={false} source="see [docs](https://d.example)" />);
    const span = mounted.container.querySelector('span.cw-md');
    expect(span?.textContent).toBe('see docs');
    expect(span?.querySelector('a')).toBeNull();
  });
});

describe('SafeText', () => {
  it('shows markup as text and turns bare http(s) URLs into safe links', () => {
    mounted = mount(<SafeText text={'<b>hi</b> see https://example.com/a_(b). or javascript:alert(1)'} />);
    const span = mounted.container.querySelector('.cw-text');
    expect(span?.querySelector('b')).toBeNull();
    expect(span?.textContent).toBe('<b>hi</b> see https://example.com/a_(b). or javascript:alert(1)');
    const links = Array.from(span?.querySelectorAll('a') ?? []);
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')])).toEqual([
      ['https://example.com/a_(b)', '_blank', 'noopener noreferrer'],
    ]);
    click(links[0]); // jsdom does not navigate; the point is it is a plain link
    expect(innerHtmlWrites).toEqual([]);
  });

  it('linkify can be turned off', () => {
    mounted = mount(<SafeText text="https://example.com" linkify={false} />);
    expect(mounted.container.querySelector('a')).toBeNull();
  });
});

describe('splitLinks', () => {
  it('round-trips the text and trims trailing punctuation', () => {
    const text = 'Go to https://a.example/x, then (https://b.example/y) and https://c.example/z!';
    const parts = splitLinks(text);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.href).map((p) => p.href)).toEqual(['https://a.example/x', 'https://b.example/y', 'https://c.example/z']);
  });
});

import { describe, expect, it } from 'vitest';
import { markdownParagraphs, markdownPlain } from './markdown-plain';

describe('markdownPlain (markdown shown before the renderer arrives)', () => {
  it('drops emphasis, strike-through and code marks around words', () => {
    expect(markdownPlain('Your order **A-1042** has _shipped_.')).toBe('Your order A-1042 has shipped.');
    expect(markdownPlain('~~old~~ and `code` and __strong__ and *em*')).toBe('old and code and strong and em');
  });

  it('keeps links and images as their text, and drops heading and quote marks at line starts', () => {
    expect(markdownPlain('See [the docs](https://d.example) ![a map](https://m.example/x.png)')).toBe('See the docs a map');
    expect(markdownPlain('# Title\n> quoted\n> > deeper\nbody')).toBe('Title\nquoted\ndeeper\nbody');
  });

  it('leaves what is not a marker as written, markup included (it is shown as text)', () => {
    expect(markdownPlain('a > b, 2 * 3 * 4, snake_case_name, #hashtag')).toBe('a > b, 2 * 3 * 4, snake_case_name, #hashtag');
    expect(markdownPlain('**Hi** <img src=x onerror=alert(1)>')).toBe('Hi <img src=x onerror=alert(1)>');
    expect(markdownPlain('- one\n- two')).toBe('- one\n- two');
  });

  it('takes anything: not a string gives an empty text', () => {
    expect(markdownPlain(undefined as unknown as string)).toBe('');
  });
});

describe('markdownParagraphs', () => {
  it('splits where markdown starts a new paragraph (blank lines), keeping single line breaks', () => {
    expect(markdownParagraphs('Your **order** shipped.\n\nTrack it [here](https://t.example).\nThanks!')).toEqual(['Your order shipped.', 'Track it here.\nThanks!']);
    expect(markdownParagraphs('\n\n  one  \n \n\n two \n')).toEqual(['one', 'two']);
    expect(markdownParagraphs('')).toEqual([]);
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../config';
import { isOptionAttribute, optionsFromAttributes, parseValue, toCamel } from './attributes';

describe('attributes -> options', () => {
  it('maps kebab-case attributes to options, JSON for objects, and leaves global attributes out', () => {
    const el = document.createElement('connect-chat');
    el.setAttribute('id', 'chat');
    el.setAttribute('class', 'x');
    el.setAttribute('aria-label', 'Chat');
    el.setAttribute('data-test', '1');
    el.setAttribute('start-chat', 'https://example.com/start');
    el.setAttribute('z-index', '500');
    el.setAttribute('auto-open', '');
    el.setAttribute('position', '{"side":"left"}');
    el.setAttribute('theme', 'dark');
    el.setAttribute('attachments', 'false');
    const options = optionsFromAttributes(el);
    expect(options).toEqual({
      startChat: 'https://example.com/start',
      zIndex: '500',
      autoOpen: '',
      position: { side: 'left' },
      theme: 'dark',
      attachments: 'false',
    });
    // The validator turns the text into what each option needs.
    const { config, issues } = validateConfig(options);
    expect(issues).toEqual([]);
    expect(config.zIndex).toBe(500);
    expect(config.autoOpen).toBe(true);
    expect(config.position.side).toBe('left');
    expect(config.theme.mode).toBe('dark');
    expect(config.attachments.enabled).toBe(false);
  });

  it('leaves broken JSON as text, so the validator names the option', () => {
    expect(parseValue('{"side":')).toBe('{"side":');
    const { issues } = validateConfig({ startChat: 'https://e.x/s', position: parseValue('{"side":') });
    expect(issues.map((i) => i.option)).toEqual(['position']);
  });

  it('names a misspelt attribute as an unknown option', () => {
    const el = document.createElement('connect-chat');
    el.setAttribute('strat-chat', '/x');
    expect(validateConfig(optionsFromAttributes(el)).issues.map((i) => i.message)).toContain("unknown option 'stratChat'; it is ignored");
  });

  it('knows global attributes from options', () => {
    expect(['id', 'class', 'style', 'hidden', 'aria-hidden', 'data-x', 'onclick', 'slot'].filter(isOptionAttribute)).toEqual([]);
    expect(['start-chat', 'locale', 'theme', 'nonce', 'storage-key'].every(isOptionAttribute)).toBe(true);
    expect(toCamel('supported-messaging-content-types')).toBe('supportedMessagingContentTypes');
  });
});

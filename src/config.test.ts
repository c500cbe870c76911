import { describe, expect, it } from 'vitest';
import { configIssues, DEFAULT_CONFIG, describeIssues, validateConfig } from './config';

const base = { startChat: 'https://example.com/start' };

describe('validateConfig', () => {
  it('fills every default and reports nothing for a minimal valid config', () => {
    const { config, issues } = validateConfig(base);
    expect(issues).toEqual([]);
    expect(config).toEqual({ ...DEFAULT_CONFIG, startChat: base.startChat });
  });

  it('reports a missing startChat, but still returns a usable config', () => {
    const { config, issues } = validateConfig({});
    expect(issues).toEqual([{ option: 'startChat', message: expect.stringMatching(/'startChat' is required/) }]);
    expect(config.theme.mode).toBe('light');
  });

  it('accepts a function as startChat', () => {
    const fn = async () => ({ ContactId: 'c', ParticipantId: 'p', ParticipantToken: 't' });
    expect(validateConfig({ startChat: fn }).config.startChat).toBe(fn);
  });

  it('names each invalid option, keeps valid neighbours and uses defaults for the rest', () => {
    const { config, issues } = validateConfig({
      ...base,
      zIndex: 'high',
      sound: 'loud',
      theme: { mode: 'neon', fontSize: 16, light: { primary: 'red;} body{display:none' } },
      position: { side: 'middle', offsetX: 40 },
    });
    expect(issues.map((i) => i.option).sort()).toEqual(['position.side', 'sound', 'theme.light.primary', 'theme.mode', 'zIndex']);
    expect(issues.find((i) => i.option === 'zIndex')?.message).toMatch(/invalid 'zIndex': expected a number from 0 to 2147483647; using the default/);
    expect(issues.find((i) => i.option === 'theme.mode')?.message).toMatch(/'light', 'dark', 'auto'/);
    expect(config.zIndex).toBe(DEFAULT_CONFIG.zIndex);
    expect(config.theme.mode).toBe('light');
    expect(config.theme.fontSize).toBe(16);
    expect(config.theme.light).toEqual({});
    expect(config.position).toEqual({ side: 'right', offsetX: 40, offsetY: 20 });
  });

  it('reports unknown options without failing', () => {
    const { issues } = validateConfig({ ...base, colour: 'red', theme: { accent: '#000' } });
    expect(issues).toEqual([
      { option: 'colour', message: "unknown option 'colour'; it is ignored" },
      { option: 'theme.accent', message: "unknown option 'theme.accent'; it is ignored" },
    ]);
  });

  it('coerces the strings data-* attributes give', () => {
    const { config, issues } = validateConfig({ ...base, sound: 'true', autoOpen: 'false', zIndex: '50', attachments: 'false', theme: 'dark' });
    expect(issues).toEqual([]);
    expect(config.sound).toBe(true);
    expect(config.autoOpen).toBe(false);
    expect(config.zIndex).toBe(50);
    expect(config.attachments.enabled).toBe(false);
    expect(config.attachments.maxSizeBytes).toBe(DEFAULT_CONFIG.attachments.maxSizeBytes);
    expect(config.theme.mode).toBe('dark');
  });

  it('avatars: on by default, false or "false" turns them off, pictures must be http(s) URLs', () => {
    expect(validateConfig(base).config.avatars).toEqual({ enabled: true });
    expect(validateConfig({ ...base, avatars: false }).config.avatars.enabled).toBe(false);
    expect(validateConfig({ ...base, avatars: 'false' }).config.avatars.enabled).toBe(false);
    const ok = validateConfig({ ...base, avatars: { agent: 'https://cdn.example/agent.png', bot: '/bot.svg' } });
    expect(ok.issues).toEqual([]);
    expect(ok.config.avatars).toEqual({ enabled: true, agent: 'https://cdn.example/agent.png', bot: '/bot.svg' });
    const bad = validateConfig({ ...base, avatars: { agent: 'javascript:alert(1)' } });
    expect(bad.issues.map((i) => i.option)).toEqual(['avatars.agent']);
    expect(bad.config.avatars.agent).toBeUndefined();
  });

  it('validates URLs, regions, locales and nonces', () => {
    const { issues } = validateConfig({ startChat: 'javascript:alert(1)', region: 'mars', locale: '12', nonce: 'a b', endpoint: 'ftp://x' });
    expect(issues.map((i) => i.option).sort()).toEqual(['endpoint', 'locale', 'nonce', 'region', 'startChat', 'startChat']);
    expect(validateConfig({ ...base, region: 'eu-central-1', locale: 'pt-BR' }).issues).toEqual([]);
  });

  it('an endpoint that is given but unusable is kept (so the chat refuses to start), never replaced by the region', () => {
    // issue 11: 'ftp://…' fell back to the default region, so the visitor's token went to a real AWS
    // endpoint; 'not a url' passed as a relative URL and then threw into the page.
    for (const endpoint of ['ftp://participant.example.com', 'not a url', '/relative/path']) {
      const { config, issues } = validateConfig({ ...base, endpoint });
      expect(config.endpoint, endpoint).toBe(endpoint);
      expect(issues).toHaveLength(1);
      expect(issues[0].option).toBe('endpoint');
      expect(issues[0].message).toMatch(/the chat will not start until it is fixed/);
    }
    expect(validateConfig({ ...base, endpoint: 'http://127.0.0.1:8787' }).issues).toEqual([]);
  });

  it('checks persistentChat', () => {
    expect(validateConfig({ ...base, persistentChat: { sourceContactId: 'c-1' } }).config.persistentChat).toEqual({ sourceContactId: 'c-1' });
    expect(validateConfig({ ...base, persistentChat: { sourceContactId: 'c 1' } }).issues[0].option).toBe('persistentChat');
    // The signedContactId of connect-chat-widget/server.
    const signed = '3ca60918-7534-40e6-83cd-c69f8e8a3265.mgz1k2a3.b3V0LW9mLXRoaXMtd29ybGQtc2lnbmF0dXJlLWJ5dGVzLi4';
    expect(validateConfig({ ...base, persistentChat: { sourceContactId: signed } }).config.persistentChat).toEqual({ sourceContactId: signed });
    expect(validateConfig({ ...base, persistentChat: { sourceContactId: 'c', rehydrationType: 'ALL' } }).issues[0].message).toMatch(/FROM_SEGMENT/);
  });

  it('checks the pre-chat form field by field', () => {
    const good = { fields: [{ name: 'name', type: 'name', label: 'Name', required: true }, { name: 'topic', type: 'select', label: 'Topic', options: [{ value: 'a', label: 'A' }] }] };
    expect(validateConfig({ ...base, preChatForm: good }).config.preChatForm?.fields).toHaveLength(2);
    const cases: [unknown, RegExp][] = [
      [{ fields: [] }, /at least one field/],
      [{ fields: [{ name: 'a b', label: 'x' }] }, /field 1: 'name'/],
      [{ fields: [{ name: 'a', label: 'x' }, { name: 'a', label: 'y' }] }, /field 2: name 'a' is used twice/],
      [{ fields: [{ name: 'a' }] }, /'label' is required/],
      [{ fields: [{ name: 'a', label: 'x', type: 'date' }] }, /'type' must be one of/],
      [{ fields: [{ name: 'a', label: 'x', pattern: '(' }] }, /not a valid regular expression/],
      [{ fields: [{ name: 'a', label: 'x', type: 'select' }] }, /needs 'options'/],
    ];
    for (const [form, message] of cases) {
      const { config, issues } = validateConfig({ ...base, preChatForm: form });
      expect(issues[0]?.option).toBe('preChatForm');
      expect(issues[0]?.message).toMatch(message);
      expect(config.preChatForm).toBeNull();
    }
  });

  it('business hours: availability is a URL or a function; the leave-message form is checked like the pre-chat form', () => {
    const hours = () => ({ open: false });
    const ok = validateConfig({ ...base, availability: hours, whenClosed: 'leave-message', leaveMessage: { submit: '/leave-message', fields: [{ name: 'note', type: 'textarea', label: 'Note' }] } });
    expect(ok.issues).toEqual([]);
    expect(ok.config.availability).toBe(hours);
    expect(ok.config.leaveMessage?.fields?.[0].type).toBe('textarea');
    expect(validateConfig({ ...base, availability: 42 }).issues[0].option).toBe('availability');
    const bad = validateConfig({ ...base, leaveMessage: { submit: '/lm', fields: [{ name: 'a b', label: 'x' }] } });
    expect(bad.issues[0]).toEqual({ option: 'leaveMessage', message: expect.stringMatching(/field 1: 'name'/) });
    expect(bad.config.leaveMessage).toBeNull();
    expect(validateConfig({ ...base, leaveMessage: { fields: [] } }).issues[0].option).toBe('leaveMessage');
    // 'leave-message' without a form cannot offer one: it says what to add and uses 'away'.
    const missing = validateConfig({ ...base, whenClosed: 'leave-message' });
    expect(missing.issues).toEqual([{ option: 'whenClosed', message: expect.stringMatching(/needs the option leaveMessage: \{ submit/) }]);
    expect(missing.config.whenClosed).toBe('away');
    expect(validateConfig({ ...base, whenClosed: 'never' }).issues[0].message).toMatch(/'away', 'hide', 'leave-message'/);
  });

  it("postChatSurvey is on or off; persistentChat may be 'auto'", () => {
    expect(validateConfig({ ...base, postChatSurvey: true }).config.postChatSurvey).toBe(true);
    expect(validateConfig({ ...base, postChatSurvey: 'yes' }).issues[0].option).toBe('postChatSurvey');
    expect(validateConfig({ ...base, persistentChat: 'auto' }).config.persistentChat).toBe('auto');
    expect(validateConfig({ ...base, persistentChat: 'always' }).issues[0].message).toMatch(/expected 'auto', or/);
  });

  it('keeps string overrides only when every value is text', () => {
    expect(validateConfig({ ...base, strings: { title: 'Help' }, translations: { de: { title: 'Hilfe' } } }).issues).toEqual([]);
    expect(validateConfig({ ...base, strings: { title: 5 } }).issues[0].message).toMatch(/value of 'title' must be text/);
  });

  it('refuses a non-object and says so', () => {
    const { issues } = validateConfig('hello');
    expect(issues[0]).toEqual({ option: '', message: expect.stringMatching(/expected a configuration object/) });
  });

  it('describeIssues lists every problem on its own line', () => {
    const text = describeIssues(validateConfig({ zIndex: -1 }).issues);
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toMatch(/^connect-chat: 2 configuration problem/);
  });

  it("configIssues (the loader's report) finds exactly validateConfig's issues, without the defaults", () => {
    const inputs: unknown[] = [
      'hello',
      null,
      {},
      { startChat: 'https://backend.example/start' },
      { zIndex: -1, theme: { width: 10, light: { primary: 'red;}' } }, attachments: 'no', nope: 1 },
      { startChat: 'x', whenClosed: 'leave-message' },
      { startChat: 'https://b.example/s', whenClosed: 'leave-message', leaveMessage: { submit: 'ftp://x' } },
      { startChat: 'https://b.example/s', whenClosed: 'leave-message', leaveMessage: { submit: 'https://b.example/leave' } },
      { startChat: 'https://b.example/s', endpoint: 'not a url', preChatForm: { fields: [{ name: 'a b', label: '' }] } },
      { startChat: 'https://b.example/s', theme: 'dark', avatars: false, persistentChat: { sourceContactId: 'c-1' } },
    ];
    for (const input of inputs) expect(configIssues(input)).toEqual(validateConfig(input).issues);
    // and there are issues to compare: the list above is not all valid
    expect(inputs.map((i) => configIssues(i).length).filter((n) => n > 0).length).toBeGreaterThan(5);
  });
});

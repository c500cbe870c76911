// Who may talk to the emulator, as pure functions: host names, origins, content types, control paths.
import { describe, expect, it } from 'vitest';
import { createGuard, hostAllowed, hostName, isControlPath, isJsonContentType, normalizeOrigin, originAllowed, refusal } from './guard.js';
import { decodeSegment, nestedDeeperThan } from './http.js';

const guard = createGuard({ host: '127.0.0.1', port: 8787, allowOrigins: ['http://127.0.0.1:3000'] });

describe('Host header', () => {
  it('reads the name without the port, IPv6 in brackets, any case', () => {
    expect(hostName('127.0.0.1:8787')).toBe('127.0.0.1');
    expect(hostName('LocalHost')).toBe('localhost');
    expect(hostName('[::1]:8787')).toBe('[::1]');
    expect(hostName('evil.example:8787')).toBe('evil.example');
    expect(hostName('a b')).toBeUndefined();
    expect(hostName('')).toBeUndefined();
    expect(hostName(undefined)).toBeUndefined();
  });

  it('answers loopback names only, plus the public URL\'s host and a specific listening address', () => {
    for (const ok of ['127.0.0.1:8787', 'localhost:8787', '[::1]:8787', '127.0.0.1']) expect(hostAllowed(ok, guard)).toBe(true);
    for (const bad of ['evil.example:8787', 'localhost.evil.example', '127.0.0.2:8787', '0.0.0.0:8787', undefined]) expect(hostAllowed(bad, guard)).toBe(false);
    const shared = createGuard({ host: '0.0.0.0', port: 8787, publicUrl: 'http://chat-dev.internal:9000', allowOrigins: [] });
    expect(hostAllowed('chat-dev.internal:9000', shared)).toBe(true);
    expect(hostAllowed('0.0.0.0:8787', shared)).toBe(false);
    expect(hostAllowed('192.168.1.20:8787', createGuard({ host: '192.168.1.20', port: 8787, allowOrigins: [] }))).toBe(true);
  });
});

describe('origins of the control routes', () => {
  it('no Origin, the emulator\'s own origins and allowed ones; never null or others', () => {
    for (const ok of [undefined, 'http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'http://127.0.0.1:3000']) {
      expect(originAllowed(ok, guard)).toBe(true);
    }
    for (const bad of ['http://evil.example', 'http://127.0.0.1:8788', 'https://127.0.0.1:8787', 'null']) expect(originAllowed(bad, guard)).toBe(false);
    expect(originAllowed('http://anything.example', createGuard({ host: '127.0.0.1', port: 1, allowOrigins: ['*'] }))).toBe(true);
    expect(originAllowed('https://chat-dev.internal', createGuard({ host: '127.0.0.1', port: 1, publicUrl: 'https://chat-dev.internal/', allowOrigins: [] }))).toBe(true);
  });

  it('--allow-origin takes an origin, says what is wrong otherwise', () => {
    expect(normalizeOrigin('http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000');
    expect(normalizeOrigin('HTTPS://App.Example')).toBe('https://app.example');
    expect(normalizeOrigin('*')).toBe('*');
    expect(() => normalizeOrigin('app.example')).toThrow(/not a URL/);
    expect(() => normalizeOrigin('http://app.example/path')).toThrow(/origin only.*http:\/\/app\.example/);
    expect(() => normalizeOrigin('ftp://app.example')).toThrow(/http: or https:/);
  });

  it('control paths are /emulator/* and /contact/*, not attachment URLs, sign-in pages or the Participant Service', () => {
    expect(isControlPath('/emulator/faults')).toBe(true);
    expect(isControlPath('/emulator/contacts/x/items')).toBe(true);
    expect(isControlPath('/contact/create-participant')).toBe(true);
    expect(isControlPath('/emulator/attachments/x')).toBe(false);
    expect(isControlPath('/emulator/auth/x')).toBe(false);
    expect(isControlPath('/participant/message')).toBe(false);
    expect(isControlPath('/start-chat')).toBe(false);
  });

  it('writes need application/json', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType('application/x-www-form-urlencoded')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
    const request = { host: '127.0.0.1:8787', origin: undefined, method: 'POST', path: '/emulator/faults' };
    expect(refusal({ ...request, contentType: 'text/plain;charset=UTF-8' }, guard)).toMatchObject({ status: 415 });
    expect(refusal({ ...request, contentType: 'application/json' }, guard)).toBeUndefined();
    expect(refusal({ ...request, method: 'DELETE', contentType: undefined }, guard)).toBeUndefined();
    expect(refusal({ ...request, path: '/participant/message', contentType: 'text/plain' }, guard)).toBeUndefined();
    expect(refusal({ ...request, host: 'evil.example:8787', path: '/participant/message', contentType: 'application/json' }, guard)).toMatchObject({ status: 421 });
  });
});

describe('input checks', () => {
  it('decodes percent-encoding, or says it is malformed', () => {
    expect(decodeSegment('a%20b')).toBe('a b');
    expect(decodeSegment('%E0%A4%A')).toBeUndefined();
    expect(decodeSegment('%zz')).toBeUndefined();
  });

  it('measures nesting without recursion', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nestedDeeperThan(deep, 64)).toBe(true);
    expect(nestedDeeperThan({ a: { b: { c: 'x' } } }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: { b: { c: {} } } }, 3)).toBe(true);
    expect(nestedDeeperThan('text', 0)).toBe(false);
  });
});

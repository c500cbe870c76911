// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { clearMarker, markerAction, markerKey, setMarker } from './marker';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('active-chat marker', () => {
  it('is kept while a chat starts, runs or ends, and removed once it is over or nothing was resumed', () => {
    expect((['starting', 'active', 'ending', 'wrapping-up'] as const).map((p) => markerAction(p, false))).toEqual(['set', 'set', 'set', 'set']);
    expect(markerAction('ended', true)).toBe('clear');
    expect(markerAction('idle', false)).toBe('keep'); // resume() has not settled yet
    expect(markerAction('idle', true)).toBe('clear');
  });

  it("goes to localStorage for 'browser', sessionStorage for 'tab', nowhere for 'none'", () => {
    setMarker({ storageKey: 'a', persistence: 'browser' });
    setMarker({ storageKey: 'b', persistence: 'tab' });
    setMarker({ storageKey: 'c', persistence: 'none' });
    expect(localStorage.getItem(markerKey('a'))).toBe('1');
    expect(sessionStorage.getItem(markerKey('b'))).toBe('1');
    expect(localStorage.length + sessionStorage.length).toBe(2);
  });

  it('is cleared from both storages (the persistence may have changed since)', () => {
    localStorage.setItem(markerKey('k'), '1');
    sessionStorage.setItem(markerKey('k'), '1');
    localStorage.setItem(markerKey('other'), '1');
    clearMarker('k');
    expect(localStorage.getItem(markerKey('k'))).toBeNull();
    expect(sessionStorage.getItem(markerKey('k'))).toBeNull();
    expect(localStorage.getItem(markerKey('other'))).toBe('1');
  });

  it('uses the key loader.js reads', () => {
    expect(markerKey('shop')).toBe('connect-chat-widget:shop:active');
  });
});

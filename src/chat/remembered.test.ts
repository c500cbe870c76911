import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberedChat, rememberedKey } from './remembered.js';

function fakeStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("persistentChat: 'auto' keeps the last signed id", () => {
  it("'browser' in localStorage, 'tab' in sessionStorage, per storage key", () => {
    const local = fakeStorage();
    const session = fakeStorage();
    vi.stubGlobal('localStorage', local);
    vi.stubGlobal('sessionStorage', session);
    rememberedChat('browser', 'shop').set('c1.a.sig');
    rememberedChat('tab', 'shop').set('c2.b.sig');
    expect(local.getItem(rememberedKey('shop'))).toBe('c1.a.sig');
    expect(session.getItem(rememberedKey('shop'))).toBe('c2.b.sig');
    expect(rememberedChat('browser', 'shop').get()).toBe('c1.a.sig');
    expect(rememberedChat('browser', 'other').get()).toBeUndefined();
    rememberedChat('browser', 'shop').forget();
    expect(rememberedChat('browser', 'shop').get()).toBeUndefined();
    expect(rememberedChat('tab', 'shop').get()).toBe('c2.b.sig');
  });

  it("'none' (or blocked storage) keeps it in this page's memory only", () => {
    const none = rememberedChat('none', 'shop');
    none.set('c3.c.sig');
    expect(none.get()).toBe('c3.c.sig');
    expect(rememberedChat('none', 'shop').get()).toBeUndefined();
    vi.stubGlobal('localStorage', { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); }, removeItem: () => { throw new Error('blocked'); } });
    const blocked = rememberedChat('browser', 'shop');
    blocked.set('c4.d.sig');
    expect(blocked.get()).toBe('c4.d.sig');
    blocked.forget();
    expect(blocked.get()).toBeUndefined();
  });
});

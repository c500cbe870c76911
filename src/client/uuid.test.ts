// ClientToken generation, with and without crypto.randomUUID (absent on plain-http pages).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomUuid } from './uuid.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('randomUuid', () => {
  it('gives distinct v4 UUIDs', () => {
    const ids = Array.from({ length: 200 }, randomUuid);
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(200);
  });

  it('falls back to getRandomValues when randomUUID is missing (insecure browser contexts)', () => {
    const real = globalThis.crypto;
    const getRandomValues = vi.fn(<T extends ArrayBufferView>(a: T): T => real.getRandomValues(a as never) as T);
    vi.stubGlobal('crypto', { getRandomValues });
    const ids = Array.from({ length: 200 }, randomUuid);
    expect(getRandomValues).toHaveBeenCalledTimes(200);
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(200);
  });
});

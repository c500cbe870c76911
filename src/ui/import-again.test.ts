import { describe, expect, it } from 'vitest';
import { failedModuleUrl, importAgain } from './import-again';

describe('failedModuleUrl', () => {
  it("reads the URL from Chromium's and Firefox's errors", () => {
    expect(failedModuleUrl(new TypeError('Failed to fetch dynamically imported module: https://cdn.example/chat/chunks/prechat-AbC_1.js'))).toBe('https://cdn.example/chat/chunks/prechat-AbC_1.js');
    expect(failedModuleUrl(new TypeError('error loading dynamically imported module: http://127.0.0.1:8080/chunks/x-1.js?retry=2'))).toBe('http://127.0.0.1:8080/chunks/x-1.js');
  });
  it("leaves other errors (webpack's ChunkLoadError, an error thrown by the chunk) alone", () => {
    const webpack = Object.assign(new Error('Loading chunk 12 failed.\n(error: https://site.example/12.js)'), { name: 'ChunkLoadError' });
    expect(failedModuleUrl(webpack)).toBeUndefined();
    expect(failedModuleUrl(new TypeError('x is not a function'))).toBeUndefined();
    expect(failedModuleUrl('Failed to fetch dynamically imported module: https://a.example/b.js')).toBeUndefined();
  });
});

describe('importAgain', () => {
  it('calls the importer while it has not failed natively, and passes its result and errors through', async () => {
    let calls = 0;
    const load = importAgain(async () => {
      calls++;
      if (calls === 1) throw new Error('thrown by the module');
      return { ok: calls };
    });
    await expect(load()).rejects.toThrow('thrown by the module');
    await expect(load()).resolves.toEqual({ ok: 2 });
    expect(calls).toBe(2);
  });
});

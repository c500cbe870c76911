import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer, type SiteServer } from './site-server.js';

// Raw HTTP (not fetch, which would decode the body and hide content-encoding).
function get(url: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('site server: gzip, as a CDN sends it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'site-server-'));
  const script = `export const words = ${JSON.stringify('chat '.repeat(2000))};\n`;
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
  let zipped: SiteServer;
  let plain: SiteServer;
  beforeAll(async () => {
    writeFileSync(join(dir, 'widget.js'), script);
    writeFileSync(join(dir, 'logo.png'), png);
    zipped = await startSiteServer({ port: 0, mounts: { '/': dir }, gzip: true, cacheControl: (path) => (path.endsWith('.js') ? 'public, max-age=300' : undefined) });
    plain = await startSiteServer({ port: 0, mounts: { '/': dir } });
  });
  afterAll(async () => {
    await Promise.all([zipped.close(), plain.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a script gzipped to a client that accepts gzip, and it unzips to the file', async () => {
    const res = await get(`${zipped.url}/widget.js`, 'gzip, deflate');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('accept-encoding');
    expect(res.body.byteLength).toBeLessThan(script.length / 10);
    expect(gunzipSync(res.body).toString('utf8')).toBe(script);
    // The second answer comes from the cache and is the same.
    expect((await get(`${zipped.url}/widget.js`, 'gzip')).body.equals(res.body)).toBe(true);
  });

  it('sends the bytes as they are to a client that does not accept gzip, and never gzips images', async () => {
    const res = await get(`${zipped.url}/widget.js`);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString('utf8')).toBe(script);
    const image = await get(`${zipped.url}/logo.png`, 'gzip');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);
  });

  it('does not gzip unless asked to (the e2e tests see the files as they are)', async () => {
    const res = await get(`${plain.url}/widget.js`, 'gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString('utf8')).toBe(script);
  });

  it('sends the Cache-Control asked for by path, and no-store otherwise', async () => {
    expect((await get(`${zipped.url}/widget.js`, 'gzip')).headers['cache-control']).toBe('public, max-age=300');
    expect((await get(`${zipped.url}/logo.png`)).headers['cache-control']).toBe('no-store');
    expect((await get(`${plain.url}/widget.js`)).headers['cache-control']).toBe('no-store');
  });
});

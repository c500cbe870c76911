// The "customer site" of the demo (npm start), the end-to-end tests and the bench: a static server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * The "customer site" for end-to-end tests and the demo: a plain static server on another origin than
 * the emulator, so CORS is exercised for real.
 *
 *   /health                 200 ok
 *   /<mount>/...            files from the mounted folders (see `mounts`)
 *   /csp/<path>             the same file, sent with the strict Content-Security-Policy below
 *   POST /csp-report        collects CSP violation reports; GET /csp-report lists them; DELETE clears
 *   <route>                 the site's own back end, if given (`routes`: the demo's leave-message handler)
 */
export const STRICT_CSP =
  "default-src 'self'; connect-src 'self' ws: http:; style-src 'self'; script-src 'self'; " +
  "require-trusted-types-for 'script'; report-uri /csp-report";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

export interface SiteServerOptions {
  port: number;
  host?: string;
  /** URL prefix -> folder on disk, e.g. { '/': 'e2e/pages', '/dist/': 'dist' }. Longest prefix wins. */
  mounts: Record<string, string>;
  /** Extra headers for every response (e.g. none by default). */
  headers?: Record<string, string>;
  /** Text replaced in served files (see `replaceIn`), e.g. a fixed emulator address written in a page. */
  replace?: Record<string, string>;
  /** File extensions `replace` applies to. Default ['.html']. */
  replaceIn?: string[];
  /** Exact paths answered by a handler of the site's own back end instead of a file. */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
  /**
   * Send text files (scripts, styles, pages, JSON, SVG) gzipped at level 9 to clients that accept
   * gzip, as a CDN does (the bench, so its throttled timings weigh what a visitor downloads). Off by
   * default: the e2e tests see the bytes as they are on disk.
   */
  gzip?: boolean;
  /**
   * Cache-Control for a file, by its path (default for every file: no-store, so tests always see the
   * files on disk). The bench answers as a CDN would, so a file fetched once in a visit is not fetched
   * again.
   */
  cacheControl?: (pathname: string) => string | undefined;
}

/** The file types `gzip` compresses. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);

export interface SiteServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startSiteServer(options: SiteServerOptions): Promise<SiteServer> {
  const host = options.host ?? '127.0.0.1';
  const mounts = Object.entries(options.mounts)
    .map(([prefix, dir]) => [prefix, resolve(dir)] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const reports: unknown[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${host}`);
    const route = options.routes?.[url.pathname];
    if (route) return route(req, res);
    if (url.pathname === '/health') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    if (url.pathname === '/csp-report') {
      if (req.method === 'POST') {
        const body = await readBody(req);
        try {
          reports.push(JSON.parse(body));
        } catch {
          reports.push(body);
        }
        res.writeHead(204).end();
      } else if (req.method === 'DELETE') {
        reports.length = 0;
        res.writeHead(204).end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reports));
      }
      return;
    }
    let pathname = decodeURIComponent(url.pathname);
    const headers: Record<string, string> = { 'cache-control': options.cacheControl?.(pathname) ?? 'no-store', ...options.headers };
    if (pathname.startsWith('/csp/')) {
      pathname = pathname.slice(4);
      headers['content-security-policy'] = STRICT_CSP;
    }
    const file = await resolveFile(pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`not found: ${pathname}`);
      return;
    }
    let body: Buffer | string = await readFile(file);
    if (options.replace && (options.replaceIn ?? ['.html']).includes(extname(file))) {
      let text = body.toString('utf8');
      for (const [from, to] of Object.entries(options.replace)) text = text.replaceAll(from, to);
      body = text;
    }
    headers['content-type'] = TYPES[extname(file)] ?? 'application/octet-stream';
    if (options.gzip && COMPRESSIBLE.has(extname(file))) {
      headers.vary = 'accept-encoding';
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipped(file, body);
        headers['content-encoding'] = 'gzip';
      }
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  // Compressed once per file content, so a bench visit does not time the server's gzip.
  const gzipCache = new Map<string, { source: Buffer | string; gzip: Buffer }>();
  function gzipped(file: string, source: Buffer | string): Buffer {
    const cached = gzipCache.get(file);
    if (cached && (typeof source === 'string' ? cached.source === source : Buffer.isBuffer(cached.source) && cached.source.equals(source))) return cached.gzip;
    const gzip = gzipSync(source, { level: 9 });
    gzipCache.set(file, { source, gzip });
    return gzip;
  }

  async function resolveFile(pathname: string): Promise<string | undefined> {
    for (const [prefix, dir] of mounts) {
      if (!pathname.startsWith(prefix)) continue;
      let candidate = normalize(join(dir, pathname.slice(prefix.length)));
      if (candidate !== dir && !candidate.startsWith(dir + sep)) return undefined; // no escaping the mount
      try {
        if ((await stat(candidate)).isDirectory()) candidate = join(candidate, 'index.html');
        if ((await stat(candidate)).isFile()) return candidate;
      } catch {
        // try the next mount
      }
    }
    return undefined;
  }

  await new Promise<void>((ok) => server.listen(options.port, host, ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        // Keep-alive connections of open pages would hold the port until they time out.
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

// toNodeListener: the handler as a node:http request listener, which Express and Connect take as
// middleware and Fastify as a raw handler. The body is streamed to the handler (so the size cap holds
// without buffering), or taken from `req.body` when a body parser already read it. The URL is never
// built from the Host header; the rate limit's address is the socket's (see trustProxy).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { StartChatHandler } from './handler.js';

export type NodeListener = (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void>;

/** The request as a Fetch Request. */
function toRequest(req: IncomingMessage & { body?: unknown }): Request {
  const method = req.method ?? 'GET';
  const path = req.url && req.url.startsWith('/') && !req.url.startsWith('//') ? req.url : '/';
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue; // HTTP/2 pseudo-headers
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    if (req.readableEnded && req.body !== undefined) {
      // A body parser (express.json(), Fastify) read the stream first.
      headers.delete('content-length');
      headers.delete('transfer-encoding');
      init.body = typeof req.body === 'string' ? req.body : req.body instanceof Uint8Array ? Buffer.from(req.body).toString('utf8') : JSON.stringify(req.body);
    } else if (!req.readableEnded) {
      init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
      init.duplex = 'half';
    }
  }
  return new Request(new URL(path, 'http://localhost'), init);
}

export function toNodeListener(handler: StartChatHandler): NodeListener {
  return async (req, res, next) => {
    try {
      const response = await handler(toRequest(req), { ...(req.socket.remoteAddress ? { clientAddress: req.socket.remoteAddress } : {}) });
      if (res.headersSent) return;
      const body = Buffer.from(await response.arrayBuffer());
      res.statusCode = response.status;
      response.headers.forEach((value, name) => res.setHeader(name, value));
      // A body the handler refused unread (413, 403, …) is not drained: the connection closes instead.
      if (!req.readableEnded) res.setHeader('connection', 'close');
      res.setHeader('content-length', String(body.byteLength));
      res.end(body);
    } catch (error) {
      if (next) return next(error);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
        res.end(JSON.stringify({ code: 'internal-error', message: 'the start-chat back end failed; its log says why' }));
      }
      console.error(`start-chat: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

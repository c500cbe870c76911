// Test helper: a real HTTP server on 127.0.0.1 (port 0) that records every request exactly as it
// arrived and answers from a script. Not part of the build (tsconfig.build.json excludes test-*.ts).
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path (and query) exactly as sent, percent-encoding intact. */
  path: string;
  /** Header names lowercased (Node's view). */
  headers: IncomingHttpHeaders;
  body: string;
}

export type Reply =
  | {
      status?: number;
      headers?: Record<string, string>;
      /** A string is sent as is; anything else as JSON. Default `{}`. */
      body?: unknown;
      /** Wait this long before answering. */
      delayMs?: number;
    }
  /** Destroy the socket without answering: the client sees a network error. */
  | { destroy: true }
  /** Never answer (until the server closes): for timeouts. */
  | { hang: true };

export type ReplyFn = (request: RecordedRequest, index: number) => Reply;

export interface TestServer {
  /** Base URL, e.g. http://127.0.0.1:54321 */
  url: string;
  requests: RecordedRequest[];
  /** Queue replies, used in order; when the queue is empty the fallback answers. */
  reply(...replies: Reply[]): void;
  /** The answer when no queued reply is left. Default: 200 `{}`. */
  fallback(reply: Reply | ReplyFn): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, reply: Exclude<Reply, { destroy: true } | { hang: true }>): void {
  const body = reply.body === undefined ? '{}' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
  res.end(body);
}

export async function startTestServer(): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  let fallback: Reply | ReplyFn = { status: 200, body: {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const next = queue.shift() ?? fallback;
      const reply = typeof next === 'function' ? next(recorded, requests.length - 1) : next;
      if ('destroy' in reply) {
        req.socket.destroy();
        return;
      }
      if ('hang' in reply) return;
      if (reply.delayMs) setTimeout(() => send(res, reply), reply.delayMs);
      else send(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    fallback: (reply) => {
      fallback = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

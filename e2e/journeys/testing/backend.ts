// A site owner's start-chat back end for the journeys, as a real HTTP server on another origin: it
// forwards to the emulator's /start-chat (the sample back end's contract) and remembers every ContactId
// it handed out, per world, so the invariants know every contact a journey started. Each world can
// switch its back end into a misbehaving mode at any time:
//   ok          forwards and answers
//   silent      never answers (the request stays open)
//   stall       sends 200 and the headers, a few bytes of body, then nothing
//   bad-token   forwards, but hands out a ParticipantToken the service refuses
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type BackendMode = 'ok' | 'silent' | 'stall' | 'bad-token';

export interface StartChatBackend {
  /** The start-chat URL a world's widget is configured with. */
  url(world: string): string;
  setMode(world: string, mode: BackendMode): void;
  /** ContactIds handed out to the world, oldest first (bad-token ones included: the contact exists). */
  contacts(world: string): string[];
  /** Requests the world's widget made (preflights not counted). */
  requests(world: string): number;
  /** The customer's ParticipantToken of the world's latest chat (the invariants' own tests act as the customer with it). */
  participantToken(world: string): string | undefined;
  close(): Promise<void>;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST, OPTIONS' };

interface WorldState {
  mode: BackendMode;
  contacts: string[];
  requests: number;
  participantToken?: string;
}

export async function startBackend(port: number, emulator: string): Promise<StartChatBackend> {
  const worlds = new Map<string, WorldState>();
  const sockets = new Set<Socket>();
  const state = (world: string) => {
    let s = worlds.get(world);
    if (!s) worlds.set(world, (s = { mode: 'ok', contacts: [], requests: 0 }));
    return s;
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { ...CORS, 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { Error: { code: 'BackendError', message: String(error) } } }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/w\/([\w-]+)\/start-chat$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!match) return void res.writeHead(404, CORS).end();
    if (req.method === 'OPTIONS') {
      return void res.writeHead(204, { ...CORS, 'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type' }).end();
    }
    const world = state(match[1]);
    world.requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (world.mode === 'silent') return; // the request stays open until the page gives up or the server closes
    if (world.mode === 'stall') {
      res.writeHead(200, { ...CORS, 'content-type': 'application/json' });
      res.write('{"data":');
      return;
    }
    const forwarded = await fetch(`${emulator}/start-chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = (await forwarded.json()) as { data?: { startChatResult?: { ContactId?: string; ParticipantToken?: string } } };
    const result = answer.data?.startChatResult;
    if (result?.ContactId) world.contacts.push(result.ContactId);
    world.participantToken = result?.ParticipantToken;
    if (result && world.mode === 'bad-token') result.ParticipantToken = 'QVFJREFIaGJhZC10b2tlbi10aGUtc2VydmljZS1yZWZ1c2Vz';
    res.writeHead(forwarded.status, { ...CORS, 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new Error(`the journeys' start-chat back end needs port ${port} (E2E_EMULATOR_PORT + 3), which is in use`) : error),
    );
    server.listen(port, '127.0.0.1', ok);
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    url: (world) => `${base}/w/${world}/start-chat`,
    setMode: (world, mode) => void (state(world).mode = mode),
    contacts: (world) => [...state(world).contacts],
    requests: (world) => state(world).requests,
    participantToken: (world) => state(world).participantToken,
    close: () =>
      new Promise<void>((ok) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => ok());
      }),
  };
}

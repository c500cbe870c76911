// Starting a chat when something is wrong: a back end that stalls, a token the service refuses, a
// configuration that must not start at all. Every case ends in a 'start-failed' or 'config-invalid'
// error (reported through `error`), with the session back at 'idle' so Retry can start again; none
// of them reads as an ended chat, and none throws out of the constructor. (issue 11)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ChatSession } from './chat-session.js';
import { customerSession, until } from './testing/harness.js';
import { emulatorPerTest } from './testing/per-test.js';
import type { ChatSessionOptions } from './options.js';
import type { ChatSessionEvents } from './types.js';

const t = emulatorPerTest();

function heard(session: ChatSession): { errors: ChatSessionEvents['error'][]; ended: number } {
  const out = { errors: [] as ChatSessionEvents['error'][], ended: 0 };
  session.on('error', (e) => out.errors.push(e));
  session.on('chatEnded', () => out.ended++);
  return out;
}

describe('ChatSession start failures', () => {
  it('a start-chat back end that never answers ends in start-failed after startTimeoutMs, and Retry works', async () => {
    let answer = false;
    const server: Server = createServer((req, res) => {
      if (!answer) return; // silent
      const upstream = `${t.emu.url}/start-chat`;
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        void fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => {
          res.writeHead(r.status, { 'content-type': 'application/json' });
          res.end(await r.text());
        });
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    t.later(() => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    });
    // The same timeout holds for Retry, whose real start through the back end must fit in it on a busy machine.
    const session = customerSession({ emu: t.emu, options: { startChat: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, startTimeoutMs: 2000 } });
    t.later(() => session.close());
    const seen = heard(session);
    await expect(session.start()).rejects.toMatchObject({ code: 'start-failed' });
    expect(session.phase.value).toBe('idle');
    expect(session.lastError.value?.code).toBe('start-failed');
    expect(seen.errors.map((e) => e.code)).toEqual(['start-failed']);
    answer = true;
    await session.start();
    expect(session.phase.value).toBe('active');
  });

  it('a token the service refuses reads as "could not be started", not as an ended chat', async () => {
    const session = customerSession({
      emu: t.emu,
      options: { startChat: async () => ({ ContactId: 'c-unknown', ParticipantId: 'p-unknown', ParticipantToken: 'not-a-token' }) },
    });
    t.later(() => session.close());
    const seen = heard(session);
    const error = await session.start().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'start-failed' });
    expect((error as Error).message).toMatch(/could not be started/);
    expect(session.phase.value).toBe('idle');
    expect(session.connection.value).not.toBe('ended');
    expect(seen.ended).toBe(0);
    expect(session.transcript.value).toEqual([]);
  });

  /** Options that cannot work: the constructor does not throw, nothing is requested, start() refuses naming `named`. */
  async function refusesToStart(options: (fetchSpy: typeof fetch) => ChatSessionOptions, named: string): Promise<void> {
    const requests: string[] = [];
    const fetchSpy = (input: RequestInfo | URL): Promise<Response> => {
      requests.push(String(input));
      return Promise.reject(new TypeError('no network in this test'));
    };
    let session: ChatSession | undefined;
    expect(() => {
      session = new ChatSession({ ...options(fetchSpy), startChat: `${t.emu.url}/start-chat`, persistence: 'none', tabs: false, fetch: fetchSpy });
    }).not.toThrow();
    t.later(() => session!.close());
    const seen = heard(session!);
    const error = await session!.start().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'config-invalid' });
    expect((error as Error).message).toContain(named);
    expect(requests).toEqual([]);
    expect(seen.errors.map((e) => e.code)).toEqual(['config-invalid']);
    expect(session!.lastError.value?.code).toBe('config-invalid');
    expect(await session!.resume()).toBe(false);
  }

  it.each([['not a url'], ['ftp://participant.example.com'], ['javascript:alert(1)']])(
    'endpoint %j: no throw from the constructor, no request anywhere, start() refuses with config-invalid',
    (endpoint) => refusesToStart((fetchSpy) => ({ endpoint, clientOptions: { fetch: fetchSpy } }), 'endpoint'),
  );

  it.each([
    ['a wrong clientOptions value', { region: 'us-east-1', clientOptions: { retryMode: 'sometimes' as never } }, "retryMode must be 'standard', 'adaptive' or 'legacy'"],
    ['an unknown clientOptions key', { region: 'us-east-1', clientOptions: { credentials: {} } as never }, 'unknown option "credentials"'],
    ['a region that is not a string', { region: 42 as never }, 'needs the region'],
  ])('%s: no throw from the constructor, no request anywhere, start() refuses with config-invalid naming it', (_, options: ChatSessionOptions, named) =>
    refusesToStart(() => options, named),
  );

  it('a message sent while the chat is starting is queued (shown as sending) and goes out once connected', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const session = customerSession({
      emu: t.emu,
      options: {
        startChat: async (request) => {
          await gate;
          const r = await fetch(`${t.emu.url}/start-chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ParticipantDetails: { DisplayName: request.displayName } }) });
          return ((await r.json()) as { data: { startChatResult: { ContactId: string; ParticipantId: string; ParticipantToken: string } } }).data.startChatResult;
        },
      },
    });
    t.later(() => session.close());
    const starting = session.start();
    await until(session.phase, (p) => p === 'starting', 5000, 'starting');
    await session.send('typed before the chat was ready');
    expect(session.transcript.value.map((e) => [e.kind === 'message' ? e.content : e.kind, e.kind === 'message' ? e.status : ''])).toEqual([['typed before the chat was ready', 'sending']]);
    release();
    await starting;
    await until(session.transcript, (e) => e.some((m) => m.kind === 'message' && m.own && !m.id.startsWith('local:')), 8000, 'sent');
    const sent = (await t.emu.items(session.contactId.value as string)).filter((i) => i.Type === 'MESSAGE' && i.ParticipantRole === 'CUSTOMER');
    expect(sent.map((i) => i.Content)).toEqual(['typed before the chat was ready']);
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatError } from './errors.js';
import { parseStartChatResponse, startChat, startChatBody } from './start.js';

describe('startChatBody', () => {
  it('speaks the customer-backend contract', () => {
    expect(
      startChatBody(
        {
          displayName: 'Ada',
          attributes: { plan: 'gold' },
          initialMessage: 'Hi',
          supportedMessagingContentTypes: ['text/plain', 'text/markdown'],
          persistentChat: { SourceContactId: 'c0', RehydrationType: 'ENTIRE_PAST_SESSION' },
          chatDurationInMinutes: 60,
        },
        { InstanceId: 'i', ContactFlowId: 'f' },
      ),
    ).toEqual({
      InstanceId: 'i',
      ContactFlowId: 'f',
      ParticipantDetails: { DisplayName: 'Ada' },
      Attributes: { plan: 'gold' },
      InitialMessage: { ContentType: 'text/plain', Content: 'Hi' },
      SupportedMessagingContentTypes: ['text/plain', 'text/markdown'],
      ChatDurationInMinutes: 60,
      PersistentChat: { SourceContactId: 'c0', RehydrationType: 'ENTIRE_PAST_SESSION' },
    });
    expect(startChatBody({ displayName: 'A' })).toEqual({ ParticipantDetails: { DisplayName: 'A' } });
    expect(startChatBody({ displayName: 'A', disconnectOnCustomerExit: true })).toEqual({ ParticipantDetails: { DisplayName: 'A' }, DisconnectOnCustomerExit: ['AGENT'] });
  });

  it('parses the contract response and flat responses', () => {
    const details = { ContactId: 'c', ParticipantId: 'p', ParticipantToken: 't' };
    expect(parseStartChatResponse({ data: { startChatResult: details } })).toEqual(details);
    expect(parseStartChatResponse({ ...details, ContinuedFromContactId: 'c0' })).toEqual({ ...details, ContinuedFromContactId: 'c0' });
    expect(parseStartChatResponse({ data: { startChatResult: { ...details, SignedContactId: 'c.1.sig' } } })).toEqual({ ...details, SignedContactId: 'c.1.sig' });
    expect(parseStartChatResponse({ ...details, SignedContactId: 42 })).toEqual(details);
    expect(parseStartChatResponse({ data: {} })).toBeNull();
  });
});

describe('startChat', () => {
  let server: Server;
  let base: string;
  let lastBody: unknown;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        lastBody = body ? JSON.parse(body) : null;
        res.setHeader('content-type', 'application/json');
        if (req.url === '/silent') return; // never answers
        if (req.url === '/stall') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"data":'); // headers and a first chunk, then nothing
          return;
        }
        if (req.url === '/continue') {
          // A back end that refuses the persistent chat it is asked for, and starts a new one otherwise.
          const asked = (lastBody as { PersistentChat?: unknown } | null)?.PersistentChat;
          res.statusCode = asked ? 400 : 200;
          res.end(JSON.stringify(asked ? { code: 'persistent-chat-refused', message: 'tampered' } : { data: { startChatResult: { ContactId: 'c2', ParticipantId: 'p2', ParticipantToken: 'tok' } } }));
          return;
        }
        if (req.url === '/ok') res.end(JSON.stringify({ data: { startChatResult: { ContactId: 'c1', ParticipantId: 'p1', ParticipantToken: 'tok' } } }));
        else if (req.url === '/wrong') res.end(JSON.stringify({ hello: 'world' }));
        else {
          res.statusCode = 500;
          res.end(JSON.stringify({ message: 'flow not found' }));
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });

  it('POSTs to a URL and returns the details', async () => {
    const details = await startChat(`${base}/ok`, { displayName: 'Ada' }, { body: { InstanceId: 'i' } });
    expect(details).toEqual({ ContactId: 'c1', ParticipantId: 'p1', ParticipantToken: 'tok' });
    expect(lastBody).toEqual({ InstanceId: 'i', ParticipantDetails: { DisplayName: 'Ada' } });
  });

  it('says what went wrong for HTTP errors, wrong answers and unreachable back ends', async () => {
    const e1 = await startChat(`${base}/fail`, { displayName: 'A' }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ChatError);
    expect((e1 as ChatError).code).toBe('start-failed');
    expect((e1 as ChatError).message).toContain('HTTP 500: flow not found');
    const e2 = await startChat(`${base}/wrong`, { displayName: 'A' }).catch((e: unknown) => e);
    expect((e2 as ChatError).message).toContain('startChatResult');
    const e3 = await startChat('http://127.0.0.1:1/none', { displayName: 'A' }).catch((e: unknown) => e);
    expect((e3 as ChatError).message).toContain('did not answer');
  });

  it('a refused PersistentChat: with onPersistentChatRefused the start is made again without it, else it fails', async () => {
    const persistentChat = { SourceContactId: 'c0.x.sig', RehydrationType: 'ENTIRE_PAST_SESSION' as const };
    const refused: number[] = [];
    const details = await startChat(`${base}/continue`, { displayName: 'A', persistentChat }, { onPersistentChatRefused: (status) => refused.push(status) });
    expect(details.ContactId).toBe('c2');
    expect(refused).toEqual([400]);
    expect(lastBody).toEqual({ ParticipantDetails: { DisplayName: 'A' } });
    const failed = await startChat(`${base}/continue`, { displayName: 'A', persistentChat }).catch((e: unknown) => e);
    expect((failed as ChatError).message).toContain('HTTP 400: tampered');
    // Not a refusal of the request: a server error is not retried without the persistent chat.
    const five = await startChat(`${base}/fail`, { displayName: 'A', persistentChat }, { onPersistentChatRefused: (status) => refused.push(status) }).catch((e: unknown) => e);
    expect((five as ChatError).code).toBe('start-failed');
    expect(refused).toEqual([400]);
  });

  it('accepts a function and wraps its failures', async () => {
    const details = await startChat(async (r) => ({ ContactId: r.displayName, ParticipantId: 'p', ParticipantToken: 't' }), { displayName: 'c9' });
    expect(details.ContactId).toBe('c9');
    const e = await startChat(async () => { throw new Error('backend down'); }, { displayName: 'x' }).catch((err: unknown) => err);
    expect((e as ChatError).code).toBe('start-failed');
    expect((e as ChatError).message).toContain('backend down');
  });

  it('gives up on a back end that never answers, or sends headers and then stalls, after timeoutMs', async () => {
    for (const path of ['/silent', '/stall']) {
      const begun = Date.now();
      const e = await startChat(`${base}${path}`, { displayName: 'A' }, { timeoutMs: 300 }).catch((err: unknown) => err);
      expect(e, path).toBeInstanceOf(ChatError);
      expect((e as ChatError).code).toBe('start-failed');
      expect((e as ChatError).message).toContain('did not answer within 0.3 s');
      expect(Date.now() - begun).toBeLessThan(3000);
    }
  });

  it('gives up on a start-chat function that never settles, after timeoutMs', async () => {
    const e = await startChat(() => new Promise(() => {}), { displayName: 'A' }, { timeoutMs: 200 }).catch((err: unknown) => err);
    expect((e as ChatError).code).toBe('start-failed');
    expect((e as ChatError).message).toContain('did not answer within 0.2 s');
  });
});

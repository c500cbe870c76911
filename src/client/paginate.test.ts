// paginateTranscript against a real server: follows NextToken, keeps the other members, stops right.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ParticipantClient, type GetTranscriptResponse } from './index.js';
import { startTestServer, type TestServer } from './testing/server.js';

let server: TestServer;
let client: ParticipantClient;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.fallback({ status: 200, body: {} });
  client = new ParticipantClient({ endpoint: server.url });
});

const item = (id: string) => ({ Id: id, Type: 'MESSAGE', ContentType: 'text/plain', Content: id });

async function collect(it: AsyncIterable<GetTranscriptResponse>): Promise<GetTranscriptResponse[]> {
  const pages: GetTranscriptResponse[] = [];
  for await (const page of it) pages.push(page);
  return pages;
}

describe('paginateTranscript', () => {
  it('yields every page in order, sending each NextToken with the same other members', async () => {
    server.reply(
      { body: { InitialContactId: 'c', Transcript: [item('1'), item('2')], NextToken: 'n1' } },
      { body: { InitialContactId: 'c', Transcript: [item('3'), item('4')], NextToken: 'n2' } },
      { body: { InitialContactId: 'c', Transcript: [item('5')] } },
    );
    const input = { ConnectionToken: 'tok', MaxResults: 2, ScanDirection: 'BACKWARD' as const, SortOrder: 'ASCENDING' as const };
    const pages = await collect(client.paginateTranscript(input));
    expect(pages.flatMap((p) => p.Transcript ?? []).map((i) => i.Id)).toEqual(['1', '2', '3', '4', '5']);
    expect(server.requests.map((r) => r.body)).toEqual([
      '{"MaxResults":2,"ScanDirection":"BACKWARD","SortOrder":"ASCENDING"}',
      '{"MaxResults":2,"NextToken":"n1","ScanDirection":"BACKWARD","SortOrder":"ASCENDING"}',
      '{"MaxResults":2,"NextToken":"n2","ScanDirection":"BACKWARD","SortOrder":"ASCENDING"}',
    ]);
    for (const r of server.requests) expect(r.headers['x-amz-bearer']).toBe('tok');
    expect(input).toEqual({ ConnectionToken: 'tok', MaxResults: 2, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING' });
  });

  it('starts from a NextToken in the input', async () => {
    server.reply({ body: { Transcript: [item('9')] } });
    await collect(client.paginateTranscript({ ConnectionToken: 'tok', NextToken: 'start' }));
    expect(JSON.parse(server.requests[0].body)).toEqual({ NextToken: 'start' });
  });

  it('a single page without NextToken means one request', async () => {
    server.reply({ body: { Transcript: [] } });
    expect(await collect(client.paginateTranscript({ ConnectionToken: 'tok' }))).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
  });

  it('stops when the service repeats the token it was asked with', async () => {
    server.fallback({ body: { Transcript: [item('x')], NextToken: 'same' } });
    const pages = await collect(client.paginateTranscript({ ConnectionToken: 'tok' }));
    expect(pages).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('is lazy: breaking out early sends no further request', async () => {
    server.fallback({ body: { Transcript: [item('x')], NextToken: `t${Math.random()}` } });
    let n = 0;
    for await (const page of client.paginateTranscript({ ConnectionToken: 'tok' })) {
      expect(page.Transcript).toHaveLength(1);
      if (++n === 2) break;
    }
    expect(server.requests).toHaveLength(2);
  });

  it('an error on a later page rejects the iteration after the good pages', async () => {
    server.reply(
      { body: { Transcript: [item('1')], NextToken: 'n1' } },
      { status: 403, headers: { 'x-amzn-ErrorType': 'AccessDeniedException' }, body: { message: 'Access denied' } },
    );
    const pages: GetTranscriptResponse[] = [];
    const err = await (async () => {
      for await (const p of client.paginateTranscript({ ConnectionToken: 'tok' })) pages.push(p);
    })().catch((e: unknown) => e);
    expect(pages).toHaveLength(1);
    expect(err).toMatchObject({ name: 'AccessDeniedException', operation: 'GetTranscript' });
  });
});

// toLambdaHandler with API Gateway HTTP API (payload 2.0) and function URL events, against the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStartChatHandler } from './handler.js';
import { toLambdaHandler, type LambdaHttpEvent } from './lambda.js';
import { ORIGIN, testbed, type Testbed } from './testing/testbed.js';

let bed: Testbed;
beforeAll(async () => {
  bed = await testbed();
});
afterAll(async () => {
  await bed.close();
});

/** An HTTP API payload 2.0 event (a function URL event has the same shape, another domainName). */
function httpApiEvent(body: unknown, overrides: { method?: string; headers?: Record<string, string>; sourceIp?: string; base64?: boolean; domainName?: string } = {}): LambdaHttpEvent {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return {
    version: '2.0',
    rawPath: '/start-chat',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'content-length': String(text?.length ?? 0), ...overrides.headers },
    cookies: ['session=abc'],
    requestContext: { domainName: overrides.domainName ?? 'abc123.execute-api.eu-west-2.amazonaws.com', http: { method: overrides.method ?? 'POST', sourceIp: overrides.sourceIp ?? '203.0.113.10' } },
    ...(text !== undefined ? { body: overrides.base64 ? Buffer.from(text).toString('base64') : text, isBase64Encoded: overrides.base64 ?? false } : {}),
  };
}

describe('toLambdaHandler', () => {
  it('starts a chat from an HTTP API event and from a function URL event (base64 body)', async () => {
    const lambda = toLambdaHandler(bed.handler);
    const api = await lambda(httpApiEvent({ ParticipantDetails: { DisplayName: 'Lambda' } }));
    expect(api.statusCode).toBe(200);
    expect(api.isBase64Encoded).toBe(false);
    expect(api.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(api.headers['content-type']).toBe('application/json; charset=utf-8');
    const chat = (JSON.parse(api.body) as { data: { startChatResult: { ContactId: string; ParticipantToken: string } } }).data.startChatResult;
    expect((await bed.contact(chat.ContactId)).Participants[0].DisplayName).toBe('Lambda');
    const url = await lambda(httpApiEvent({ ParticipantDetails: { DisplayName: 'Function URL' } }, { base64: true, domainName: 'abc.lambda-url.eu-west-2.on.aws' }));
    expect(url.statusCode).toBe(200);
  });

  it('answers preflights and passes refusals through with their status', async () => {
    const lambda = toLambdaHandler(bed.handler);
    const preflight = await lambda(httpApiEvent(undefined, { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST' } }));
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ORIGIN);
    const other = await lambda(httpApiEvent({}, { headers: { origin: 'https://evil.example' } }));
    expect(other.statusCode).toBe(403);
    expect(JSON.parse(other.body)).toEqual({ code: 'origin-not-allowed', message: expect.any(String) });
    const big = await lambda(httpApiEvent({ ParticipantDetails: { DisplayName: 'x'.repeat(20_000) } }));
    expect(big.statusCode).toBe(413);
  });

  it("rate-limits by API Gateway's sourceIp", async () => {
    const lambda = toLambdaHandler(createStartChatHandler({ ...bed.options, rateLimit: { max: 1, windowMs: 60_000 } }));
    expect((await lambda(httpApiEvent({}, { sourceIp: '198.51.100.1' }))).statusCode).toBe(200);
    const again = await lambda(httpApiEvent({}, { sourceIp: '198.51.100.1', headers: { 'x-forwarded-for': '192.0.2.1' } }));
    expect(again.statusCode).toBe(429);
    expect(again.headers['retry-after']).toBeTruthy();
    expect((await lambda(httpApiEvent({}, { sourceIp: '198.51.100.2' }))).statusCode).toBe(200);
  });

  it('the attributes hook sees the cookies of the event', async () => {
    const handler = createStartChatHandler({ ...bed.options, attributes: (request) => ({ session: request.headers.get('cookie') ?? '' }) });
    const result = await toLambdaHandler(handler)(httpApiEvent({}));
    const chat = (JSON.parse(result.body) as { data: { startChatResult: { ContactId: string } } }).data.startChatResult;
    expect((await bed.contact(chat.ContactId)).Attributes).toEqual({ session: 'session=abc' });
  });

  it('refuses a REST API (payload 1.0) event, saying which setting to change', async () => {
    const result = await toLambdaHandler(bed.handler)({ httpMethod: 'POST', headers: { origin: ORIGIN }, body: '{}' });
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body).message).toMatch(/payload format version to 2\.0/);
  });
});

// Client-side validation: every kind of violation throws ParticipantValidationError naming the member,
// the problem and the limit — and nothing reaches the (real) server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { codePointLength, ParticipantClient, ParticipantValidationError, type OperationName } from './index.js';
import { startTestServer, type TestServer } from './testing/server.js';

let server: TestServer;
let client: ParticipantClient;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  client = new ParticipantClient({ endpoint: server.url });
});

const T = 'tok-not-to-be-echoed';
const SESSION = 'a'.repeat(36);
const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive.response';

type Case = [title: string, operation: OperationName, input: Record<string, unknown>, member: string, problem: RegExp, limit?: string];

const CASES: Case[] = [
  // required members, including the header token and the path label
  ['required body member', 'SendMessage', { ConnectionToken: T, ContentType: 'text/plain' }, 'Content', /is required/],
  ['required token', 'SendMessage', { ContentType: 'text/plain', Content: 'x' }, 'ConnectionToken', /is required/],
  ['required participant token', 'CreateParticipantConnection', { Type: ['WEBSOCKET'] }, 'ParticipantToken', /is required/],
  ['required path label', 'DescribeView', { ConnectionToken: T }, 'ViewToken', /is required/],
  ['required list', 'CompleteAttachmentUpload', { ConnectionToken: T }, 'AttachmentIds', /is required/],
  ['null counts as missing', 'GetAttachment', { ConnectionToken: T, AttachmentId: null }, 'AttachmentId', /is required/],
  // string lengths (code points)
  ['empty token', 'SendMessage', { ConnectionToken: '', ContentType: 'text/plain', Content: 'x' }, 'ConnectionToken', /must not be empty/, '1..1000 characters'],
  ['token too long', 'GetTranscript', { ConnectionToken: 'x'.repeat(1001) }, 'ConnectionToken', /is 1001 characters long/, '1..1000 characters'],
  ['view token too long', 'DescribeView', { ConnectionToken: T, ViewToken: 'v'.repeat(1001) }, 'ViewToken', /1001/, '1..1000 characters'],
  ['SessionId must be exactly 36', 'CancelParticipantAuthentication', { ConnectionToken: T, SessionId: 'a'.repeat(35) }, 'SessionId', /is 35 characters long/, 'exactly 36 characters'],
  ['RedirectUri too long', 'GetAuthenticationUrl', { ConnectionToken: T, SessionId: SESSION, RedirectUri: 'h'.repeat(1025) }, 'RedirectUri', /1025/, '1..1024 characters'],
  ['AttachmentName too long', 'StartAttachmentUpload', { ConnectionToken: T, ContentType: 'image/png', AttachmentSizeInBytes: 5, AttachmentName: 'n'.repeat(257) }, 'AttachmentName', /257/, '1..256 characters'],
  ['ContentType too long', 'SendEvent', { ConnectionToken: T, ContentType: 'c'.repeat(101) }, 'ContentType', /101/, '1..100 characters'],
  ['ClientToken too long', 'DisconnectParticipant', { ConnectionToken: T, ClientToken: 'c'.repeat(501) }, 'ClientToken', /501/, 'at most 500 characters'],
  ['NonEmptyClientToken empty', 'CompleteAttachmentUpload', { ConnectionToken: T, AttachmentIds: ['a'], ClientToken: '' }, 'ClientToken', /must not be empty/, '1..500 characters'],
  ['nested member', 'GetTranscript', { ConnectionToken: T, StartPosition: { Id: '' } }, 'StartPosition.Id', /must not be empty/, '1..256 characters'],
  // types
  ['string expected', 'SendMessage', { ConnectionToken: T, ContentType: 'text/plain', Content: 42 }, 'Content', /must be a string, got a number/],
  ['integer expected', 'GetTranscript', { ConnectionToken: T, MaxResults: '10' }, 'MaxResults', /must be an integer, got a string/],
  ['integer, not fraction', 'GetTranscript', { ConnectionToken: T, MaxResults: 1.5 }, 'MaxResults', /must be an integer, got 1.5/],
  ['boolean expected', 'CreateParticipantConnection', { ParticipantToken: T, ConnectParticipant: 'yes' }, 'ConnectParticipant', /must be a boolean/],
  ['array expected', 'CreateParticipantConnection', { ParticipantToken: T, Type: 'WEBSOCKET' }, 'Type', /must be an array/],
  ['object expected', 'GetTranscript', { ConnectionToken: T, StartPosition: 'latest' }, 'StartPosition', /must be an object/],
  // list sizes
  ['list too short', 'CreateParticipantConnection', { ParticipantToken: T, Type: [] }, 'Type', /has 0 items/, 'at least 1 items'],
  ['exactly one attachment id (0)', 'CompleteAttachmentUpload', { ConnectionToken: T, AttachmentIds: [] }, 'AttachmentIds', /has 0 items/, 'exactly 1 items'],
  ['exactly one attachment id (2)', 'CompleteAttachmentUpload', { ConnectionToken: T, AttachmentIds: ['a', 'b'] }, 'AttachmentIds', /has 2 items/, 'exactly 1 items'],
  ['list item', 'CompleteAttachmentUpload', { ConnectionToken: T, AttachmentIds: [''] }, 'AttachmentIds[0]', /must not be empty/],
  // enums
  ['enum in a list', 'CreateParticipantConnection', { ParticipantToken: T, Type: ['WEBSOCKET', 'CHAT'] }, 'Type[1]', /"CHAT" is not an allowed value/, 'WEBSOCKET | CONNECTION_CREDENTIALS | WEBRTC_CONNECTION'],
  ['ScanDirection', 'GetTranscript', { ConnectionToken: T, ScanDirection: 'SIDEWAYS' }, 'ScanDirection', /"SIDEWAYS"/, 'FORWARD | BACKWARD'],
  ['SortOrder is case-sensitive', 'GetTranscript', { ConnectionToken: T, SortOrder: 'ascending' }, 'SortOrder', /"ascending"/, 'DESCENDING | ASCENDING'],
  // integer ranges
  ['MaxResults above 100', 'GetTranscript', { ConnectionToken: T, MaxResults: 101 }, 'MaxResults', /is 101/, '0..100'],
  ['MaxResults below 0', 'GetTranscript', { ConnectionToken: T, MaxResults: -1 }, 'MaxResults', /is -1/, '0..100'],
  ['MostRecent above 100', 'GetTranscript', { ConnectionToken: T, StartPosition: { MostRecent: 101 } }, 'StartPosition.MostRecent', /101/, '0..100'],
  ['UrlExpiryInSeconds below 5', 'GetAttachment', { ConnectionToken: T, AttachmentId: 'a', UrlExpiryInSeconds: 4 }, 'UrlExpiryInSeconds', /is 4/, '5..300'],
  ['UrlExpiryInSeconds above 300', 'GetAttachment', { ConnectionToken: T, AttachmentId: 'a', UrlExpiryInSeconds: 301 }, 'UrlExpiryInSeconds', /is 301/, '5..300'],
  ['AttachmentSizeInBytes below 1', 'StartAttachmentUpload', { ConnectionToken: T, ContentType: 'image/png', AttachmentSizeInBytes: 0, AttachmentName: 'a' }, 'AttachmentSizeInBytes', /is 0/, 'at least 1'],
  // SendMessage per-ContentType Content limits
  ['text/plain over 1024', 'SendMessage', { ConnectionToken: T, ContentType: 'text/plain', Content: 'x'.repeat(1025) }, 'Content', /1025 characters long, too long for ContentType text\/plain/, '1..1024 characters'],
  ['text/markdown over 1024', 'SendMessage', { ConnectionToken: T, ContentType: 'text/markdown', Content: 'x'.repeat(1025) }, 'Content', /text\/markdown/, '1..1024 characters'],
  ['application/json over 12000', 'SendMessage', { ConnectionToken: T, ContentType: 'application/json', Content: 'x'.repeat(12001) }, 'Content', /12001/, '1..12000 characters'],
  ['interactive.response over 12288', 'SendMessage', { ConnectionToken: T, ContentType: INTERACTIVE, Content: 'x'.repeat(12289) }, 'Content', /12289/, '1..12288 characters'],
  ['other content types: the model limit 16384', 'SendMessage', { ConnectionToken: T, ContentType: 'text/csv', Content: 'x'.repeat(16385) }, 'Content', /16385/, '1..16384 characters'],
  ['empty Content', 'SendMessage', { ConnectionToken: T, ContentType: 'text/plain', Content: '' }, 'Content', /must not be empty/, '1..1024 characters'],
  ['text/plain far over the model limit: one issue, the per-type limit', 'SendMessage', { ConnectionToken: T, ContentType: 'text/plain', Content: 'x'.repeat(20000) }, 'Content', /is 20000 characters long/, '1..1024 characters'],
  ['emoji count as one character each', 'SendMessage', { ConnectionToken: T, ContentType: 'text/plain', Content: '😀'.repeat(1025) }, 'Content', /1025 characters/],
  // unknown members (e.g. camelCase)
  ['unknown member', 'SendMessage', { ConnectionToken: T, ContentType: 'text/plain', Content: 'x', contentType: 'text/plain' }, 'contentType', /not a member of this input; members are ContentType, Content, ClientToken, ConnectionToken/],
  ['input not an object', 'GetTranscript', null as unknown as Record<string, unknown>, '(input)', /must be an object/],
];

describe('every kind of validation failure sends nothing', () => {
  for (const [title, operation, input, member, problem, limit] of CASES) {
    it(`${operation}: ${title}`, async () => {
      const err = await client.send(operation, input as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ParticipantValidationError);
      const v = err as ParticipantValidationError;
      expect(v.issues).toHaveLength(1);
      expect(v).toMatchObject({ name: 'ParticipantValidationError', operation, member, attempts: 0, retryable: false });
      expect(v.problem).toMatch(problem);
      if (limit !== undefined) expect(v.limit).toBe(limit);
      expect(v.message).toContain(operation);
      expect(v.message).toContain(member);
      expect(v.message).toContain('nothing was sent');
      expect(v.message).not.toContain(T);
      expect(server.requests).toHaveLength(0);
    });
  }

  it('reports all issues at once', async () => {
    const err = (await client
      .getTranscript({ ConnectionToken: '', MaxResults: 500, ScanDirection: 'UP' as never })
      .catch((e: unknown) => e)) as ParticipantValidationError;
    expect(err.issues.map((i) => i.member)).toEqual(['MaxResults', 'ScanDirection', 'ConnectionToken']);
    expect(server.requests).toHaveLength(0);
  });
});

describe('the limits themselves are allowed', () => {
  it.each([
    ['text/plain', 1024],
    ['text/markdown', 1024],
    ['application/json', 12000],
    [INTERACTIVE, 12288],
    ['text/csv', 16384],
  ])('%s with %i characters is sent', async (ContentType, n) => {
    await client.sendMessage({ ConnectionToken: T, ContentType, Content: 'x'.repeat(n) });
    expect(server.requests).toHaveLength(1);
  });

  it('1024 emoji (2048 UTF-16 units) are within text/plain', async () => {
    await client.sendMessage({ ConnectionToken: T, ContentType: 'text/plain', Content: '😀'.repeat(1024) });
    expect(server.requests).toHaveLength(1);
  });

  it('range ends: MaxResults 0 and 100, UrlExpiryInSeconds 5 and 300, SessionId of 36', async () => {
    await client.getTranscript({ ConnectionToken: T, MaxResults: 0 });
    await client.getTranscript({ ConnectionToken: T, MaxResults: 100, StartPosition: { MostRecent: 100 } });
    await client.getAttachment({ ConnectionToken: T, AttachmentId: 'a', UrlExpiryInSeconds: 5 });
    await client.getAttachment({ ConnectionToken: T, AttachmentId: 'a', UrlExpiryInSeconds: 300 });
    await client.cancelParticipantAuthentication({ ConnectionToken: T, SessionId: SESSION });
    expect(server.requests).toHaveLength(5);
  });
});

describe('validateParams: false', () => {
  it('sends what it is given, like the AWS SDK (the server validates)', async () => {
    const loose = new ParticipantClient({ endpoint: server.url, validateParams: false });
    await loose.getTranscript({ ConnectionToken: T, MaxResults: 1000, ScanDirection: 'SIDEWAYS' as never });
    expect(server.requests[0].body).toBe('{"MaxResults":1000,"ScanDirection":"SIDEWAYS"}');
  });

  it('still refuses a missing or empty path label', async () => {
    const loose = new ParticipantClient({ endpoint: server.url, validateParams: false });
    for (const ViewToken of [undefined, '']) {
      const err = await loose.describeView({ ConnectionToken: T, ViewToken } as never).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'ParticipantValidationError', member: 'ViewToken' });
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('codePointLength', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀😀')).toBe(2);
    expect(codePointLength('é')).toBe(1);
    // A lone surrogate is one code point.
    expect(codePointLength('\ud83d')).toBe(1);
    expect(codePointLength('\ud83dx')).toBe(2);
  });
});

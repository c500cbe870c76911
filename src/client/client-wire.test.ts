// Every operation against a real HTTP server: the exact request on the wire and the parsed response.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ParticipantClient } from './index.js';
import { startTestServer, type TestServer } from './testing/server.js';
import type { OperationName } from './types.js';

let server: TestServer;
let client: ParticipantClient;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  client = new ParticipantClient({ endpoint: server.url, customUserAgent: 'MyApp/1.2' });
});

const CT = 'ctok-123';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface WireCase {
  operation: OperationName;
  call: (c: ParticipantClient) => Promise<unknown>;
  method: 'GET' | 'POST';
  path: string;
  bearer: string;
  body: string | undefined;
  response: Record<string, unknown>;
}

const CASES: WireCase[] = [
  {
    operation: 'CreateParticipantConnection',
    call: (c) => c.createParticipantConnection({ ParticipantToken: 'ptok-1', Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'], ConnectParticipant: true }),
    method: 'POST',
    path: '/participant/connection',
    bearer: 'ptok-1',
    body: '{"Type":["WEBSOCKET","CONNECTION_CREDENTIALS"],"ConnectParticipant":true}',
    response: {
      Websocket: { Url: 'wss://example.test/ws?x=1', ConnectionExpiry: '2026-01-01T00:01:40.000Z' },
      ConnectionCredentials: { ConnectionToken: 'ctok-new', Expiry: '2026-01-02T00:00:00.000Z' },
    },
  },
  {
    operation: 'SendMessage',
    call: (c) => c.sendMessage({ ConnectionToken: CT, Content: 'hi', ContentType: 'text/plain', ClientToken: 'ct-1' }),
    method: 'POST',
    path: '/participant/message',
    bearer: CT,
    // Model order, whatever order the caller wrote.
    body: '{"ContentType":"text/plain","Content":"hi","ClientToken":"ct-1"}',
    response: { Id: 'm-1', AbsoluteTime: '2026-01-01T00:00:00.000Z', MessageMetadata: { MessageProcessingStatus: 'PROCESSING' } },
  },
  {
    operation: 'SendEvent',
    call: (c) =>
      c.sendEvent({
        ConnectionToken: CT,
        ContentType: 'application/vnd.amazonaws.connect.event.message.read',
        Content: '{"messageId":"m-1"}',
        ClientToken: 'ct-2',
      }),
    method: 'POST',
    path: '/participant/event',
    bearer: CT,
    body: '{"ContentType":"application/vnd.amazonaws.connect.event.message.read","Content":"{\\"messageId\\":\\"m-1\\"}","ClientToken":"ct-2"}',
    response: { Id: 'e-1', AbsoluteTime: '2026-01-01T00:00:01.000Z' },
  },
  {
    operation: 'GetTranscript',
    call: (c) =>
      c.getTranscript({
        ConnectionToken: CT,
        StartPosition: { MostRecent: 0, AbsoluteTime: '2026-01-01T00:00:00.000Z', Id: 'i-1' },
        SortOrder: 'ASCENDING',
        ScanDirection: 'BACKWARD',
        NextToken: 'n-1',
        MaxResults: 15,
        ContactId: 'c-1',
      }),
    method: 'POST',
    path: '/participant/transcript',
    bearer: CT,
    body:
      '{"ContactId":"c-1","MaxResults":15,"NextToken":"n-1","ScanDirection":"BACKWARD","SortOrder":"ASCENDING",' +
      '"StartPosition":{"Id":"i-1","AbsoluteTime":"2026-01-01T00:00:00.000Z","MostRecent":0}}',
    response: {
      InitialContactId: 'c-0',
      NextToken: 'n-2',
      Transcript: [
        {
          Id: 'i-2',
          Type: 'MESSAGE',
          ContentType: 'text/plain',
          Content: 'hello',
          AbsoluteTime: '2026-01-01T00:00:02.000Z',
          ParticipantId: 'p-1',
          DisplayName: 'Agent',
          ParticipantRole: 'AGENT',
          MessageMetadata: { MessageId: 'i-2', Receipts: [{ ReadTimestamp: '2026-01-01T00:00:03.000Z', RecipientParticipantId: 'p-2' }] },
          ContactId: 'c-1',
        },
        {
          Id: 'i-3',
          Type: 'ATTACHMENT',
          Attachments: [{ AttachmentId: 'a-1', AttachmentName: 'x.png', ContentType: 'image/png', Status: 'APPROVED' }],
        },
      ],
    },
  },
  {
    operation: 'DisconnectParticipant',
    call: (c) => c.disconnectParticipant({ ConnectionToken: CT, ClientToken: 'ct-3' }),
    method: 'POST',
    path: '/participant/disconnect',
    bearer: CT,
    body: '{"ClientToken":"ct-3"}',
    response: {},
  },
  {
    operation: 'StartAttachmentUpload',
    call: (c) =>
      c.startAttachmentUpload({
        ConnectionToken: CT,
        AttachmentName: 'report.pdf',
        AttachmentSizeInBytes: 12345,
        ContentType: 'application/pdf',
        ClientToken: 'ct-4',
      }),
    method: 'POST',
    path: '/participant/start-attachment-upload',
    bearer: CT,
    body: '{"ContentType":"application/pdf","AttachmentSizeInBytes":12345,"AttachmentName":"report.pdf","ClientToken":"ct-4"}',
    response: {
      AttachmentId: 'a-9',
      UploadMetadata: { Url: 'https://s3.test/put', UrlExpiry: '2026-01-01T00:05:00.000Z', HeadersToInclude: { 'Content-Type': 'application/pdf' } },
    },
  },
  {
    operation: 'CompleteAttachmentUpload',
    call: (c) => c.completeAttachmentUpload({ ConnectionToken: CT, AttachmentIds: ['a-9'], ClientToken: 'ct-5' }),
    method: 'POST',
    path: '/participant/complete-attachment-upload',
    bearer: CT,
    body: '{"AttachmentIds":["a-9"],"ClientToken":"ct-5"}',
    response: {},
  },
  {
    operation: 'GetAttachment',
    call: (c) => c.getAttachment({ UrlExpiryInSeconds: 60, ConnectionToken: CT, AttachmentId: 'a-9' }),
    method: 'POST',
    path: '/participant/attachment',
    bearer: CT,
    body: '{"AttachmentId":"a-9","UrlExpiryInSeconds":60}',
    response: { Url: 'https://s3.test/get', UrlExpiry: '2026-01-01T00:01:00.000Z', AttachmentSizeInBytes: 12345 },
  },
  {
    operation: 'DescribeView',
    call: (c) => c.describeView({ ConnectionToken: CT, ViewToken: "a/b c:d!'()*ü" }),
    method: 'GET',
    path: '/participant/views/a%2Fb%20c%3Ad%21%27%28%29%2A%C3%BC',
    bearer: CT,
    body: undefined,
    response: {
      View: {
        Id: 'view-1',
        Arn: 'arn:aws:connect:us-east-1:123456789012:instance/i/view/view-1',
        Name: 'Form',
        Version: 3,
        Content: { InputSchema: '{}', Template: '{"Head":{}}', Actions: ['Submit', 'Cancel'] },
      },
    },
  },
  {
    operation: 'GetAuthenticationUrl',
    call: (c) => c.getAuthenticationUrl({ ConnectionToken: CT, RedirectUri: 'https://site.test/back', SessionId: '0123456789abcdef0123456789abcdef0123' }),
    method: 'POST',
    path: '/participant/authentication-url',
    bearer: CT,
    body: '{"SessionId":"0123456789abcdef0123456789abcdef0123","RedirectUri":"https://site.test/back"}',
    response: { AuthenticationUrl: 'https://auth.test/login' },
  },
  {
    operation: 'CancelParticipantAuthentication',
    call: (c) => c.cancelParticipantAuthentication({ ConnectionToken: CT, SessionId: '0123456789abcdef0123456789abcdef0123' }),
    method: 'POST',
    path: '/participant/cancel-authentication',
    bearer: CT,
    body: '{"SessionId":"0123456789abcdef0123456789abcdef0123"}',
    response: {},
  },
];

describe('every operation on the wire', () => {
  it('covers all 11 operations', () => {
    expect(new Set(CASES.map((c) => c.operation)).size).toBe(11);
  });

  for (const c of CASES) {
    it(`${c.operation}: ${c.method} ${c.path}`, async () => {
      server.reply({ status: 200, body: c.response, headers: { 'x-amzn-RequestId': 'req-1' } });
      const output = await c.call(client);
      expect(output).toEqual(c.response);
      expect(server.requests).toHaveLength(1);
      const req = server.requests[0];
      expect(req.method).toBe(c.method);
      expect(req.path).toBe(c.path);
      expect(req.headers['x-amz-bearer']).toBe(c.bearer);
      expect(req.headers['x-amz-user-agent']).toBe('connect-chat-widget/0.1.0 api/connectparticipant MyApp/1.2');
      if (c.body === undefined) {
        expect(req.body).toBe('');
        expect(req.headers['content-type']).toBeUndefined();
      } else {
        expect(req.body).toBe(c.body);
        expect(req.headers['content-type']).toBe('application/json');
      }
      // No SigV4 and no SDK retry headers: the real service's CORS policy rejects amz-sdk-*.
      for (const h of ['authorization', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token', 'amz-sdk-invocation-id', 'amz-sdk-request', 'cookie']) {
        expect(req.headers[h], h).toBeUndefined();
      }
      // Tokens travel only in the header, never in the body or the path.
      expect(req.body).not.toContain(c.bearer);
      expect(req.path).not.toContain(c.bearer);
    });
  }
});

describe('serialization details', () => {
  it('sends {} for a POST without body members and drops unset/null members', async () => {
    await client.send('GetTranscript', { ConnectionToken: CT, NextToken: undefined, ContactId: null as unknown as string });
    expect(server.requests[0].body).toBe('{}');
  });

  it('generates a UUID v4 ClientToken for every idempotent operation when omitted', async () => {
    await client.sendMessage({ ConnectionToken: CT, ContentType: 'text/plain', Content: 'x' });
    await client.sendEvent({ ConnectionToken: CT, ContentType: 'application/vnd.amazonaws.connect.event.typing' });
    await client.disconnectParticipant({ ConnectionToken: CT });
    await client.startAttachmentUpload({ ConnectionToken: CT, ContentType: 'image/png', AttachmentName: 'a.png', AttachmentSizeInBytes: 1 });
    await client.completeAttachmentUpload({ ConnectionToken: CT, AttachmentIds: ['a'] });
    const tokens = server.requests.map((r) => (JSON.parse(r.body) as { ClientToken: string }).ClientToken);
    expect(tokens).toHaveLength(5);
    for (const t of tokens) expect(t).toMatch(UUID_V4);
    expect(new Set(tokens).size).toBe(5);
    // The generated token sits where the model puts it, not at the end.
    expect(server.requests[0].body).toMatch(/^\{"ContentType":"text\/plain","Content":"x","ClientToken":"[0-9a-f-]{36}"\}$/);
  });

  it('does not add ClientToken to operations without one', async () => {
    await client.getAttachment({ ConnectionToken: CT, AttachmentId: 'a' });
    await client.getTranscript({ ConnectionToken: CT });
    for (const r of server.requests) expect(r.body).not.toContain('ClientToken');
  });

  it('keeps a caller-supplied ClientToken and does not mutate the input object', async () => {
    const input = { ConnectionToken: CT, ContentType: 'text/plain', Content: 'x' };
    await client.sendMessage(input);
    expect(input).toEqual({ ConnectionToken: CT, ContentType: 'text/plain', Content: 'x' });
  });

  it('appends the operation path to a custom endpoint with a base path, with or without trailing slashes', async () => {
    for (const suffix of ['/base', '/base/', '/base//']) {
      const c = new ParticipantClient({ endpoint: server.url + suffix });
      await c.sendMessage({ ConnectionToken: CT, ContentType: 'text/plain', Content: 'x' });
    }
    expect(server.requests.map((r) => r.path)).toEqual(['/base/participant/message', '/base/participant/message', '/base/participant/message']);
    await new ParticipantClient({ endpoint: `${server.url}/` }).getTranscript({ ConnectionToken: CT });
    expect(server.requests[3].path).toBe('/participant/transcript');
  });

  it('sends X-Amz-User-Agent without customUserAgent too', async () => {
    await new ParticipantClient({ endpoint: server.url }).getTranscript({ ConnectionToken: CT });
    expect(server.requests[0].headers['x-amz-user-agent']).toBe('connect-chat-widget/0.1.0 api/connectparticipant');
  });

  it('accepts an empty 200 body as {} and passes unknown output members through', async () => {
    server.reply({ status: 200, body: '' }, { status: 200, body: { Id: 'm', FutureMember: 1 } });
    expect(await client.disconnectParticipant({ ConnectionToken: CT })).toEqual({});
    expect(await client.sendMessage({ ConnectionToken: CT, ContentType: 'text/plain', Content: 'x' })).toEqual({ Id: 'm', FutureMember: 1 });
  });

  it('fails clearly on a 200 whose body is not a JSON object, without retrying', async () => {
    server.reply({ status: 200, body: '<html>proxy login</html>', headers: { 'content-type': 'text/html' } });
    const err = await client.getTranscript({ ConnectionToken: CT }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'DeserializationError', statusCode: 200, attempts: 1, retryable: false });
    expect(String(err)).toContain('not JSON (text/html)');
    expect(String(err)).toContain(server.url);
    expect(server.requests).toHaveLength(1);
  });
});

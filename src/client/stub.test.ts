// stubResponses mode: no network at all, the requests log, stubbed data, errors and sequences.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AccessDeniedException,
  ClientConfigurationError,
  NetworkError,
  ParticipantClient,
  ParticipantValidationError,
  ResourceNotFoundException,
  ThrottlingException,
} from './index.js';

const noFetch = vi.fn(() => Promise.reject(new Error('network used in stub mode')));
beforeEach(() => {
  vi.stubGlobal('fetch', noFetch);
});
afterEach(() => {
  expect(noFetch).not.toHaveBeenCalled();
  vi.unstubAllGlobals();
  noFetch.mockClear();
});

const instant = { sleep: async () => {} };
const msg = { ConnectionToken: 'tok', ContentType: 'text/plain', Content: 'hi' };

describe('stubResponses: true', () => {
  it('answers every operation with plausible default data and records the wire request', async () => {
    const client = new ParticipantClient({ stubResponses: true });
    expect(client.endpoint).toBe('https://participant.connect.us-stubbed-1.amazonaws.com');
    const conn = await client.createParticipantConnection({ ParticipantToken: 'p', Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] });
    expect(conn.Websocket?.Url).toMatch(/^wss:\/\//);
    expect(conn.ConnectionCredentials?.ConnectionToken).toEqual(expect.any(String));
    expect(Date.parse(conn.ConnectionCredentials?.Expiry ?? '')).toBeGreaterThan(Date.now());
    const sent = await client.sendMessage(msg);
    expect(sent.Id).toEqual(expect.any(String));
    expect((await client.getAttachment({ ConnectionToken: 'tok', AttachmentId: 'a' })).AttachmentSizeInBytes).toBe(1);
    expect(await client.getTranscript({ ConnectionToken: 'tok' })).toMatchObject({ Transcript: [] });
    expect(await client.disconnectParticipant({ ConnectionToken: 'tok' })).toEqual({});

    expect(client.apiRequests.map((r) => r.operation)).toEqual([
      'CreateParticipantConnection',
      'SendMessage',
      'GetAttachment',
      'GetTranscript',
      'DisconnectParticipant',
    ]);
    const req = client.apiRequests[1];
    expect(req.request).toMatchObject({
      method: 'POST',
      url: 'https://participant.connect.us-stubbed-1.amazonaws.com/participant/message',
      headers: { 'X-Amz-Bearer': 'tok', 'Content-Type': 'application/json' },
    });
    // The log shows the generated ClientToken, in the input and on the wire.
    const token = req.input.ClientToken as string;
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(req.request.body).toBe(`{"ContentType":"text/plain","Content":"hi","ClientToken":"${token}"}`);
  });

  it('still validates: an invalid call throws and is not logged', async () => {
    const client = new ParticipantClient({ stubResponses: true });
    await expect(client.sendMessage({ ...msg, Content: '' })).rejects.toBeInstanceOf(ParticipantValidationError);
    expect(client.apiRequests).toHaveLength(0);
  });

  it('uses the configured region or endpoint for the logged URL', async () => {
    const a = new ParticipantClient({ stubResponses: true, region: 'eu-west-2' });
    await a.describeView({ ConnectionToken: 'tok', ViewToken: 'a/b' });
    expect(a.apiRequests[0].request.url).toBe('https://participant.connect.eu-west-2.amazonaws.com/participant/views/a%2Fb');
    const b = new ParticipantClient({ stubResponses: true, endpoint: 'http://127.0.0.1:9/base/' });
    await b.getTranscript({ ConnectionToken: 'tok' });
    expect(b.apiRequests[0].request.url).toBe('http://127.0.0.1:9/base/participant/transcript');
  });
});

describe('per-operation stubs', () => {
  it('data is returned as given', async () => {
    const client = new ParticipantClient({ stubResponses: { SendMessage: { Id: 'm-42', AbsoluteTime: '2026-01-01T00:00:00.000Z' } } });
    expect(await client.sendMessage(msg)).toEqual({ Id: 'm-42', AbsoluteTime: '2026-01-01T00:00:00.000Z' });
    expect(await client.sendMessage(msg)).toEqual({ Id: 'm-42', AbsoluteTime: '2026-01-01T00:00:00.000Z' });
  });

  it('errors become real error objects with the modeled status', async () => {
    const client = new ParticipantClient({
      stubResponses: {
        SendMessage: { error: 'AccessDeniedException', message: 'Access denied' },
        DescribeView: { error: 'ResourceNotFoundException', body: { ResourceId: 'v', ResourceType: 'CONTACT' } },
        GetTranscript: { error: 'WeirdException', statusCode: 418 },
      },
    });
    const denied = await client.sendMessage(msg).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AccessDeniedException);
    expect(denied).toMatchObject({ statusCode: 403, serviceMessage: 'Access denied', attempts: 1, requestId: 'stub-request-1' });
    const nf = (await client.describeView({ ConnectionToken: 'tok', ViewToken: 'v' }).catch((e: unknown) => e)) as ResourceNotFoundException;
    expect(nf).toBeInstanceOf(ResourceNotFoundException);
    expect(nf.ResourceId).toBe('v');
    expect(await client.getTranscript({ ConnectionToken: 'tok' }).catch((e: unknown) => e)).toMatchObject({ name: 'WeirdException', statusCode: 418 });
  });

  it('a list is answered in order, the last one repeating; retries consume stubs like real responses', async () => {
    const client = new ParticipantClient({
      clock: instant,
      stubResponses: { SendMessage: [{ error: 'ThrottlingException' }, { Id: 'a' }, { Id: 'b' }] },
    });
    expect(await client.sendMessage(msg)).toEqual({ Id: 'a' });
    expect(await client.sendMessage(msg)).toEqual({ Id: 'b' });
    expect(await client.sendMessage(msg)).toEqual({ Id: 'b' });
    // One logical call is one apiRequests entry, however many attempts it took.
    expect(client.apiRequests).toHaveLength(3);
  });

  it('retry exhaustion and network failures can be simulated', async () => {
    const client = new ParticipantClient({
      clock: instant,
      stubResponses: { SendMessage: { error: 'ThrottlingException' }, GetTranscript: [{ networkError: 'offline' }, { Transcript: [] }], SendEvent: { networkError: 'offline' } },
    });
    expect(await client.sendMessage(msg).catch((e: unknown) => e)).toMatchObject({ name: 'ThrottlingException', attempts: 3 });
    expect(await client.getTranscript({ ConnectionToken: 'tok' })).toEqual({ Transcript: [] });
    const err = await client.sendEvent({ ConnectionToken: 'tok', ContentType: 'application/vnd.amazonaws.connect.event.typing' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as Error).message).toContain('offline');
  });

  it('a function gets the input (with the generated ClientToken) and may be async', async () => {
    const client = new ParticipantClient({
      stubResponses: {
        SendMessage: async (input) => ({ Id: `echo:${input.Content}:${input.ClientToken?.length}` }),
      },
    });
    expect(await client.sendMessage(msg)).toEqual({ Id: 'echo:hi:36' });
  });

  it('client.stub() replaces the stubs of one operation; with none it goes back to the default', async () => {
    const client = new ParticipantClient({ stubResponses: true, clock: instant, maxAttempts: 1 });
    client.stub('SendMessage', { error: 'ThrottlingException' }, { Id: 'after' });
    expect(await client.sendMessage(msg).catch((e: unknown) => e)).toBeInstanceOf(ThrottlingException);
    expect(await client.sendMessage(msg)).toEqual({ Id: 'after' });
    client.stub('SendMessage');
    expect((await client.sendMessage(msg)).Id).toMatch(/^stub-/);
  });
});

describe('stub configuration errors', () => {
  it('an unknown operation name', () => {
    expect(() => new ParticipantClient({ stubResponses: { SendMesage: {} } as never })).toThrow(/"SendMesage" is not an operation/);
  });
  it('a stub that is not an object or function', () => {
    expect(() => new ParticipantClient({ stubResponses: { SendMessage: 'ok' as never } })).toThrow(ClientConfigurationError);
  });
  it('a stub function returning nothing is reported as a stub error, not a network failure', async () => {
    const client = new ParticipantClient({ stubResponses: { SendMessage: (() => undefined) as never } });
    await expect(client.sendMessage(msg)).rejects.toThrow(/a stub function must return/);
  });
  it('apiRequests and stub() need stub mode', () => {
    const client = new ParticipantClient({ region: 'us-east-1' });
    expect(() => client.apiRequests).toThrow(/only with the stubResponses option/);
    expect(() => client.stub('SendMessage', {})).toThrow(ClientConfigurationError);
  });
});

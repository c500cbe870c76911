// Error responses from a real HTTP server -> the right error class, name, message and context.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  NetworkError,
  ParticipantClient,
  ParticipantServiceError,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ServiceResponseError,
  ThrottlingException,
  ValidationException,
} from './index.js';
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
  // maxAttempts 1: these tests are about parsing, not retrying.
  client = new ParticipantClient({ endpoint: server.url, maxAttempts: 1 });
});

const call = (c = client): Promise<unknown> =>
  c.sendMessage({ ConnectionToken: 'secret-token', ContentType: 'text/plain', Content: 'hi' }).catch((e: unknown) => e);

describe('one class per modeled error', () => {
  const CASES = [
    [AccessDeniedException, 403, 'AccessDeniedException', 'createParticipantConnection'],
    [ValidationException, 400, 'ValidationException', 'correct the member'],
    [ThrottlingException, 429, 'ThrottlingException', 'slow down'],
    [InternalServerException, 500, 'InternalServerException', 'try again later'],
    [ConflictException, 409, 'ConflictException', 'do not repeat it unchanged'],
    [ServiceQuotaExceededException, 402, 'ServiceQuotaExceededException', 'quota'],
    [ResourceNotFoundException, 404, 'ResourceNotFoundException', 'no longer available'],
  ] as const;
  for (const [ctor, status, name, advice] of CASES) {
    it(`${status} ${name}`, async () => {
      server.reply({
        status,
        headers: { 'x-amzn-ErrorType': `${name}:http://internal.amazon.com/coral/com.amazon.coral.service/`, 'x-amzn-RequestId': 'rid-7' },
        body: { message: `service says ${status}` },
      });
      const err = await call();
      expect(err).toBeInstanceOf(ctor);
      expect(err).toBeInstanceOf(ServiceResponseError);
      expect(err).toBeInstanceOf(ParticipantServiceError);
      expect(err).toBeInstanceOf(Error);
      expect(err).toMatchObject({
        name,
        statusCode: status,
        requestId: 'rid-7',
        operation: 'SendMessage',
        attempts: 1,
        retryable: status === 429 || status === 500,
        serviceMessage: `service says ${status}`,
        fault: status >= 500 ? 'server' : 'client',
      });
      const message = (err as Error).message;
      expect(message).toContain(`service says ${status}`);
      expect(message).toContain('rid-7');
      expect(message).toContain(advice);
      expect(message).not.toContain('secret-token');
    });
  }

  it('ResourceNotFoundException carries ResourceId and ResourceType', async () => {
    server.reply({
      status: 404,
      headers: { 'x-amzn-ErrorType': 'ResourceNotFoundException' },
      body: { message: 'nf', ResourceId: 'view-1', ResourceType: 'CONTACT' },
    });
    const err = (await client.describeView({ ConnectionToken: 't', ViewToken: 'v' }).catch((e: unknown) => e)) as ResourceNotFoundException;
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.ResourceId).toBe('view-1');
    expect(err.ResourceType).toBe('CONTACT');
    expect(err.body).toEqual({ ResourceId: 'view-1', ResourceType: 'CONTACT' });
  });

  it('AccessDenied advice for CreateParticipantConnection points at the ParticipantToken', async () => {
    server.reply({ status: 403, headers: { 'x-amzn-ErrorType': 'AccessDeniedException' }, body: { message: 'Access denied' } });
    const err = await client.createParticipantConnection({ ParticipantToken: 'p', Type: ['WEBSOCKET'] }).catch((e: unknown) => e);
    expect((err as Error).message).toContain('ParticipantToken is not valid');
  });
});

describe('error name precedence: x-amzn-ErrorType > body code > __type, then sanitized', () => {
  it('header wins over code and __type', async () => {
    server.reply({
      status: 400,
      headers: { 'x-amzn-ErrorType': 'ConflictException' },
      body: { code: 'ThrottlingException', __type: 'AccessDeniedException', message: 'm' },
    });
    expect(await call()).toBeInstanceOf(ConflictException);
  });

  it('body code (any case) wins over __type', async () => {
    server.reply({ status: 400, body: { Code: 'ConflictException', __type: 'AccessDeniedException', message: 'm' } });
    expect(await call()).toBeInstanceOf(ConflictException);
  });

  it('the whole message: what failed, where, and what to do (the advice loads with the first error response)', async () => {
    server.reply({ status: 400, headers: { 'x-amzn-ErrorType': 'ValidationException' }, body: { message: 'Content is too long' } });
    const err = await call();
    expect((err as Error).message).toBe(
      'SendMessage failed: Content is too long (ValidationException, HTTP 400). The service rejected the input: correct the member named in the message.',
    );
  });

  it('__type with a namespace prefix', async () => {
    server.reply({ status: 400, body: { __type: 'com.amazonaws.connectparticipant#ValidationException', message: 'bad' } });
    const err = await call();
    expect(err).toBeInstanceOf(ValidationException);
    expect((err as ValidationException).serviceMessage).toBe('bad');
  });

  it('prefix#Name:suffix in the header', async () => {
    server.reply({ status: 409, headers: { 'x-amzn-ErrorType': 'aws.ns#ConflictException:http://internal/' }, body: { Message: 'c' } });
    const err = await call();
    expect(err).toBeInstanceOf(ConflictException);
    expect(err).toMatchObject({ name: 'ConflictException', serviceMessage: 'c' });
  });

  it('message wins over Message; Message is used when message is absent', async () => {
    server.reply(
      { status: 400, headers: { 'x-amzn-ErrorType': 'ValidationException' }, body: { message: 'lower', Message: 'upper' } },
      { status: 400, headers: { 'x-amzn-ErrorType': 'ValidationException' }, body: { Message: 'upper only' } },
    );
    expect(await call()).toMatchObject({ serviceMessage: 'lower' });
    expect(await call()).toMatchObject({ serviceMessage: 'upper only' });
  });

  it('an unmodeled name keeps its name and becomes a ServiceResponseError', async () => {
    server.reply({ status: 418, headers: { 'x-amzn-ErrorType': 'TeapotException' }, body: { message: 'short and stout' } });
    const err = await call();
    expect(err).toBeInstanceOf(ServiceResponseError);
    expect(err).not.toBeInstanceOf(ValidationException);
    expect(err).toMatchObject({ name: 'TeapotException', statusCode: 418, retryable: false });
  });

  it('no name at all: the modeled error of the status (browsers cannot read x-amzn-ErrorType without CORS exposure)', async () => {
    server.reply({ status: 403, body: { Message: 'User is not authorized to access this resource with an explicit deny' } });
    const err = await call();
    expect(err).toBeInstanceOf(AccessDeniedException);
    expect((err as Error).message).toContain('explicit deny');
  });

  it('no name and an unmodeled status: UnknownError', async () => {
    server.reply({ status: 501, body: '' });
    const err = await call();
    expect(err).toBeInstanceOf(ServiceResponseError);
    expect(err).toMatchObject({ name: 'UnknownError', statusCode: 501, retryable: false, fault: 'server' });
  });

  it('a non-JSON error body (proxy HTML) is still an error with status, and says to check the endpoint', async () => {
    server.reply({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' });
    const err = await call();
    expect(err).toMatchObject({ name: 'UnknownError', statusCode: 502, retryable: true });
    expect((err as Error).message).toContain('not JSON');
    expect((err as Error).message).toContain(server.url);
  });

  it('reads the request id from x-amzn-requestid, x-amzn-request-id or x-amz-request-id', async () => {
    server.reply(
      { status: 400, headers: { 'x-amzn-request-id': 'r2' }, body: {} },
      { status: 400, headers: { 'x-amz-request-id': 'r3' }, body: {} },
    );
    expect(await call()).toMatchObject({ requestId: 'r2' });
    expect(await call()).toMatchObject({ requestId: 'r3' });
  });
});

describe('network failures', () => {
  it('connection refused -> NetworkError naming the origin and what to check', async () => {
    const dead = await startTestServer();
    const url = dead.url;
    await dead.close();
    const c = new ParticipantClient({ endpoint: url, maxAttempts: 1 });
    const err = await call(c);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ name: 'NetworkError', retryable: true, attempts: 1, statusCode: undefined, operation: 'SendMessage' });
    expect((err as Error).message).toContain(url);
    expect((err as Error).message).toContain('ECONNREFUSED');
    expect((err as Error).message).toContain('Check the network connection');
  });

  it('socket destroyed mid-request -> NetworkError', async () => {
    server.reply({ destroy: true });
    expect(await call()).toBeInstanceOf(NetworkError);
  });
});

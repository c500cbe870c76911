import { describe, expect, it } from 'vitest';
import { HEARTBEAT_FRAME, PING_FRAME, SUBSCRIBE_FRAME, encodeFrame, parseFrame } from './frames';

describe('frames', () => {
  it('encodes the client frames exactly as chat-protocol §1.2', () => {
    expect(SUBSCRIBE_FRAME).toBe('{"topic":"aws/subscribe","content":{"topics":["aws/chat"]}}');
    expect(HEARTBEAT_FRAME).toBe('{"topic":"aws/heartbeat"}');
    expect(PING_FRAME).toBe('{"topic":"aws/ping"}');
    expect(encodeFrame('x', undefined)).toBe('{"topic":"x"}');
  });

  it('reads subscribe replies', () => {
    expect(parseFrame('{"topic":"aws/subscribe","content":{"status":"success","topics":["aws/chat"]}}')).toEqual({ kind: 'subscribe', success: true, status: 'success' });
    expect(parseFrame('{"topic":"aws/subscribe","content":{"status":"failure","topics":["aws/chat"]}}')).toMatchObject({ success: false, status: 'failure' });
    expect(parseFrame('{"topic":"aws/subscribe"}')).toMatchObject({ success: false, status: '' });
  });

  it('reads heartbeat and ping replies; a ping counts only with statusCode 200', () => {
    expect(parseFrame('{"topic":"aws/heartbeat"}')).toEqual({ kind: 'heartbeat' });
    expect(parseFrame('{"topic":"aws/ping","statusCode":200,"statusContent":"OK"}')).toEqual({ kind: 'ping', ok: true });
    expect(parseFrame('{"topic":"aws/ping","statusCode":500}')).toEqual({ kind: 'ping', ok: false });
  });

  it('parses the stringified Item of an aws/chat frame and keeps the raw content', () => {
    const content = JSON.stringify({ Id: 'a', Type: 'MESSAGE', Content: 'hi' });
    const frame = parseFrame(JSON.stringify({ topic: 'aws/chat', contentType: 'application/json', content }));
    expect(frame).toEqual({ kind: 'chat', item: { Id: 'a', Type: 'MESSAGE', Content: 'hi' }, raw: content });
  });

  it('classifies what it cannot use instead of throwing', () => {
    expect(parseFrame('')).toEqual({ kind: 'empty' });
    expect(parseFrame('not json')).toMatchObject({ kind: 'invalid' });
    expect(parseFrame('[1]')).toMatchObject({ kind: 'invalid' });
    expect(parseFrame('{"topic":"aws/chat","content":"{broken"}')).toMatchObject({ kind: 'invalid' });
    expect(parseFrame('{"topic":"aws/chat"}')).toMatchObject({ kind: 'invalid' });
    expect(parseFrame('{"message":"Forbidden","connectionId":"c","requestId":"r"}')).toEqual({ kind: 'server-error', message: 'Forbidden' });
    expect(parseFrame('{"topic":"aws/other"}')).toEqual({ kind: 'other', topic: 'aws/other' });
  });
});

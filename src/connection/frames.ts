// The WebSocket wire format (chat-protocol §1.2–1.3): encoding our three control frames and
// classifying what the server sends. No meaning is given to chat items here.

export const TOPIC_SUBSCRIBE = 'aws/subscribe';
export const TOPIC_HEARTBEAT = 'aws/heartbeat';
export const TOPIC_PING = 'aws/ping';
export const TOPIC_CHAT = 'aws/chat';

export function encodeFrame(topic: string, content?: unknown): string {
  return JSON.stringify(content === undefined ? { topic } : { topic, content });
}

export const SUBSCRIBE_FRAME = encodeFrame(TOPIC_SUBSCRIBE, { topics: [TOPIC_CHAT] });
export const HEARTBEAT_FRAME = encodeFrame(TOPIC_HEARTBEAT);
export const PING_FRAME = encodeFrame(TOPIC_PING);

export type Frame =
  | { kind: 'empty' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'subscribe'; success: boolean; status: string }
  | { kind: 'heartbeat' }
  | { kind: 'ping'; ok: boolean }
  /** An aws/chat frame with its content parsed (the Item); `raw` is the content string as received. */
  | { kind: 'chat'; item: unknown; raw: string }
  | { kind: 'other'; topic: string }
  /** API-Gateway style error without a topic, e.g. {"message":"Forbidden","connectionId":…}. */
  | { kind: 'server-error'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseFrame(data: string): Frame {
  if (data.trim() === '') return { kind: 'empty' };
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return { kind: 'invalid', reason: `frame is not JSON: ${data.slice(0, 80)}` };
  }
  if (!isRecord(frame)) return { kind: 'invalid', reason: 'frame is not a JSON object' };
  const topic = frame.topic;
  if (typeof topic !== 'string') {
    const message = typeof frame.message === 'string' ? frame.message : JSON.stringify(frame).slice(0, 200);
    return { kind: 'server-error', message };
  }
  switch (topic) {
    case TOPIC_SUBSCRIBE: {
      const status = isRecord(frame.content) && typeof frame.content.status === 'string' ? frame.content.status : '';
      return { kind: 'subscribe', success: status === 'success', status };
    }
    case TOPIC_HEARTBEAT:
      return { kind: 'heartbeat' };
    case TOPIC_PING:
      return { kind: 'ping', ok: frame.statusCode === 200 };
    case TOPIC_CHAT: {
      const content = frame.content;
      if (typeof content === 'string') {
        try {
          return { kind: 'chat', item: JSON.parse(content), raw: content };
        } catch {
          return { kind: 'invalid', reason: `aws/chat content is not JSON: ${content.slice(0, 80)}` };
        }
      }
      // Not what the service sends, but an already-parsed object carries the same item.
      if (isRecord(content)) return { kind: 'chat', item: content, raw: JSON.stringify(content) };
      return { kind: 'invalid', reason: 'aws/chat frame without content' };
    }
    default:
      return { kind: 'other', topic };
  }
}

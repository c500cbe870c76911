import { describe, expect, it } from 'vitest';
import { ResendTokens } from './resend-tokens.js';

const failing = (): Promise<void> => Promise.reject(new Error('no answer'));

async function send(tokens: ResendTokens, content: string, outcome: 'ok' | 'fail', type = 'text/plain'): Promise<string> {
  const attempt = tokens.take(content, type);
  await tokens.watch(content, type, attempt, outcome === 'ok' ? Promise.resolve() : failing()).catch(() => {});
  return attempt.token;
}

describe('ResendTokens', () => {
  it('gives the same text sent again after a failure the first attempt\'s token, once', async () => {
    const tokens = new ResendTokens();
    const first = await send(tokens, 'are you there?', 'fail');
    expect(await send(tokens, 'are you there?', 'ok')).toBe(first);
    // Sent: the same words again are a new message.
    expect(await send(tokens, 'are you there?', 'ok')).not.toBe(first);
  });

  it('keeps a token through failed resends, and only for the same text and content type', async () => {
    const tokens = new ResendTokens();
    const first = await send(tokens, 'hi', 'fail');
    expect(await send(tokens, 'hi', 'fail', 'text/markdown')).not.toBe(first);
    expect(await send(tokens, 'hi there', 'fail')).not.toBe(first);
    expect(await send(tokens, 'hi', 'fail')).toBe(first);
    expect(await send(tokens, 'hi', 'ok')).toBe(first);
  });

  it('gives two sends of the same text that go out two tokens', async () => {
    const tokens = new ResendTokens();
    expect(await send(tokens, 'ok', 'ok')).not.toBe(await send(tokens, 'ok', 'ok'));
  });

  it('forgets failures once a later send went out, not when an earlier one lands late', async () => {
    const tokens = new ResendTokens();
    let land!: () => void;
    const slow = tokens.take('slow', 'text/plain');
    const slowSent = tokens.watch('slow', 'text/plain', slow, new Promise<void>((resolve) => (land = resolve)));
    const failed = await send(tokens, 'lost', 'fail');
    land();
    await slowSent;
    expect(await send(tokens, 'lost', 'fail')).toBe(failed); // the slow one was sent before it: still pending
    await send(tokens, 'something else', 'ok');
    expect(await send(tokens, 'lost', 'ok')).not.toBe(failed); // the visitor moved on
  });

  it('passes the failure on to the caller', async () => {
    const tokens = new ResendTokens();
    const attempt = tokens.take('x', 'text/plain');
    await expect(tokens.watch('x', 'text/plain', attempt, failing())).rejects.toThrow('no answer');
  });
});

import { describe, expect, it } from 'vitest';
import type { ChatErrorCode } from '../chat/types';
import { en } from '../i18n';
import { visitorMessage } from './errors';

const t = (key: keyof typeof en) => en[key];

describe('what the visitor reads about an error', () => {
  it('plain words by code, never the technical message', () => {
    expect(visitorMessage('storage-failed', t)).toBe('This browser cannot save the chat, so it ends if you leave or reload this page.');
    expect(visitorMessage('chat-ended', t)).toBe('This chat has ended. Start a new chat; unsent messages are carried over to it.');
    expect(visitorMessage('config-invalid', t)).toBe('The chat is not available right now. Please try again later.');
    expect(visitorMessage('connection-failed', t)).toMatch(/connection problem/);
    expect(visitorMessage('view-failed', t)).toBe(en.error);
  });

  it('no code maps to text with storage or protocol words in it', () => {
    const codes: ChatErrorCode[] = ['config-invalid', 'start-failed', 'message-too-long', 'message-empty', 'content-type-unsupported', 'send-failed', 'attachment-too-large', 'attachment-type', 'attachment-quota', 'attachment-rejected', 'attachment-failed', 'connection-failed', 'chat-ended', 'storage-failed', 'view-failed'];
    for (const code of codes) expect(visitorMessage(code, t), code).not.toMatch(/IndexedDB|token|HTTP|null|undefined|Exception/);
  });
});

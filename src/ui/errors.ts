// What the visitor reads about an error: plain words in their language, by the error's code. The
// technical detail (the ChatError's message, its cause) is for developers: the `error` event and
// the console have it.
import type { ChatErrorCode } from '../chat/types';
import type { StringKey } from '../i18n';

const BY_CODE: Partial<Record<ChatErrorCode, StringKey>> = {
  'config-invalid': 'errConfig',
  'start-failed': 'startFailed',
  'storage-failed': 'errStorage',
  'connection-failed': 'errConnection',
  'chat-ended': 'errEnded',
  'send-failed': 'notSentKept',
  'message-too-long': 'notSentKept',
};

export function visitorMessage(code: ChatErrorCode, t: (key: StringKey) => string): string {
  return t(BY_CODE[code] ?? 'error');
}

// Words for transcript entries outside the bubbles: notices, role names, the plain-text form of a
// message (announcements, the transcript download). Pure; strings come from the locale pack.
import type { NoticeEntry, NoticeEvent, TranscriptEntry } from '../../chat/types';
import type { StringKey } from '../../i18n';
import { describeReply } from '../interactive/reply-view';
import { markdownPlain } from '../content/markdown-plain';

type T = (key: StringKey, vars?: Record<string, string | number>) => string;

const NOTICE: Record<NoticeEvent, StringKey> = {
  joined: 'joined',
  left: 'left',
  idle: 'idle',
  returned: 'returned',
  autodisconnection: 'autodisconnection',
  invited: 'invited',
  'displayname-updated': 'renamed',
  'transfer-succeeded': 'transferred',
  'transfer-failed': 'transferFailed',
  ended: 'ended',
  rehydrated: 'rehydrated',
  'authentication-initiated': 'authInitiated',
  'authentication-succeeded': 'authSucceeded',
  'authentication-failed': 'authFailed',
  'authentication-timeout': 'authTimeout',
  'authentication-expired': 'authExpired',
  'authentication-cancelled': 'authCancelled',
  'workflow-cancelled': 'workflowCancelled',
};

/** The display name, or the role's generic name when the service sent none. */
export function nameOf(e: TranscriptEntry, t: T): string {
  if (e.own) return t('you');
  return e.displayName || t(e.role === 'CUSTOM_BOT' || e.role === 'SYSTEM' ? 'bot' : e.role === 'CUSTOMER' ? 'defaultName' : 'agent');
}

export function noticeText(e: NoticeEntry, t: T): string {
  return t(NOTICE[e.event] ?? 'error', { name: e.own ? t('you') : nameOf(e, t) });
}

/** Own join/leave notices are noise for the customer. */
export const hiddenNotice = (e: NoticeEntry): boolean => e.own && (e.event === 'joined' || e.event === 'left');

/** What an entry says, as one line of plain text without the sender (no markup). */
export function textOf(e: TranscriptEntry, t: T): string {
  if (e.kind === 'notice') return noticeText(e, t);
  if (e.kind === 'attachment') return e.name;
  let text = e.own ? (e.display ?? describeReply(e.contentType, e.content).text) : e.content;
  if (e.contentType.endsWith('.interactive')) {
    try {
      const title = (JSON.parse(e.content) as { data?: { content?: { title?: unknown } } }).data?.content?.title;
      text = typeof title === 'string' ? title : '';
    } catch {
      text = '';
    }
  }
  if (e.contentType === 'text/markdown') text = markdownPlain(text);
  return text.trim();
}

/** One line of plain text for any entry, with its sender (no markup). */
export function plainText(e: TranscriptEntry, t: T): string {
  if (e.kind === 'notice') return noticeText(e, t);
  if (e.kind === 'attachment') return t('sentFile', { name: nameOf(e, t), file: e.name });
  return t('said', { name: nameOf(e, t), text: textOf(e, t) });
}

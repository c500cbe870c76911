// "Download transcript": the conversation as a plain-text file, built on the visitor's machine.
import type { TranscriptEntry } from '../chat/types';
import { formatDateTime, type StringKey } from '../i18n';
import { plainText } from './transcript/notices';

type T = (key: StringKey, vars?: Record<string, string | number>) => string;

export function transcriptText(entries: readonly TranscriptEntry[], t: T, locale: string, title: string): string {
  const lines = entries.map((e) => `[${formatDateTime(new Date(e.time), locale)}] ${plainText(e, t)}`);
  return `${title}\n\n${lines.join('\n')}\n`;
}

export function downloadTranscript(entries: readonly TranscriptEntry[], t: T, locale: string): void {
  const text = transcriptText(entries, t, locale, t('title'));
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `chat-${new Date().toISOString().slice(0, 10)}.txt`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

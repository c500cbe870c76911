// Files waiting in the composer until the visitor presses Send, checked before any upload so a
// wrong type, a too-large or empty file, or a too-long name is explained at once (in the visitor's
// language), not when Send fails.
import { MAX_ATTACHMENT_NAME, resolveContentType } from '../../chat/attachments';
import { characterCount } from '../../chat/content-types';
import type { WidgetConfig } from '../../config';
import { formatSize, type StringKey } from '../../i18n';
import { plainFileName } from '../content/file-name';

export interface Pending {
  id: number;
  file: File;
  /** Why it cannot be sent; such files stay listed (with Remove) and are never uploaded. */
  error?: string;
}

type T = (key: StringKey, vars?: Record<string, string | number>) => string;

export function fileError(file: File, config: WidgetConfig, t: T, locale: string): string | undefined {
  const { acceptTypes, maxSizeBytes } = config.attachments;
  const name = plainFileName(file.name);
  if (characterCount(name) > MAX_ATTACHMENT_NAME) return t('longName');
  if (!acceptTypes.includes(resolveContentType(name, file.type))) return t('badType', { name });
  if (file.size === 0) return t('emptyFile', { name });
  if (file.size > maxSizeBytes) return t('tooLarge', { name, size: formatSize(maxSizeBytes, locale) });
  return undefined;
}

let seq = 0;
export const toPending = (files: Iterable<File>, config: WidgetConfig, t: T, locale: string): Pending[] =>
  Array.from(files, (file) => ({ id: ++seq, file, error: fileError(file, config, t, locale) }));

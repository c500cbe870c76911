// Files waiting in the composer until the visitor presses Send, checked before any upload so a
// wrong type or a too-large file is explained at once (in the visitor's language).
import { resolveContentType } from '../../chat/attachments';
import type { WidgetConfig } from '../../config';
import { formatSize, type StringKey } from '../../i18n';

export interface Pending {
  id: number;
  file: File;
  /** Why it cannot be sent; such files stay listed (with Remove) and are never uploaded. */
  error?: string;
}

type T = (key: StringKey, vars?: Record<string, string | number>) => string;

export function fileError(file: File, config: WidgetConfig, t: T, locale: string): string | undefined {
  const { acceptTypes, maxSizeBytes } = config.attachments;
  if (!acceptTypes.includes(resolveContentType(file.name, file.type))) return t('badType', { name: file.name });
  if (file.size > maxSizeBytes) return t('tooLarge', { name: file.name, size: formatSize(maxSizeBytes, locale) });
  return undefined;
}

let seq = 0;
export const toPending = (files: Iterable<File>, config: WidgetConfig, t: T, locale: string): Pending[] =>
  Array.from(files, (file) => ({ id: ++seq, file, error: fileError(file, config, t, locale) }));

// The console's transcript as pure functions over chat items: merge (dedupe by Id, order by time,
// stitch streaming chunks, apply receipts) and a plain-text description of each item for display.
import type { ChatItem } from '../../types.js';

export type { ChatItem } from '../../types.js';

const VND = 'application/vnd.amazonaws.connect.';
export const TYPING = `${VND}event.typing`;
export const INTERACTIVE = `${VND}message.interactive`;
export const INTERACTIVE_RESPONSE = `${VND}message.interactive.response`;
export const CHAT_ENDED = `${VND}event.chat.ended`;

/** What the console keeps per item: the item plus the receipts it learnt about. */
export interface Entry {
  item: ChatItem;
  delivered: boolean;
  read: boolean;
}

/**
 * The transcript after `item` arrived (new array; inputs untouched). Typing is not stored;
 * MESSAGEMETADATA updates the receipts of its message; a streaming chunk extends its message.
 */
export function mergeItem(entries: readonly Entry[], item: ChatItem, ownParticipantId: string): Entry[] {
  if (item.ContentType === TYPING) return [...entries];
  if (item.Type === 'MESSAGEMETADATA') return applyReceipts(entries, item, ownParticipantId);
  const index = entries.findIndex((entry) => entry.item.Id === item.Id);
  if (index >= 0) {
    const next = [...entries];
    next[index] = { ...entries[index], item: mergeSameId(entries[index].item, item) };
    return next;
  }
  const entry: Entry = { item, ...receiptsOf(item, ownParticipantId) };
  const next = [...entries, entry];
  // AbsoluteTime is ISO-8601 with milliseconds and Z: string order is time order. Stable for ties.
  return next.sort((a, b) => (a.item.AbsoluteTime ?? '').localeCompare(b.item.AbsoluteTime ?? ''));
}

/** Two items with one Id: a later streaming chunk, or a transcript copy of a socket item. */
function mergeSameId(old: ChatItem, incoming: ChatItem): ChatItem {
  const meta = incoming.MessageMetadata;
  if (meta && meta.MessageCompleted === false && old.MessageMetadata?.MessageCompleted === false) {
    const lastChunk = old.MessageMetadata.ChunkNumber ?? 0;
    // Out-of-order chunks are ignored until the completing item replaces everything (as chatjs does).
    if ((meta.ChunkNumber ?? 0) !== lastChunk + 1) return old;
    return { ...incoming, AbsoluteTime: old.AbsoluteTime, Content: `${old.Content ?? ''}${incoming.Content ?? ''}` };
  }
  return { ...incoming, AbsoluteTime: old.AbsoluteTime ?? incoming.AbsoluteTime };
}

function receiptsOf(item: ChatItem, ownParticipantId: string): { delivered: boolean; read: boolean } {
  const others = (item.MessageMetadata?.Receipts ?? []).filter((receipt) => receipt.RecipientParticipantId !== ownParticipantId);
  return {
    delivered: others.some((receipt) => receipt.DeliveredTimestamp || receipt.ReadTimestamp),
    read: others.some((receipt) => receipt.ReadTimestamp),
  };
}

function applyReceipts(entries: readonly Entry[], metadata: ChatItem, ownParticipantId: string): Entry[] {
  const messageId = metadata.MessageMetadata?.MessageId;
  const { delivered, read } = receiptsOf(metadata, ownParticipantId);
  return entries.map((entry) =>
    entry.item.Id === messageId
      ? { ...entry, delivered: entry.delivered || delivered || read, read: entry.read || read }
      : entry,
  );
}

/** How the console shows an item: a short label and plain text (never markup). */
export interface ItemView {
  kind: 'message' | 'event' | 'attachment';
  /** e.g. "ListPicker", "markdown", "participant.joined". */
  label: string;
  text: string;
  /** Pretty JSON for interactive content, shown collapsed. */
  json?: string;
  /** MessageMetadata.MessageProcessingStatus: held (PROCESSING) or not delivered (REJECTED, FAILED). */
  processing?: 'PROCESSING' | 'REJECTED' | 'FAILED';
}

export function describeItem(item: ChatItem): ItemView {
  if (item.Type === 'ATTACHMENT') {
    const attachment = item.Attachments?.[0];
    return {
      kind: 'attachment',
      label: attachment?.Status ?? 'attachment',
      text: `${attachment?.AttachmentName ?? 'file'} (${attachment?.ContentType ?? 'unknown type'})`,
    };
  }
  const contentType = item.ContentType ?? '';
  if (item.Type === 'EVENT') {
    const label = contentType.startsWith(`${VND}event.`) ? contentType.slice(`${VND}event.`.length) : contentType;
    return { kind: 'event', label, text: eventText(label, item) };
  }
  const content = item.Content ?? '';
  const status = item.MessageMetadata?.MessageProcessingStatus;
  const processing = status ? { processing: status } : {};
  if (contentType === INTERACTIVE || contentType === INTERACTIVE_RESPONSE) {
    const parsed = parseJson(content);
    const json = parsed === undefined ? content : JSON.stringify(parsed, null, 2);
    return { kind: 'message', label: interactiveLabel(contentType, parsed), text: interactiveText(contentType, parsed), json, ...processing };
  }
  const streaming = item.MessageMetadata?.MessageCompleted === false;
  const label = contentType === 'text/markdown' ? 'markdown' : contentType === 'text/plain' ? '' : contentType;
  return { kind: 'message', label: streaming ? `${label || 'text'} · streaming` : label, text: content, ...processing };
}

function eventText(label: string, item: ChatItem): string {
  const who = item.DisplayName ?? item.ParticipantRole ?? 'someone';
  switch (label) {
    case 'participant.joined':
      return `${who} joined`;
    case 'participant.left':
      return `${who} left`;
    case 'participant.idle':
      return `${who} is idle`;
    case 'participant.returned':
      return `${who} returned`;
    case 'chat.ended':
      return 'The chat has ended';
    case 'transfer.succeeded':
      return 'Transferred';
    case 'transfer.failed':
      return 'Transfer failed';
    default:
      return item.Content ? `${label}: ${item.Content}` : label;
  }
}

function interactiveLabel(contentType: string, parsed: unknown): string {
  const record = asRecord(parsed);
  const type = typeof record?.templateType === 'string' ? record.templateType : 'interactive';
  return contentType === INTERACTIVE_RESPONSE ? `${type} response` : type;
}

function interactiveText(contentType: string, parsed: unknown): string {
  const record = asRecord(parsed);
  if (!record) return '(unreadable interactive content)';
  const data = asRecord(record.data);
  if (contentType === INTERACTIVE_RESPONSE) {
    const action = typeof record.action === 'string' ? record.action.trim() : '';
    const detail = data?.content ?? data?.actionName;
    // A view's Output (e.g. the survey's {"Rating": "4"}) when there is no template detail.
    const output = data && detail === undefined && Object.keys(data).length > 0 ? JSON.stringify(data) : '';
    return [action || 'typed text', typeof detail === 'string' ? detail : output].filter(Boolean).join(': ');
  }
  const content = asRecord(data?.content);
  if (record.templateType === 'ViewResource') {
    const viewId = typeof content?.viewId === 'string' ? content.viewId : '?';
    return `view ${viewId}`;
  }
  return typeof content?.title === 'string' ? content.title : '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Newest message or attachment from someone else that has not been marked read by us yet. */
export function latestUnread(entries: readonly Entry[], ownParticipantId: string, alreadyRead: ReadonlySet<string>): ChatItem | undefined {
  for (let index = entries.length - 1; index >= 0; index--) {
    const item = entries[index].item;
    if (item.Type !== 'MESSAGE' && item.Type !== 'ATTACHMENT') continue;
    if (item.ParticipantId === ownParticipantId) continue;
    if (item.ParticipantRole === 'SYSTEM') return undefined;
    return item.Id && !alreadyRead.has(item.Id) ? item : undefined;
  }
  return undefined;
}

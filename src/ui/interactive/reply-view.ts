// How an own reply reads in the transcript (paging requests hidden, carousel choices as
// "Title - Choice", view responses as their text), and the free text that answers a view: what the
// transcript and the composer need for every chat. The other replies (replies.ts) come with the
// templates' chunk.
import { INTERACTIVE_RESPONSE_CONTENT_TYPE, type InteractiveReply } from './types';

const TEXT = 'text/plain';

/** How the hosted widget shows a carousel selection: "Title - Choice", or "Title: Choice" when the title ends in ":". */
export function carouselDisplay(listTitle: string, selectionText: string): string {
  return `${listTitle}${listTitle.endsWith(':') ? '' : ' -'} ${selectionText}`;
}

/**
 * Free text the customer typed while a view is the latest incoming message: sent as a view
 * response with action " " so the flow takes its "no match" branch (§3.2). The UI calls this
 * instead of sending text/plain when `latestIsView` (see transcript.ts) is true.
 */
export function viewFreeTextReply(text: string): InteractiveReply {
  const body = { action: ' ', data: { content: text }, templateType: 'ViewResource', version: '1.0' };
  return { contentType: INTERACTIVE_RESPONSE_CONTENT_TYPE, content: JSON.stringify(body), display: text };
}

/** How an own (sent) message should look in the transcript. */
export interface ReplyView {
  /** Not shown at all (paging requests). */
  hidden: boolean;
  /** Plain text to show (render with SafeText). */
  text: string;
}

/** `content` as a JSON object, or undefined (any other text). */
export function parseObject(content: string): Record<string, unknown> | undefined {
  const trimmed = content.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns a reply's wire form back into what the transcript shows: carousel JSON becomes
 * "Title - Choice", paging requests are hidden, view responses show their typed text or action.
 * Anything else is shown as it is.
 */
export function describeReply(contentType: string, content: string): ReplyView {
  if (contentType === INTERACTIVE_RESPONSE_CONTENT_TYPE) {
    const body = parseObject(content);
    if (!body) return { hidden: false, text: content };
    const action = typeof body.action === 'string' ? body.action : '';
    if (action === 'SHOW_MORE' || action === 'PREVIOUS_OPTIONS') return { hidden: true, text: '' };
    const data = body.data && typeof body.data === 'object' ? (body.data as Record<string, unknown>) : {};
    if (typeof data.content === 'string') return { hidden: false, text: data.content };
    if (typeof data.actionName === 'string' && data.actionName.trim() !== '') return { hidden: false, text: data.actionName };
    return { hidden: false, text: action.trim() };
  }
  if (contentType === TEXT) {
    const choice = carouselChoice(content);
    if (choice) return { hidden: false, text: carouselDisplay(choice.listTitle, choice.selectionText) };
  }
  return { hidden: false, text: content };
}

/** The card and option of a carousel reply (carouselReply's JSON), or undefined for any other text. */
export function carouselChoice(content: string): { listTitle: string; selectionText: string } | undefined {
  const body = parseObject(content);
  return body && typeof body.templateIdentifier === 'string' && typeof body.listTitle === 'string' && typeof body.selectionText === 'string'
    ? { listTitle: body.listTitle, selectionText: body.selectionText }
    : undefined;
}


// What the customer sends back for each interaction (chat-protocol.md §3.2), as pure functions.
// Exact wire shapes matter: bots and flows branch on them. Key order follows the hosted widget.
import {
  INTERACTIVE_RESPONSE_CONTENT_TYPE,
  type InteractiveReply,
  type PagingAction,
  type PagingFields,
  type TimeSlot,
} from './types';

const TEXT = 'text/plain';

/** ListPicker / Panel option or QuickReply option: the element title as text/plain. */
export function titleReply(title: string): InteractiveReply {
  return { contentType: TEXT, content: title };
}

/**
 * The slot date after the optional offset, as the hosted widget sends it: with an offset the
 * instant is shifted by `offset` minutes and written as `YYYY-MM-DDTHH:mm:ss.ss+00:00`
 * (toISOString minus its last two characters); without one (or 0) the date string is sent as received.
 */
export function slotValue(date: string, timeZoneOffset?: number): string {
  if (!timeZoneOffset) return date;
  const shifted = new Date(Date.parse(date) + timeZoneOffset * 60_000);
  return `${shifted.toISOString().slice(0, -2)}+00:00`;
}

/** TimePicker confirm. `display` is the human-readable slot, for the optimistic bubble. */
export function timeSlotReply(slot: TimeSlot, timeZoneOffset?: number, display?: string): InteractiveReply {
  return { contentType: TEXT, content: slotValue(slot.date, timeZoneOffset), ...(display ? { display } : {}) };
}

/** How the hosted widget shows a carousel selection: "Title - Choice", or "Title: Choice" when the title ends in ":". */
export function carouselDisplay(listTitle: string, selectionText: string): string {
  return `${listTitle}${listTitle.endsWith(':') ? '' : ' -'} ${selectionText}`;
}

/** Carousel card element: JSON {templateIdentifier, listTitle, selectionText} as text/plain. */
export function carouselReply(templateIdentifier: string, listTitle: string, selectionText: string): InteractiveReply {
  return {
    contentType: TEXT,
    content: JSON.stringify({ templateIdentifier, listTitle, selectionText }),
    display: carouselDisplay(listTitle, selectionText),
  };
}

/** SHOW_MORE / PREVIOUS_OPTIONS: interactive.response with the paging fields; never shown. */
export function pagingReply(action: PagingAction, paging: PagingFields, templateType: 'ListPicker' | 'Panel'): InteractiveReply {
  const body = {
    version: '1.0',
    data: {
      actionName: action,
      preIndex: paging.preIndex,
      nextIndex: paging.nextIndex,
      listId: paging.listId,
      templateType,
      referenceId: paging.referenceId,
    },
    action,
  };
  return { contentType: INTERACTIVE_RESPONSE_CONTENT_TYPE, content: JSON.stringify(body), hidden: true };
}

/** A view action: {"action", "data": Output or {}, "templateType":"ViewResource", "version":"1.0"}. */
export function viewActionReply(action: string, data?: unknown, display?: string): InteractiveReply {
  const body = { action, data: data ?? {}, templateType: 'ViewResource', version: '1.0' };
  return { contentType: INTERACTIVE_RESPONSE_CONTENT_TYPE, content: JSON.stringify(body), display: display ?? action };
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

function parseObject(content: string): Record<string, unknown> | undefined {
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

/** The action of a view response, or undefined when the content is not one. `' '` marks free text. */
export function viewAction(contentType: string, content: string): string | undefined {
  if (contentType !== INTERACTIVE_RESPONSE_CONTENT_TYPE) return undefined;
  const action = parseObject(content)?.action;
  return typeof action === 'string' ? action : undefined;
}

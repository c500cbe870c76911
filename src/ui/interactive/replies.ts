// What the customer sends back for each interaction (chat-protocol.md §3.2), as pure functions.
// Exact wire shapes matter: bots and flows branch on them. Key order follows the hosted widget.
// They come with the templates' chunk; how a reply reads in the transcript (and the free text that
// answers a view, which the composer sends) is reply-view.ts, which the transcript needs for every chat.
import {
  INTERACTIVE_RESPONSE_CONTENT_TYPE,
  type InteractiveReply,
  type PagingAction,
  type PagingFields,
  type TimeSlot,
} from './types';

import { carouselDisplay, parseObject } from './reply-view';

export { carouselChoice, carouselDisplay, describeReply, viewFreeTextReply, type ReplyView } from './reply-view';

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

/** The action of a view response, or undefined when the content is not one. `' '` marks free text. */
export function viewAction(contentType: string, content: string): string | undefined {
  if (contentType !== INTERACTIVE_RESPONSE_CONTENT_TYPE) return undefined;
  const action = parseObject(content)?.action;
  return typeof action === 'string' ? action : undefined;
}

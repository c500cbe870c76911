// Keyboard focus across SHOW_MORE / PREVIOUS_OPTIONS. The flow answers a paging request with a new
// message (same referenceId) that replaces the list: a new transcript row, so the button that had
// the focus is gone and the focus falls back to the page. The request is remembered here, and the
// replacement list takes the focus when it arrives (if the focus is still nowhere in the widget).
import type { PagingFields } from './types';

/** A request older than this is not waited for any more (the flow did not answer it). */
const WAIT_MS = 60_000;

const pending = new Map<string, { page: string; at: number }>();

const pageKey = (paging: PagingFields): string => `${paging.preIndex ?? ''}:${paging.nextIndex ?? ''}:${paging.listId ?? ''}`;

/** Called when the customer asks for another page of the list `paging` describes. */
export function notePagingRequest(paging: PagingFields, now = Date.now()): void {
  if (paging.referenceId) pending.set(paging.referenceId, { page: pageKey(paging), at: now });
}

/**
 * True (once) when `paging` is a different page of a list the customer asked to page within the
 * last minute: the list that has just appeared should take the focus. The page the request came
 * from (remounted, e.g. while scrolling) does not count.
 */
export function takePagingFocus(paging: PagingFields, now = Date.now()): boolean {
  const ref = paging.referenceId;
  const request = ref ? pending.get(ref) : undefined;
  if (!ref || !request) return false;
  if (now - request.at > WAIT_MS) {
    pending.delete(ref);
    return false;
  }
  if (request.page === pageKey(paging)) return false;
  pending.delete(ref);
  return true;
}

/** True when nothing inside `el`'s document or shadow root has the focus (it fell to the page). */
export function focusIsLost(el: Element): boolean {
  const root = el.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  return !active || active === el.ownerDocument.body;
}

// Which GetTranscript calls to make, as pure planners (chat-protocol.md §1.10, §8).
//
// Gap fill, after every (re)connect: FORWARD from the last item we know, page after page until the
// service has nothing newer — not "the latest 15", which silently loses the middle of a long gap.
// If the service does not know our last Id any more, fall back to BACKWARD pages from the newest
// item until a page reaches an item we already have.
//
// Older history, on demand: BACKWARD from the oldest item we know (StartPosition.Id, then NextToken),
// and when a contact is exhausted, on to the earlier contacts of a persistent chat. The plan's state
// is here; the calls (older.ts) load when the customer first asks for older messages.
import type { GetTranscriptRequest, GetTranscriptResponse } from '../client/types.js';

export type TranscriptQuery = Omit<GetTranscriptRequest, 'ConnectionToken'>;

export type GapFillPlan =
  | { readonly mode: 'forward'; readonly from: string; readonly nextToken?: string; readonly pages: number }
  | { readonly mode: 'backward'; readonly nextToken?: string; readonly pages: number; readonly initial: boolean };

export type GapFillStep =
  | { readonly done: false; readonly plan: GapFillPlan }
  /** `reachedStart`: a BACKWARD load saw the beginning of the transcript (no older page exists). */
  | { readonly done: true; readonly reachedStart: boolean };

export interface GapFillOptions {
  /** Items per page (GetTranscript allows up to 100). */
  pageSize: number;
  /** Safety stop for a runaway pager. */
  maxPages: number;
}

export const defaultGapFill: GapFillOptions = { pageSize: 100, maxPages: 200 };

/** lastId: the newest item we know (undefined for a chat with no transcript yet). */
export function startGapFill(lastId: string | undefined): GapFillPlan {
  return lastId ? { mode: 'forward', from: lastId, pages: 0 } : { mode: 'backward', pages: 0, initial: true };
}

export function gapFillQuery(plan: GapFillPlan, options: GapFillOptions = defaultGapFill): TranscriptQuery {
  if (plan.mode === 'forward') {
    return {
      ScanDirection: 'FORWARD',
      SortOrder: 'ASCENDING',
      MaxResults: options.pageSize,
      StartPosition: { Id: plan.from },
      ...(plan.nextToken ? { NextToken: plan.nextToken } : {}),
    };
  }
  return {
    ScanDirection: 'BACKWARD',
    SortOrder: 'ASCENDING',
    MaxResults: options.pageSize,
    ...(plan.nextToken ? { NextToken: plan.nextToken } : {}),
  };
}

/**
 * The step after a page. `knew(id)`: whether the transcript had the item before this gap fill
 * (evaluated before the page is merged).
 */
export function gapFillNext(
  plan: GapFillPlan,
  response: GetTranscriptResponse,
  knew: (id: string) => boolean,
  options: GapFillOptions = defaultGapFill,
): GapFillStep {
  const pages = plan.pages + 1;
  const next = response.NextToken;
  if (plan.mode === 'forward') {
    if (!next || pages >= options.maxPages) return { done: true, reachedStart: false };
    return { done: false, plan: { ...plan, nextToken: next, pages } };
  }
  const items = response.Transcript ?? [];
  const overlaps = items.some((i) => i.Id !== undefined && knew(i.Id));
  // The very first load of a chat takes one page; older pages come on demand (loadOlder).
  if (plan.initial) return { done: true, reachedStart: !next };
  if (overlaps || !next || pages >= options.maxPages) return { done: true, reachedStart: !next };
  return { done: false, plan: { ...plan, nextToken: next, pages } };
}

/** After a FORWARD call failed because the service no longer knows the start Id. */
export function gapFillFallback(): GapFillPlan {
  return { mode: 'backward', pages: 0, initial: false };
}

// ---------------------------------------------------------------------------------------------
// Older history

export interface OlderPlan {
  /** Contact being paged (undefined = the current contact). */
  readonly target?: string;
  readonly nextToken?: string;
  /** Earlier contacts still to page, nearest first. */
  readonly queue: readonly string[];
  /** Contacts already exhausted or queued (never visited twice). */
  readonly seen: readonly string[];
  /** The current target has no more pages. */
  readonly targetDone: boolean;
}

export const initialOlderPlan: OlderPlan = { queue: [], seen: [], targetDone: false };

/** Learns about earlier contacts (RelatedContactId of rehydrated items, ContinuedFromContactId). */
export function noteRelatedContacts(plan: OlderPlan, contactIds: readonly (string | undefined)[], current?: string): OlderPlan {
  let { queue, seen } = plan;
  for (const id of contactIds) {
    if (!id || id === current || id === plan.target || seen.includes(id)) continue;
    queue = [...queue, id];
    seen = [...seen, id];
  }
  return queue === plan.queue ? plan : { ...plan, queue, seen };
}

/** The first load showed the whole transcript of the current contact. */
export function markTargetExhausted(plan: OlderPlan): OlderPlan {
  return { ...plan, targetDone: true, nextToken: undefined };
}

export function hasOlder(plan: OlderPlan): boolean {
  return !plan.targetDone || plan.queue.length > 0;
}

// Older history, page by page (chat-protocol.md §8): which GetTranscript call comes next and what
// it leaves. Loaded when the customer first asks for older messages; the plan itself is history.ts.
import type { GetTranscriptResponse } from '../client/types.js';
import type { OlderPlan, TranscriptQuery } from './history.js';
import type { ChatItem } from './transcript.js';

/** The next older-history call; `oldestId(contact)` is the oldest item we have of that contact. */
export function olderQuery(
  plan: OlderPlan,
  oldestId: (contactId: string | undefined) => string | undefined,
  pageSize = 100,
): { plan: OlderPlan; query: TranscriptQuery } | null {
  let current = plan;
  if (current.targetDone) {
    const [nextContact, ...rest] = current.queue;
    if (!nextContact) return null;
    current = { ...current, target: nextContact, queue: rest, nextToken: undefined, targetDone: false };
  }
  const query: TranscriptQuery = {
    ScanDirection: 'BACKWARD',
    SortOrder: 'ASCENDING',
    MaxResults: pageSize,
    ...(current.target ? { ContactId: current.target } : {}),
  };
  if (current.nextToken) query.NextToken = current.nextToken;
  else {
    const from = oldestId(current.target);
    if (from) query.StartPosition = { Id: from };
  }
  return { plan: current, query };
}

export function olderNext(plan: OlderPlan, response: GetTranscriptResponse): OlderPlan {
  if (response.NextToken) return { ...plan, nextToken: response.NextToken };
  return { ...plan, nextToken: undefined, targetDone: true };
}

/** Errors that mean an earlier contact cannot be read (any more): it is skipped, not retried. */
const UNREADABLE = ['ValidationException', 'ResourceNotFoundException', 'AccessDeniedException'];

/**
 * Fetches the next older page with `getTranscript`: the items and the plan after them, or null when
 * there is nothing older. An earlier contact that cannot be read is skipped (no items); any other
 * failure rejects.
 */
export async function fetchOlder(
  plan: OlderPlan,
  oldestId: (contactId: string | undefined) => string | undefined,
  pageSize: number,
  getTranscript: (query: TranscriptQuery) => Promise<GetTranscriptResponse>,
): Promise<{ plan: OlderPlan; items: ChatItem[] } | null> {
  const next = olderQuery(plan, oldestId, pageSize);
  if (!next) return null;
  try {
    const response = await getTranscript(next.query);
    return { plan: olderNext(next.plan, response), items: (response.Transcript ?? []) as ChatItem[] };
  } catch (error) {
    if (next.plan.target && UNREADABLE.includes((error as { name?: unknown } | null)?.name as string)) {
      return { plan: olderNext(next.plan, {}), items: [] };
    }
    throw error;
  }
}

// DescribeView's answer as the views renderer takes it (chat-protocol.md §7). Loaded with the first
// view a chat shows, like the renderer itself.
import type { View } from '../client/types.js';
import { ChatError } from './errors.js';
import type { ViewDescription } from './types.js';

function parse(text: string | undefined, what: string): unknown {
  if (text === undefined || text === '') return {};
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ChatError('view-failed', `The form could not be shown: its ${what} is not valid JSON.`, { cause });
  }
}

/** Throws ChatError 'view-failed' when there is no view or its template or schema is not JSON. */
export function describeView(view: View | undefined): ViewDescription {
  if (!view) throw new ChatError('view-failed', 'The form could not be loaded: the service returned no view.');
  return {
    id: view.Id ?? '',
    ...(view.Arn ? { arn: view.Arn } : {}),
    ...(view.Name ? { name: view.Name } : {}),
    ...(view.Version !== undefined ? { version: view.Version } : {}),
    template: parse(view.Content?.Template, 'Template'),
    inputSchema: parse(view.Content?.InputSchema, 'InputSchema'),
    actions: view.Content?.Actions ?? [],
  };
}

// Starting a chat: the `startChat` option is either the URL of a back end that speaks the
// customer-backend contract of Amazon's sample back end (chat-protocol.md §9) — POST
// {InstanceId?, ContactFlowId?, ParticipantDetails:{DisplayName}, Attributes?, InitialMessage?,
// SupportedMessagingContentTypes?, ChatDurationInMinutes?, PersistentChat?} answered by
// {"data":{"startChatResult":{ContactId, ParticipantId, ParticipantToken}}} — or an async function
// that returns those three values.
import { ChatError, describeCause } from './errors.js';
import type { SessionDetails } from './persistence.js';
import type { StartChatDetails, StartChatProvider, StartChatRequest } from './types.js';

export interface StartChatHttpOptions {
  /** Extra members of the POST body (e.g. InstanceId, ContactFlowId for the sample back end). */
  body?: Record<string, unknown>;
  /** Extra request headers (e.g. an API key of the site's back end). */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Gives up after this long (answer and body); none by default. */
  timeoutMs?: number;
  /**
   * Called when the back end refused the request's PersistentChat (a 4xx other than 401, 403, 429);
   * the start is then made once more without it. Without this, such a refusal fails the start.
   */
  onPersistentChatRefused?: (status: number) => void;
}

/** The POST body of the customer-backend contract. */
export function startChatBody(request: StartChatRequest, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...extra,
    ParticipantDetails: { DisplayName: request.displayName },
    ...(request.attributes && Object.keys(request.attributes).length ? { Attributes: request.attributes } : {}),
    ...(request.initialMessage ? { InitialMessage: { ContentType: 'text/plain', Content: request.initialMessage } } : {}),
    ...(request.supportedMessagingContentTypes?.length
      ? { SupportedMessagingContentTypes: request.supportedMessagingContentTypes }
      : {}),
    ...(request.chatDurationInMinutes ? { ChatDurationInMinutes: request.chatDurationInMinutes } : {}),
    ...(request.persistentChat ? { PersistentChat: request.persistentChat } : {}),
    ...(request.disconnectOnCustomerExit ? { DisconnectOnCustomerExit: ['AGENT'] } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Finds {ContactId, ParticipantId, ParticipantToken} in a back end's answer (the contract's or a flat one). */
export function parseStartChatResponse(body: unknown): StartChatDetails | null {
  const candidates: unknown[] = [];
  if (isRecord(body)) {
    const data = body.data;
    if (isRecord(data)) candidates.push(data.startChatResult, data);
    candidates.push(body.startChatResult, body);
  }
  for (const c of candidates) {
    if (!isRecord(c)) continue;
    const { ContactId, ParticipantId, ParticipantToken, ContinuedFromContactId, SignedContactId } = c;
    if (typeof ContactId === 'string' && typeof ParticipantId === 'string' && typeof ParticipantToken === 'string') {
      return {
        ContactId,
        ParticipantId,
        ParticipantToken,
        ...(typeof ContinuedFromContactId === 'string' ? { ContinuedFromContactId } : {}),
        ...(typeof SignedContactId === 'string' ? { SignedContactId } : {}),
      };
    }
  }
  return null;
}

/**
 * Calls the provider; every failure becomes a ChatError 'start-failed' that says what to check.
 * With `timeoutMs`, a back end that does not answer in time (or stalls in the middle of its body)
 * is given up on, and so is a function that does not settle.
 */
export async function startChat(
  provider: StartChatProvider,
  request: StartChatRequest,
  options: StartChatHttpOptions = {},
): Promise<StartChatDetails> {
  const { timeoutMs, signal: outer } = options;
  if (timeoutMs === undefined) return callProvider(provider, request, options);
  const controller = new AbortController();
  const forward = () => controller.abort(outer?.reason);
  if (outer?.aborted) forward();
  outer?.addEventListener('abort', forward, { once: true });
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      const where = typeof provider === 'function' ? 'the startChat function' : provider;
      reject(
        new ChatError(
          'start-failed',
          `The chat could not be started: ${where} did not answer within ${timeoutMs / 1000} s. Check the connection and try again; if it keeps happening, the site's chat back end needs attention.`,
        ),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([callProvider(provider, request, { ...options, signal: controller.signal }), expired]);
  } catch (error) {
    if (timedOut) return expired;
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}

async function callProvider(provider: StartChatProvider, request: StartChatRequest, options: StartChatHttpOptions): Promise<StartChatDetails> {
  if (typeof provider === 'function') {
    let result: unknown;
    try {
      result = await provider(request);
    } catch (cause) {
      throw new ChatError('start-failed', `The chat could not be started: ${describeCause(cause)}. Try again in a moment.`, { cause });
    }
    const details = parseStartChatResponse(result);
    if (!details) {
      throw new ChatError(
        'start-failed',
        'The startChat function returned no {ContactId, ParticipantId, ParticipantToken}. Make it resolve with the result of StartChatContact.',
      );
    }
    return details;
  }
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(provider, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(startChatBody(request, options.body)),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    throw new ChatError(
      'start-failed',
      `The chat could not be started: ${provider} did not answer (${describeCause(cause)}). Check the connection and try again.`,
      { cause },
    );
  }
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok && request.persistentChat && options.onPersistentChatRefused && refusesPersistentChat(response.status)) {
    options.onPersistentChatRefused(response.status);
    const { persistentChat: _refused, ...fresh } = request;
    return callProvider(provider, fresh, { ...options, onPersistentChatRefused: undefined });
  }
  if (!response.ok) {
    const said = isRecord(body) && typeof (body.message ?? body.Message) === 'string' ? `: ${String(body.message ?? body.Message)}` : '';
    throw new ChatError(
      'start-failed',
      `The chat could not be started: ${provider} answered HTTP ${response.status}${said}. Try again later; if it persists, the site's chat back end needs attention.`,
    );
  }
  const details = parseStartChatResponse(body);
  if (!details) {
    throw new ChatError(
      'start-failed',
      `The chat could not be started: ${provider} answered without {"data":{"startChatResult":{ContactId, ParticipantId, ParticipantToken}}}. Check that the URL points at a StartChatContact back end.`,
    );
  }
  return details;
}

/** A refusal of the request itself (not of who sends it, nor of how often): a retry without PersistentChat may pass. */
function refusesPersistentChat(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 429;
}

/** What a session keeps of a chat the back end started at `startedAt` (epoch ms). */
export function sessionFromStart(details: StartChatDetails, request: StartChatRequest, startedAt: number): SessionDetails {
  return {
    contactId: details.ContactId,
    participantId: details.ParticipantId,
    participantToken: details.ParticipantToken,
    displayName: request.displayName,
    supportedContentTypes: request.supportedMessagingContentTypes ?? [],
    startedAt: new Date(startedAt).toISOString(),
    // The service ends a chat after its duration (default 1500 minutes): a stored one is stale then.
    expiresAt: new Date(startedAt + (request.chatDurationInMinutes ?? 1500) * 60_000).toISOString(),
    ...(details.ContinuedFromContactId ? { continuedFromContactId: details.ContinuedFromContactId } : {}),
    ...(details.SignedContactId ? { signedContactId: details.SignedContactId } : {}),
  };
}

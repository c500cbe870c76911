// Leaving a message while chat is closed: the visitor's form goes to the site's back end
// (connect-chat-widget/server's createLeaveMessageHandler makes an Amazon Connect task of it) as
// POST {Fields, Attributes?, ClientToken}, or to a function. The ClientToken makes a retried send one
// message. Failures say what went wrong and, when the back end names one, which field.

export interface LeaveMessageRequest {
  /** The form's values by field name. */
  fields: Record<string, string>;
  /** Contact attributes of the page (the widget's `attributes`). */
  attributes?: Record<string, string>;
  /** The same for every try of one message. */
  clientToken: string;
}

export type LeaveMessageSubmit = string | ((request: LeaveMessageRequest) => Promise<unknown>);

export interface LeaveMessageOptions {
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  /** Give up after this long. Default 20 s. */
  timeoutMs?: number;
}

/** Why a message was not taken; `field` when the back end named the field at fault (its `field`). */
export class LeaveMessageError extends Error {
  override name = 'LeaveMessageError';
  constructor(
    message: string,
    readonly field?: string,
    /** The back end refused the message itself (4xx): sending it again unchanged will not help. */
    readonly refused = false,
  ) {
    super(message);
  }
}

async function post(url: string, request: LeaveMessageRequest, options: LeaveMessageOptions, signal: AbortSignal): Promise<void> {
  const body = {
    Fields: request.fields,
    ...(request.attributes && Object.keys(request.attributes).length ? { Attributes: request.attributes } : {}),
    ClientToken: request.clientToken,
  };
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new LeaveMessageError(`${url} did not answer (${error instanceof Error ? error.message : String(error)})`);
  }
  if (response.ok) {
    // Read to the end: an answer left unread is cut off (a failed request) when the page moves on.
    await response.text().catch(() => '');
    return;
  }
  const answer = (await response.json().catch(() => ({}))) as { message?: unknown; field?: unknown };
  const said = typeof answer.message === 'string' ? `: ${answer.message}` : '';
  const field = typeof answer.field === 'string' ? answer.field : undefined;
  const refused = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
  throw new LeaveMessageError(`${url} answered HTTP ${response.status}${said}`, field, refused);
}

export async function leaveMessage(submit: LeaveMessageSubmit, request: LeaveMessageRequest, options: LeaveMessageOptions = {}): Promise<void> {
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? 20_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new LeaveMessageError(`the message could not be sent: no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
  });
  const sending =
    typeof submit === 'function'
      ? Promise.resolve()
          .then(() => submit(request))
          .then(
            () => undefined,
            (error: unknown) => {
              throw error instanceof LeaveMessageError ? error : new LeaveMessageError(error instanceof Error ? error.message : String(error));
            },
          )
      : post(submit, request, options, controller.signal);
  try {
    await Promise.race([sending, late]);
  } finally {
    clearTimeout(timer);
  }
}

// The handler's answers: JSON always, errors as {code, message} (what the widget shows), never a stack.

/** A request the handler refuses, or a failure it reports: the HTTP status, a stable code, a message for people. */
export class StartChatRefusal extends Error {
  override name = 'StartChatRefusal';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    options?: ErrorOptions & { field?: string },
  ) {
    super(message, options);
    if (options?.field !== undefined) this.field = options.field;
  }

  /** The form field at fault, when there is one (the leave-message handler). */
  readonly field?: string;
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers },
  });
}

export function refusalResponse(refusal: StartChatRefusal, headers: Record<string, string> = {}): Response {
  const body = { code: refusal.code, message: refusal.message, ...(refusal.field !== undefined ? { field: refusal.field } : {}) };
  return jsonResponse(refusal.status, body, { ...headers, ...refusal.headers });
}

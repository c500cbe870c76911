// The handler's answers: JSON always, errors as {code, message} (what the widget shows), never a stack.

/** A request the handler refuses, or a failure it reports: the HTTP status, a stable code, a message for people. */
export class StartChatRefusal extends Error {
  override name = 'StartChatRefusal';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers },
  });
}

export function refusalResponse(refusal: StartChatRefusal, headers: Record<string, string> = {}): Response {
  return jsonResponse(refusal.status, { code: refusal.code, message: refusal.message }, { ...headers, ...refusal.headers });
}

// toLambdaHandler: the handler for AWS Lambda behind an API Gateway HTTP API (payload format 2.0) or a
// Lambda function URL (the same format). The client address is API Gateway's sourceIp.
import type { StartChatHandler } from './handler.js';

/** The members of a payload 2.0 event the adapter reads. */
export interface LambdaHttpEvent {
  version?: string;
  rawPath?: string;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  cookies?: string[];
  body?: string | null;
  isBase64Encoded?: boolean;
  requestContext?: { domainName?: string; http?: { method?: string; sourceIp?: string } };
  /** Present on REST API (payload 1.0) events only, which this adapter refuses. */
  httpMethod?: string;
}

export interface LambdaHttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}


function toRequest(event: LambdaHttpEvent): Request {
  const method = event.requestContext?.http?.method ?? 'GET';
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers.set(name, value);
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const url = new URL(`${event.rawPath ?? '/'}${query}`, `https://${event.requestContext?.domainName ?? 'lambda.invalid'}`);
  const body = event.body == null || method === 'GET' || method === 'HEAD' ? undefined : event.isBase64Encoded ? Buffer.from(event.body, 'base64') : event.body;
  return new Request(url, { method, headers, ...(body !== undefined ? { body } : {}) });
}

export function toLambdaHandler(handler: StartChatHandler): (event: LambdaHttpEvent) => Promise<LambdaHttpResult> {
  return async (event) => {
    if (event.httpMethod !== undefined || event.version === '1.0' || event.requestContext?.http === undefined) {
      return {
        statusCode: 500,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
          code: 'unsupported-event',
          message: 'toLambdaHandler takes API Gateway HTTP API events with payload format 2.0, or function URL events; set the integration\'s payload format version to 2.0',
        }),
        isBase64Encoded: false,
      };
    }
    const sourceIp = event.requestContext.http.sourceIp;
    const response = await handler(toRequest(event), sourceIp ? { clientAddress: sourceIp } : {});
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return { statusCode: response.status, headers, body: await response.text(), isBase64Encoded: false };
  };
}

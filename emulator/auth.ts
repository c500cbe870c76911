// The local sign-in page behind GetAuthenticationUrl: the customer signs in (authentication.succeeded,
// optionally with a new display name) or fails (authentication.failed), then goes back to RedirectUri.
// Plain HTML forms: no script, no inline style, so it works under any CSP.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatActions } from './chat-actions.js';
import { readBody, sendBody } from './http.js';
import type { EmulatorState } from './store.js';

export const AUTH_PATH = '/emulator/auth/';

const PAGE_CSP = "default-src 'none'; form-action 'self' http: https:; base-uri 'none'; frame-ancestors *";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

export async function handleAuthPage(
  req: IncomingMessage,
  res: ServerResponse,
  sessionId: string,
  state: EmulatorState,
  actions: ChatActions,
): Promise<void> {
  const session = state.authSessions.get(sessionId);
  const html = (status: number, title: string, body: string): void =>
    sendBody(res, status, page(title, body), 'text/html; charset=utf-8', { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' });
  if (!session) return html(404, 'Sign-in not found', '<p>This sign-in link is not known to the emulator.</p>');
  if (session.state !== 'url-issued') {
    return html(410, 'Sign-in no longer available', `<p>This sign-in is ${escapeHtml(session.state)}. Ask for a new one in the chat.</p>`);
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    const action = `${AUTH_PATH}${encodeURIComponent(sessionId)}`;
    return html(
      200,
      'Sign in (Amazon Connect emulator)',
      `<p>The chat asks you to sign in. This page stands in for your identity provider.</p>` +
        `<form method="post" action="${escapeHtml(action)}">` +
        `<p><label>Name after sign-in <input name="displayName" value="${escapeHtml(session.participant.displayName)}" maxlength="256"></label></p>` +
        `<p><button type="submit" name="outcome" value="succeeded">Sign in</button> ` +
        `<button type="submit" name="outcome" value="failed">Fail sign-in</button></p></form>`,
    );
  }
  if (req.method !== 'POST') return html(405, 'Method not allowed', '<p>Use the form.</p>');
  const form = new URLSearchParams((await readBody(req, 16_384)).toString('utf8'));
  const outcome = form.get('outcome');
  if (outcome !== 'succeeded' && outcome !== 'failed') {
    return html(400, 'Sign-in failed', '<p>The form must send outcome=succeeded or outcome=failed.</p>');
  }
  const displayName = (form.get('displayName') ?? '').trim().slice(0, 256);
  actions.finishAuthentication(session, outcome, displayName || undefined);
  const redirect = new URL(session.redirectUri as string);
  redirect.searchParams.set('SessionId', sessionId);
  redirect.searchParams.set('outcome', outcome);
  res.writeHead(303, { location: redirect.toString(), 'cache-control': 'no-store' });
  res.end();
}

// Customer authentication (chat-protocol.md §2: authentication.initiated carries a SessionId).
// The popup is opened synchronously in the click handler (popup blockers allow only that), then
// pointed at the sign-in URL once GetAuthenticationUrl answers; the result arrives as a notice.
import type { Ui } from './state';

let popup: Window | null = null;

export async function signIn(ui: Ui, sessionId: string): Promise<void> {
  popup?.close();
  popup = window.open('', 'cw-auth', 'popup,width=480,height=680');
  if (!popup) {
    ui.auth.value = { sessionId, state: 'blocked' };
    return;
  }
  ui.auth.value = { sessionId, state: 'waiting' };
  try {
    const redirect = ui.config.authRedirectUri ?? location.href.split(/[?#]/)[0];
    const url = await ui.session.getAuthenticationUrl(sessionId, redirect);
    if (!/^https?:\/\//i.test(url)) throw new Error('sign-in URL is not http(s)');
    // The opener link is kept on purpose: severing it lets Chromium move the popup to a new
    // browsing context group, and the widget could no longer close it when the result arrives.
    // The sign-in URL comes from the service and leads to the site owner's identity provider.
    popup.location.href = url;
  } catch {
    popup.close();
    popup = null;
    ui.auth.value = { sessionId, state: 'failed' };
  }
}

export function cancelSignIn(ui: Ui): void {
  const auth = ui.auth.peek();
  endSignIn(ui);
  if (auth) void ui.session.cancelAuthentication(auth.sessionId).catch(() => {});
}

/** A result arrived (succeeded, failed, timeout, …): close the popup, drop the progress. */
export function endSignIn(ui: Ui): void {
  popup?.close();
  popup = null;
  ui.auth.value = null;
}

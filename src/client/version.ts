/** This package's version, sent in X-Amz-User-Agent (a test keeps it equal to package.json's). */
export const CLIENT_VERSION = '0.1.0';

/** The X-Amz-User-Agent value: our product token, then the caller's customUserAgent. */
export function userAgent(customUserAgent?: string): string {
  const base = `connect-chat-widget/${CLIENT_VERSION} api/connectparticipant`;
  return customUserAgent ? `${base} ${customUserAgent}` : base;
}

// Customer authentication: authentication.* events and the local sign-in page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { connect, emulator, FrameSocket, json, manualClock, startChat } from './testing/helpers.js';

const EVENT = 'application/vnd.amazonaws.connect.event.authentication.';
const clock = manualClock(Date.now());
let emu: Emulator;
beforeAll(async () => {
  emu = await emulator({ now: clock.now });
});
afterAll(async () => {
  await emu.close();
});

async function authenticatingChat() {
  const chat = await startChat(emu.url, { ParticipantDetails: { DisplayName: 'Guest' } });
  const connection = await connect(emu.url, chat.participantToken);
  const socket = await FrameSocket.subscribed(connection.websocketUrl);
  const started = await json<{ SessionId: string }>(`${emu.url}/emulator/contacts/${chat.contactId}/authentication`, { body: {} });
  const sessionId = started.body.SessionId;
  const initiated = await socket.waitForItem((i) => i.ContentType === `${EVENT}initiated`);
  expect(JSON.parse(initiated.Content as string)).toEqual({ SessionId: sessionId });
  const authenticationUrl = (redirect = 'http://127.0.0.1:1/chat') =>
    json<{ AuthenticationUrl: string; message?: string }>(`${emu.url}/participant/authentication-url`, {
      body: { SessionId: sessionId, RedirectUri: redirect },
      headers: { 'x-amz-bearer': connection.connectionToken },
    });
  return { chat, connection, socket, sessionId, authenticationUrl };
}

const submit = (url: string, form: Record<string, string>) =>
  fetch(url, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });

describe('sign-in page', () => {
  it('succeeds: authentication.succeeded, a new display name, and a redirect back', async () => {
    const { socket, sessionId, authenticationUrl, chat } = await authenticatingChat();
    const { body } = await authenticationUrl();
    const page = await fetch(body.AuthenticationUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await page.text();
    expect(html).toContain('value="Guest"');
    expect(html).not.toMatch(/<script|style=/);
    const done = await submit(body.AuthenticationUrl, { outcome: 'succeeded', displayName: 'Jane <Doe>' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`http://127.0.0.1:1/chat?SessionId=${sessionId}&outcome=succeeded`);
    const succeeded = await socket.waitForItem((i) => i.ContentType === `${EVENT}succeeded`);
    expect(JSON.parse(succeeded.Content as string)).toEqual({ SessionId: sessionId });
    const renamed = await socket.waitForItem((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.participant.displayname.updated');
    expect(renamed).toMatchObject({ DisplayName: 'Jane <Doe>', ParticipantId: chat.participantId });
    expect((await fetch(body.AuthenticationUrl)).status).toBe(410);
    socket.close();
  });

  it('fails: authentication.failed', async () => {
    const { socket, authenticationUrl } = await authenticatingChat();
    const { body } = await authenticationUrl();
    expect((await submit(body.AuthenticationUrl, { outcome: 'failed' })).status).toBe(303);
    await socket.waitForItem((i) => i.ContentType === `${EVENT}failed`);
    socket.close();
  });

  it('cancelled by the customer: authentication.cancelled and the page is gone', async () => {
    const { socket, sessionId, authenticationUrl, connection } = await authenticatingChat();
    const { body } = await authenticationUrl();
    const cancel = await json(`${emu.url}/participant/cancel-authentication`, { body: { SessionId: sessionId }, headers: { 'x-amz-bearer': connection.connectionToken } });
    expect(cancel.status).toBe(200);
    await socket.waitForItem((i) => i.ContentType === `${EVENT}cancelled`);
    expect((await fetch(body.AuthenticationUrl)).status).toBe(410);
    socket.close();
  });

  it('expired: GetAuthenticationUrl more than 60 s after initiated is refused and emits authentication.expired', async () => {
    const { socket, authenticationUrl } = await authenticatingChat();
    clock.advance(61_000);
    const late = await authenticationUrl();
    expect(late.status).toBe(400);
    expect(late.body.message).toMatch(/within 60 seconds/);
    await socket.waitForItem((i) => i.ContentType === `${EVENT}expired`);
    socket.close();
  });

  it('timeout: no outcome within the limit emits authentication.timeout', async () => {
    const quick = await emulator({ authenticationTimeoutSeconds: 0.2 });
    try {
      const chat = await startChat(quick.url);
      const { websocketUrl } = await connect(quick.url, chat.participantToken);
      const socket = await FrameSocket.subscribed(websocketUrl);
      await json(`${quick.url}/emulator/contacts/${chat.contactId}/authentication`, { body: {} });
      await socket.waitForItem((i) => i.ContentType === `${EVENT}initiated`);
      await socket.waitForItem((i) => i.ContentType === `${EVENT}timeout`);
      socket.close();
    } finally {
      await quick.close();
    }
  });

  it('refuses a RedirectUri that is not an http(s) URL', async () => {
    const { socket, authenticationUrl } = await authenticatingChat();
    expect((await authenticationUrl('javascript:alert(1)')).status).toBe(400);
    expect((await authenticationUrl('/relative')).body.message).toMatch(/not an absolute URL/);
    socket.close();
  });
});

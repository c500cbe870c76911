// postChatSurvey against the emulator's built-in survey: the visitor's end keeps the chat open for the
// disconnect flow (phase wrapping-up), the visitor answers, chat.ended closes it; end() again closes at
// once; postChatTimeoutMs bounds the wait; an agent's end runs the same survey. (issue 15)
import { describe, expect, it } from 'vitest';
import type { ChatSession } from './chat-session.js';
import { AgentPeer, customerSession, until } from './testing/harness.js';
import { emulatorPerTest } from './testing/per-test.js';
import type { ChatSessionEvents, MessageEntry, TranscriptEntry } from './types.js';

const t = emulatorPerTest({ disconnectFlow: 'survey' });
const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';
const RESPONSE = `${INTERACTIVE}.response`;

interface ContactRecord {
  State: string;
  DisconnectOnCustomerExit?: string[];
  Survey?: { State: string; Answers: Record<string, string> };
}
const record = async (contactId: string): Promise<ContactRecord> => (await fetch(`${t.emu.url}/emulator/contacts/${contactId}`)).json() as Promise<ContactRecord>;
const fromFlow = (entries: readonly TranscriptEntry[], includes: string): MessageEntry | undefined =>
  entries.find((e): e is MessageEntry => e.kind === 'message' && !e.own && e.contentType === INTERACTIVE && e.content.includes(includes));
const rate = (rating: string) => JSON.stringify({ templateType: 'ViewResource', version: '1.0', action: 'Rate', data: { Rating: rating } });

async function surveyChat(options: Parameters<typeof customerSession>[0]['options'] = {}): Promise<{ session: ChatSession; contactId: string; ended: () => ChatSessionEvents['chatEnded'] | undefined }> {
  const session = customerSession({ emu: t.emu, options: { postChatSurvey: true, ...options } });
  t.later(() => session.close());
  let detail: ChatSessionEvents['chatEnded'] | undefined;
  session.on('chatEnded', (d) => (detail = d));
  await session.start();
  return { session, contactId: session.contactId.value as string, ended: () => detail };
}

describe('postChatSurvey', () => {
  it('the visitor ends: wrapping-up, the survey is answered, chat.ended ends it; chatEnded says it was answered', async () => {
    const { session, contactId, ended } = await surveyChat();
    expect((await record(contactId)).DisconnectOnCustomerExit).toEqual(['AGENT']);
    const agent = await AgentPeer.join(t.emu, contactId);
    t.later(() => agent.close());

    const ending = session.end();
    await until(session.phase, (p) => p === 'wrapping-up', 8000, 'wrapping-up');
    await until(session.transcript, (e) => fromFlow(e, 'ViewResource') !== undefined, 8000, 'the survey view');
    await session.send(rate('4'), RESPONSE);
    await until(session.transcript, (e) => fromFlow(e, 'QuickReply') !== undefined, 8000, 'the comment question');
    expect(session.phase.value).toBe('wrapping-up');
    await session.send('Quick and kind');
    await ending;
    expect(session.phase.value).toBe('ended');
    expect(ended()).toEqual({ contactId, surveyAnswered: true });
    expect((await record(contactId)).Survey).toMatchObject({ State: 'answered', Answers: { rating: '4', comment: 'Quick and kind' } });
  });

  it('end() during the survey closes at once: nothing hangs, the survey is left unanswered', async () => {
    const { session, contactId, ended } = await surveyChat();
    const ending = session.end();
    await until(session.transcript, (e) => fromFlow(e, 'ViewResource') !== undefined, 8000, 'the survey view');
    await session.end();
    await ending;
    expect(session.phase.value).toBe('ended');
    expect(ended()).toEqual({ contactId, surveyAnswered: false });
    // The contact is still in its flow; the emulator ends it when the flow times out.
    expect((await record(contactId)).Survey?.State).toBe('pending');
  });

  it('postChatTimeoutMs bounds the wait when the flow never ends the chat', async () => {
    const { session, ended } = await surveyChat({ postChatTimeoutMs: 400 });
    const started = Date.now();
    await session.end();
    expect(session.phase.value).toBe('ended');
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(ended()?.surveyAnswered).toBe(false);
  });

  it('the agent ends: the survey arrives while the chat is active, the answer counts', async () => {
    const { session, contactId, ended } = await surveyChat();
    const agent = await AgentPeer.join(t.emu, contactId);
    t.later(() => agent.close());
    await until(session.transcript, (e) => e.some((x) => x.kind === 'notice' && x.event === 'joined' && x.role === 'AGENT'), 8000, 'the agent joined');
    await agent.leave();
    await until(session.transcript, (e) => fromFlow(e, 'ViewResource') !== undefined, 8000, 'the survey view');
    expect(session.phase.value).toBe('active');
    await session.send(rate('5'), RESPONSE);
    await until(session.transcript, (e) => fromFlow(e, 'QuickReply') !== undefined, 8000, 'the comment question');
    await session.send('No comment');
    await until(session.phase, (p) => p === 'ended', 8000, 'ended');
    expect(ended()).toEqual({ contactId, surveyAnswered: true });
    expect((await record(contactId)).Survey).toMatchObject({ State: 'answered', Answers: { rating: '5' } });
  });

  it('a contact without a disconnect flow ends as before, with surveyAnswered false', async () => {
    const { session, contactId, ended } = await surveyChat();
    await fetch(`${t.emu.url}/emulator/contacts/${contactId}/disconnect-flow`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"flow":null}' });
    await session.end();
    expect(session.phase.value).toBe('ended');
    expect(ended()).toEqual({ contactId, surveyAnswered: false });
    expect((await record(contactId)).State).toBe('ended');
  });

  it('without postChatSurvey nothing changes: no DisconnectOnCustomerExit, chatEnded without surveyAnswered', async () => {
    const session = customerSession({ emu: t.emu });
    t.later(() => session.close());
    let detail: ChatSessionEvents['chatEnded'] | undefined;
    session.on('chatEnded', (d) => (detail = d));
    await session.start();
    const contactId = session.contactId.value as string;
    expect((await record(contactId)).DisconnectOnCustomerExit).toBeUndefined();
    await session.end();
    expect(detail).toEqual({ contactId });
  });
});

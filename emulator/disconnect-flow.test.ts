// The disconnect flow: DisconnectOnCustomerExit keeps the customer in the contact's disconnect flow
// after they end the chat; the last agent leaving runs it too. The built-in `survey` (rating view,
// optional comment, answers on the record), the timeout, plugin flows and the per-contact switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import createDemoBot from './bot/index.js';
import type { EmulatorPlugin } from './plugins.js';
import { NO_COMMENT, readAnswer, SURVEY_TEXT } from './survey.js';
import { addParticipant, connect, emulator, FrameSocket, json, startChat } from './testing/helpers.js';
import type { ChatItem, ContactInfo } from './types.js';

const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';
const RESPONSE = 'application/vnd.amazonaws.connect.message.interactive.response';
const ENDED = 'application/vnd.amazonaws.connect.event.chat.ended';
const LEFT = 'application/vnd.amazonaws.connect.event.participant.left';
const WITH_RESPONSES = { SupportedMessagingContentTypes: ['text/plain', RESPONSE] };

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator({ disconnectFlow: 'survey' });
});
afterAll(async () => {
  await emu.close();
});

async function chatWithAgent(extra: Record<string, unknown> = WITH_RESPONSES) {
  const chat = await startChat(emu.url, extra);
  const customer = await connect(emu.url, chat.participantToken);
  const socket = await FrameSocket.subscribed(customer.websocketUrl);
  const agentCredentials = await addParticipant(emu.url, chat.contactId);
  const agent = await connect(emu.url, agentCredentials.participantToken);
  return { chat, customer, socket, agent, agentId: agentCredentials.participantId };
}

const call = (path: string, token: string, body: unknown = {}) => json(`${emu.url}/participant/${path}`, { body, headers: { 'x-amz-bearer': token } });
const say = (token: string, Content: string, ContentType = 'text/plain') => call('message', token, { ContentType, Content });
const record = async (contactId: string) => (await json<ContactInfo>(`${emu.url}/emulator/contacts/${contactId}`)).body;

describe('the customer ends a chat started with DisconnectOnCustomerExit ["AGENT"]', () => {
  it('the agent leaves, the customer stays for the survey: rating view, comment, answers on the record, then chat.ended', async () => {
    const { chat, customer, socket, agentId } = await chatWithAgent({ ...WITH_RESPONSES, DisconnectOnCustomerExit: ['AGENT'] });
    expect(await record(chat.contactId)).toMatchObject({ DisconnectOnCustomerExit: ['AGENT'], DisconnectFlow: { Name: 'survey', State: 'waiting' } });

    expect((await call('disconnect', customer.connectionToken)).status).toBe(200);
    await socket.waitForItem((i) => i.ContentType === LEFT && i.ParticipantId === agentId);
    const view = await socket.waitForItem((i) => i.ContentType === INTERACTIVE);
    const content = JSON.parse(view.Content as string) as { templateType: string; data: { content: { viewToken: string } } };
    expect(content.templateType).toBe('ViewResource');
    const described = await json<{ View: { Name: string } }>(`${emu.url}/participant/views/${encodeURIComponent(content.data.content.viewToken)}`, {
      headers: { 'x-amz-bearer': customer.connectionToken },
    });
    expect(described.body.View.Name).toBe('PostChatSurvey');
    expect(await record(chat.contactId)).toMatchObject({ State: 'active', DisconnectFlow: { State: 'running' }, Survey: { State: 'pending' } });
    // The customer never left: the participant event is the agent's only.
    expect(socket.items().filter((i) => i.ContentType === LEFT).map((i) => i.ParticipantId)).toEqual([agentId]);

    const rated = await say(customer.connectionToken, JSON.stringify({ templateType: 'ViewResource', version: '1.0', action: 'Rate', data: { Rating: '4' } }), RESPONSE);
    expect(rated.status).toBe(200);
    const question = await socket.waitForItem((i) => i.ContentType === INTERACTIVE && (i.Content ?? '').includes('QuickReply'));
    expect(question.Content).toContain(NO_COMMENT);
    await say(customer.connectionToken, 'Quick and kind, thanks');
    await socket.waitForItem((i) => i.Content === SURVEY_TEXT.thanks);
    await socket.waitForItem((i) => i.ContentType === ENDED);
    const after = await record(chat.contactId);
    expect(after).toMatchObject({ State: 'ended', DisconnectFlow: { State: 'done' }, Survey: { State: 'answered', Answers: { rating: '4', comment: 'Quick and kind, thanks' } } });
    expect(after.Survey?.AnsweredAt).toMatch(/^\d{4}-/);
    socket.close();
  });

  it('Skip records a skipped survey; "No comment" records the rating alone', async () => {
    const skip = await chatWithAgent({ ...WITH_RESPONSES, DisconnectOnCustomerExit: ['AGENT'] });
    await call('disconnect', skip.customer.connectionToken);
    await skip.socket.waitForItem((i) => i.ContentType === INTERACTIVE);
    await say(skip.customer.connectionToken, JSON.stringify({ templateType: 'ViewResource', version: '1.0', action: 'Skip', data: {} }), RESPONSE);
    await skip.socket.waitForItem((i) => i.ContentType === ENDED);
    expect((await record(skip.chat.contactId)).Survey).toMatchObject({ State: 'skipped', Answers: {} });

    const rateOnly = await chatWithAgent({ ...WITH_RESPONSES, DisconnectOnCustomerExit: ['AGENT'] });
    await call('disconnect', rateOnly.customer.connectionToken);
    await rateOnly.socket.waitForItem((i) => i.ContentType === INTERACTIVE);
    await say(rateOnly.customer.connectionToken, '5');
    await rateOnly.socket.waitForItem((i) => (i.Content ?? '').includes('QuickReply'));
    await say(rateOnly.customer.connectionToken, NO_COMMENT);
    await rateOnly.socket.waitForItem((i) => i.ContentType === ENDED);
    expect((await record(rateOnly.chat.contactId)).Survey).toEqual(expect.objectContaining({ State: 'answered', Answers: { rating: '5' } }));
  });

  it('asks in text when the chat cannot carry interactive replies', async () => {
    const { chat, customer, socket } = await chatWithAgent({ DisconnectOnCustomerExit: ['AGENT'] });
    await call('disconnect', customer.connectionToken);
    await socket.waitForItem((i) => i.Content === SURVEY_TEXT.ratingQuestion);
    await say(customer.connectionToken, 'great');
    await socket.waitForItem((i) => i.Content === SURVEY_TEXT.ratingAgain);
    await say(customer.connectionToken, '3');
    await socket.waitForItem((i) => i.Content === SURVEY_TEXT.commentQuestion);
    await say(customer.connectionToken, 'ok');
    await socket.waitForItem((i) => i.ContentType === ENDED);
    expect((await record(chat.contactId)).Survey?.Answers).toEqual({ rating: '3', comment: 'ok' });
  });

  it('leaving again during the survey ends the chat; the survey stays unanswered', async () => {
    const { chat, customer, socket } = await chatWithAgent({ ...WITH_RESPONSES, DisconnectOnCustomerExit: ['AGENT'] });
    await call('disconnect', customer.connectionToken);
    await socket.waitForItem((i) => i.ContentType === INTERACTIVE);
    await call('disconnect', customer.connectionToken);
    await socket.waitForItem((i) => i.ContentType === ENDED);
    expect(await record(chat.contactId)).toMatchObject({ State: 'ended', Survey: { State: 'unanswered' } });
  });

  it('without DisconnectOnCustomerExit the customer leaving ends the chat at once, as before', async () => {
    const { chat, customer, socket } = await chatWithAgent();
    await call('disconnect', customer.connectionToken);
    await socket.waitForItem((i) => i.ContentType === ENDED);
    const after = await record(chat.contactId);
    expect(after.State).toBe('ended');
    expect(after.Survey).toBeUndefined();
    expect(socket.items().some((i) => i.ContentType === INTERACTIVE)).toBe(false);
  });
});

describe('the agent ends the chat', () => {
  it('the last agent leaving runs the survey for the customer, who is still in the chat', async () => {
    const { chat, socket, customer, agent } = await chatWithAgent();
    await call('disconnect', agent.connectionToken);
    await socket.waitForItem((i) => i.ContentType === INTERACTIVE);
    expect((await record(chat.contactId)).DisconnectFlow).toEqual({ Name: 'survey', State: 'running' });
    await say(customer.connectionToken, JSON.stringify({ templateType: 'ViewResource', version: '1.0', action: 'Rate', data: { Rating: '2' } }), RESPONSE);
    await socket.waitForItem((i) => (i.Content ?? '').includes('QuickReply'));
    await say(customer.connectionToken, 'It took a while');
    await socket.waitForItem((i) => i.ContentType === ENDED);
    expect((await record(chat.contactId)).Survey?.Answers).toEqual({ rating: '2', comment: 'It took a while' });
  });
});

describe('timeouts, switches and plugins', () => {
  it('an unanswered survey ends the chat after disconnectFlowTimeoutSeconds', async () => {
    const quick = await emulator({ disconnectFlow: 'survey', disconnectFlowTimeoutSeconds: 0.3 });
    try {
      const chat = await startChat(quick.url, { ...WITH_RESPONSES, DisconnectOnCustomerExit: ['AGENT'] });
      const customer = await connect(quick.url, chat.participantToken);
      const socket = await FrameSocket.subscribed(customer.websocketUrl);
      await json(`${quick.url}/participant/disconnect`, { body: {}, headers: { 'x-amz-bearer': customer.connectionToken } });
      await socket.waitForItem((i) => i.ContentType === INTERACTIVE);
      await socket.waitForItem((i) => i.ContentType === ENDED);
      const after = (await json<ContactInfo>(`${quick.url}/emulator/contacts/${chat.contactId}`)).body;
      expect(after).toMatchObject({ State: 'ended', DisconnectFlow: { State: 'done' }, Survey: { State: 'unanswered', Answers: {} } });
    } finally {
      await quick.close();
    }
  });

  it('POST /emulator/contacts/{id}/disconnect-flow turns one contact\'s flow on or off', async () => {
    const plain = await emulator();
    try {
      const chat = await startChat(plain.url, { ...WITH_RESPONSES, DisconnectOnCustomerExit: ['AGENT'] });
      expect((await json<ContactInfo>(`${plain.url}/emulator/contacts/${chat.contactId}`)).body.DisconnectFlow).toBeUndefined();
      const bad = await json<{ message: string }>(`${plain.url}/emulator/contacts/${chat.contactId}/disconnect-flow`, { body: { flow: 'poll' } });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/"survey" \| "plugin"/);
      const set = await json<ContactInfo>(`${plain.url}/emulator/contacts/${chat.contactId}/disconnect-flow`, { body: { flow: 'survey' } });
      expect(set.body.DisconnectFlow).toEqual({ Name: 'survey', State: 'waiting' });
      const customer = await connect(plain.url, chat.participantToken);
      const socket = await FrameSocket.subscribed(customer.websocketUrl);
      await json(`${plain.url}/participant/disconnect`, { body: {}, headers: { 'x-amz-bearer': customer.connectionToken } });
      await socket.waitForItem((i) => i.ContentType === INTERACTIVE);
      const late = await json(`${plain.url}/emulator/contacts/${chat.contactId}/disconnect-flow`, { body: { flow: null } });
      expect(late.status).toBe(400);
    } finally {
      await plain.close();
    }
  });

  it('a plugin with onDisconnectFlow runs the flow: its posts, recordSurvey and end()', async () => {
    const answers: ChatItem[] = [];
    const plugin: EmulatorPlugin = {
      name: 'exit-poll',
      onDisconnectFlow(contact) {
        expect(contact.inDisconnectFlow).toBe(true);
        contact.sendText('Would you recommend us? yes / no');
      },
      onItem(contact, item) {
        if (!contact.inDisconnectFlow || item.ParticipantRole !== 'CUSTOMER' || item.Type !== 'MESSAGE') return;
        answers.push(item);
        contact.recordSurvey({ recommend: item.Content ?? '' });
        contact.end();
      },
    };
    const withPlugin = await emulator({ plugins: [plugin] });
    try {
      const chat = await startChat(withPlugin.url, { DisconnectOnCustomerExit: ['AGENT'] });
      expect((await json<ContactInfo>(`${withPlugin.url}/emulator/contacts/${chat.contactId}`)).body.DisconnectFlow?.Name).toBe('plugin');
      const customer = await connect(withPlugin.url, chat.participantToken);
      const socket = await FrameSocket.subscribed(customer.websocketUrl);
      await json(`${withPlugin.url}/participant/disconnect`, { body: {}, headers: { 'x-amz-bearer': customer.connectionToken } });
      await socket.waitForItem((i) => i.Content === 'Would you recommend us? yes / no');
      await json(`${withPlugin.url}/participant/message`, { body: { ContentType: 'text/plain', Content: 'yes' }, headers: { 'x-amz-bearer': customer.connectionToken } });
      await socket.waitForItem((i) => i.ContentType === ENDED);
      expect(answers.map((i) => i.Content)).toEqual(['yes']);
      expect((await json<ContactInfo>(`${withPlugin.url}/emulator/contacts/${chat.contactId}`)).body.Survey).toMatchObject({ State: 'answered', Answers: { recommend: 'yes' } });
    } finally {
      await withPlugin.close();
    }
  });
});

describe('the demo bot', () => {
  it('leaves the customer\'s survey answers to the disconnect flow', async () => {
    // The bot as a plugin with no reply delay, so a reply to the survey answers would come at once.
    const context = { url: 'http://127.0.0.1:8787', contact: () => undefined, liveContacts: () => [] };
    const bot = await emulator({ disconnectFlow: 'survey', plugins: [createDemoBot(context, { timing: { reply: 0, between: 0, chunk: 0 } })] });
    try {
      const chat = await startChat(bot.url, { ...WITH_RESPONSES, DisconnectOnCustomerExit: ['AGENT'] });
      const customer = await connect(bot.url, chat.participantToken);
      const socket = await FrameSocket.subscribed(customer.websocketUrl);
      const token = { headers: { 'x-amz-bearer': customer.connectionToken } };
      await json(`${bot.url}/participant/disconnect`, { body: {}, ...token });
      await socket.waitForItem((i) => i.ContentType === INTERACTIVE && (i.Content ?? '').includes('ViewResource'));
      const from = socket.items().length;
      await json(`${bot.url}/participant/message`, { body: { ContentType: 'text/plain', Content: '5' }, ...token });
      await socket.waitForItem((i) => (i.Content ?? '').includes('QuickReply'));
      await json(`${bot.url}/participant/message`, { body: { ContentType: 'text/plain', Content: 'help' }, ...token });
      await socket.waitForItem((i) => i.ContentType === ENDED);
      const system = socket.items().slice(from).filter((i) => i.ParticipantRole === 'SYSTEM' && i.Type === 'MESSAGE');
      expect(system.map((i) => (i.ContentType === INTERACTIVE ? 'QuickReply' : i.Content))).toEqual(['QuickReply', SURVEY_TEXT.thanks]);
    } finally {
      await bot.close();
    }
  });
});

describe('readAnswer', () => {
  it('reads view actions and text at each step', () => {
    const response = (action: string, data: unknown = {}) => ({ ContentType: RESPONSE, Content: JSON.stringify({ action, data }) });
    expect(readAnswer('rating', response('Rate', { Rating: '5' }))).toEqual({ kind: 'rating', rating: '5' });
    expect(readAnswer('rating', response('Rate', { Rating: '9' }))).toEqual({ kind: 'none' });
    expect(readAnswer('rating', response('Skip'))).toEqual({ kind: 'skip' });
    expect(readAnswer('rating', { ContentType: RESPONSE, Content: 'not json' })).toEqual({ kind: 'none' });
    expect(readAnswer('rating', { ContentType: 'text/plain', Content: ' 2 ' })).toEqual({ kind: 'rating', rating: '2' });
    expect(readAnswer('rating', { ContentType: 'text/plain', Content: 'Skip' })).toEqual({ kind: 'skip' });
    expect(readAnswer('comment', { ContentType: 'text/plain', Content: NO_COMMENT })).toEqual({ kind: 'comment', comment: '' });
    expect(readAnswer('comment', { ContentType: 'text/plain', Content: 'x'.repeat(2000) })).toEqual({ kind: 'comment', comment: 'x'.repeat(1024) });
  });
});

describe('POST /emulator/contacts/{id}/queue', () => {
  it('queues the contact for an agent (the "Transfer to queue" block)', async () => {
    const chat = await startChat(emu.url);
    const queued = await json<ContactInfo>(`${emu.url}/emulator/contacts/${chat.contactId}/queue`, { body: {} });
    expect(queued.body.Queue).toEqual({ Name: 'BasicQueue', EnqueuedAt: expect.stringMatching(/^\d{4}-/) });
    const named = await json<ContactInfo>(`${emu.url}/emulator/contacts/${chat.contactId}/queue`, { body: { Queue: 'Billing' } });
    expect(named.body.Queue?.Name).toBe('Billing');
    expect((await json(`${emu.url}/emulator/contacts/${chat.contactId}/queue`, { body: { Queue: 7 } })).status).toBe(400);
  });
});

// Journeys through ends: the agent ending the chat (StopContact), the flow ending it, the chat ending
// while the socket is down, the visitor ending it while still typing — and new chats after each.
// What the visitor typed and the messages that failed survive the end and carry into the new chat.
import { journey, test } from './testing/journey';
import * as s from './testing/steps';

test('cdn: the agent ends the chat while text is in the box and a message has failed; both survive into the new chat', { tag: '@short' }, async ({ makeWorld }) => {
  const w = await makeWorld({ embed: 'cdn' });
  await journey(w, [s.visit(), s.openChat(), s.send(), s.agentSays(12), s.sendRefused(), s.typeDraft(), s.agentEnds('stop-contact'), s.startNewChat(), s.send(), s.agentSays(1)]);
});

test('mount: the chat ends while the socket is down; typing goes on; a new chat keeps the text', { tag: '@full' }, async ({ makeWorld }) => {
  const w = await makeWorld({ embed: 'mount' });
  await journey(w, [s.visit(), s.openChat(), s.send(), s.agentSays(1), s.serviceForgets(), s.startNewChat(), s.send()]);
});

test('cdn: the visitor ends the chat and keeps typing meanwhile; the text survives into the new chat', { tag: '@full' }, async ({ makeWorld }) => {
  const w = await makeWorld({ embed: 'cdn' });
  await journey(w, [s.visit(), s.openChat(), s.send(), s.endWhileTyping(), s.startNewChat(), s.send()]);
});

test('cdn: Retry on a failed message after the end does not spin "Sending…" forever', { tag: '@full' }, async ({ makeWorld }) => {
  const w = await makeWorld({ embed: 'cdn' });
  await journey(w, [s.visit(), s.openChat(), s.send(), s.sendRefused(), s.agentEnds('flow'), s.retryFailed()]);
});

// On the site with a pre-chat form (cdn), "Start new chat" shows the form again; on the other (mount)
// it starts at once.
for (const embed of ['cdn', 'mount'] as const) {
  test(`${embed}: three chats in a row, ended by the visitor, the agent and the flow${embed === 'cdn' ? ', with a pre-chat form' : ''}`, { tag: '@full' }, async ({ makeWorld }) => {
    const w = await makeWorld({ embed, config: embed === 'cdn' ? { preChatForm: s.PRE_CHAT_FORM } : {} });
    await journey(w, [
      // Enough messages that the log scrolls: "Start new chat" empties a scrolled log.
      s.visit(), s.openChat(), s.send(), s.agentSays(12), s.visitorEnds(), s.startNewChat(),
      s.send(), s.agentSays(12), s.agentEnds('stop-contact'), s.startNewChat(),
      s.send(), s.reload(), s.agentSays(12), s.agentEnds('flow'), s.startNewChat(), s.send(),
    ]);
  });
}

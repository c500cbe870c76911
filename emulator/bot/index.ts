// The demo bot: an EmulatorPlugin that plays the contact flow's Lex bot. It reads customer messages,
// asks reply.ts what to do and performs that through the contact's handle, with small delays so it
// feels like a person typing. Loaded by startEmulator({ bot: true }) (npm start; --no-bot turns it off).
import { randomUUID } from 'node:crypto';
import type { ChatItem, ContactHandle, EmulatorPlugin, PluginContext } from '../plugins.js';
import { INITIAL_STATE, react } from './reply.js';
import type { BotAction, BotEvent, BotState } from './reply.js';
import { TIMING } from './script.js';

const JOINED = 'application/vnd.amazonaws.connect.event.participant.joined';
const LEFT = 'application/vnd.amazonaws.connect.event.participant.left';

export interface DemoBotOptions {
  /** Delays in ms: before a reply, between actions of one reply, between stream chunks. Default TIMING. */
  timing?: { reply: number; between: number; chunk: number };
}

/** What a chat item means to the bot, if anything. */
export function botEventOf(item: ChatItem): BotEvent | undefined {
  if (item.Type === 'MESSAGE' && item.ParticipantRole === 'CUSTOMER' && typeof item.Content === 'string') {
    return { kind: 'message', contentType: item.ContentType ?? 'text/plain', content: item.Content };
  }
  if (item.Type === 'EVENT' && item.ParticipantRole === 'AGENT') {
    if (item.ContentType === JOINED) return { kind: 'agent-joined' };
    if (item.ContentType === LEFT) return { kind: 'agent-left' };
  }
  return undefined;
}

export default function createDemoBot(context: PluginContext, options: DemoBotOptions = {}): EmulatorPlugin {
  const timing = options.timing ?? TIMING;
  // Keyed by InitialContactId: a transfer changes the ContactId, not the conversation.
  const states = new Map<string, BotState>();
  // When the contact's previous reply has finished, so replies never interleave.
  const busyUntil = new Map<string, number>();

  const handle = (contact: ContactHandle, event: BotEvent): void => {
    const key = contact.initialContactId;
    const reaction = react(states.get(key) ?? INITIAL_STATE, event, {
      now: Date.now(),
      newId: randomUUID,
      consoleUrl: `${context.url}/agent`,
    });
    states.set(key, reaction.state);
    if (reaction.actions.length === 0) return;
    const now = Date.now();
    let at = Math.max(now, busyUntil.get(key) ?? 0) + timing.reply;
    for (const action of reaction.actions) {
      at = perform(contact, action, at - now, timing) + now + timing.between;
    }
    busyUntil.set(key, at);
  };

  return {
    name: 'demo-bot',
    onContactStarted(contact) {
      handle(contact, { kind: 'started' });
    },
    onItem(contact, item) {
      // After the chat, the contact's disconnect flow (a survey) reads the customer's answers.
      if (contact.inDisconnectFlow) return;
      const event = botEventOf(item);
      if (event) handle(contact, event);
    },
    onContactEnded(contact) {
      states.delete(contact.initialContactId);
      busyUntil.delete(contact.initialContactId);
    },
  };
}

/** Schedules one action `delay` ms from now; returns the delay at which it has finished. */
function perform(contact: ContactHandle, action: BotAction, delay: number, timing: { chunk: number }): number {
  switch (action.kind) {
    case 'text':
      contact.after(delay, () => contact.sendText(action.text));
      return delay;
    case 'markdown':
      contact.after(delay, () => contact.sendMarkdown(action.text));
      return delay;
    case 'interactive':
      contact.after(delay, () => contact.sendInteractive(action.template));
      return delay;
    case 'view':
      contact.after(delay, () => contact.showView(action.view, action.viewData));
      return delay;
    case 'attachment':
      contact.after(delay, () =>
        contact.sendAttachment({ name: action.name, contentType: action.contentType, bytes: new TextEncoder().encode(action.text) }),
      );
      return delay;
    case 'stream': {
      // The stream object is created when the first chunk is due, so its Id is not taken early.
      let stream: ReturnType<ContactHandle['streamMessage']> | undefined;
      action.chunks.forEach((chunk, index) => {
        contact.after(delay + index * timing.chunk, () => {
          stream ??= contact.streamMessage();
          stream.chunk(chunk);
        });
      });
      const end = delay + action.chunks.length * timing.chunk;
      contact.after(end, () => stream?.complete());
      return end;
    }
    case 'queue':
      contact.after(delay, () => contact.transferToQueue());
      return delay;
    case 'end':
      contact.after(delay, () => contact.end());
      return delay;
  }
}

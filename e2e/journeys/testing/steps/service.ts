// The other side: the agent (through the Participant Service), the contact flow, the service refusing
// or forgetting, and the site's start-chat back end misbehaving.
import type { Page } from '@playwright/test';
import { Agent, EMULATOR, control } from '../../../ui-support';
import type { BackendMode } from '../backend';
import { UI, endChatFromMenu } from '../ui';
import { SETTLE_WITHIN_MS, START_ERROR_WITHIN_MS, canWrite, chatShown, contactActive, customerConnected, endShown, within, type Step } from './step';
import { send, typeDraft } from './visitor';

/** The agent (joined through the Participant API) sends `n` messages back to back. */
export const agentSays = (n = 1): Step => ({
  name: n > 5 ? `agent burst of ${n}` : `agent says ${n}`,
  when: contactActive,
  run: async (w) => {
    const contactId = w.currentContact();
    if (!contactId) return;
    const agent: Agent = await w.agentOf(contactId);
    for (let i = 0; i < n; i++) {
      const token = w.token('a');
      const text = `${token} ${n > 5 ? `update ${i + 1} of ${n}` : 'Let me check that for you.'}`;
      await agent.say(text).catch(async (error: Error) => {
        if (error.name !== 'AccessDeniedException') throw error;
        await agent.refresh(); // the service refused the agent's token too (expireConnectionTokens)
        await agent.say(text);
      });
      w.said.push({ token, contactId });
    }
  },
});

/** The agent side stops the contact (StopContact), or the contact flow ends it (emulator). */
export const agentEnds = (how: 'stop-contact' | 'flow' = 'stop-contact'): Step => ({
  name: how === 'stop-contact' ? 'agent ends the chat (StopContact)' : 'the flow ends the chat',
  when: contactActive,
  run: async (w) => {
    const contactId = w.currentContact()!;
    const connected = await customerConnected(w);
    if (how === 'flow') await control(`contacts/${contactId}/end`);
    else {
      const r = await fetch(`${EMULATOR}/contact/stop`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ InstanceId: 'emulator-instance', ContactId: contactId }),
      });
      if (r.status !== 200) throw new Error(`StopContact answered ${r.status}: ${await r.text()}`);
    }
    await endShown(w, 'the agent side ended the chat', !connected);
  },
});

/** The visitor sends a message the service refuses (400): it shows as failed, with Retry. */
export const sendRefused = (): Step => ({
  name: 'send a message the service refuses',
  when: async (w) => (await canWrite(w)) && (await contactActive(w)),
  run: async (w) => {
    // The fault is for the next SendMessage of anyone: nothing else sends until it is used up.
    await control('faults', { fail: { operation: 'SendMessage', count: 1, status: 400, error: 'ValidationException', message: 'refused by the journey' } });
    await send().run(w);
    const usedUp = await within(SETTLE_WITHIN_MS, async () => ((await (await fetch(`${EMULATOR}/emulator/faults`)).json()) as { fail: unknown[] }).fail.length === 0);
    if (!usedUp) await control('faults', { reset: true });
  },
});

/**
 * The chat ends while the socket is down: the page learns it only when it reconnects. Only once the
 * chat got connected: a contact that ends before the page ever connected to it is a start that failed
 * (the widget says so, with Retry), not an end.
 */
export const serviceForgets = (): Step => ({
  name: 'the chat ends while the socket is down; the visitor types on',
  when: customerConnected,
  run: async (w) => {
    await control('faults', { dropSockets: true, fail: { operation: 'WebSocketConnect', status: 503, count: 2 } });
    await control(`contacts/${w.currentContact()}/end`);
    if (await chatShown(w)) await typeDraft().run(w);
    await endShown(w, 'the chat ended while the socket was down');
  },
});

/** Confirms End chat and keeps typing while the chat ends. */
export const endWhileTyping = (): Step => ({
  name: 'end the chat and keep typing while it ends',
  when: async (w) => (await chatShown(w)) && (await contactActive(w)),
  run: async (w) => {
    const page = w.page();
    // A slow service: the end takes a moment, and the visitor writes meanwhile.
    await control('faults', { latencyMs: 1500, latencyOperations: ['DisconnectParticipant'] });
    try {
      await endChatFromMenu(page);
      await typeDraft().run(w);
      await endShown(w, 'the visitor ended the chat');
    } finally {
      await control('faults', { latencyMs: 0, latencyOperations: null });
    }
  },
});

export const backendMode = (mode: BackendMode): Step => ({
  name: `the start-chat back end: ${mode}`,
  run: async (w) => w.backend.setMode(w.id, mode),
});

/** The start cannot succeed: the window says so, with Retry, in time — not "ended", not "Connecting…" forever. */
export const startFailsVisibly = (): Step => ({
  name: 'the start fails visibly, with Retry',
  run: async (w) => {
    const page = w.page();
    const shown = await within(START_ERROR_WITHIN_MS, async () => (await page.locator(`${UI.window} [role=alert]:visible`).count()) > 0 && (await retryStart(page).isVisible()));
    if (!shown) {
      const text = (await page.locator(UI.window).innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 160);
      w.violate({ kind: 'stuck', key: `start ${w.steps.length}`, detail: `no visible error with Retry within ${START_ERROR_WITHIN_MS / 1000} s; the window reads: "${text}"` });
    }
    if (await page.locator(UI.ended).isVisible()) w.violate({ kind: 'stuck', key: `start-ended ${w.steps.length}`, detail: 'a chat that could not be started reads as "ended"' });
  },
});

const retryStart = (page: Page) => page.locator(UI.window).getByRole('button', { name: 'Retry' }).first();

/** Retry after a failed start: a chat starts. */
export const retryTheStart = (): Step => ({
  name: 'press Retry',
  run: async (w) => {
    const page = w.page();
    const before = w.contacts().length;
    await retryStart(page).click({ timeout: 10_000 });
    const started = await within(SETTLE_WITHIN_MS, async () => w.contacts().length > before && (await page.locator(UI.log).isVisible()));
    if (!started) w.violate({ kind: 'stuck', key: `retry ${w.steps.length}`, detail: `Retry did not start a chat within ${SETTLE_WITHIN_MS / 1000} s` });
  },
});

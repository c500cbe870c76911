// The network: offline spells with the socket cut, cuts while online, refused connection tokens.
import { control } from '../../../ui-support';
import { agentSays } from './service';
import { chatShown, contactActive, sleep, type Step } from './step';
import { send } from './visitor';

/**
 * The network drops (the browser goes offline and the emulator cuts the socket, as a real cut does);
 * the visitor writes `sends` messages meanwhile and the agent `agent`; then the network comes back.
 */
export const offlineSpell = (sends = 1, agent = 1): Step => ({
  name: `offline spell (${sends} sent, ${agent} received meanwhile)`,
  when: async (w) => (await chatShown(w)) && (await contactActive(w)),
  run: async (w) => {
    await w.context.setOffline(true);
    w.online = false;
    try {
      await control('faults', { dropSockets: true });
      for (let i = 0; i < sends; i++) await send().run(w);
      if (agent > 0) await agentSays(agent).run(w);
      await sleep(1000);
    } finally {
      await w.context.setOffline(false);
      w.online = true;
    }
  },
});

/** The socket is cut (no close frame), the browser stays online. */
export const dropSockets = (): Step => ({
  name: 'socket cut',
  when: contactActive,
  run: async () => void (await control('faults', { dropSockets: true })),
});

/** The service refuses the current connection tokens from now on (403), as when they expire. */
export const expireTokens = (): Step => ({
  name: 'connection token refused',
  when: contactActive,
  run: async (w) => void (await control('faults', { expireConnectionTokens: { contactId: w.currentContact() } })),
});

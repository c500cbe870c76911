// The session's client of the clientOptions it is given (resolved-options.ts checkedClient): made once
// their check, loaded apart from the session, has passed; where the check cannot load (a browser
// offline fetching its chunk) the client is made unchecked, as the client goes on without its model
// validation, so a developer's aid never stops a working chat.
import { describe, expect, it } from 'vitest';
import { checkedClient } from './resolved-options.js';
import { emulatorPerTest } from './testing/per-test.js';

const t = emulatorPerTest();
const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
const refused = (error: unknown) => (error as { name?: string }).name;

describe('checkedClient', () => {
  it('passes options that are right, and its calls reach the service', async () => {
    const { client, check } = checkedClient({ endpoint: t.emu.url, maxAttempts: 1 });
    expect(await check).toBeNull();
    const answer = await client.send('GetTranscript', { ConnectionToken: 'made-up' }).catch(refused);
    expect(answer).toBe('AccessDeniedException'); // the emulator read the request and refused the token
  });

  it('refuses a wrong option with config-invalid naming it, and makes no call', async () => {
    const { client, check } = checkedClient({ endpoint: t.emu.url, maxAttempts: 0 });
    const error = await check;
    expect(error).toMatchObject({ code: 'config-invalid' });
    expect(error?.message).toContain('maxAttempts must be an integer >= 1');
    await expect(client.send('GetTranscript', { ConnectionToken: 'made-up' })).rejects.toMatchObject({ name: 'ClientConfigurationError' });
  });

  it('when the check cannot load, goes on unchecked: the check passes and calls reach the service', async () => {
    const { client, check } = checkedClient({ endpoint: t.emu.url, maxAttempts: 1 }, offline);
    expect(await check).toBeNull();
    expect(await client.send('GetTranscript', { ConnectionToken: 'made-up' }).catch(refused)).toBe('AccessDeniedException');
  });
});

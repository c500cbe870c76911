import { afterEach, describe, expect, it } from 'vitest';
import { harness, stopAll } from './testing/manager';
import { sleep, waitFor } from './testing/ws-server';

afterEach(stopAll);

const accessDenied = () => Object.assign(new Error('Access denied'), { name: 'AccessDeniedException', statusCode: 403 });

describe('WebSocketManager: chat ended while away', () => {
  it('a 403 on reconnect ends the manager once, with no error loop', async () => {
    const h = await harness();
    await h.manager.connect();
    const denied = accessDenied();
    h.nextConnections.push(denied, denied, denied);
    h.server.dropAll();
    await waitFor('ended', () => h.manager.state.value === 'ended');
    await sleep(200);
    expect(h.getConnectionCalls).toBe(2);
    expect(h.count('ended')).toBe(1);
    expect(h.events.find(([n]) => n === 'ended')?.[1]).toEqual({ error: denied });
    expect(h.errors.filter((e) => e.code === 'get-connection-failed')).toEqual([]);
    expect(h.states).toEqual(['connecting', 'connected', 'reconnecting', 'ended']);
    await expect(h.manager.connect()).rejects.toMatchObject({ code: 'ended' });
  });

  it('a fatal error on the first connect rejects connect() with a clear message', async () => {
    const h = await harness();
    h.nextConnections.push(accessDenied());
    const error = await h.manager.connect().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ended' });
    expect((error as Error).message).toContain('AccessDeniedException: Access denied');
    expect(h.manager.state.value).toBe('ended');
  });

  it('honours `ended: true` on the error and a custom isFatal', async () => {
    const a = await harness();
    a.nextConnections.push({ reject: { ended: true } });
    await expect(a.manager.connect()).rejects.toMatchObject({ code: 'ended' });

    const b = await harness({ isFatal: (e) => (e as Error).message === 'chat is over' });
    b.nextConnections.push(accessDenied(), new Error('chat is over'));
    await expect(b.manager.connect()).rejects.toMatchObject({ code: 'ended' });
    expect(b.getConnectionCalls).toBe(2);
    expect(b.errors.filter((e) => e.code === 'get-connection-failed')).toHaveLength(1);
  });

  it('a fatal error during rotation ends the manager', async () => {
    const h = await harness({ lifetimeMs: 60 });
    await h.manager.connect();
    h.nextConnections.push(accessDenied());
    await waitFor('ended', () => h.manager.state.value === 'ended');
    await waitFor('socket closed', () => h.server.connections[0].closeCode !== undefined);
    expect(h.server.connections[0].closeCode).toBe(1000);
  });
});
